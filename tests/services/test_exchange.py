"""Exchange: JSON export then import scores the same; XLSX for reading; no formula runs."""

from __future__ import annotations

import dataclasses
import io
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assessor.domain.errors import InputError
from assessor.services.answer_import import guess_mapping
from assessor.services.assessments import plan, score
from assessor.services.exchange import (
    assessment_workbook,
    export_document,
    import_document,
    neutral,
)
from assessor.services.workspace import Workspace, open_workspace
from tests.fixtures.scoring.support import CONTENT_DIR, PREPARED, QUESTIONNAIRE, respond


def responses() -> list:  # type: ignore[type-arg]
    ann = respond("Ann", "executive", **PREPARED)
    bo = respond("Bo", sponsor="no", tech_tools=("email", "spreadsheet"), tech_budget=12.5)
    return [ann, bo]


def test_json_export_then_import_gives_identical_scores(ws: Workspace) -> None:
    targets = {"mini/vision": 90.0}
    original = score(ws, QUESTIONNAIRE, responses(), targets)
    document = json.loads(
        json.dumps(export_document(QUESTIONNAIRE, responses(), targets, original))
    )
    questionnaire, back, back_targets = import_document(ws, document, "export.json")
    assert questionnaire == QUESTIONNAIRE and back_targets == targets
    again = score(ws, questionnaire, back, back_targets)
    assert [r.id for r in again.respondents] == [r.id for r in original.respondents]
    assert dataclasses.replace(again, respondents=original.respondents) == original


def test_an_export_with_bad_answers_is_refused_whole(ws: Workspace) -> None:
    document = export_document(
        QUESTIONNAIRE, responses(), None, score(ws, QUESTIONNAIRE, responses())
    )
    document["respondents"][1]["answers"]["tech-budget"] = "lots"
    document["respondents"][1]["role"] = "boss"
    try:
        import_document(ws, document, "export.json")
    except Exception as exc:
        text = str(exc)
    assert "export.json: respondent '#2', question 'tech-budget': expected a number" in text
    assert "role 'boss' is not one of" in text


def test_the_workbook_has_a_sheet_each_and_text_never_runs_as_a_formula(ws: Workspace) -> None:
    sneaky = respond('=HYPERLINK("http://127.0.0.1/x","click")', "staff", sponsor="no")
    sneaky = type(sneaky)(sneaky.respondent, sneaky.answers, {}, {"sponsor": "=1+1"})
    found = [*responses(), sneaky]
    assessment = score(ws, QUESTIONNAIRE, found)
    data = assessment_workbook(ws, found, assessment, plan(ws, assessment))
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Answers", "Scores", "Risks", "Roadmap", "Progress"]
    answers = book["Answers"]
    assert answers.freeze_panes == "A2" and answers["A1"].font.bold
    cells = [cell for row in answers.iter_rows() for cell in row]
    assert not [c for c in cells if c.data_type == "f"], "no cell is a formula"
    assert any(c.value == "=1+1" and c.data_type == "s" for c in cells)
    scores = [row for row in book["Scores"].iter_rows(min_row=2, values_only=True)]
    assert scores[0][:2] == ("Mini framework", "Vision") or scores[0][0]
    assert all(isinstance(row[2], float | int) or row[2] == "" for row in scores)


def test_neutral_defuses_every_formula_start() -> None:
    for text in ("=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"):
        assert neutral(text) == "'" + text
    assert neutral("Plain text - with a dash") == "Plain text - with a dash"


def test_an_export_takes_the_roles_its_content_defines(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    readiness = content / "frameworks" / "readiness.yaml"
    readiness.write_text(
        readiness.read_text() + "roles:\n  - {id: architect, title: Architect}\n"
        "  - {id: board, title: Board member, perception: true}\n"
    )
    own = open_workspace(content)
    people = [respond("Ann", "board", **PREPARED), respond("Bo", "architect", sponsor="no")]
    document = export_document(QUESTIONNAIRE, people, None, score(own, QUESTIONNAIRE, people))
    _, back, _ = import_document(own, json.loads(json.dumps(document)), "export.json")
    assert [r.respondent.role for r in back] == ["board", "architect"]
    document["respondents"][1]["role"] = "staff"
    with pytest.raises(InputError, match="role 'staff' is not one of: architect, board"):
        import_document(own, document, "export.json")
    headers = ["Timestamp", "Your name", "Is our vision clear?"]
    assert guess_mapping(own, QUESTIONNAIRE, headers)["role"] == {"value": "architect"}, (
        "a first mapping gives everyone a role the content defines"
    )
