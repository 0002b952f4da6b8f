"""Results for tools: the documented JSON, facts worded as plain English, the CSV export."""

from __future__ import annotations

import csv
import io

from assessor.domain.results import Evidence, Rationale, SkipReason
from assessor.services.assessments import plan, score
from assessor.services.exports import CSV_COLUMNS, roadmap_csv
from assessor.services.results import (
    assessment_json,
    describe_evidence,
    describe_rationale,
    describe_skip,
    roadmap_json,
)
from assessor.services.workspace import Workspace
from tests.fixtures.scoring.support import QUESTIONNAIRE, respond


def test_facts_read_as_the_command_line_has_always_printed_them() -> None:
    assert describe_evidence(Evidence("unscored", "mini/vision", held=False)) == (
        "mini/vision has no score"
    )
    below = Evidence("dimension", "mini/strategy", True, score=0, threshold=50, relation="below")
    assert describe_evidence(below) == "mini/strategy scored 0 (below 50)"
    lead = Evidence(
        "exceeds",
        "mini/technology",
        True,
        score=100,
        other="mini/strategy",
        other_score=55.6,
        threshold=20,
    )
    assert describe_evidence(lead) == (
        "mini/technology scored 100 against 55.6 for mini/strategy (ahead by 44.4; threshold 20)"
    )
    answers = Evidence(
        "answers", "crm-status", True, relation="in", values=("selected", "live"), matched=1, of=2
    )
    assert (
        describe_evidence(answers)
        == "crm-status: 1 of 2 respondents answered one of 'selected', 'live'"
    )


def test_rationale_and_skip_reasons_read_in_plain_english(ws: Workspace) -> None:
    gap = Rationale("gap", "mini/vision", score=32.45, target=70)
    assert describe_rationale(gap, ws.content) == "mini/vision is 32.5 against a target of 70"
    assert describe_skip(SkipReason(at_target=["a/b"], unassessed=["c/d", "e/f"])) == (
        "Nothing to do: a/b is at target; c/d and e/f were not assessed, and no risk calls for "
        "action here."
    )


def test_the_json_keeps_its_documented_keys_and_adds_the_facts(ws: Workspace) -> None:
    result = score(ws, QUESTIONNAIRE, [respond("Bo", sponsor="no", crm_status="live")])
    data = assessment_json(result)
    assert {"readiness", "frameworks", "risks", "disagreement", "confidence"} <= set(data)
    assert data["content_fingerprint"] == ws.content.fingerprint
    risk = data["risks"][0]
    assert all(isinstance(line, str) for line in risk["evidence"])
    assert [fact["kind"] for fact in risk["facts"]] == [f.kind for f in result.risks[0].evidence]


def test_the_roadmap_json_and_csv_name_why_each_action_is_planned(ws: Workspace) -> None:
    result = score(ws, QUESTIONNAIRE, [respond("Bo", sponsor="no", strategy_written="none")])
    roadmap = plan(ws, result)
    data = roadmap_json(roadmap, ws.content)
    assert [a["id"] for a in data["actions"]] == [a.id for a in roadmap.actions]
    assert all(why["text"] for a in data["actions"] for why in a["rationale"])
    rows = list(csv.DictReader(io.StringIO(roadmap_csv(roadmap, ws.content))))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert rows[0]["rationale"] == "; ".join(w["text"] for w in data["actions"][0]["rationale"])


def test_a_printed_score_never_crosses_the_threshold_it_is_compared_with(ws: Workspace) -> None:
    below = Evidence(
        "dimension", "mini/strategy", True, score=49.96, threshold=50, relation="below"
    )
    assert describe_evidence(below) == "mini/strategy scored 49.9 (below 50)"
    reached = Evidence(
        "dimension", "mini/strategy", True, score=50.0, threshold=50, relation="at_least"
    )
    assert describe_evidence(reached) == "mini/strategy scored 50 (at least 50)"
    short = Evidence(
        "exceeds",
        "mini/technology",
        False,
        score=69.96,
        other="mini/strategy",
        other_score=50,
        threshold=20,
    )
    assert "(ahead by 19.9; threshold 20)" in describe_evidence(short)
    gap = Rationale("gap", "mini/vision", score=69.96, target=70)
    assert describe_rationale(gap, ws.content) == "mini/vision is 69.9 against a target of 70"
