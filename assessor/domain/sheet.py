"""From one questionnaire's answers to per-question scores: the scoring plan and answer sheet."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from math import fsum

from assessor.domain.content import Content
from assessor.domain.responses import (
    DONT_KNOW,
    UNSCORED_ANSWERS,
    AnswerValue,
    Response,
    answer_keys,
    value_key,
)
from assessor.domain.schema import Option, Question


@dataclass(frozen=True)
class QuestionPlan:
    """How one question of a questionnaire is scored, and which dimensions it feeds."""

    index: int
    id: str
    question: Question
    scored: bool
    mappings: tuple[tuple[str, float], ...]
    choice: Mapping[str, float]
    multiple: Mapping[str, float]
    multiple_total: float
    bands: tuple[tuple[float, float], ...]
    condition: tuple[str, frozenset[str]] | None

    def score(self, value: AnswerValue) -> float | None:
        """The 0-100 score of one answer, or None when the answer is not scored (n/a, text)."""
        if isinstance(value, str):
            found = self.choice.get(value)
            return self.choice.get(value.lower()) if found is None else found
        if isinstance(value, tuple):
            if self.multiple_total <= 0:
                return None
            multiple = self.multiple
            earned = fsum([multiple.get(v) or multiple.get(v.lower(), 0.0) for v in value])
            return min(100.0, max(0.0, earned / self.multiple_total * 100.0))
        for minimum, score in self.bands:
            if value >= minimum:
                return score
        return 0.0 if self.bands else None

    def shown(self, given: Mapping[str, AnswerValue]) -> bool:
        """Whether the question is shown, given the answers of the questions shown before it."""
        if self.condition is None:
            return True
        earlier, accepted = self.condition
        value = given.get(earlier)
        return value is not None and any(key in accepted for key in answer_keys(value))


@dataclass(frozen=True)
class ScoringPlan:
    """A questionnaire compiled for scoring: its questions and each dimension's questions."""

    questionnaire: str
    questions: tuple[QuestionPlan, ...]
    dimensions: Mapping[str, tuple[tuple[int, float], ...]]


def _choice_scores(options: Sequence[Option]) -> dict[str, float]:
    """Normalised option scores, by canonical and by lower-case spelling."""
    scores = [o.score for o in options]
    low, high = min(scores), max(scores)
    if high == low:
        return {}
    found: dict[str, float] = {}
    for option in options:
        key = value_key(option.value)
        found[key] = found[key.lower()] = (option.score - low) / (high - low) * 100.0
    return found


def _multiple_scores(options: Sequence[Option]) -> dict[str, float]:
    """Raw option scores, by canonical and by lower-case spelling."""
    found: dict[str, float] = {}
    for option in options:
        key = value_key(option.value)
        found[key] = found[key.lower()] = option.score
    return found


def _band_scores(question: Question) -> tuple[tuple[float, float], ...]:
    bands = question.score_bands or []
    if not bands:
        return ()
    low, high = min(b.score for b in bands), max(b.score for b in bands)
    spread = high - low
    normalised = [(b.min, (b.score - low) / spread * 100.0 if spread else 100.0) for b in bands]
    return tuple(sorted(normalised, key=lambda band: band[0], reverse=True))


def plan_question(index: int, question: Question) -> QuestionPlan:
    """Compile one question: option scores normalised to 0-100 and weighted mappings."""
    options = question.options or []
    multiple = question.type == "multiple"
    condition = None
    if question.condition is not None:
        accepted = frozenset(value_key(v).lower() for v in question.condition.accepted())
        condition = (question.condition.question, accepted)
    return QuestionPlan(
        index=index,
        id=question.id,
        question=question,
        scored=question.scored,
        mappings=tuple(
            (m.dimension, question.weight * m.weight)
            for m in question.maps_to
            if question.weight * m.weight > 0
        ),
        choice=_choice_scores(options) if options and not multiple else {},
        multiple=_multiple_scores(options) if multiple else {},
        multiple_total=fsum(o.score for o in options if o.score > 0) if multiple else 0.0,
        bands=_band_scores(question),
        condition=condition,
    )


