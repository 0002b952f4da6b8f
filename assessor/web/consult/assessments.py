"""One assessment: its respondents and their progress, invitations, and the results page."""

from __future__ import annotations

from flask import abort, render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from assessor.domain.text import tr
from assessor.services.clients import (
    AssessmentOverview,
    Invitation,
    assessment_overview,
    invite_respondent,
    new_link,
)
from assessor.services.report_jobs import FORMATS, TEMPLATES
from assessor.services.result_pages import results_page
from assessor.services.scored import results_of
from assessor.web.auth.users import me
from assessor.web.consult import bp
from assessor.web.consult.forms import EmptyForm, InviteForm, ReportForm
from assessor.web.respond.fields import as_choices
from assessor.web.runtime import unit_of_work, workspace


def role_choices() -> list[tuple[str, str]]:
    """The respondent roles the content defines, worded in the visitor's language."""
    lang = str(get_locale() or "en")
    return [(role.id, tr(role.title, lang)) for role in workspace().content.roles]


def report_form() -> ReportForm:
    """The form that orders a report."""
    form = ReportForm()
    names = {"executive": _("Executive report"), "full": _("Full report")}
    form.template.choices = as_choices((t, names.get(t, t)) for t in TEMPLATES)
    form.format.choices = as_choices((f, f.upper()) for f in FORMATS)
    return form


def invite_form() -> InviteForm:
    """The form that invites a respondent."""
    form = InviteForm()
    form.role.choices = as_choices(role_choices())
    return form


def _page(overview: AssessmentOverview, form: InviteForm, status: int = 200) -> tuple[str, int]:
    questionnaire = workspace().content.questionnaires.get(overview.assessment.questionnaire_id)
    title = tr(questionnaire.title, str(get_locale())) if questionnaire else ""
    return render_template(
        "consult/assessment.html",
        overview=overview,
        questionnaire=title,
        form=form,
        report_form=report_form(),
        link_form=EmptyForm(),
        roles=dict(role_choices()),
    ), status


@bp.get("/assessments/<int:assessment_id>")
def assessment(assessment_id: int) -> tuple[str, int]:
    """An assessment's respondents, how far each got, and the invitation form."""
    with unit_of_work() as session:
        overview = assessment_overview(session, me(), assessment_id)
    if overview is None:
        abort(404)
    return _page(overview, invite_form())


@bp.post("/assessments/<int:assessment_id>/invitations")
def invite(assessment_id: int) -> tuple[str, int]:
    """Invite a respondent and show their link, once."""
    form = invite_form()
    with unit_of_work() as session:
        overview = assessment_overview(session, me(), assessment_id)
        if overview is None:
            abort(404)
        if not form.validate_on_submit():
            return _page(overview, form, 422)
        invitation = invite_respondent(
            session,
            me(),
            assessment_id,
            role=form.role.data,
            name=form.name.data,
            valid_days=form.valid_days.data or 30,
            roles=workspace().content.role_ids,
        )
    if invitation is None:
        abort(404)
    return _link_page(invitation, assessment_id)


@bp.post("/assessments/<int:assessment_id>/respondents/<int:respondent_id>/link")
def reissue(assessment_id: int, respondent_id: int) -> tuple[str, int]:
    """A new link for a respondent who lost theirs; the old link stops working."""
    with unit_of_work() as session:
        invitation = new_link(session, me(), respondent_id)
    if invitation is None or invitation.respondent.assessment_id != assessment_id:
        abort(404)
    return _link_page(invitation, assessment_id)


def _link_page(invitation: Invitation, assessment_id: int) -> tuple[str, int]:
    link = url_for("respond.start", token=invitation.token, _external=True)
    return render_template(
        "consult/invitation.html",
        invitation=invitation,
        link=link,
        assessment_id=assessment_id,
        roles=dict(role_choices()),
    ), 201


@bp.get("/assessments/<int:assessment_id>/results")
def results(assessment_id: int) -> tuple[str, int]:
    """Readiness, radar, risks, disagreement and roadmap, worded as the reports word them."""
    lang = str(get_locale() or "en")
    with unit_of_work() as session:
        overview = assessment_overview(session, me(), assessment_id)
        if overview is None:
            abort(404)
        scored = results_of(session, workspace(), overview.assessment)
    page = results_page(workspace(), scored, lang, overview.client.organisation) if scored else None
    return render_template(
        "consult/results.html", overview=overview, page=page, report_form=report_form()
    ), 200
