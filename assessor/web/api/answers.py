"""A respondent's questionnaire by their link token: read it as shown, save answers, submit."""

from __future__ import annotations

from typing import Any

from assessor.domain.responses import AnswerValue, value_key
from assessor.domain.schema import Question
from assessor.domain.text import tr
from assessor.services.responding import (
    Link,
    open_link,
    progress,
    questionnaire_of,
    save_answers,
    saved_answers,
    shown_questions,
    submit,
)
from assessor.services.workspace import Workspace
from assessor.web.api import ApiError, body_of, bp, lang, models
from assessor.web.api.spec import operation
from assessor.web.respond.pages import problem_text
from assessor.web.runtime import unit_of_work, workspace

Answer = tuple[dict[str, Any], int]
CLOSED = {
    "unknown": (404, "this link does not work"),
    "expired": (410, "this link has expired"),
    "submitted": (409, "the answers were submitted; the link takes no more"),
}


def usable(link: Link) -> Link:
    """The link if it still takes answers; else 404, 410 or 409 saying why."""
    if not link.usable:
        status, detail = CLOSED.get(link.state, CLOSED["unknown"])
        raise ApiError(status, detail)
    return link


def shown_value(value: AnswerValue) -> Any:
    """A saved answer as JSON: text, number, or a list of option values."""
    return list(value) if isinstance(value, tuple) else value


def question_body(question: Question, saved: Any, language: str) -> models.Question:
    """A question as the respondent is shown it, with what they saved."""
    options = [
        models.Option(value=value_key(o.value), label=tr(o.label, language))
        for o in question.options or []
    ]
    return models.Question(
        id=question.id,
        type=question.type,
        text=tr(question.text, language),
        help=tr(question.help, language) or None,
        options=options,
        min=question.min,
        max=question.max,
        unit=tr(question.unit, language) or None,
        not_applicable=question.not_applicable,
        answer=shown_value(saved.value) if saved else None,
        note=saved.evidence if saved else None,
    )


def questionnaire_body(ws: Workspace, link: Link, saved: Any, language: str) -> dict[str, Any]:
    """The questionnaire as shown now: only the questions whose conditions hold."""
    questionnaire = questionnaire_of(ws, link)
    shown = set(shown_questions(ws, link, saved))
    done = progress(ws, link, saved)
    sections = [
        models.Section(
            index=index,
            title=tr(section.title, language),
            questions=[
                question_body(ws.content.questions[q], saved.get(q), language)
                for q in section.questions
                if q in shown
            ],
        )
        for index, section in enumerate(questionnaire.sections, 1)
    ]
    return models.Questionnaire(
        id=questionnaire.id,
        title=tr(questionnaire.title, language),
        description=tr(questionnaire.description, language),
        progress=models.Progress(answered=done.answered, shown=done.shown, percent=done.percent),
        sections=sections,
    ).model_dump(mode="json")


@operation(
    bp,
    "GET",
    "/respond/{token}",
    "A respondent's questionnaire as shown, with their answers",
    auth="link",
    replies={
        200: ("The questionnaire", models.Questionnaire),
        409: ("Already submitted", models.Error),
        410: ("The link expired", models.Error),
    },
    lang=True,
)
def get_questionnaire(token: str) -> Answer:
    """The sections and the questions shown now, with answers saved so far and progress."""
    ws = workspace()
    with unit_of_work() as session:
        link = usable(open_link(session, token))
        saved = saved_answers(session, link)
    return questionnaire_body(ws, link, saved, lang()), 200


@operation(
    bp,
    "PUT",
    "/respond/{token}/answers",
    "Save answers (null clears one)",
    auth="link",
    body=models.SavedAnswers,
    replies={
        200: ("Saved; the questionnaire as shown now", models.Questionnaire),
        409: ("Already submitted", models.Error),
        410: ("The link expired", models.Error),
    },
    lang=True,
)
def put_answers(token: str) -> Answer:
    """Save every good answer; a 422 lists each bad one by question (the good ones are kept)."""
    given = body_of(models.SavedAnswers)
    ws = workspace()
    values = dict(given.answers)
    notes = {q: given.notes.get(q, "") for q in values}
    stray = sorted(set(given.notes) - set(values))
    if stray:
        raise ApiError(422, f"a note needs its answer: {', '.join(stray[:5])}")
    with unit_of_work() as session:
        link = usable(open_link(session, token))
        problems = save_answers(session, ws, link, values, notes)
        saved = saved_answers(session, link)
    if problems:
        shown = [
            models.Problem(
                question=p.question,
                kind=p.kind,
                message=problem_text(p, ws.content.questions.get(p.question or "")),
            )
            for p in problems
        ]
        raise ApiError(422, "some answers could not be saved", problems=shown)
    return questionnaire_body(ws, link, saved, lang()), 200


@operation(
    bp,
    "POST",
    "/respond/{token}/submit",
    "Hand in the answers",
    auth="link",
    replies={
        200: ("Submitted", models.Submitted),
        409: ("Already submitted", models.Error),
        410: ("The link expired", models.Error),
    },
)
def submit_answers(token: str) -> Answer:
    """Hand in the answers; the link takes no more."""
    with unit_of_work() as session:
        link = usable(open_link(session, token))
        done = submit(session, link)
    assert done.submitted_at is not None
    return models.Submitted(submitted_at=done.submitted_at).model_dump(mode="json"), 200