def build_plan(content: Content, questionnaire_id: str) -> ScoringPlan:
    """Compile a questionnaire of the content into a scoring plan."""
    questions = tuple(
        plan_question(i, q) for i, q in enumerate(content.questionnaire_questions(questionnaire_id))
    )
    dimensions: dict[str, list[tuple[int, float]]] = {}
    for plan in questions:
        for ref, weight in plan.mappings:
            dimensions.setdefault(ref, []).append((plan.index, weight))
    return ScoringPlan(
        questionnaire=questionnaire_id,
        questions=questions,
        dimensions={ref: tuple(items) for ref, items in dimensions.items()},
    )


def scoring_plan(content: Content, questionnaire_id: str) -> ScoringPlan:
    """The scoring plan of a questionnaire, compiled once per loaded (unchanging) content."""
    plan = content.plans.get(questionnaire_id)
    if not isinstance(plan, ScoringPlan):
        plan = content.plans[questionnaire_id] = build_plan(content, questionnaire_id)
    return plan


def shown_questions(plan: ScoringPlan, answers: Mapping[str, AnswerValue]) -> list[QuestionPlan]:
    """The questions a respondent is shown, in asking order, given their answers so far.

    A question with a condition is shown when the earlier question it names was shown and
    answered with an accepted value; an answer to a question not shown does not count.
    This one rule serves scoring, the command line and the web forms alike.
    """
    shown: list[QuestionPlan] = []
    effective: dict[str, AnswerValue] = {}
    for question in plan.questions:
        if not question.shown(effective):
            continue
        shown.append(question)
        value = answers.get(question.id)
        if value is not None:
            effective[question.id] = value
    return shown


@dataclass(frozen=True)
class AnswerSheet:
    """Every applicable answer and score, question by question (respondents by index)."""

    plan: ScoringPlan
    responses: tuple[Response, ...]
    values: tuple[dict[int, AnswerValue], ...]
    scores: tuple[dict[int, float], ...]
    applicable: tuple[int, ...]
    expected: tuple[int, ...]
    answered: tuple[int, ...]
    unknown: tuple[int, ...] = ()
    """How many questions each respondent answered "don't know" (answered, never scored)."""

    @property
    def roles(self) -> list[str]:
        """The role of each respondent, by index."""
        return [r.respondent.role for r in self.responses]

    def question_mean(self, index: int) -> float | None:
        """The mean score of a question over the respondents who scored it."""
        scores = self.scores[index]
        return fsum(scores.values()) / len(scores) if scores else None


def sort_responses(responses: Sequence[Response]) -> tuple[Response, ...]:
    """Responses in a fixed order (name, role, id) so input order never matters."""
    return tuple(
        sorted(responses, key=lambda r: (r.respondent.name, r.respondent.role, r.respondent.id))
    )


def build_sheet(plan: ScoringPlan, responses: Sequence[Response]) -> AnswerSheet:
    """Score every applicable answer; skip questions whose condition a respondent did not meet.

    `n/a` and "don't know" count as answered and are never scored (never the midpoint).
    """
    ordered = sort_responses(responses)
    everyone = range(len(ordered))
    values: list[dict[int, AnswerValue]] = []
    scores: list[dict[int, float]] = []
    applicable: list[int] = []
    expected = [0] * len(ordered)
    answered = [0] * len(ordered)
    unknown = [0] * len(ordered)
    shown = [{q.index for q in shown_questions(plan, response.answers)} for response in ordered]
    for question in plan.questions:
        asked = [r for r in everyone if question.index in shown[r]]
        given: dict[int, AnswerValue] = {}
        scored: dict[int, float] = {}
        for r in asked:
            expected[r] += 1
            value = ordered[r].answers.get(question.id)
            if value is None:
                continue
            answered[r] += 1
            unknown[r] += value == DONT_KNOW
            given[r] = value
            if question.scored and value not in UNSCORED_ANSWERS:
                score = question.score(value)
                if score is not None:
                    scored[r] = score
        values.append(given)
        scores.append(scored)
        applicable.append(len(asked))
    return AnswerSheet(
        plan=plan,
        responses=ordered,
        values=tuple(values),
        scores=tuple(scores),
        applicable=tuple(applicable),
        expected=tuple(expected),
        answered=tuple(answered),
        unknown=tuple(unknown),
    )
