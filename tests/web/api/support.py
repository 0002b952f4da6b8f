"""What the API tests share: a consultant's token, and a valid answer to a shown question."""

from __future__ import annotations

from typing import Any

from flask import Flask

from assessor.services import accounts
from assessor.web.runtime import runtime_of


def token_for(app: Flask, user: accounts.UserRecord) -> dict[str, str]:
    """The Authorization header of a fresh API token for the consultant."""
    with runtime_of(app).database.unit_of_work() as session:
        token = accounts.issue_api_token(session, user)
    return {"Authorization": f"Bearer {token}"}


def api_answer(question: dict[str, Any]) -> Any:
    """A valid JSON answer to a question as the API shows it."""
    if question["type"] == "number":
        return question["min"] if question["min"] is not None else 1
    if question["type"] == "text":
        return "We have a written plan."
    first = question["options"][0]["value"]
    return [first] if question["type"] == "multiple" else first


def unanswered(
    questionnaire: dict[str, Any], sections: range | None = None
) -> list[dict[str, Any]]:
    """The shown questions without an answer, in the given sections (1-based) or all."""
    return [
        q
        for s in questionnaire["sections"]
        if sections is None or s["index"] in sections
        for q in s["questions"]
        if q["answer"] is None
    ]
