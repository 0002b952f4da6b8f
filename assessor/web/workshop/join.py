"""Joining a workshop from a phone: type or scan the code, give a role (and a name if you like)."""

from __future__ import annotations

from flask import redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import SelectField, StringField
from wtforms.validators import InputRequired, Length, Optional

from assessor.services.workshops import WorkshopMode, find_workshop, join_workshop, normalise_code
from assessor.web.consult.assessments import role_choices
from assessor.web.extensions import limiter
from assessor.web.respond.fields import as_choices
from assessor.web.runtime import unit_of_work, workspace
from assessor.web.workshop import participate

Page = Response | tuple[str, int]
WRONG_CODES = "20 per minute"
"""Wrong codes one address may try (right ones are never counted: a whole room shares a NAT)."""


class CodeForm(FlaskForm):  # type: ignore[misc]
    """The code shown on the facilitator's screen."""

    code = StringField(_l("Workshop code"), validators=[InputRequired(), Length(max=20)])


class JoinForm(FlaskForm):  # type: ignore[misc]
    """Who joins: a role, and a name unless they stay anonymous."""

    name = StringField(
        _l("Your name (leave empty to stay anonymous)"), [Optional(), Length(max=200)]
    )
    role = SelectField(_l("Your role"), validators=[InputRequired()])


def _wrong(response: Response) -> bool:
    return response.status_code in (404, 410)


@participate.route("", methods=["GET", "POST"])
@limiter.limit(WRONG_CODES, deduct_when=_wrong)
def enter() -> Page:
    """The page to type a code on; a good code leads to its join page."""
    form = CodeForm()
    if form.validate_on_submit():
        code = normalise_code(form.code.data or "")
        if code is not None:
            return redirect(url_for("participate.join", code=code))
        form.code.errors = [_l("Codes have six letters and digits, like K7P2QX.")]
        return render_template("workshop/enter.html", form=form), 404
    return render_template("workshop/enter.html", form=form), 422 if form.errors else 200


@participate.route("/<code>", methods=["GET", "POST"])
@limiter.limit(WRONG_CODES, deduct_when=_wrong)
def join(code: str) -> Page:
    """Join with the code: a new respondent of the assessment, sent on to their own questions."""
    form = JoinForm()
    form.role.choices = as_choices(role_choices())
    with unit_of_work() as session:
        state, workshop = find_workshop(session, code)
        if state != "open" or workshop is None:
            status = 404 if state == "unknown" else 410
            return render_template("workshop/closed.html", state=state), status
        if request.method == "POST" and form.validate_on_submit():
            invitation = join_workshop(
                session,
                code,
                role=form.role.data,
                name=form.name.data,
                roles=workspace().content.role_ids,
            )
            return redirect(url_for("respond.start", token=invitation.token))
    prework = workshop.mode is WorkshopMode.PREWORK
    status = 422 if form.errors else 200
    return render_template("workshop/join.html", form=form, prework=prework), status
