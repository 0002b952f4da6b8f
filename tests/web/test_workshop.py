"""Workshops: join by code, the facilitator's live screen with 30 participants, consensus."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from assessor.services.assessments import score
from assessor.services.workshops import join_workshop, open_workshop
from assessor.store.mapping import to_response
from assessor.store.models import Workshop
from assessor.store.repositories import AnswerRepository
from assessor.web.runtime import runtime_of
from tests.web.support import Firm, add_firm, csrf_token, sign_in

CODE = re.compile(r'class="join-code"[^>]*>([A-Z0-9]{6})<')


def open_by_page(client: FlaskClient, firm: Firm, prework: bool = False) -> str:
    """Open the firm's workshop through its page; the code on the screen."""
    token = csrf_token(client, f"/assessments/{firm.assessment_id}/workshop")
    data = {"csrf_token": token, "days": "7", **({"prework": "y"} if prework else {})}
    opened = client.post(f"/assessments/{firm.assessment_id}/workshop", data=data)
    assert opened.status_code == 302
    screen = client.get(f"/assessments/{firm.assessment_id}/workshop").get_data(as_text=True)
    found = CODE.search(screen)
    assert found, "the screen shows the code"
    assert "<svg" in screen and "<img" in screen, "the QR code is inline, the radar an image"
    return found.group(1)


def join(app: Flask, code: str, role: str, name: str = "") -> tuple[FlaskClient, str]:
    """A phone joins with the code; the phone and its own respondent link."""
    phone = app.test_client()
    token = csrf_token(phone, f"/w/{code}")
    joined = phone.post(f"/w/{code}", data={"csrf_token": token, "role": role, "name": name})
    assert joined.status_code == 302, joined.get_data(as_text=True)
    assert joined.headers["Location"].startswith("/r/")
    return phone, joined.headers["Location"]


def answer(phone: FlaskClient, link: str, question: str, value: str) -> None:
    """Save one answer the way the respondent page's script does."""
    token = csrf_token(phone, f"{link}/s/1")
    saved = phone.post(
        f"{link}/answer",
        json={"question": question, "value": value},
        headers={"X-CSRFToken": token},
    )
    assert saved.status_code == 200, saved.get_data(as_text=True)


def test_a_participant_joins_by_code_and_answers_as_a_respondent(app: Flask) -> None:
    acme = add_firm(app, "Acme")
    facilitator = app.test_client()
    sign_in(facilitator, acme.email)
    code = open_by_page(facilitator, acme, prework=True)
    assert "on your own before the session" in app.test_client().get(f"/w/{code}").get_data(
        as_text=True
    )
    typed = app.test_client()
    token = csrf_token(typed, "/w")
    found = typed.post("/w", data={"csrf_token": token, "code": f" {code[:3].lower()}-{code[3:]} "})
    assert found.headers["Location"] == f"/w/{code}", "a code typed loosely still works"
    phone, link = join(app, code, "staff", "Pat")
    answer(phone, link, "walton-test", "some-ideas")
    people = facilitator.get(f"/assessments/{acme.assessment_id}").get_data(as_text=True)
    assert "Pat" in people, "the participant is a respondent of the assessment"


@pytest.mark.parametrize("code", ["ZZZZZZ", "abc", "O0O0O0"])
def test_a_wrong_code_is_refused(app: Flask, code: str) -> None:
    add_firm(app, "Acme")
    page = app.test_client().get(f"/w/{code}")
    assert page.status_code == 404
    assert "does not work" in page.get_data(as_text=True)


def test_wrong_codes_from_one_address_stop_at_twenty_a_minute_and_right_ones_never_count(
    app: Flask,
) -> None:
    acme = add_firm(app, "Acme")
    facilitator = app.test_client()
    sign_in(facilitator, acme.email)
    code = open_by_page(facilitator, acme)
    room = app.test_client()  # a whole room behind one address
    assert {room.get(f"/w/{code}").status_code for _ in range(30)} == {200}
    wrong = [room.get("/w/ZZZZZZ").status_code for _ in range(21)]
    assert wrong == [404] * 20 + [429], "the 21st wrong code in a minute is refused"
    assert room.get(f"/w/{code}").status_code == 429, "until the minute is over"


