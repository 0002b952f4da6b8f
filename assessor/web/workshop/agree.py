"""Consensus: the facilitator records the room's answer to a question, and sees both scorings."""

from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for
from flask_babel import get_locale
from werkzeug.wrappers import Response

from assessor.domain.text import tr
from assessor.services.clients import assessment_overview
from assessor.services.workshop_screen import main_framework
from assessor.services.workshops import consensus_of, consensus_results, record_consensus
from assessor.web.auth.users import me
from assessor.web.respond.fields import form_data, posted_answers, section_form
from assessor.web.respond.pages import Asked, answer_text, errors_by_question
from assessor.web.runtime import unit_of_work, workspace
from assessor.web.workshop import bp
from assessor.web.workshop.facilitate import BASE


def _lang() -> str:
    return str(get_locale() or "en")


@bp.route(f"{BASE}/consensus/<question_id>", methods=["GET", "POST"])
def consensus(assessment_id: int, question_id: str) -> Response | tuple[str, int]:
    """The agreed answer to one question, with a note; saving it returns to the screen."""
    ws = workspace()
    errors: dict[str, str] = {}
    with unit_of_work() as session:
        overview = assessment_overview(session, me(), assessment_id)
        if overview is None:
            abort(404)
        questionnaire = ws.questionnaire(overview.assessment.questionnaire_id)
        if question_id not in questionnaire.question_ids():
            abort(404)
        question = ws.content.questions[question_id]
        if request.method == "POST":
            given, notes = posted_answers([question], request.form)
            problems = record_consensus(
                session,
                ws,
                me(),
                overview.assessment,
                question_id,
                given[question_id],
                notes[question_id],
            )
            if not problems:
                return redirect(url_for("workshop.screen", assessment_id=assessment_id))
            errors = errors_by_question(problems, {question_id: question})
        saved = {
            c.question_id: (c.value, c.note) for c in consensus_of(session, me(), assessment_id)
        }
    data = form_data([question], {k: v for k, v in saved.items() if k == question_id})
    form = section_form(workspace(), [question], _lang(), request.form if errors else None, data)
    return render_template(
        "workshop/consensus.html",
        overview=overview,
        asked=Asked(question, shown=True, condition_here=False),
        form=form,
        errors=errors,
        lang=_lang(),
    ), (422 if errors else 200)


@bp.get(f"{BASE}/results")
def results(assessment_id: int) -> tuple[str, int]:
    """The scores as the respondents answered and with the room's consensus, side by side."""
    ws = workspace()
    lang = _lang()
    with unit_of_work() as session:
        overview = assessment_overview(session, me(), assessment_id)
        if overview is None:
            abort(404)
        both = consensus_results(session, ws, me(), assessment_id)
    rows, agreed = [], []
    if both is not None:
        framework = main_framework(ws, both.answered)
        for dim in both.answered.frameworks[framework].dimensions.values():
            other = both.agreed.dimension(dim.ref)
            rows.append((tr(dim.title, lang), dim.score, other.score if other else None))
        for c in both.consensus:
            question = ws.content.questions[c.question_id]
            agreed.append((tr(question.text, lang), answer_text(question, c.value, lang), c.note))
    return render_template(
        "workshop/results.html", overview=overview, both=both, rows=rows, agreed=agreed
    ), 200
