"""Evaluate declarative risk conditions on an assessment, with the evidence behind each verdict."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from assessor.domain.content import Content
from assessor.domain.responses import (
    DONT_KNOW,
    UNSCORED_ANSWERS,
    AnswerValue,
    answer_keys,
    value_key,
)
from assessor.domain.results import Evidence, Relation, TriggeredRisk
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
from assessor.domain.sheet import AnswerSheet, QuestionPlan

Verdict = tuple[bool, list[Evidence]]
"""Whether a condition holds, and the facts that explain the verdict either way."""


@dataclass(frozen=True)
class ConditionContext:
    """What conditions are evaluated on: dimension scores and the answer sheet."""

    scores: Mapping[str, float | None]
    sheet: AnswerSheet

    @cached_property
    def _questions(self) -> dict[str, QuestionPlan]:
        # Risk rules look questions up once per respondent: a live room of 500 made the
        # linear search the largest cost of scoring.
        return {q.id: q for q in reversed(self.sheet.plan.questions)}

    def question(self, question_id: str) -> QuestionPlan | None:
        """The plan of a question of this questionnaire, or None if it is not asked."""
        return self._questions.get(question_id)


def evaluate(condition: Condition, context: ConditionContext) -> Verdict:
    """Whether a condition holds, with the facts behind the verdict.

    An `all:` that tests answers is a statement about one respondent: it is judged for each
    respondent on their own answers (tests of dimension scores hold or fail for everyone
    alike), and it holds when at least its `share` of the respondents it could be judged on
    meet every test at once. Every other test is judged on the group (an `all:` naming one
    question is the same either way).
    """
    if isinstance(condition, AllOf) and len(_answer_questions(condition)) > 1:
        return _per_respondent(condition, context)
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


def _answer_questions(condition: Condition) -> list[str]:
    """The questions a condition's answer tests name, in order, each once."""
    if isinstance(condition, AnswerTest):
        return [condition.answer]
    if isinstance(condition, AllOf | AnyOf):
        children = condition.all if isinstance(condition, AllOf) else condition.any
        found = [q for child in children for q in _answer_questions(child)]
        return list(dict.fromkeys(found))
    if isinstance(condition, NotOf):
        return _answer_questions(condition.not_)
    return []


def _per_respondent(condition: AllOf, context: ConditionContext) -> Verdict:
    """A conjunction judged respondent by respondent, then over the share that meets it."""
    questions = _answer_questions(condition)
    group = _group_verdicts(condition, context)
    judged = [
        verdict
        for r in range(len(context.sheet.responses))
        if (verdict := _judge(condition, r, context, group)) is not None
    ]
    matched = sum(judged)
    held = bool(judged) and matched / len(judged) >= condition.share
    together = Evidence(
        "together",
        questions[0],
        held,
        values=tuple(questions),
        matched=matched,
        of=len(judged),
        threshold=condition.share,
    )
    facts = [fact for child in condition.all for fact in evaluate(child, context)[1]]
    return held, [together, *facts]


def _group_verdicts(condition: Condition, context: ConditionContext) -> dict[int, bool]:
    """The verdict of every test of dimension scores in a condition, by the test's id()."""
    if isinstance(condition, DimensionTest | ExceedsTest):
        return {id(condition): evaluate(condition, context)[0]}
    if isinstance(condition, AllOf | AnyOf):
        children = condition.all if isinstance(condition, AllOf) else condition.any
        return {k: v for child in children for k, v in _group_verdicts(child, context).items()}
    if isinstance(condition, NotOf):
        return _group_verdicts(condition.not_, context)
    return {}


def _judge(
    condition: Condition, respondent: int, context: ConditionContext, group: dict[int, bool]
) -> bool | None:
    """Whether one respondent meets a condition; None when their answers cannot tell."""
    if isinstance(condition, AnswerTest):
        question = context.question(condition.answer)
        if question is None:
            return None
        value = context.sheet.values[question.index].get(respondent)
        if value is None or not _counts(test=condition, value=value):
            return None
        return _matches(condition, question, value)
    if isinstance(condition, NotOf):
        inner = _judge(condition.not_, respondent, context, group)
        return None if inner is None else not inner
    if isinstance(condition, AllOf | AnyOf):
        children = condition.all if isinstance(condition, AllOf) else condition.any
        verdicts = [_judge(child, respondent, context, group) for child in children]
        decisive = isinstance(condition, AnyOf)
        if decisive in verdicts:
            return decisive
        return None if None in verdicts else not decisive
    return group[id(condition)]


def _dimension_test(test: DimensionTest, context: ConditionContext) -> Verdict:
    score = context.scores.get(test.dimension)
    if score is None:
        return False, [Evidence("unscored", test.dimension, held=False)]
    relation: Relation
    if test.below is not None:
        held, threshold, relation = score < test.below, test.below, "below"
    else:
        assert test.at_least is not None
        held, threshold, relation = score >= test.at_least, test.at_least, "at_least"
    fact = Evidence(
        "dimension", test.dimension, held, score=score, threshold=threshold, relation=relation
    )
    return held, [fact]


def _exceeds_test(test: ExceedsTest, context: ConditionContext) -> Verdict:
    spec = test.exceeds
    high, low = context.scores.get(spec.dimension), context.scores.get(spec.over)
    if high is None or low is None:
        missing = spec.dimension if high is None else spec.over
        return False, [Evidence("unscored", missing, held=False)]
    held = high > low and high - low >= spec.by
    fact = Evidence(
        "exceeds",
        spec.dimension,
        held,
        score=high,
        other=spec.over,
        other_score=low,
        threshold=spec.by,
    )
    return held, [fact]


def _answer_test(test: AnswerTest, context: ConditionContext) -> Verdict:
    question = context.question(test.answer)
    values = context.sheet.values[question.index] if question else {}
    given = [v for v in values.values() if _counts(test, v)]
    if question is None or not given:
        return False, [Evidence("unanswered", test.answer, held=False)]
    matched = sum(1 for value in given if _matches(test, question, value))
    held = matched / len(given) >= test.share
    by_value = test.equals is not None or test.in_ is not None
    relation: Relation
    if by_value:
        relation = "equals" if test.in_ is None else "in"
        wanted = [test.equals] if test.in_ is None else list(test.in_)
        values_wanted = tuple(value_key(v) for v in wanted if v is not None)
        threshold = None
    else:
        relation = "below" if test.below is not None else "at_least"
        threshold = test.below if test.below is not None else test.at_least
        values_wanted = ()
    fact = Evidence(
        "answers",
        test.answer,
        held,
        threshold=threshold,
        relation=relation,
        values=values_wanted,
        matched=matched,
        of=len(given),
        by_score=not by_value and question.question.type != "number",
    )
    return held, [fact]


def _counts(test: AnswerTest, value: AnswerValue) -> bool:
    """Whether an answer can tell: n/a and "don't know" cannot, unless the test names them."""
    if value not in UNSCORED_ANSWERS:
        return True
    named = [test.equals] if test.in_ is None else list(test.in_)
    return value == DONT_KNOW and any(str(v).lower() == DONT_KNOW for v in named)


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


def triggered_risk(risk: Risk, evidence: list[Evidence]) -> TriggeredRisk:
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


def done_actions(
    content: Content, sheet: AnswerSheet, scores: Mapping[str, float | None]
) -> list[str]:
    """The actions of the library whose `done_when` holds on these answers, in library order."""
    context = ConditionContext(scores=scores, sheet=sheet)
    return [
        action.id
        for action in content.actions.values()
        if action.done_when is not None and evaluate(action.done_when, context)[0]
    ]
