"""Scoring and planning services: responses in memory in, results out, stamped and reloadable."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tomllib
from pathlib import Path

import pytest

from assessor.domain.errors import InputError
from assessor.domain.results import Assessment, Roadmap
from assessor.domain.version import ENGINE_VERSION
from assessor.services.assessments import plan, rescore, score
from assessor.services.workspace import Workspace
from tests.fixtures.scoring.support import PREPARED, QUESTIONNAIRE, respond


def test_score_takes_responses_in_memory_and_stamps_the_result(ws: Workspace) -> None:
    result = score(ws, QUESTIONNAIRE, [respond("Ann", "executive", **PREPARED)])
    assert result.readiness.band == "ready-to-scale"
    assert result.content_fingerprint == ws.content.fingerprint
    assert len(result.content_fingerprint) == 64
    assert result.engine_version == ENGINE_VERSION


def test_the_engine_version_is_the_project_version() -> None:
    pyproject = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    assert pyproject["project"]["version"] == ENGINE_VERSION


def test_score_refuses_an_unknown_questionnaire_and_no_respondents(ws: Workspace) -> None:
    with pytest.raises(InputError, match="unknown questionnaire 'nope'; known: mini-workshop"):
        score(ws, "nope", [respond("Ann")])
    with pytest.raises(InputError, match="at least one respondent"):
        score(ws, QUESTIONNAIRE, [])


def test_two_respondents_with_one_name_stay_two_people(ws: Workspace) -> None:
    high = dataclasses.replace(respond("Sam", "executive", vision_clear="5", vision_shared="yes"))
    low = respond("Sam", "staff", vision_clear="1", vision_shared="no")
    low = dataclasses.replace(low, respondent=dataclasses.replace(low.respondent, id="sam-2"))
    result = score(ws, QUESTIONNAIRE, [high, low])
    vision = result.frameworks["mini"].dimensions["vision"]
    assert vision.by_respondent == {"Sam": 100.0, "sam-2": 0.0}
    assert vision.spread.sd == 50.0
    assert set(result.confidence.by_respondent) == {"Sam", "sam-2"}
    assert [r.role for r in result.respondents] == ["executive", "staff"]


def test_assessment_and_roadmap_round_trip_through_their_json(ws: Workspace) -> None:
    result = score(
        ws,
        QUESTIONNAIRE,
        [respond("Ann", "executive", **PREPARED), respond("Bo", sponsor="no", crm_status="live")],
        {"mini/vision": 90.0},
    )
    roadmap = plan(ws, result, dt.date(2027, 1, 4))
    assert result.risks and roadmap.actions, "a result with risks and actions to carry"
    stored_assessment = Assessment.load(json_round_trip(result.dump()))
    stored_roadmap = Roadmap.load(json_round_trip(roadmap.dump()))
    assert stored_assessment == result
    assert stored_roadmap == roadmap
    assert stored_roadmap.content_fingerprint == ws.content.fingerprint


def json_round_trip(data: object) -> object:
    """Data as it comes back from a database's JSON column."""
    import json

    return json.loads(json.dumps(data))


def test_a_stored_result_that_is_not_one_is_refused() -> None:
    with pytest.raises(ValueError):
        Assessment.load({"questionnaire": "x"})


def test_rescore_keeps_the_targets_of_the_stored_assessment(ws: Workspace) -> None:
    responses = [respond("Ann", "executive", **PREPARED)]
    stored = score(ws, QUESTIONNAIRE, responses, {"mini/vision": 95.0})
    again = rescore(ws, stored, responses)
    assert again.dimension("mini/vision").target == 95.0  # type: ignore[union-attr]
    assert again == stored


def test_plan_gives_dates_from_the_start(ws: Workspace) -> None:
    result = score(ws, QUESTIONNAIRE, [respond("Bo", sponsor="no", strategy_written="none")])
    roadmap = plan(ws, result, dt.date(2027, 1, 4))
    first = roadmap.actions[0]
    assert first.start == dt.date(2027, 1, 4)
