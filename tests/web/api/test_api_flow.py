"""The whole flow through the API, on SQLite and PostgreSQL: a consultant sets up and invites,
the respondent answers half by link token, then the rest, submits; the consultant reads the
results (the keys of `assessor score --format json`) and downloads the PDF with the verdict."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader

from assessor.cli import cli
from assessor.services import accounts
from assessor.web.runtime import runtime_of
from tests.web.api.support import api_answer, token_for, unanswered

ROOT = Path(__file__).resolve().parents[3]


def consultant_sets_up(api: FlaskClient, auth: dict[str, str]) -> tuple[int, str]:
    """Client, assessment, invitation by the API; the assessment's id and the link token."""
    made = api.post("/api/v1/clients", headers=auth, json={"organisation": "Globex"})
    assert made.status_code == 201, made.get_json()
    client = made.get_json()["id"]
    assert [c["id"] for c in api.get("/api/v1/clients", headers=auth).get_json()["clients"]] == [
        client
    ]
    started = api.post(
        f"/api/v1/clients/{client}/assessments",
        headers=auth,
        json={
            "questionnaire": "executive-self-assessment",
            "title": "Board readiness",
            "assessed_on": "2026-06-01",
        },
    )
    assert started.status_code == 201, started.get_json()
    assessment = started.get_json()["id"]
    invited = api.post(
        f"/api/v1/assessments/{assessment}/invitations",
        headers=auth,
        json={"role": "executive", "name": "Dana", "valid_days": 14},
    )
    assert invited.status_code == 201, invited.get_json()
    body = invited.get_json()
    assert body["link"].endswith(f"/r/{body['token']}")
    return assessment, body["token"]


def answer(api: FlaskClient, token: str, sections: range | None) -> dict[str, Any]:
    """Answer every shown question of the sections, again as conditions reveal more."""
    shown = api.get(f"/api/v1/respond/{token}").get_json()
    while todo := unanswered(shown, sections):
        saved = api.put(
            f"/api/v1/respond/{token}/answers",
            json={"answers": {q["id"]: api_answer(q) for q in todo}},
        )
        assert saved.status_code == 200, saved.get_json()
        shown = saved.get_json()
    return shown


def test_the_whole_flow_through_the_api(any_app: Flask) -> None:
    api = any_app.test_client()
    auth = token_for(any_app, _consultant(any_app))
    assessment, token = consultant_sets_up(api, auth)

    phone = any_app.test_client()
    count = len(phone.get(f"/api/v1/respond/{token}").get_json()["sections"])
    half = answer(phone, token, range(1, count // 2 + 1))
    assert 0 < half["progress"]["answered"] < half["progress"]["shown"]
    assert api.get(f"/api/v1/assessments/{assessment}/results", headers=auth).status_code == 409

    laptop = any_app.test_client()  # the same link on another device
    done = answer(laptop, token, None)
    assert done["progress"]["percent"] == 100
    assert laptop.post(f"/api/v1/respond/{token}/submit").status_code == 200
    assert laptop.get(f"/api/v1/respond/{token}").status_code == 409

    people = api.get(f"/api/v1/assessments/{assessment}", headers=auth).get_json()["respondents"]
    assert people[0]["submitted_at"] is not None
    results = api.get(f"/api/v1/assessments/{assessment}/results", headers=auth).get_json()
    assert set(results) == set(score_json_keys())
    roadmap = api.get(f"/api/v1/assessments/{assessment}/roadmap", headers=auth).get_json()
    assert roadmap["phases"] and roadmap["actions"]

    pdf = download(api, auth, assessment)
    text = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert results["readiness"]["band_title"] in text


def test_bad_answers_come_back_per_question_and_good_ones_are_kept(app: Flask) -> None:
    api = app.test_client()
    _, token = consultant_sets_up(api, token_for(app, _consultant(app)))
    first = unanswered(api.get(f"/api/v1/respond/{token}").get_json())[0]
    saved = api.put(
        f"/api/v1/respond/{token}/answers",
        json={"answers": {first["id"]: api_answer(first), "no-such-question": "x"}},
    )
    assert saved.status_code == 422
    (problem,) = saved.get_json()["problems"]
    assert problem["question"] == "no-such-question" and problem["kind"] == "unknown-question"
    assert problem["message"]
    again = api.get(f"/api/v1/respond/{token}").get_json()
    assert not any(q["id"] == first["id"] for q in unanswered(again))


def download(api: FlaskClient, auth: dict[str, str], assessment: int) -> bytes:
    """Order the executive PDF, follow its job and download it."""
    ordered = api.post(
        f"/api/v1/assessments/{assessment}/reports",
        headers=auth,
        json={"template": "executive", "format": "pdf"},
    )
    assert ordered.status_code == 202, ordered.get_json()
    job = api.get(f"/api/v1/reports/{ordered.get_json()['id']}", headers=auth).get_json()
    assert job["status"] == "done", job
    answer = api.get(job["download"], headers=auth)
    assert answer.mimetype == "application/pdf"
    return answer.data


def score_json_keys() -> list[str]:
    """The top-level keys of `assessor score --format json` on the shipped CEO example."""
    result = CliRunner().invoke(
        cli,
        ["score", "--questionnaire", "executive-self-assessment", "--answers",
         str(ROOT / "examples" / "executive"), "--format", "json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return list(json.loads(result.output))


def _consultant(app: Flask) -> accounts.UserRecord:
    with runtime_of(app).database.unit_of_work() as session:
        made = accounts.create_account(
            session, "lead@globex.example", "Globex Advisory", "correct horse battery", admin=True
        )
    return made.user
