"""The weak questions of the 2026-12 content review (c), each a scenario that failed before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assessor.domain.answers import parse_response
from assessor.domain.content import Content
from assessor.domain.responses import Response
from assessor.domain.results import Assessment
from assessor.domain.scoring import score_assessment
from assessor.domain.yamlsrc import SourceDoc
from tests.helpers import workspace

ROOT = Path(__file__).resolve().parents[2]
WORKSHOP = "consultant-workshop"
PRACTICES = (
    "plans",
    "segments",
    "value-proposition",
    "complaints",
    "data-rules",
    "kpi-review",
    "training",
)


@pytest.fixture(scope="module")
def content() -> Content:
    return workspace(ROOT).content


def assess(content: Content, people: dict[str, dict[str, Any]]) -> Assessment:
    responses: list[Response] = []
    for name, answers in people.items():
        data = {"respondent": {"name": name, "role": "staff"}, "answers": answers}
        responses.append(
            parse_response(SourceDoc(file=f"{name}.yaml", data=data), content, WORKSHOP)
        )
    return score_assessment(content, WORKSHOP, responses)


def risk_ids(result: Assessment) -> set[str]:
    return {r.id for r in result.risks}


def test_the_spend_question_is_three_shares_with_a_risk_rule(content: Content) -> None:
    """content.md (c) #5: one two-bucket share could not tell software-only budgets apart."""
    shares = ("technology-spend-share", "data-spend-share", "people-spend-share")
    assert all(
        content.questions[q].type == "number" and content.questions[q].dont_know for q in shares
    )
    thin = assess(content, {"Ann": {"people-spend-share": 5}, "Ben": {"people-spend-share": 8}})
    assert "budget-not-secured" in risk_ids(thin)
    no_data = assess(content, {"Ann": {"data-spend-share": 2}, "Ben": {"data-spend-share": 0}})
    assert "data-integration-underestimated" in risk_ids(no_data)
    unknown = {"people-spend-share": "dont-know", "data-spend-share": "dont-know"}
    assert not {"budget-not-secured", "data-integration-underestimated"} & risk_ids(
        assess(content, {"Ann": unknown, "Ben": unknown})
    )
    fair = assess(content, {"Ann": {"people-spend-share": 30, "data-spend-share": 15}})
    assert not {"budget-not-secured", "data-integration-underestimated"} & risk_ids(fair)


def test_each_key_practice_has_an_intention_and_a_reality_question(content: Content) -> None:
    """content.md (c) #10: one global pair misrepresented QCi, which scores each practice twice."""
    for practice in PRACTICES:
        assert f"{practice}-intention" in content.questions
        assert f"{practice}-reality" in content.questions
    workshop = set(content.questionnaires[WORKSHOP].question_ids())
    for practice in PRACTICES:
        assert {f"{practice}-intention", f"{practice}-reality"} <= workshop, practice
        for half in ("intention", "reality"):
            assert content.questions[f"{practice}-{half}"].text.get("ru"), (practice, half)
        gap = {f"{practice}-intention": 5, f"{practice}-reality": 1}
        found = risk_ids(assess(content, {"Ann": gap, "Ben": gap}))
        assert "intention-reality-gap" in found, practice
    mixed = {
        "Ann": {"segments-intention": 5, "segments-reality": 5},
        "Ben": {"segments-intention": 1, "segments-reality": 1},
    }
    assert "intention-reality-gap" not in risk_ids(assess(content, mixed))


def test_the_other_weak_questions_are_answerable(content: Content) -> None:
    """content.md (c), 'Also weak': each rewording, checked on what made it weak."""
    q = content.questions
    assert "format" not in str(q["it-interfaces-mapped"].text.get("en", "")).lower()
    assert q["it-interfaces-mapped"].dont_know and q["it-interfaces-mapped"].help is not None
    assert q["politics-inertia"].not_applicable
    assert " or " not in str(q["politics-inertia"].text.get("en", ""))
    assert "caus" not in str(q["complaints-handled"].text.get("en", "")).lower()
    assert "complaint-causes-analysed" in q
    goals = {o.value for o in q["primary-crm-goal"].options}
    assert {"cut-cost", "know-customers", "other"} <= goals
    needs = {str(o.label.get("en", "")) for o in q["customer-needs-verified"].options}
    assert not any("do not need to ask" in label for label in needs)
    assert "partly" in {o.value for o in q["lost-customer-analysis"].options}
    undecided = next(o for o in q["crm-type-first"].options if o.value == "not-sure")
    assert (undecided.score or 0) > 0 and q["crm-type-first"].dont_know
    assert q["solution-sizing"].condition is not None
    assert "none-yet" not in q["solution-sizing"].condition.accepted()
