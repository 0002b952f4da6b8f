"""Consensus scoring: the room's agreed answer replaces everyone's own, and nothing else moves."""

from __future__ import annotations

import pytest

from assessor.domain.consensus import CONSENSUS_ROLE, with_consensus
from assessor.domain.responses import Respondent, Response
from assessor.domain.scoring import score_assessment
from tests.fixtures.scoring.support import QUESTIONNAIRE, mini_content


def people(*values: str) -> list[Response]:
    """One respondent per value of `vision-clear` (a 1-5 scale), each also sharing the vision."""
    return [
        Response(Respondent(f"p{n}", f"P{n}", "staff"), {"vision-clear": v, "vision-shared": "yes"})
        for n, v in enumerate(values)
    ]


def question_mean(responses: list[Response], question: str) -> float | None:
    """The mean 0-100 score of one question over the responses."""
    scored = score_assessment(mini_content(), QUESTIONNAIRE, responses)
    return scored.questions[question].mean_score


def test_the_agreed_answer_becomes_the_questions_score() -> None:
    answered = people("1", "3", "5")
    assert question_mean(answered, "vision-clear") == pytest.approx(50.0)
    agreed = with_consensus(answered, {"vision-clear": "4"})
    assert question_mean(agreed, "vision-clear") == pytest.approx(75.0)
    assert question_mean(agreed, "vision-shared") == question_mean(answered, "vision-shared")
    assert len(agreed) == 3, "no extra respondent when people answered the agreed question"


def test_an_agreed_question_nobody_answered_is_answered_once_by_the_room() -> None:
    agreed = with_consensus(people("2", "4"), {"strategy-written": "approved"})
    room = [r for r in agreed if r.respondent.role == CONSENSUS_ROLE]
    assert len(room) == 1 and dict(room[0].answers) == {"strategy-written": "approved"}
    scored = score_assessment(mini_content(), QUESTIONNAIRE, agreed)
    assert scored.questions["strategy-written"].mean_score == pytest.approx(100.0)


def test_without_consensus_the_responses_are_scored_as_given() -> None:
    answered = people("1", "5")
    assert with_consensus(answered, {}) == answered
