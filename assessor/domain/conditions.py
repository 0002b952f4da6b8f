"""Evaluate declarative risk conditions on an assessment, with the evidence behind each verdict."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assessor.domain.content import NOT_APPLICABLE, Content
from assessor.domain.results import TriggeredRisk
from assessor.domain.schema import (
    SEVERITY_RANK,
    AllOf,
    AnswerTest,
    AnyOf,
    Condition,
    DimensionTest,
    ExceedsTest,
    NotOf,
    Risk,
)
from assessor.domain.sheet import AnswerSheet, AnswerValue, QuestionPlan, answer_keys, value_key

Verdict = tuple[bool, list[str]]
"""Whether a condition holds, and the facts that explain the verdict either way."""


def number(value: float) -> str:
    """A score or threshold as a consultant reads it: `50`, `32.5`."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


@dataclass(frozen=True)
class ConditionContext:
    """What conditions are evaluated on: dimension scores and the answer sheet."""

    scores: Mapping[str, float | None]
    sheet: AnswerSheet

    def question(self, question_id: str) -> QuestionPlan | None:
        """The plan of a question of this questionnaire, or None if it is not asked."""
        return next((q for q in self.sheet.plan.questions if q.id == question_id), None)


def evaluate(condition: Condition, context: ConditionContext) -> Verdict:
    """Whether a condition holds, with human-readable evidence for the verdict."""
    if isinstance(condition, AllOf | AnyOf):
        verdicts = [
            evaluate(child, context)
            for child in (condition.all if isinstance(condition, AllOf) else condition.any)
        ]
        wanted = isinstance(condition, AnyOf)
        decisive = [facts for held, facts in verdicts if held is wanted]
        if decisive:
            return wanted, [fact for facts in decisive for fact in facts]
        return not wanted, [fact for _, facts in verdicts for fact in facts]
    if isinstance(condition, NotOf):
        held, facts = evaluate(condition.not_, context)
        return not held, facts
    if isinstance(condition, DimensionTest):
        return _dimension_test(condition, context)
    if isinstance(condition, ExceedsTest):
        return _exceeds_test(condition, context)
    return _answer_test(condition, context)


def _dimension_test(test: DimensionTest, context: ConditionContext) -> Verdict:
    score = context.scores.get(test.dimension)
    if score is None:
        return False, [f"{test.dimension} has no score"]
    if test.below is not None:
        held = score < test.below
        relation = f"{'below' if held else 'not below'} {number(test.below)}"
    else:
        assert test.at_least is not None
        held = score >= test.at_least
        relation = f"{'at least' if held else 'below'} {number(test.at_least)}"
    return held, [f"{test.dimension} scored {number(score)} ({relation})"]


def _exceeds_test(test: ExceedsTest, context: ConditionContext) -> Verdict:
    spec = test.exceeds
    high, low = context.scores.get(spec.dimension), context.scores.get(spec.over)
    if high is None or low is None:
        missing = spec.dimension if high is None else spec.over
        return False, [f"{missing} has no score"]
    lead = high - low
    held = high > low and lead >= spec.by
    direction = "ahead" if lead >= 0 else "behind"
    fact = (
        f"{spec.dimension} scored {number(high)} against {number(low)} for {spec.over} "
        f"({direction} by {number(abs(lead))}; threshold {number(spec.by)})"
    )
    return held, [fact]


def _answer_test(test: AnswerTest, context: ConditionContext) -> Verdict:
    question = context.question(test.answer)
    values = context.sheet.values[question.index] if question else {}
    given = [v for v in values.values() if v != NOT_APPLICABLE]
    if question is None or not given:
        return False, [f"{test.answer}: no respondent answered"]
    matched = sum(1 for value in given if _matches(test, question, value))
    held = matched / len(given) >= test.share
    by_score = test.equals is None and test.in_ is None and question.question.type != "number"
    verb = "scored" if by_score else "answered"
    return held, [f"{test.answer}: {matched} of {len(given)} respondents {verb} {_wanted(test)}"]


def _wanted(test: AnswerTest) -> str:
    if test.equals is not None:
        return f"'{value_key(test.equals)}'"
    if test.in_ is not None:
        return "one of " + ", ".join(f"'{value_key(v)}'" for v in test.in_)
    if test.below is not None:
        return f"below {number(test.below)}"
    assert test.at_least is not None
    return f"at least {number(test.at_least)}"


def _matches(test: AnswerTest, question: QuestionPlan, value: AnswerValue) -> bool:
    if test.equals is not None or test.in_ is not None:
        accepted = [test.equals] if test.in_ is None else list(test.in_)
        if isinstance(value, float):
            return any(_same_number(value, v) for v in accepted)
        keys = {value_key(v).lower() for v in accepted if v is not None}
        return any(key in keys for key in answer_keys(value))
    if isinstance(value, float):
        measured: float | None = value
    else:
        measured = question.score(value)
    if measured is None:
        return False
    if test.below is not None:
        return measured < test.below
    return test.at_least is not None and measured >= test.at_least


def _same_number(value: float, wanted: object) -> bool:
    try:
        return value == float(wanted)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def triggered_risks(
    content: Content, sheet: AnswerSheet, scores: Mapping[str, float | None]
) -> list[TriggeredRisk]:
    """Every risk whose condition holds, most severe first, then in catalogue order."""
    context = ConditionContext(scores=scores, sheet=sheet)
    found: list[TriggeredRisk] = []
    for risk in content.risks.values():
        held, evidence = evaluate(risk.when, context)
        if held:
            found.append(triggered_risk(risk, evidence))
    return sorted(found, key=lambda r: -SEVERITY_RANK[r.severity])


def triggered_risk(risk: Risk, evidence: list[str]) -> TriggeredRisk:
    """A catalogue risk as reported when its condition holds, with the evidence for it."""
    return TriggeredRisk(
        id=risk.id,
        title=risk.title,
        explanation=risk.explanation,
        severity=risk.severity,
        pillar=risk.pillar,
        source=risk.source,
        evidence=evidence,
        mitigations=list(risk.mitigations),
    )
