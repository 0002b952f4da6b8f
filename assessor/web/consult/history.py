"""A client's progress over time: its assessments in date order, trends, and two compared."""

from __future__ import annotations

from flask import abort, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _

from assessor.services.clients import client_of
from assessor.services.history import PairComparison, client_history, compare_pair
from assessor.web.auth.users import me
from assessor.web.consult import bp
from assessor.web.consult.forms import EmptyForm
from assessor.web.runtime import unit_of_work, workspace


def _lang() -> str:
    return str(get_locale() or "en")


def _alt(title: str) -> str:
    return str(_("Chart of %(title)s over time", title=title))


@bp.get("/clients/<int:client_id>/history")
def history(client_id: int) -> tuple[str, int]:
    """The client's assessments oldest first, readiness and band each, and the trend charts."""
    with unit_of_work() as session:
        found = client_history(session, workspace(), me(), client_id, _lang(), _alt)
    if found is None:
        abort(404)
    scored = [e for e in found.entries if e.result is not None]
    return render_template("consult/history.html", history=found, scored=scored, lang=_lang()), 200


@bp.route("/clients/<int:client_id>/compare", methods=["GET", "POST"])
def compare(client_id: int) -> tuple[str, int]:
    """Two assessments compared; posting scores both again on the current content."""
    source = request.form if request.method == "POST" else request.args
    rescore = request.method == "POST"
    if rescore and not EmptyForm().validate_on_submit():
        abort(400)
    with unit_of_work() as session:
        if client_of(session, me(), client_id) is None:
            abort(404)
        ids = [source.get(name, type=int) for name in ("before", "after")]
        pair = compare_pair(
            session, workspace(), me(), [i for i in ids if i is not None], rescore=rescore
        )
    if pair is None or pair.before.record.client_id != client_id:
        abort(404)
    return render_template(
        "consult/compare.html", pair=pair, rows=_rows(pair), form=EmptyForm(), lang=_lang()
    ), 200


def _rows(pair: PairComparison) -> list[tuple[object, float | None, float | None, float | None]]:
    """Each dimension's title, score before and after, and change."""
    rows: list[tuple[object, float | None, float | None, float | None]] = []
    for change in pair.comparison.dimensions:
        dim = pair.after_result.dimension(change.ref) or pair.before_result.dimension(change.ref)
        title = dim.title if dim is not None else change.ref
        rows.append((title, change.before, change.after, change.change))
    return rows
