"""The room's agreed answers in a report: each beside the spread of the respondents' own answers
(by role group, never by name), and each dimension scored both ways."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from assessor.domain.consensus import Agreement
from assessor.domain.responses import AnswerValue, Response, value_key
from assessor.domain.results import Assessment, FrameworkScore
from assessor.domain.text import tr
from assessor.reporting.lookup import Lookup
from assessor.reporting.people import Group
from assessor.reporting.views import answer_summary

View = dict[str, Any]


def answer_text(question_id: str, value: AnswerValue, look: Lookup) -> str:
    """An answer as a reader knows it: option labels, a number, or the text itself."""
    if isinstance(value, tuple):
        return look.t("common.list_separator").join(look.option(question_id, v) for v in value)
    if isinstance(value, bool | int | float):
        return look.option(question_id, value_key(value))
    return look.option(question_id, value)


def group_spread(
    question_id: str, responses: Sequence[Response], groups: Sequence[Group], look: Lookup
) -> list[View]:
    """How each role group answered a question: 'Yes 2, No 1' (groups that answered only)."""
    t = look.t
    rows = []
    for group in groups:
        members = set(group.ids)
        given: Counter[str] = Counter()
        for response in responses:
            value = response.answers.get(question_id)
            if response.respondent.id not in members or value is None:
                continue
            for one in value if isinstance(value, tuple) else (value,):
                given[answer_text(question_id, one, look)] += 1
        if given:
            answers = [t("answers.option", label=k, count=n) for k, n in given.most_common()]
            rows.append(
                {"group": group.label, "answers": t("common.title_separator").join(answers)}
            )
    return rows


def consensus_view(
    agreements: Sequence[Agreement],
    responses: Sequence[Response],
    agreed: Assessment,
    main: FrameworkScore | None,
    look: Lookup,
    groups: Sequence[Group],
) -> View | None:
    """The agreed answers with the spread beside them, and the scores as answered and agreed."""
    if not agreements:
        return None
    t, answered = look.t, look.assessment
    questions = []
    for agreement in agreements:
        summary = answered.questions.get(agreement.question)
        questions.append(
            {
                "text": look.question(agreement.question),
                "agreed": answer_text(agreement.question, agreement.value, look),
                "note": agreement.note or "",
                "spread": answer_summary(summary, look.content, t)
                if summary
                else t("answers.none"),
                "by_group": group_spread(agreement.question, responses, groups, look),
            }
        )
    floors = [b.min_score for b in look.content.readiness.bands]
    rows = [
        _row(
            t("consensus.readiness"), answered.readiness.score, agreed.readiness.score, floors, look
        )
    ]
    for dim in main.dimensions.values() if main else ():
        other = agreed.dimension(dim.ref)
        rows.append(
            _row(
                tr(dim.title, t.lang),
                dim.score,
                other.score if other else None,
                look.thresholds(dim.ref),
                look,
            )
        )
    return {
        "count": len(questions),
        "questions": questions,
        "framework": tr(main.title, t.lang) if main else "",
        "scores": rows,
        "band_answered": tr(answered.readiness.band_title, t.lang),
        "band_agreed": tr(agreed.readiness.band_title, t.lang),
    }


def _row(
    title: str, answered: float | None, agreed: float | None, marks: list[float], look: Lookup
) -> View:
    t = look.t
    change = t.score_change(answered, agreed, marks)
    return {
        "title": title,
        "answered": t.score(answered, marks),
        "agreed": t.score(agreed, marks),
        "change": signed(change, t.number),
    }


def signed(change: float | None, number: Any) -> str:
    """A change in points with its sign: '+4', '−3', '0' (a dash when unknown)."""
    if change is None:
        return str(number(None))
    shown = str(number(abs(change)))
    if shown == "0":
        return "0"
    return f"+{shown}" if change > 0 else f"−{shown}"
