"""A respondent who does not know says so: counted in confidence, never scored, reported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from assessor.cli import cli
from assessor.domain.answers import AnswerInvalid, parse_answer, parse_response
from assessor.domain.content import Content
from assessor.domain.responses import DONT_KNOW, Response
from assessor.domain.results import Assessment
from assessor.domain.scoring import score_assessment
from assessor.domain.yamlsrc import SourceDoc
from tests.helpers import workspace

ROOT = Path(__file__).resolve().parents[2]
WORKSHOP = "consultant-workshop"


@pytest.fixture(scope="module")
def content() -> Content:
    return workspace(ROOT).content


def respondent(content: Content, name: str, answers: dict[str, Any]) -> Response:
    data = {"respondent": {"name": name, "role": "staff"}, "answers": answers}
    return parse_response(SourceDoc(file=f"{name}.yaml", data=data), content, WORKSHOP)


def assess(content: Content, people: dict[str, dict[str, Any]]) -> Assessment:
    responses = [respondent(content, name, answers) for name, answers in people.items()]
    return score_assessment(content, WORKSHOP, responses)


def test_dont_know_is_offered_where_a_respondent_may_not_know(content: Content) -> None:
    """The review's questions about other people's beliefs, budgets and technical facts."""
    offered = {q.id for q in content.questions.values() if q.dont_know}
    assert {
        "management-knows-support",
        "executive-time-commitment",
        "technology-spend-share",
        "it-interfaces-mapped",
        "data-quality-rating",
        "customer-centric-culture",
        "crm-budget-approved",
    } <= offered


@pytest.mark.parametrize("spelling", ["dont-know", "Don't know", "DONT KNOW"])
def test_dont_know_is_read_in_any_usual_spelling(content: Content, spelling: str) -> None:
    question = content.questions["management-knows-support"]
    assert parse_answer(question, spelling) == DONT_KNOW


def test_dont_know_is_refused_where_the_question_does_not_offer_it(content: Content) -> None:
    with pytest.raises(AnswerInvalid) as raised:
        parse_answer(content.questions["executive-sponsor-named"], "dont-know")
    assert raised.value.kind == "dont-know"


def test_dont_know_is_answered_but_never_scored_as_the_midpoint(content: Content) -> None:
    """One says 'agree' (75), one does not know: the question scores 75, not the mean with 50."""
    result = assess(
        content,
        {
            "Ann": {"management-knows-support": 4},
            "Ben": {"management-knows-support": "dont-know"},
        },
    )
    summary = result.questions["management-knows-support"]
    assert summary.mean_score == pytest.approx(75.0)
    assert (summary.dont_know, summary.not_applicable, summary.unanswered) == (1, 0, 0)
    assert result.confidence.unknown == 1
    assert result.confidence.answered == 2


def test_many_dont_knows_about_one_topic_are_a_finding(content: Content) -> None:
    """Two of three cannot say whether management knows its part: flagged (share 0.3)."""
    result = assess(
        content,
        {
            "Ann": {"management-knows-support": "dont-know", "data-quality-rating": "good"},
            "Ben": {"management-knows-support": "dont-know", "data-quality-rating": "good"},
            "Cat": {"management-knows-support": 2, "data-quality-rating": "dont-know"},
            "Dan": {"data-quality-rating": "good"},
        },
    )
    found = {u.question: u for u in result.unknowns}
    assert (
        found["management-knows-support"].dont_know,
        found["management-knows-support"].answered,
    ) == (2, 3)
    assert found["management-knows-support"].flagged
    assert not found["data-quality-rating"].flagged
    assert result.unknowns[0].question == "management-knows-support"


def test_dont_know_matches_no_risk_test_unless_the_test_names_it(content: Content) -> None:
    """Not knowing the budget is not a budget 'none': the budget risk stays silent."""
    result = assess(content, {"Ann": {"crm-budget-approved": "dont-know"}})
    assert "budget-not-secured" not in [r.id for r in result.risks]


def test_score_prints_and_exports_the_dont_knows(tmp_path: Path) -> None:
    people = {"ann": "dont-know", "ben": "dont-know", "cat": 4}
    for name, value in people.items():
        (tmp_path / f"{name}.yaml").write_text(
            json.dumps(
                {
                    "respondent": {"name": name, "role": "staff"},
                    "answers": {"management-knows-support": value},
                }
            )
        )
    args = ["score", "--questionnaire", WORKSHOP, "--answers", str(tmp_path)]
    text = CliRunner().invoke(cli, args)
    assert text.exit_code == 0, text.output
    assert '2 "don\'t know" (not scored)' in text.output
    assert 'management-knows-support: 2 of 3 respondents answered "don\'t know"' in text.output
    data = json.loads(CliRunner().invoke(cli, [*args, "--format", "json"]).output)
    assert data["confidence"]["unknown"] == 2
    assert data["unknowns"][0]["question"] == "management-knows-support"
    assert data["unknowns"][0]["flagged"] is True
    assert "not knowing is itself a finding" in data["unknowns"][0]["finding"]
