"""Exports through the API: the JSON document scores as the results do; XLSX opens; errors JSON."""

from __future__ import annotations

import csv
import io

from flask import Flask
from openpyxl import load_workbook

from assessor.services.exchange import import_document
from assessor.services.exports import CSV_COLUMNS
from assessor.web.runtime import runtime_of
from tests.web.api.support import token_for
from tests.web.api.test_api_progress import demo_token
from tests.web.progress_support import load
from tests.web.support import add_firm


def test_the_json_export_scores_as_the_results_and_imports_back(app: Flask) -> None:
    demo = load(app)
    auth = demo_token(app)
    api = app.test_client()
    latest = demo.workshops[-1]
    document = api.get(f"/api/v1/assessments/{latest}/export.json", headers=auth)
    assert document.status_code == 200, document.get_json()
    body = document.get_json()
    results = api.get(f"/api/v1/assessments/{latest}/results", headers=auth).get_json()
    assert body["kind"] == "assessment-export" and body["respondents"]
    assert round(body["result"]["readiness"]["score"], 3) == results["readiness"]["score"]
    questionnaire, responses, targets = import_document(
        runtime_of(app).workspace, body, "export.json"
    )
    assert questionnaire == body["questionnaire"] and len(responses) == len(body["respondents"])
    assert (targets or {}) == body["targets"]


def test_the_xlsx_export_opens_with_one_sheet_each(app: Flask) -> None:
    demo = load(app)
    auth = demo_token(app)
    answer = app.test_client().get(
        f"/api/v1/assessments/{demo.workshops[1]}/export.xlsx?lang=ru", headers=auth
    )
    assert answer.status_code == 200 and answer.mimetype.endswith("spreadsheetml.sheet")
    book = load_workbook(io.BytesIO(answer.data), read_only=True)
    assert len(book.sheetnames) >= 5


def test_exports_refuse_other_firms_and_wait_for_answers(app: Flask) -> None:
    demo = load(app)
    rival = add_firm(app, "Rival")
    auth = token_for(app, rival.user)
    api = app.test_client()
    for suffix in ("json", "xlsx", "csv", "ics"):
        name = "roadmap" if suffix in ("csv", "ics") else "export"
        other = api.get(f"/api/v1/assessments/{demo.workshops[0]}/{name}.{suffix}", headers=auth)
        assert other.status_code == 404 and other.is_json
        empty = api.get(f"/api/v1/assessments/{rival.assessment_id}/{name}.{suffix}", headers=auth)
        assert empty.status_code == 409 and empty.is_json


def test_the_roadmap_exports_hold_every_action_and_the_milestones(app: Flask) -> None:
    demo = load(app)
    auth = demo_token(app)
    api = app.test_client()
    first = demo.workshops[0]
    plan = api.get(f"/api/v1/assessments/{first}/roadmap?lang=ru", headers=auth).get_json()
    table = api.get(f"/api/v1/assessments/{first}/roadmap.csv?lang=ru", headers=auth)
    assert table.status_code == 200 and table.mimetype == "text/csv"
    assert f"roadmap-{first}.csv" in table.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(table.get_data(as_text=True))))
    assert rows and tuple(rows[0]) == CSV_COLUMNS
    assert [r["id"] for r in rows] == [a["id"] for a in plan["actions"]]
    assert [r["title"] for r in rows] == [a["title"] for a in plan["actions"]]
    calendar = api.get(f"/api/v1/assessments/{first}/roadmap.ics", headers=auth)
    assert calendar.status_code == 200 and calendar.mimetype == "text/calendar"
    text = calendar.get_data(as_text=True)
    assert text.startswith("BEGIN:VCALENDAR") and text.count("BEGIN:VEVENT") >= len(
        [p for p in plan["phases"] if p["actions"]]
    )
    assert "phase complete" in text
