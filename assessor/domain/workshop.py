"""A workshop as it happens: the questions the room disagrees on most, with the spread by role."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assessor.domain.content import Content
from assessor.domain.responses import Response
from assessor.domain.results import Text
from assessor.domain.sheet import AnswerSheet, QuestionPlan, build_sheet, scoring_plan
from assessor.domain.stats import mean, population_sd


@dataclass(frozen=True)
class RoleSpread:
    """How one role answered a question: how many, their mean score, lowest and highest."""

    role: str
    respondents: int
    mean: float
    min: float
    max: float


@dataclass(frozen=True)
class Debate:
    """A question the room disagrees on: its spread overall and role by role."""

    question: str
    text: Text
    respondents: int
    sd: float
    min: float
    max: float
    mean: float
    by_role: list[RoleSpread]


def widest_questions(
    content: Content, questionnaire_id: str, responses: Sequence[Response], limit: int = 5
) -> list[Debate]:
    """The scored questions with the widest spread of answers (two answers or more), widest first."""
    sheet = build_sheet(scoring_plan(content, questionnaire_id), responses)
    found = [
        debate
        for plan in sheet.plan.questions
        if (debate := _debate(sheet, plan)) is not None and debate.sd > 0
    ]
    found.sort(key=lambda d: (-d.sd, -(d.max - d.min)))
    return found[:limit]


def _debate(sheet: AnswerSheet, plan: QuestionPlan) -> Debate | None:
    scores = sheet.scores[plan.index]
    if len(scores) < 2:
        return None
    values = sorted(scores.values())
    roles = sheet.roles
    grouped: dict[str, list[float]] = {}
    for respondent, score in scores.items():
        grouped.setdefault(roles[respondent], []).append(score)
    return Debate(
        question=plan.id,
        text=plan.question.text,
        respondents=len(values),
        sd=population_sd(values) or 0.0,
        min=values[0],
        max=values[-1],
        mean=mean(values) or 0.0,
        by_role=[
            RoleSpread(role, len(v), mean(sorted(v)) or 0.0, min(v), max(v))
            for role, v in sorted(grouped.items())
        ],
    )
