"""A respondent's link: welcome, section by section, save as they go, review, submit, thanks."""

from __future__ import annotations

from typing import Any

from flask import abort, redirect, render_template, request, url_for
from flask_babel import get_locale
from werkzeug.wrappers import Response

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
from assessor.web.bodies import json_body
from assessor.web.consult.forms import EmptyForm
from assessor.web.respond import bp
from assessor.web.respond.fields import form_data, posted_answers
from assessor.web.respond.markup import section_markup
from assessor.web.respond.pages import (
    answer_text,
    asked_in,
    errors_by_question,
    problem_text,
    section_at,
)
from assessor.web.runtime import unit_of_work, workspace

Page = Response | tuple[str, int]


def _lang() -> str:
    return str(get_locale() or "en")


def _closed(link: Link) -> tuple[str, int]:
    """The page a link shows when it cannot be answered: thanks, expired or unknown."""
    if link.state == "submitted":
        return render_template("respond/thanks.html"), 200
    if link.state == "expired":
        return render_template("respond/closed.html", expired=True), 410
    return render_template("respond/closed.html", expired=False), 404


@bp.get("/<token>")
def start(token: str) -> Page:
    """The welcome page: what is asked, how far the respondent got, where to go on."""
    with unit_of_work() as session:
        link = open_link(session, token)
        if not link.usable:
            return _closed(link)
        answers = saved_answers(session, link)
    ws = workspace()
    questionnaire = questionnaire_of(ws, link)
    done = progress(ws, link, answers)
    shown = set(shown_questions(ws, link, answers))
    resume = next(
        (
            index
            for index, section in enumerate(questionnaire.sections, 1)
            if any(q in shown and q not in answers for q in section.questions)
        ),
        None,
    )
    return render_template(
        "respond/start.html",
        token=token,
        questionnaire=questionnaire,
        title=tr(questionnaire.title, _lang()),
        description=tr(questionnaire.description, _lang()),
        progress=done,
        resume=resume,
        lang=_lang(),
    ), 200


@bp.route("/<token>/s/<int:index>", methods=["GET", "POST"])
def section(token: str, index: int) -> Page:
    """One section's questions; a post saves every answer and goes on (or shows what is wrong)."""
    ws = workspace()
    with unit_of_work() as session:
        link = open_link(session, token)
        if not link.usable:
            return _closed(link)
        questionnaire = questionnaire_of(ws, link)
        current = section_at(questionnaire, index)
        if current is None:
            abort(404)
        answers = saved_answers(session, link)
        asked = asked_in(ws, current, shown_questions(ws, link, answers))
        questions = [a.question for a in asked]
        errors: dict[str, str] = {}
        if request.method == "POST":
            given, notes = posted_answers(questions, request.form)
            problems = save_answers(session, ws, link, given, notes)
            if not problems:
                return _after_save(token, index, len(questionnaire.sections), asked, session, link)
            errors = errors_by_question(problems, {q.id: q for q in questions})
            answers = saved_answers(session, link)
    data = form_data(questions, {q: (a.value, a.evidence) for q, a in answers.items()})
    drawn = section_markup(ws, asked, _lang(), errors, request.form if errors else None, data)
    return render_template(
        "respond/section.html",
        token=token,
        index=index,
        count=len(questionnaire.sections),
        section=current,
        title=tr(current.title, _lang()),
        description=tr(current.description, _lang()),
        questions=drawn,
        errors=errors,
        progress=progress(ws, link, answers),
        lang=_lang(),
    ), (422 if errors else 200)


def _after_save(
    token: str, index: int, count: int, before: Any, session: Any, link: Link
) -> Response:
    """Where a saved section leads: itself when new questions appeared, else on or back."""
    ws = workspace()
    answers = saved_answers(session, link)
    shown = set(shown_questions(ws, link, answers))
    appeared = [a.question.id for a in before if not a.shown and a.question.id in shown]
    if appeared and request.form.get("go") != "back":
        return redirect(
            url_for("respond.section", token=token, index=index, _anchor=f"question-{appeared[0]}")
        )
    if request.form.get("go") == "back" and index > 1:
        return redirect(url_for("respond.section", token=token, index=index - 1))
    if index < count:
        return redirect(url_for("respond.section", token=token, index=index + 1))
    return redirect(url_for("respond.review", token=token))


@bp.post("/<token>/answer")
def answer(token: str) -> tuple[dict[str, Any], int]:
    """Save one answer sent by the page's script (JSON with the CSRF token in a header)."""
    body = json_body()
    if not isinstance(body, dict) or not isinstance(body.get("question"), str):
        return {"error": 'send {"question": id, "value": answer, "note": text}'}, 400
    qid = body["question"]
    note = body.get("note") or ""
    if not isinstance(note, str):
        return {"error": "the note must be text"}, 400
    ws = workspace()
    with unit_of_work() as session:
        link = open_link(session, token)
        if not link.usable:
            return {"error": f"the link is {link.state}"}, 410 if link.state != "unknown" else 404
        questionnaire = questionnaire_of(ws, link)
        if qid not in questionnaire.question_ids():
            return {"error": "unknown question", "question": qid}, 422
        problems = save_answers(session, ws, link, {qid: body.get("value")}, {qid: note})
        answers = saved_answers(session, link)
    if problems:
        return {
            "error": problem_text(problems[0], ws.content.questions.get(qid)),
            "question": qid,
        }, 422
    done = progress(ws, link, answers)
    return {
        "saved": qid in answers,
        "answered": done.answered,
        "shown": done.shown,
        "percent": done.percent,
    }, 200


@bp.get("/<token>/review")
def review(token: str) -> Page:
    """Every section's shown questions with the answers given, and the submit button."""
    ws = workspace()
    with unit_of_work() as session:
        link = open_link(session, token)
        if not link.usable:
            return _closed(link)
        answers = saved_answers(session, link)
    questionnaire = questionnaire_of(ws, link)
    shown = set(shown_questions(ws, link, answers))
    sections = [
        {
            "index": index,
            "title": tr(section.title, _lang()),
            "rows": [
                {
                    "text": tr(ws.content.questions[qid].text, _lang()),
                    "answer": answer_text(ws.content.questions[qid], answers[qid].value, _lang())
                    if qid in answers
                    else None,
                    "note": answers[qid].evidence if qid in answers else None,
                }
                for qid in section.questions
                if qid in shown
            ],
        }
        for index, section in enumerate(questionnaire.sections, 1)
    ]
    return render_template(
        "respond/review.html",
        token=token,
        sections=sections,
        progress=progress(ws, link, answers),
        form=EmptyForm(),
        lang=_lang(),
    ), 200


@bp.post("/<token>/submit")
def submit_answers(token: str) -> Page:
    """Hand in the answers; the link shows the thank-you page from now on."""
    with unit_of_work() as session:
        link = open_link(session, token)
        if not link.usable:
            return _closed(link)
        submit(session, link)
    return redirect(url_for("respond.start", token=token))
