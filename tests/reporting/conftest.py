"""Reports rendered once per test session: the shipped Acme workshop and the small test content."""

from __future__ import annotations

import datetime as dt

import pytest

from assessor.services.workspace import Workspace
from tests.helpers import workspace
from tests.reporting.support import ACME, FIXTURE_ANSWERS, FIXTURE_ROOT, ROOT, Rendered, render

DAY = dt.date(2026, 4, 20)


@pytest.fixture(scope="session")
def shipped() -> Workspace:
    """The shipped content."""
    return workspace(ROOT)


@pytest.fixture(scope="session")
def small() -> Workspace:
    """The report tests' own small content (three frameworks, three respondents)."""
    return workspace(FIXTURE_ROOT)


@pytest.fixture(scope="session")
def acme_full(shipped: Workspace) -> Rendered:
    """The full report of the Acme workshop (12 respondents), with dates: its longest form."""
    return render(
        shipped,
        questionnaire="consultant-workshop",
        answers=ACME,
        template="full",
        client="Acme Industrial Supplies",
        consultant="Jane Adviser",
        firm="Northwind Advisory",
        date=DAY,
        start=dt.date(2026, 5, 4),
    )


@pytest.fixture(scope="session")
def acme_executive(shipped: Workspace) -> Rendered:
    """The executive report of the Acme workshop."""
    return render(
        shipped,
        questionnaire="consultant-workshop",
        answers=ACME,
        template="executive",
        client="Acme Industrial Supplies",
        date=DAY,
    )


@pytest.fixture(scope="session")
def small_full(small: Workspace) -> Rendered:
    """The full report of the small test content, on US Letter paper, dated from week 1."""
    return render(
        small,
        questionnaire="workshop",
        answers=FIXTURE_ANSWERS,
        template="full",
        client="Small & Co",
        paper="letter",
        date=DAY,
        start=dt.date(2026, 5, 4),
    )
