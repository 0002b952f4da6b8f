"""Report jobs: order a report (rendered by the queue), see where it stands, download it."""

from __future__ import annotations

import re
from typing import Any

from flask import Response, url_for

from assessor.domain.errors import InputError
from assessor.services.report_jobs import (
    JobStatus,
    ReportJobRecord,
    download_of,
    job_of,
    order_report,
)
from assessor.web.api import ApiError, body_of, bp, consultant, models
from assessor.web.api.spec import operation
from assessor.web.runtime import runtime_of, unit_of_work, workspace

MEDIA = ("application/pdf", "text/html")


def job_body(job: ReportJobRecord) -> dict[str, Any]:
    """A report job as the API shows it."""
    done = job.status is JobStatus.DONE
    return models.Job(
        id=job.id,
        assessment_id=job.assessment_id,
        kind=job.kind,
        status=job.status.value,
        error=job.error,
        download=url_for("api.download_report", job_id=job.id) if done else None,
    ).model_dump(mode="json")


@operation(
    bp,
    "POST",
    "/assessments/{assessment_id}/reports",
    "Order a report",
    body=models.NewReport,
    replies={
        202: ("The job (done at once when the same report is kept)", models.Job),
        409: ("Nobody has submitted yet", models.Error),
    },
)
def order(assessment_id: int) -> tuple[dict[str, Any], int]:
    """Queue a report unless the same one is kept; the job either way."""
    given = body_of(models.NewReport)
    try:
        with unit_of_work() as session:
            ordered = order_report(
                session,
                workspace(),
                consultant(),
                assessment_id,
                template=given.template,
                fmt=given.format,
                lang=given.lang,
            )
    except InputError as exc:
        raise ApiError(409, str(exc)) from None
    if ordered is None:
        raise ApiError(404, "no such assessment")
    job, queued = ordered
    if queued is not None:
        runtime_of().queue.enqueue(queued)
        with unit_of_work() as session:
            job = job_of(session, consultant(), job.id) or job
    return job_body(job), 202


@operation(
    bp,
    "GET",
    "/reports/{job_id}",
    "Where a report job stands",
    replies={200: ("The job", models.Job)},
)
def report_status(job_id: int) -> tuple[dict[str, Any], int]:
    """Queued, running, done (with its download) or failed (with why)."""
    with unit_of_work() as session:
        job = job_of(session, consultant(), job_id)
    if job is None:
        raise ApiError(404, "no such report job")
    return job_body(job), 200


@operation(
    bp,
    "GET",
    "/reports/{job_id}/download",
    "The rendered report",
    replies={200: ("The report", MEDIA), 409: ("Not ready yet, or failed", models.Error)},
)
def download_report(job_id: int) -> Response:
    """The rendered report as a file; 409 while it is not ready."""
    with unit_of_work() as session:
        found = download_of(session, consultant(), job_id)
    if found is None:
        raise ApiError(404, "no such report job")
    job, rendered = found
    if rendered is None:
        raise ApiError(409, f"the report is {job.status.value}: ask /api/v1/reports/{job_id}")
    fmt = str(job.options.get("format", "pdf"))
    name = re.sub(r"[^a-z0-9-]+", "-", job.kind.split(".")[0]) or "report"
    answer = Response(rendered.content, mimetype=rendered.media_type)
    answer.headers["Content-Disposition"] = (
        f'attachment; filename="readiness-{name}-{job.assessment_id}.{fmt}"'
    )
    return answer
