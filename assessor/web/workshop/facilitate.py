"""The facilitator's screen: open a workshop, watch the room live, record what the room agreed."""

from __future__ import annotations

from flask import Response as FlaskResponse
from flask import abort, jsonify, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import BooleanField, IntegerField
from wtforms.validators import NumberRange, Optional

from assessor.services.clients import assessment_overview
from assessor.services.workshop_screen import qr_svg, radar_of
from assessor.services.workshops import (
    WorkshopMode,
    live_view,
    open_workshop,
    set_mode,
    workshop_of,
)
from assessor.web.auth.users import me
from assessor.web.consult.forms import EmptyForm
from assessor.web.runtime import unit_of_work, workspace
from assessor.web.workshop import bp
from assessor.web.workshop.screen import screen_state

BASE = "/assessments/<int:assessment_id>/workshop"


class OpenForm(FlaskForm):  # type: ignore[misc]
    """Open a workshop: live now, or pre-work answered alone first; how long the code works."""

    prework = BooleanField(_l("Pre-work: participants answer alone before the session"))
    days = IntegerField(
        _l("Days the code works"), default=7, validators=[Optional(), NumberRange(1, 60)]
    )


def _lang() -> str:
    return str(get_locale() or "en")


@bp.get(BASE)
def screen(assessment_id: int) -> tuple[str, int]:
    """The facilitator's screen: the code and QR, counts, radar and debates (or the open form)."""
    with unit_of_work() as session:
        overview = assessment_overview(session, me(), assessment_id)
        if overview is None:
            abort(404)
        workshop = workshop_of(session, me(), assessment_id)
    if workshop is None:
        return render_template("workshop/open.html", overview=overview, form=OpenForm()), 200
    url = url_for("participate.join", code=workshop.code, _external=True)
    return render_template(
        "workshop/screen.html",
        overview=overview,
        workshop=workshop,
        join_url=url,
        short_url=url_for("participate.enter", _external=True),
        qr=qr_svg(url, _("Scan to join")),
        form=OpenForm(),
        mode_form=EmptyForm(),
    ), 200


@bp.post(BASE)
def open_(assessment_id: int) -> Response:
    """Open the workshop (or give it a fresh code) and show its screen."""
    form = OpenForm()
    if not form.validate_on_submit():
        abort(400)
    with unit_of_work() as session:
        opened = open_workshop(
            session, me(), assessment_id, prework=bool(form.prework.data), days=form.days.data or 7
        )
    if opened is None:
        abort(404)
    return redirect(url_for("workshop.screen", assessment_id=assessment_id))


@bp.post(f"{BASE}/mode")
def mode(assessment_id: int) -> Response:
    """Switch the workshop to pre-work, live, or closed (no one joins a closed workshop)."""
    with unit_of_work() as session:
        if workshop_of(session, me(), assessment_id) is None:
            abort(404)
        if not EmptyForm().validate_on_submit():
            abort(400)
        try:
            chosen = WorkshopMode(request.form.get("mode", ""))
        except ValueError:
            abort(400)
        set_mode(session, me(), assessment_id, chosen)
    return redirect(url_for("workshop.screen", assessment_id=assessment_id))


@bp.get(f"{BASE}/live")
def live(assessment_id: int) -> Response:
    """The room now, as JSON for the screen's script: counts, readiness, debates and the radar.

    The radar's SVG comes in the same answer, so one poll costs one look at the room; an
    unchanged room answers 304 to the browser's If-None-Match.
    """
    with unit_of_work() as session:
        view = live_view(session, workspace(), me(), assessment_id)
    if view is None:
        abort(404)
    state = screen_state(view, _lang())
    state["radar"] = radar_of(workspace(), view.assessment, _lang(), _("Readiness by dimension"))
    answer = jsonify(state)
    answer.headers["Cache-Control"] = "private, no-cache"
    answer.add_etag()
    return answer.make_conditional(request)


@bp.get(f"{BASE}/radar.svg")
def radar(assessment_id: int) -> FlaskResponse:
    """The radar of everyone's answers so far, drawn on the server as SVG."""
    with unit_of_work() as session:
        view = live_view(session, workspace(), me(), assessment_id, limit=0)
    if view is None:
        abort(404)
    svg = radar_of(workspace(), view.assessment, _lang(), _("Readiness by dimension"))
    return FlaskResponse(svg, mimetype="image/svg+xml")
