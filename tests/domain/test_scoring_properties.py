"""Properties of the scoring maths, checked with Hypothesis on the small fixture content."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from assessor.domain.responses import NOT_APPLICABLE, ROLES, Respondent, Response, value_key
from assessor.domain.results import Assessment
from assessor.domain.schema import Question
from tests.fixtures.scoring.support import QUESTIONNAIRE, Value, mini_content, score

QUESTIONS = mini_content().questionnaire_questions(QUESTIONNAIRE)
CONDITION_TARGETS = {q.condition.question for q in QUESTIONS if q.condition is not None}
NAMES = ["Ann", "Bo", "Cy", "Di", "Ed", "Fay", "Gus", "Hal"]


def option_score(question: Question, value: str) -> float:
    return next(o.score for o in question.options or [] if value_key(o.value) == value)


def answer_values(question: Question) -> st.SearchStrategy[Value]:
    """Every valid stored answer to a question."""
    keys = [value_key(o.value) for o in question.options or []]
    values: st.SearchStrategy[Any]
    if question.type == "multiple":
        values = st.lists(st.sampled_from(keys), unique=True).map(tuple)
    elif question.type == "number":
        values = st.floats(min_value=question.min or 0, max_value=question.max or 1e6)
    elif question.type == "text":
        values = st.text(min_size=1, max_size=20)
    else:
        values = st.sampled_from(keys)
    return values | st.just(NOT_APPLICABLE) if question.not_applicable else values


@st.composite
def responses(draw: st.DrawFn, min_size: int = 1) -> list[Response]:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=min_size, max_size=6, unique=True))
    found = []
    for name in names:
        answers: dict[str, Value] = {}
        for question in QUESTIONS:
            if draw(st.booleans()) or question.condition is None:
                value = draw(st.none() | answer_values(question))
                if value is not None:
                    answers[question.id] = value
        role = draw(st.sampled_from(ROLES))
        found.append(Response(Respondent(f"{name}.yaml", name, role, f"{name}.yaml"), answers))
    return found


def dimension_scores(result: Assessment) -> dict[str, float | None]:
    return {d.ref: d.score for f in result.frameworks.values() for d in f.dimensions.values()}


def within(value: float | None) -> bool:
    return value is None or 0.0 <= value <= 100.0


@settings(max_examples=150, deadline=None)
@given(responses())
def test_every_score_stays_between_0_and_100(found: list[Response]) -> None:
    result = score(*found)
    assert within(result.readiness.score)
    for framework in result.frameworks.values():
        assert within(framework.score)
        for dimension in framework.dimensions.values():
            assert within(dimension.score)
            assert within(dimension.spread.min) and within(dimension.spread.max)
            assert dimension.spread.sd is None or 0.0 <= dimension.spread.sd <= 50.0
            assert all(within(v) for v in dimension.by_role.values())
            assert within(dimension.gap)
            assert 0.0 <= dimension.coverage <= 1.0
    assert 0.0 <= result.confidence.share <= 1.0
    assert all(within(q.mean_score) for q in result.questions.values())


def raisable(found: list[Response]) -> list[tuple[int, Question]]:
    """(respondent, question) pairs whose scored answer can be raised."""
    pairs = []
    for i, response in enumerate(found):
        for question in QUESTIONS:
            value = response.answers.get(question.id)
            if (
                not question.scored
                or question.id in CONDITION_TARGETS
                or value in (None, NOT_APPLICABLE)
            ):
                continue
            if question.type in ("number", "multiple") or option_score(question, str(value)) < max(
                o.score for o in question.options or []
            ):
                pairs.append((i, question))
    return pairs


def raised(question: Question, value: Value, draw: st.DrawFn) -> Value:
    """A better answer than `value`: a higher-scoring option, one more option, a larger number."""
    if question.type == "number":
        assert isinstance(value, float)
        return draw(st.floats(min_value=value, max_value=question.max or 1e6))
    options = question.options or []
    if question.type == "multiple":
        assert isinstance(value, tuple)
        extra = [
            value_key(o.value) for o in options if o.score >= 0 and value_key(o.value) not in value
        ]
        return (*value, draw(st.sampled_from(extra))) if extra else value
    assert isinstance(value, str)
    better = [value_key(o.value) for o in options if o.score > option_score(question, value)]
    return draw(st.sampled_from(better))


@settings(max_examples=150, deadline=None)
@given(responses(), st.data())
def test_raising_one_answer_never_lowers_its_dimensions(
    found: list[Response], data: st.DataObject
) -> None:
    candidates = raisable(found)
    if not candidates:
        return
    who, question = data.draw(st.sampled_from(candidates))
    before = dimension_scores(score(*found))
    response = found[who]
    answers = dict(response.answers)
    answers[question.id] = raised(question, answers[question.id], data.draw)
    found[who] = Response(response.respondent, answers)
    after = dimension_scores(score(*found))
    for mapping in question.maps_to:
        old, new = before[mapping.dimension], after[mapping.dimension]
        if old is None:  # the answer was not asked (its condition unmet): nothing changes
            assert new is None
            continue
        assert new is not None and new >= old, f"raising {question.id} lowered {mapping.dimension}"


@settings(max_examples=100, deadline=None)
@given(responses(min_size=2), st.randoms(use_true_random=False))
def test_respondent_order_changes_nothing(found: list[Response], rng: Any) -> None:
    shuffled = list(found)
    rng.shuffle(shuffled)
    assert score(*shuffled) == score(*found)


@settings(max_examples=100, deadline=None)
@given(responses(), st.data())
def test_adding_an_n_a_changes_no_score(found: list[Response], data: st.DataObject) -> None:
    open_slots = [
        (i, q.id)
        for i, response in enumerate(found)
        for q in QUESTIONS
        if q.not_applicable and q.id not in response.answers
    ]
    if not open_slots:
        return
    who, question_id = data.draw(st.sampled_from(open_slots))
    before = score(*found)
    response = found[who]
    found[who] = Response(response.respondent, {**response.answers, question_id: NOT_APPLICABLE})
    after = score(*found)
    assert after.frameworks == before.frameworks
    assert after.readiness == before.readiness
    assert after.risks == before.risks
    assert after.disagreement == before.disagreement
    newly = (
        after.questions[question_id].not_applicable - before.questions[question_id].not_applicable
    )
    assert after.confidence.answered - before.confidence.answered == newly
