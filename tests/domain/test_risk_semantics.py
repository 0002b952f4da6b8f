"""What a risk's condition means: an `all:` is about one respondent, group tests stay group-level."""

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
EXECUTIVE = "executive-self-assessment"


@pytest.fixture(scope="module")
def content() -> Content:
    return workspace(ROOT).content


def respondent(
    content: Content, name: str, answers: dict[str, Any], questionnaire: str = WORKSHOP
) -> Response:
    data = {"respondent": {"name": name, "role": "staff"}, "answers": answers}
    return parse_response(SourceDoc(file=f"{name}.yaml", data=data), content, questionnaire)


def assess(content: Content, people: dict[str, dict[str, Any]], q: str = WORKSHOP) -> Assessment:
    responses = [respondent(content, name, answers, q) for name, answers in people.items()]
    return score_assessment(content, q, responses)


def risk_ids(result: Assessment) -> list[str]:
    return [r.id for r in result.risks]


def test_two_content_and_two_discontent_respondents_are_no_intention_reality_gap(
    content: Content,
) -> None:
    """docs/scoring.md, section "What a risk's condition means", first worked example."""
    result = assess(
        content,
        {
            "Ann": {"plans-intention": 5, "plans-reality": 5},
            "Ben": {"plans-intention": 5, "plans-reality": 5},
            "Cat": {"plans-intention": 1, "plans-reality": 2},
            "Dan": {"plans-intention": 2, "plans-reality": 1},
        },
    )
    assert "intention-reality-gap" not in risk_ids(result)


def test_respondents_who_each_see_a_gap_raise_the_intention_reality_risk(content: Content) -> None:
    """The same worked example, when Cat and Dan each rate the plans high and practice low."""
    result = assess(
        content,
        {
            "Ann": {"plans-intention": 5, "plans-reality": 5},
            "Ben": {"plans-intention": 5, "plans-reality": 5},
            "Cat": {"plans-intention": 5, "plans-reality": 2},
            "Dan": {"plans-intention": 4, "plans-reality": 1},
        },
    )
    risk = next(r for r in result.risks if r.id == "intention-reality-gap")
    together = risk.evidence[0]
    assert (together.kind, together.matched, together.of) == ("together", 2, 4)
    assert together.values == ("plans-intention", "plans-reality")


def test_scope_creep_needs_one_respondent_to_see_both_a_missing_owner_and_split_design(
    content: Content,
) -> None:
    people = {
        "Ann": {
            "single-owner-named": "none",
            "process-definition-approach": "owner-and-design-team",
        },
        "Ben": {
            "single-owner-named": "none",
            "process-definition-approach": "owner-and-design-team",
        },
        "Cat": {
            "single-owner-named": "owner-with-authority",
            "process-definition-approach": "each-department",
        },
        "Dan": {
            "single-owner-named": "owner-with-authority",
            "process-definition-approach": "each-department",
        },
    }
    assert "scope-creep" not in risk_ids(assess(content, people))
