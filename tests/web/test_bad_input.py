"""Bad answers are shown beside their question, the rest of the page is kept, never a 500."""

from __future__ import annotations

import datetime as dt
import json
import re

from flask import Flask
from flask.testing import FlaskClient

from assessor.store.repositories import RespondentRepository
from assessor.web.runtime import runtime_of
from tests.web.support import Firm, add_firm, csrf_token


def question_block(page: str, qid: str) -> str:
    """The HTML of one question on a section page."""
    found = re.search(rf'<div class="question[^"]*" id="question-{qid}".*?</details>', page, re.S)
    assert found, f"question {qid} is on the page"
    return found.group(0)


def is_checked(block: str, value: str) -> bool:
    """Whether the option with this value is checked."""
    return re.search(rf'<input checked[^>]*value="{re.escape(value)}"', block) is not None


def test_a_bad_choice_is_shown_beside_its_question_and_the_good_ones_are_saved(app: Flask) -> None:
    firm = add_firm(app, "Acme")
    link = f"/r/{firm.token}"
    browser = app.test_client()
    token = csrf_token(browser, f"{link}/s/1")
    answer = browser.post(
        f"{link}/s/1",
        data={
            "csrf_token": token,
            "q__company-size": "medium",
            "q__executive-sponsor-named": "<script>alert(1)</script>",
            "e__single-owner-named": "Minutes of 2 May",
        },
    )
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert "Choose one of the options." in question_block(page, "executive-sponsor-named")
    assert "Give an answer to keep this note." in question_block(page, "single-owner-named")
    assert "Minutes of 2 May" in question_block(page, "single-owner-named")  # nothing lost
    assert "<script>alert(1)</script>" not in page
    assert is_checked(question_block(page, "company-size"), "medium")
    again = browser.get(f"{link}/s/1").get_data(as_text=True)
    assert is_checked(question_block(again, "company-size"), "medium")  # it was saved


def test_a_number_out_of_range_is_refused_with_its_range(app: Flask) -> None:
    firm = add_firm(app, "Acme", questionnaire="consultant-workshop")
    ws = runtime_of(app).workspace
    bounded = next(
        q
        for q in ws.content.questionnaire_questions("consultant-workshop")
        if q.type == "number" and q.max is not None and q.condition is None
    )
    answer = _save(app, firm, bounded.id, bounded.max + 1)
    assert answer.status_code == 422
    assert "from" in answer.get_json()["error"]
    assert _save(app, firm, bounded.id, "twelve").status_code == 422
    assert _save(app, firm, bounded.id, bounded.max).status_code == 200


def test_an_unknown_question_or_a_malformed_body_is_a_4xx(app: Flask) -> None:
    firm = add_firm(app, "Acme")
    assert _save(app, firm, "no-such-question", "yes").status_code == 422
    browser = app.test_client()
    token = csrf_token(browser, f"/r/{firm.token}/s/1")
    for body in (
        "{not json",
        "[]",
        "[" * 5000,
        '{"question": 3}',
        '{"question": "company-size", "note": 5}',
    ):
        answer = browser.post(
            f"/r/{firm.token}/answer",
            data=body,
            headers={"X-CSRFToken": token, "Content-Type": "application/json"},
        )
        assert answer.status_code == 400, body


def test_a_post_without_csrf_token_is_refused(app: Flask) -> None:
    firm = add_firm(app, "Acme")
    browser = app.test_client()
    answer = browser.post(f"/r/{firm.token}/s/1", data={"q__company-size": "medium"})
    assert answer.status_code == 400
    assert "expired or was not sent from this site" in answer.get_data(as_text=True)
    saved = browser.post(
        f"/r/{firm.token}/answer",
        data=json.dumps({"question": "company-size", "value": "medium"}),
        headers={"Content-Type": "application/json"},
    )
    assert saved.status_code == 400


def test_an_expired_link_says_so_and_an_unknown_one_is_not_found(app: Flask) -> None:
    firm = add_firm(app, "Acme")
    with runtime_of(app).database.unit_of_work() as session:
        late = RespondentRepository(session).invite(
            firm.user.firm_id, firm.assessment_id, role="staff", valid_for=dt.timedelta(seconds=-1)
        )
    assert late is not None
    browser = app.test_client()
    expired = browser.get(f"/r/{late.token}")
    assert expired.status_code == 410 and "expired" in expired.get_data(as_text=True)
    assert browser.get("/r/not-a-real-token").status_code == 404
    assert browser.get(f"/r/{'x' * 5000}").status_code == 404


def _save(app: Flask, firm: Firm, question: str, value: object) -> FlaskClient:
    browser = app.test_client()
    token = csrf_token(browser, f"/r/{firm.token}/s/1")
    return browser.post(  # type: ignore[return-value]
        f"/r/{firm.token}/answer",
        data=json.dumps({"question": question, "value": value}),
        headers={"X-CSRFToken": token, "Content-Type": "application/json"},
    )
