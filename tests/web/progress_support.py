"""The demo client assessed three times, loaded into a test app, and signed in."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask
from flask.testing import FlaskClient

from assessor.config import shipped_content_dir
from assessor.services.demo import load_demo
from assessor.store.repositories import AssessmentRepository, ClientRepository, FirmRepository
from assessor.web.runtime import runtime_of
from tests.web.support import PASSWORD, sign_in


@dataclass(frozen=True)
class Demo:
    """The demo's client and its three workshops, earliest first."""

    client_id: int
    workshops: list[int]


def load(app: Flask) -> Demo:
    """Load the demo into the app's empty database."""
    runtime = runtime_of(app)
    with runtime.database.unit_of_work() as session:
        made = load_demo(session, runtime.workspace, shipped_content_dir() / "examples", PASSWORD)
        assert made is not None
        firm = FirmRepository(session).find_by_name(made.firm)
        assert firm is not None
        (client,) = ClientRepository(session).list_for_firm(firm.id)
        found = AssessmentRepository(session).list_for_client(firm.id, client.id)
    workshops = sorted((a for a in found if a.questionnaire_id == "consultant-workshop"),
                       key=lambda a: a.assessed_on)  # fmt: skip
    return Demo(client.id, [a.id for a in workshops])


def signed_in(app: Flask) -> tuple[FlaskClient, str]:
    """A browser signed in as the demo consultant, and its CSRF token."""
    browser = app.test_client()
    return browser, sign_in(browser, "demo@example.com")
