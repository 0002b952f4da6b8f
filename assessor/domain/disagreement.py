"""Where respondents diverge, how executives see the company against everyone else, confidence."""

from __future__ import annotations

from collections.abc import Mapping

from assessor.domain.responses import DONT_KNOW
from assessor.domain.results import (
    Confidence,
    DimensionSpread,
    Disagreement,
    PerceptionGap,
    QuestionSpread,
    UnknownAnswers,
)
from assessor.domain.schema import Thresholds
from assessor.domain.sheet import AnswerSheet
from assessor.domain.stats import mean, population_sd


def _sd(values: list[float]) -> float:
    return population_sd(values) or 0.0


def diverging_dimensions(
    threshold: float, per_respondent: Mapping[str, Mapping[int, float]]
) -> list[DimensionSpread]:
    """Dimensions whose respondents' own scores spread beyond the threshold, widest first."""
    found = []
    for ref, own in per_respondent.items():
        values = sorted(own.values())
        if len(values) >= 2 and (sd := _sd(values)) > threshold:
            found.append(DimensionSpread(dimension=ref, sd=sd, min=values[0], max=values[-1]))
    return sorted(found, key=lambda d: -d.sd)


def diverging_questions(threshold: float, sheet: AnswerSheet) -> list[QuestionSpread]:
    """Questions whose respondents' scores spread beyond the threshold, widest first."""
    found = []
    for plan in sheet.plan.questions:
        values = sorted(sheet.scores[plan.index].values())
        if len(values) >= 2 and (sd := _sd(values)) > threshold:
            found.append(
                QuestionSpread(
                    question=plan.id,
                    text=plan.question.text,
                    sd=sd,
                    min=values[0],
                    max=values[-1],
                    respondents=len(values),
                )
            )
    return sorted(found, key=lambda q: -q.sd)


def perception_gap(
    threshold: float,
    sheet: AnswerSheet,
    per_respondent: Mapping[str, Mapping[int, float]],
    perception: frozenset[str] = frozenset({"executive"}),
) -> PerceptionGap:
    """The perception roles' mean dimension scores (executives by default) against everyone
    else's, per dimension and overall; the roles are those the content marks `perception`."""
    roles = sheet.roles
    if not any(role in perception for role in roles) or all(role in perception for role in roles):
        return PerceptionGap(executive=None, others=None, gap=None, flagged=False, dimensions={})
    gaps: dict[str, float] = {}
    by_executives: dict[str, float | None] = {}
    by_others: dict[str, float | None] = {}
    for ref, own in per_respondent.items():
        executive = mean(sorted(s for r, s in own.items() if roles[r] in perception))
        others = mean(sorted(s for r, s in own.items() if roles[r] not in perception))
        by_executives[ref], by_others[ref] = executive, others
        if executive is not None and others is not None:
            gaps[ref] = executive - others
    overall_executive = mean([v for r in gaps if (v := by_executives[r]) is not None])
    overall_others = mean([v for r in gaps if (v := by_others[r]) is not None])
    gap = None
    if overall_executive is not None and overall_others is not None:
        gap = overall_executive - overall_others
    return PerceptionGap(
        executive=overall_executive,
        others=overall_others,
        gap=gap,
        flagged=gap is not None and gap > threshold,
        dimensions=gaps,
        executive_by_dimension=by_executives,
        others_by_dimension=by_others,
    )


def find_disagreement(
    thresholds: Thresholds,
    sheet: AnswerSheet,
    per_respondent: Mapping[str, Mapping[int, float]],
    perception: frozenset[str] = frozenset({"executive"}),
) -> Disagreement:
    """Diverging dimensions and questions, and the executive perception gap."""
    return Disagreement(
        dimension_threshold=thresholds.dimension_sd,
        question_threshold=thresholds.question_sd,
        dimensions=diverging_dimensions(thresholds.dimension_sd, per_respondent),
        questions=diverging_questions(thresholds.question_sd, sheet),
        perception_gap=perception_gap(thresholds.perception_gap, sheet, per_respondent, perception),
    )


def measure_confidence(sheet: AnswerSheet) -> Confidence:
    """The share of applicable questions answered (n/a and "don't know" included), and how many
    answers were "don't know"."""
    answered, expected = sum(sheet.answered), sum(sheet.expected)
    return Confidence(
        unknown=sum(sheet.unknown),
        share=answered / expected if expected else 0.0,
        answered=answered,
        expected=expected,
        by_respondent={
            response.respondent.id: (given / asked if asked else 0.0)
            for response, given, asked in zip(
                sheet.responses, sheet.answered, sheet.expected, strict=True
            )
        },
    )


def find_unknowns(share: float, sheet: AnswerSheet) -> list[UnknownAnswers]:
    """Questions answered "don't know" by someone, flagged from `share` of answers; most first."""
    found = []
    for plan in sheet.plan.questions:
        given = list(sheet.values[plan.index].values())
        dont_know = sum(1 for value in given if value == DONT_KNOW)
        if dont_know:
            found.append(
                UnknownAnswers(
                    question=plan.id,
                    text=plan.question.text,
                    dont_know=dont_know,
                    answered=len(given),
                    share=dont_know / len(given),
                    flagged=dont_know / len(given) >= share,
                )
            )
    return sorted(found, key=lambda u: (-u.share, -u.dont_know))
