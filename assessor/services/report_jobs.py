"""Reports for the web app: ordered by a consultant, rendered by a queue worker, kept by key.

`order_report` checks the request and either finds the report already rendered from the same
inputs (kept in the database's rendered_reports) or returns a `ReportOrder` for the queue.
`run_report_order` runs in the worker: render, keep, mark the job done or failed.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy.orm import Session

from assessor.domain.consensus import Agreement
from assessor.domain.errors import InputError
from assessor.reporting import ReportError
from assessor.reporting.settings import ReportOptions
from assessor.services.database import Database, DatabaseUnavailable
from assessor.services.history import report_history
from assessor.services.report_request import OutputFormat, ReportRequest
from assessor.services.reports import ReportJob, prepare_report, render_report
from assessor.services.scored import results_of
from assessor.services.workspace import Workspace
from assessor.store.base import utcnow
from assessor.store.models import JobStatus
from assessor.store.records import RenderedReportRecord, ReportJobRecord, UserRecord
from assessor.store.repositories import (
    AssessmentRepository,
    ClientRepository,
    FirmRepository,
    ReportCache,
    ReportJobRepository,
    WorkshopRepository,
)

__all__ = [
    "FORMATS",
    "TEMPLATES",
    "JobStatus",
    "ReportJobRecord",
    "ReportOrder",
    "download_of",
    "give_up",
    "job_of",
    "order_report",
    "run_report_order",
]

LOG = logging.getLogger(__name__)
TEMPLATES = ("executive", "full")
"""The reports a consultant can order."""
FORMATS: dict[str, OutputFormat] = {"pdf": "pdf", "html": "html"}
MEDIA_TYPES = {"pdf": "application/pdf", "html": "text/html; charset=utf-8"}
STALLED_AFTER = dt.timedelta(minutes=10)
"""A report unfinished this long after it was ordered is given up: its worker stopped or died."""
STALLED = "the report worker stopped before finishing it"
UNFINISHED = (JobStatus.QUEUED, JobStatus.RUNNING)


@dataclass(frozen=True)
class ReportOrder:
    """A report for the queue: the job row to finish and everything to render it from."""

    job_id: int
    job: ReportJob
    media_type: str


def order_report(
    session: Session,
    ws: Workspace,
    user: UserRecord,
    assessment_id: int,
    *,
    template: str,
    fmt: str,
    lang: str,
) -> tuple[ReportJobRecord, ReportOrder | None] | None:
    """A report job of the firm's assessment, and the order to queue unless it is already kept.

    The report shows the workshop's consensus, if one was recorded, and the progress since the
    client's last assessment with the same questionnaire, if there is one.

    None when the assessment is not the firm's; InputError when nobody has submitted yet or
    the report cannot be made.
    """
    record = AssessmentRepository(session).get(user.firm_id, assessment_id)
    if record is None:
        return None
    if template not in TEMPLATES or fmt not in FORMATS:
        raise InputError(f"unknown report {template!r} as {fmt!r}")
    results = results_of(session, ws, record)
    if results is None:
        raise InputError("no respondent has submitted answers yet")
    client = ClientRepository(session).get(user.firm_id, record.client_id)
    firm = FirmRepository(session).get(user.firm_id)
    request = ReportRequest(
        template=template,
        format=FORMATS[fmt],
        lang=lang,
        options=ReportOptions(
            client=client.organisation if client else "", date=record.assessed_on
        ),
        consultant=user.display_name,
        firm=firm.name if firm else None,
        start=record.assessed_on,
    )
    targets = {
        d.ref: d.target
        for f in results.assessment.frameworks.values()
        for d in f.dimensions.values()
    }
    consensus = [
        Agreement(c.question_id, c.value, c.note)
        for c in WorkshopRepository(session).consensus(user.firm_id, record.id)
    ]
    try:
        job = prepare_report(
            ws,
            record.questionnaire_id,
            results.responses,
            targets,
            request,
            consensus=consensus,
            history=report_history(session, ws, record),
        )
    except ReportError as exc:  # the report folders in force cannot make this report
        raise InputError(str(exc)) from exc
    jobs = ReportJobRepository(session)
    queued = jobs.enqueue(
        record.id,
        kind=f"{template}.{fmt}",
        options={"template": template, "format": fmt, "lang": lang},
        cache_key=job.key,
    )
    if ReportCache(session).get(job.key) is not None:
        jobs.finish(queued.id)
        done = jobs.get(user.firm_id, queued.id)
        return (done or queued), None
    return queued, ReportOrder(queued.id, job, MEDIA_TYPES[fmt])


def run_report_order(db: Database, order: ReportOrder) -> None:
    """Render an ordered report, keep it under its key, and mark its job done or failed."""
    with db.unit_of_work() as session:
        ReportJobRepository(session).start(order.job_id)
    try:
        data = render_report(order.job).data
    except (ReportError, InputError) as exc:
        _finish(db, order.job_id, str(exc))
        return
    except Exception as exc:  # the job says it failed; the worker lives on
        LOG.exception("report job %s failed", order.job_id)
        _finish(db, order.job_id, f"the report could not be rendered ({type(exc).__name__})")
        return
    try:
        with db.unit_of_work() as session:
            ReportCache(session).put(order.job.key, order.media_type, data)
            ReportJobRepository(session).finish(order.job_id)
    except DatabaseUnavailable as exc:  # e.g. the disk is full: the job says so
        LOG.error("report job %s could not be kept: %s", order.job_id, exc)
        _finish(db, order.job_id, f"the report could not be kept ({exc.reason})")


def _finish(db: Database, job_id: int, error: str) -> None:
    try:
        with db.unit_of_work() as session:
            ReportJobRepository(session).finish(job_id, error=error)
    except DatabaseUnavailable as exc:  # the job is given up once it is stalled
        LOG.error("report job %s could not be marked failed: %s", job_id, exc)


def give_up(session: Session, user: UserRecord, job_id: int, error: str) -> None:
    """Mark the firm's unfinished report job failed (e.g. the queue refused it)."""
    if ReportJobRepository(session).get(user.firm_id, job_id) is not None:
        ReportJobRepository(session).give_up(job_id, error)


def job_of(
    session: Session,
    user: UserRecord,
    job_id: int,
    *,
    stalled_after: dt.timedelta = STALLED_AFTER,
    now: dt.datetime | None = None,
) -> ReportJobRecord | None:
    """The firm's report job, failed when unfinished past `stalled_after`; None if not the firm's."""
    jobs = ReportJobRepository(session)
    job = jobs.get(user.firm_id, job_id)
    if job is None or job.status not in UNFINISHED:
        return job
    if (now or utcnow()) - job.created_at < stalled_after:
        return job
    LOG.warning("report job %s gave up: unfinished after %s", job_id, stalled_after)
    jobs.give_up(job_id, STALLED)
    return jobs.get(user.firm_id, job_id)


def download_of(
    session: Session, user: UserRecord, job_id: int, *, stalled_after: dt.timedelta = STALLED_AFTER
) -> tuple[ReportJobRecord, RenderedReportRecord | None] | None:
    """The firm's report job and its rendered report when ready; None if not the firm's."""
    job = job_of(session, user, job_id, stalled_after=stalled_after)
    if job is None:
        return None
    return job, ReportCache(session).get(job.cache_key)
