"""The services under test run on the small scoring fixture's content, with answers in memory."""

from __future__ import annotations

import pytest

from assessor.services.workspace import Workspace
from tests.fixtures.scoring.support import CONTENT_DIR
from tests.helpers import workspace


@pytest.fixture(scope="session")
def ws() -> Workspace:
    """The mini fixture content (frameworks mini and other, questionnaire mini-workshop)."""
    return workspace(CONTENT_DIR)
