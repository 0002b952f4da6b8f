"""What the web tests share: signing in, CSRF tokens, and answering a questionnaire by form."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from assessor.services import accounts
from assessor.services.clients import create_assessment, create_client, invite_respondent
from assessor.web.runtime import runtime_of

PASSWORD = "correct horse battery"
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


@dataclass(frozen=True)
class Firm:
    """A firm with a consultant, a client, an assessment and one invited respondent."""

    email: str
    user: accounts.UserRecord
    client_id: int
    assessment_id: int
    respondent_id: int
    token: str


def add_firm(app: Flask, name: str, questionnaire: str = "executive-self-assessment") -> Firm:
    """A firm with its administrator, a client, an assessment and an invited respondent."""
    runtime = runtime_of(app)
    email = f"admin@{name.lower().replace(' ', '-')}.example"
    with runtime.database.unit_of_work() as session:
        made = accounts.create_account(session, email, name, PASSWORD, admin=True)
        client = create_client(session, made.user, f"{name} client", "retail", 120)
        assessment = create_assessment(
            session,
            runtime.workspace,
            made.user,
            client.id,
            questionnaire_id=questionnaire,
            title=f"{name} readiness",
            assessed_on=dt.date(2026, 5, 4),
        )
        assert assessment is not None
        invitation = invite_respondent(
            session, made.user, assessment.id, role="executive", name="Jo"
        )
        assert invitation is not None
    return Firm(
        email, made.user, client.id, assessment.id, invitation.respondent.id, invitation.token
    )


def csrf_token(client: FlaskClient, path: str = "/signin") -> str:
    """The CSRF token of the client's session, read from a page with a form."""
    page = client.get(path)
    found = TOKEN.search(page.get_data(as_text=True))
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def sign_in(client: FlaskClient, email: str, password: str = PASSWORD) -> str:
    """Sign a consultant in; the session's CSRF token."""
    token = csrf_token(client)
    answer = client.post(
        "/signin", data={"email": email, "password": password, "csrf_token": token}
    )
    assert answer.status_code == 302, answer.get_data(as_text=True)
    return token


def good_answer(question: Any) -> Any:
    """A valid form value for a question: its first option, its minimum, or some text."""
    if question.type == "number":
        return str(question.min if question.min is not None else 1)
    if question.type == "text":
        return "We have a written plan."
    value = question.options[0].value
    return str(value).lower() if isinstance(value, bool) else str(value)
