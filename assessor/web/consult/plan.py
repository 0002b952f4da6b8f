"""The tracked roadmap: set each planned action's status, owner, dates and notes; the XLSX export."""

from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from assessor.services.clients import AssessmentOverview, assessment_overview
from assessor.services.tracking import (
    MAX_NOTES,
    MAX_OWNER,
    ActionStatus,
    TrackedPlan,
    TrackedRow,
    tracked_plan,
    tracked_workbook,
    update_action,
)
from assessor.web.auth.users import me
from assessor.web.consult import bp
from assessor.web.respond.fields import as_choices
from assessor.web.runtime import unit_of_work, workspace

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ActionForm(FlaskForm):  # type: ignore[misc]
    """Where one planned action stands: status, owner, dates and notes."""

    status = SelectField(_l("Status"), validators=[InputRequired()])
    owner = StringField(_l("Owner"), validators=[Optional(), Length(max=MAX_OWNER)])
    starts_on = DateField(_l("Starts"), validators=[Optional()])
    due_on = DateField(_l("Due"), validators=[Optional()])
    notes = TextAreaField(_l("Notes"), validators=[Optional(), Length(max=MAX_NOTES)])


def status_names() -> dict[str, str]:
    """Each status, worded for the visitor."""
    return {
        ActionStatus.NOT_STARTED.value: _("Not started"),
        ActionStatus.IN_PROGRESS.value: _("In progress"),
        ActionStatus.DONE.value: _("Done"),
        ActionStatus.BLOCKED.value: _("Blocked"),
    }


def field_names() -> dict[str, str]:
    """Each tracked field, worded for the change history."""
    return {
        "status": _("Status"),
        "owner": _("Owner"),
        "starts_on": _("Starts"),
        "due_on": _("Due"),
        "notes": _("Notes"),
    }


def action_form(row: TrackedRow | None = None) -> ActionForm:
    """The form of one action, filled with where it stands (or with what was posted)."""
    data = None
    if row is not None and request.method == "GET":
        data = {
            "status": row.status.value,
            "owner": row.owner or "",
            "starts_on": row.starts_on,
            "due_on": row.due_on,
            "notes": row.notes or "",
        }
    form = ActionForm(data=data, prefix=row.action.id if row is not None else "")
    form.status.choices = as_choices(status_names().items())
    return form


def _page(plan: TrackedPlan, overview: AssessmentOverview, status: int = 200) -> tuple[str, int]:
    forms = {row.action.id: action_form(row) for phase in plan.phases for row in phase.rows}
    return render_template(
        "consult/plan.html",
        overview=overview,
        plan=plan,
        forms=forms,
        statuses=status_names(),
        fields=field_names(),
        lang=str(get_locale() or "en"),
    ), status


@bp.get("/assessments/<int:assessment_id>/plan")
def plan(assessment_id: int) -> tuple[str, int]:
    """The plan phase by phase: each action's status and owner, each phase's share done."""
    with unit_of_work() as session:
        overview = assessment_overview(session, me(), assessment_id)
        if overview is None:
            abort(404)
        found = tracked_plan(session, workspace(), me(), assessment_id)
    if found is None:
        return render_template("consult/plan.html", overview=overview, plan=None), 200
    return _page(found, overview)


@bp.post("/assessments/<int:assessment_id>/plan/<action_id>")
def track(assessment_id: int, action_id: str) -> Response:
    """Save where one planned action stands; every change is kept with who and when."""
    form = ActionForm(prefix=action_id)
    form.status.choices = as_choices(status_names().items())
    with unit_of_work() as session:
        if assessment_overview(session, me(), assessment_id) is None:
            abort(404)
        if not form.validate_on_submit():
            abort(422)
        values = {
            "status": ActionStatus(form.status.data),
            "owner": form.owner.data,
            "starts_on": form.starts_on.data,
            "due_on": form.due_on.data,
            "notes": form.notes.data,
        }
        changed = update_action(session, workspace(), me(), assessment_id, action_id, values)
    if changed is None:
        abort(404)
    target = url_for("consult.plan", assessment_id=assessment_id)
    return redirect(f"{target}#action-{action_id}")


@bp.get("/assessments/<int:assessment_id>/export.xlsx")
def export_xlsx(assessment_id: int) -> Response:
    """The assessment as an XLSX workbook, its Progress sheet from the tracked plan."""
    with unit_of_work() as session:
        data = tracked_workbook(
            session, workspace(), me(), assessment_id, str(get_locale() or "en")
        )
    if data is None:
        abort(404)
    return Response(
        data,
        mimetype=XLSX,
        headers={"Content-Disposition": f'attachment; filename="assessment-{assessment_id}.xlsx"'},
    )
