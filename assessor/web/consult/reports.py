"""Reports: order one (rendered by the queue), watch its progress, download it."""

from __future__ import annotations

import datetime as dt
import re

from flask import abort, current_app, redirect, render_template, url_for
from flask_babel import get_locale
from werkzeug.wrappers import Response

from assessor.domain.errors import InputError
from assessor.services.clients import assessment_of
from assessor.services.report_jobs import (
    JobStatus,
    ReportJobRecord,
    download_of,
    give_up,
    job_of,
    order_report,
)
from assessor.web.auth.users import me
from assessor.web.consult import bp
from assessor.web.consult.assessments import report_form
from assessor.web.runtime import runtime_of, unit_of_work, workspace

SUFFIX = {"pdf": "pdf", "html": "html"}
NOT_QUEUED = "the report queue is not reachable"


def _stalled_after() -> dt.timedelta:
    """How long a report may stay unfinished before its page says the worker stopped."""
    return dt.timedelta(seconds=float(current_app.config["REPORT_TIMEOUT"]))


def _job(job_id: int) -> ReportJobRecord:
    """The signed-in firm's report job, given up when stalled; 404 when not theirs."""
    with unit_of_work() as session:
        job = job_of(session, me(), job_id, stalled_after=_stalled_after())
    if job is None:
        abort(404)
    return job


@bp.post("/assessments/<int:assessment_id>/reports")
def order(assessment_id: int) -> Response | tuple[str, int]:
    """Queue a report (unless the same one is kept) and go to its progress page."""
    with unit_of_work() as session:
        if assessment_of(session, me(), assessment_id) is None:
            abort(404)
    form = report_form()
    if not form.validate_on_submit():
        abort(400)
    try:
        with unit_of_work() as session:
            ordered = order_report(
                session,
                workspace(),
                me(),
                assessment_id,
                template=form.template.data,
                fmt=form.format.data,
                lang=str(get_locale() or "en"),
            )
    except InputError as exc:
        return render_template("errors/error.html", code=409, title="", text=str(exc)), 409
    if ordered is None:
        abort(404)
    job, queued = ordered
    if queued is not None and not runtime_of().queue.submit(queued):
        with unit_of_work() as session:
            give_up(session, me(), job.id, NOT_QUEUED)
    return redirect(url_for("consult.report", job_id=job.id))


@bp.get("/reports/<int:job_id>")
def report(job_id: int) -> tuple[str, int]:
    """Where a report stands: waiting, rendering, ready to download, or failed (order again)."""
    job = _job(job_id)
    return render_template(
        "consult/report.html", job=job, JobStatus=JobStatus, form=report_form()
    ), 200


@bp.get("/reports/<int:job_id>/status")
def report_status(job_id: int) -> dict[str, object]:
    """Where a report stands, as JSON for the progress page's script."""
    job = _job(job_id)
    return {
        "status": job.status.value,
        "error": job.error,
        "download": url_for("consult.download", job_id=job.id)
        if job.status is JobStatus.DONE
        else None,
    }


@bp.get("/reports/<int:job_id>/download")
def download(job_id: int) -> Response:
    """The rendered report as a file."""
    with unit_of_work() as session:
        found = download_of(session, me(), job_id, stalled_after=_stalled_after())
    if found is None:
        abort(404)
    job, rendered = found
    if rendered is None:
        return redirect(url_for("consult.report", job_id=job_id))
    fmt = str(job.options.get("format", "pdf"))
    name = re.sub(r"[^a-z0-9-]+", "-", job.kind.split(".")[0]) or "report"
    answer = Response(rendered.content, mimetype=rendered.media_type)
    answer.headers["Content-Disposition"] = (
        f'attachment; filename="readiness-{name}-{job.assessment_id}.{SUFFIX.get(fmt, "pdf")}"'
    )
    return answer
