"""Clients: the firm's list, a new client, one client with its assessments, a new assessment."""

from __future__ import annotations

import datetime as dt

from flask import abort, redirect, render_template, url_for
from flask_babel import get_locale
from werkzeug.wrappers import Response

from assessor.domain.errors import InputError
from assessor.domain.text import tr
from assessor.services.clients import (
    assessments_of,
    client_of,
    clients_of,
    create_assessment,
    create_client,
)
from assessor.web.auth.users import me
from assessor.web.consult import bp
from assessor.web.consult.forms import AssessmentForm, ClientForm
from assessor.web.respond.fields import as_choices
from assessor.web.runtime import unit_of_work, workspace


def questionnaire_choices() -> list[tuple[str, str]]:
    """Each questionnaire of the content as (id, title in the visitor's language)."""
    lang = str(get_locale() or "en")
    return [(q.id, tr(q.title, lang)) for q in workspace().content.questionnaires.values()]


@bp.route("/clients", methods=["GET", "POST"])
def clients() -> Response | str | tuple[str, int]:
    """The firm's clients, and a form to add one."""
    form = ClientForm()
    if form.validate_on_submit():
        with unit_of_work() as session:
            client = create_client(
                session, me(), form.organisation.data or "", form.sector.data, form.size.data
            )
        return redirect(url_for("consult.client", client_id=client.id))
    with unit_of_work() as session:
        found = clients_of(session, me())
    status = 422 if form.is_submitted() else 200
    return render_template("consult/clients.html", clients=found, form=form), status


@bp.route("/clients/<int:client_id>", methods=["GET", "POST"])
def client(client_id: int) -> Response | str | tuple[str, int]:
    """One client with its assessments, and a form to start a new assessment."""
    form = AssessmentForm()
    form.questionnaire.choices = as_choices(questionnaire_choices())
    with unit_of_work() as session:
        found = client_of(session, me(), client_id)
        if found is None:
            abort(404)
        if form.validate_on_submit():
            target = form.target.data
            try:
                made = create_assessment(
                    session,
                    workspace(),
                    me(),
                    client_id,
                    questionnaire_id=form.questionnaire.data,
                    title=form.title.data or "",
                    assessed_on=form.assessed_on.data or dt.date.today(),
                    targets=None
                    if target is None
                    else dict.fromkeys(workspace().content.dimension_refs(), float(target)),
                )
            except InputError as exc:
                form.title.errors = [str(exc)]
            else:
                if made is not None:
                    return redirect(url_for("consult.assessment", assessment_id=made.id))
        listed = assessments_of(session, me(), client_id)
    titles = dict(questionnaire_choices())
    status = 422 if form.is_submitted() else 200
    return render_template(
        "consult/client.html", client=found, assessments=listed, form=form, titles=titles
    ), status