def test_an_expired_or_closed_workshop_takes_no_one(app: Flask) -> None:
    acme = add_firm(app, "Acme")
    runtime = runtime_of(app)
    with runtime.database.unit_of_work() as session:
        opened = open_workshop(session, acme.user, acme.assessment_id, prework=False, days=1)
        assert opened is not None
        row = session.get(Workshop, opened.id)
        assert row is not None
        row.code_expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    expired = app.test_client().get(f"/w/{opened.code}")
    assert expired.status_code == 410 and "expired" in expired.get_data(as_text=True)
    with runtime.database.unit_of_work() as session, pytest.raises(PermissionError):
        join_workshop(session, opened.code, role="staff", name=None)
    facilitator = app.test_client()
    sign_in(facilitator, acme.email)
    code = open_by_page(facilitator, acme)
    assert code != opened.code, "reopening gives a fresh code"
    token = csrf_token(facilitator, f"/assessments/{acme.assessment_id}/workshop")
    facilitator.post(
        f"/assessments/{acme.assessment_id}/workshop/mode",
        data={"csrf_token": token, "mode": "closed"},
    )
    assert app.test_client().get(f"/w/{code}").status_code == 410


def test_the_screen_follows_thirty_participants(app: Flask) -> None:
    acme = add_firm(app, "Acme")
    facilitator = app.test_client()
    sign_in(facilitator, acme.email)
    code = open_by_page(facilitator, acme)
    for n in range(30):
        role = "executive" if n < 10 else "staff"
        phone, link = join(app, code, role)
        answer(phone, link, "walton-test", "clear-actions")
        answer(phone, link, "internal-marketing-vision", "5" if role == "executive" else "1")
        answer(phone, link, "executive-sponsor-named", "yes" if n % 2 else "no")
    live = facilitator.get(f"/assessments/{acme.assessment_id}/workshop/live").get_json()
    assert (live["joined"], live["answering"], live["answers"]) == (31 - 1, 30, 90)
    widest = [(d["question"], d["sd"]) for d in live["debates"]]
    assert widest == [("executive-sponsor-named", 50.0), ("internal-marketing-vision", 47.1)]
    culture = {r["role"]: (r["mean"], r["respondents"]) for r in live["debates"][1]["by_role"]}
    assert culture == {"Executive": (100, 10), "Staff": (0, 20)}
    ws = runtime_of(app).workspace
    with runtime_of(app).database.unit_of_work() as session:
        found = AnswerRepository(session).of_assessment(
            acme.user.firm_id, acme.assessment_id, submitted_only=False
        )
        responses = [to_response(r, answers) for r, answers in found if answers]
    expected = score(ws, "executive-self-assessment", responses)
    assert live["readiness"] == pytest.approx(expected.readiness.score)
    radar = facilitator.get(f"/assessments/{acme.assessment_id}/workshop/radar.svg")
    assert radar.mimetype == "image/svg+xml"
    culture_score = expected.dimension("gartner-8/organisational-collaboration")
    assert culture_score is not None and culture_score.score is not None
    assert f">{culture_score.score:.0f}</tspan>" in radar.get_data(as_text=True)


def test_one_poll_brings_the_radar_and_a_quiet_room_answers_not_modified(any_app: Flask) -> None:
    acme = add_firm(any_app, "Acme")
    facilitator = any_app.test_client()
    sign_in(facilitator, acme.email)
    code = open_by_page(facilitator, acme)
    live = f"/assessments/{acme.assessment_id}/workshop/live"
    phone, link = join(any_app, code, "executive")
    answer(phone, link, "internal-marketing-vision", "5")
    first = facilitator.get(live)
    radar = facilitator.get(f"/assessments/{acme.assessment_id}/workshop/radar.svg")
    assert first.get_json()["radar"] == radar.get_data(as_text=True), "the screen's radar"
    again = facilitator.get(live, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304, "nothing changed, nothing sent"
    answer(phone, link, "internal-marketing-vision", "1")
    changed = facilitator.get(live, headers={"If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200, "an answer changed since: the room is scored again"
    assert changed.get_json()["readiness"] < first.get_json()["readiness"]
    assert changed.get_json()["radar"] != first.get_json()["radar"]
    other, other_link = join(any_app, code, "staff")
    joined = facilitator.get(live).get_json()
    assert (joined["joined"], joined["answering"]) == (2, 1), "a join shows before any answer"
    answer(other, other_link, "internal-marketing-vision", "5")
    assert facilitator.get(live).get_json()["answering"] == 2
