"""The firm's consultants: everyone sees the list; the firm's administrator adds consultants."""

from __future__ import annotations

from flask import abort, redirect, render_template, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from assessor.services.accounts import AccountError, add_consultant, consultants_of, firm_of
from assessor.web.auth.users import me
from assessor.web.consult import bp
from assessor.web.consult.forms import ConsultantForm
from assessor.web.runtime import unit_of_work


@bp.route("/team", methods=["GET", "POST"])
def team() -> Response | tuple[str, int]:
    """The firm's consultants, and (for its administrator) a form to add one."""
    form = ConsultantForm()
    status = 200
    if form.is_submitted():
        if not me().is_admin:
            abort(403)
        status = 422
        if form.validate():
            try:
                with unit_of_work() as session:
                    add_consultant(
                        session,
                        me(),
                        form.email.data or "",
                        form.name.data or "",
                        form.password.data or "",
                        is_admin=bool(form.is_admin.data),
                    )
            except AccountError as exc:
                form.email.errors = [_account_message(exc)]
            else:
                return redirect(url_for("consult.team"))
    with unit_of_work() as session:
        people = consultants_of(session, me())
        firm = firm_of(session, me())
    return render_template("consult/team.html", people=people, firm=firm, form=form), status


def _account_message(error: AccountError) -> str:
    found = {
        "taken": _("A consultant with this e-mail already exists."),
        "email": _("Enter an e-mail address."),
        "password": _("The password is too short."),
    }.get(error.kind, error)
    return str(found)
