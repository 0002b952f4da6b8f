"""The consultant's own API token: issue or rotate it (shown once), or revoke it."""

from __future__ import annotations

from flask import redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from assessor.services.accounts import has_api_token, issue_api_token, revoke_api_token
from assessor.web.auth.users import me
from assessor.web.consult import bp
from assessor.web.consult.forms import EmptyForm
from assessor.web.runtime import unit_of_work


@bp.route("/account/token", methods=["GET", "POST"])
def api_token() -> Response | tuple[str, int]:
    """Whether a token is held; a post issues a new one (shown this once) or revokes it."""
    form = EmptyForm()
    issued = None
    if form.is_submitted():
        if not form.validate():
            return render_template("consult/token.html", form=form, held=None, issued=None), 400
        with unit_of_work() as session:
            if request.form.get("action") == "revoke":
                revoke_api_token(session, me())
                return redirect(url_for("consult.api_token"))
            issued = issue_api_token(session, me())
    with unit_of_work() as session:
        held = has_api_token(session, me())
    return render_template("consult/token.html", form=form, held=held, issued=issued), 200
