"""Report jobs for the rendering worker, and the cache of rendered reports by input digest."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from assessor.store.base import utcnow
from assessor.store.models import Assessment, Client, JobStatus, RenderedReport, ReportJob
from assessor.store.records import RenderedReportRecord, ReportJobRecord
from assessor.store.upsert import upsert


class ReportJobRepository:
    """Report jobs: queued by the web app, claimed and finished by a worker."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def enqueue(
        self, assessment_id: int, *, kind: str, options: Mapping[str, Any], cache_key: str
    ) -> ReportJobRecord:
        """Queue a report of an assessment (the caller has checked the assessment is the firm's)."""
        job = ReportJob(
            assessment_id=assessment_id,
            kind=kind,
            options=dict(options),
            cache_key=cache_key,
            status=JobStatus.QUEUED,
        )
        self.session.add(job)
        self.session.flush()
        return job_record(job)

    def get(self, firm_id: int, job_id: int) -> ReportJobRecord | None:
        """The firm's report job with this id; None if there is none or it is another firm's."""
        job = self.session.scalars(
            select(ReportJob)
            .join(Assessment, Assessment.id == ReportJob.assessment_id)
            .join(Client, Client.id == Assessment.client_id)
            .where(ReportJob.id == job_id, Client.firm_id == firm_id)
        ).one_or_none()
        return job_record(job) if job else None

    def claim_next(self) -> ReportJobRecord | None:
        """Take the oldest queued job and mark it running; two workers never take the same one."""
        while True:
            job_id = self.session.scalar(
                select(ReportJob.id)
                .where(ReportJob.status == JobStatus.QUEUED)
                .order_by(ReportJob.id)
                .limit(1)
            )
            if job_id is None:
                return None
            taken = self.session.execute(
                update(ReportJob)
                .where(ReportJob.id == job_id, ReportJob.status == JobStatus.QUEUED)
                .values(status=JobStatus.RUNNING)
            )
            if getattr(taken, "rowcount", 0) == 1:
                return job_record(self.session.get_one(ReportJob, job_id, populate_existing=True))

    def start(self, job_id: int) -> None:
        """Mark a queued job running (a worker took it); a job given up stays failed."""
        self.session.execute(
            update(ReportJob)
            .where(ReportJob.id == job_id, ReportJob.status == JobStatus.QUEUED)
            .values(status=JobStatus.RUNNING)
        )

    def give_up(self, job_id: int, error: str) -> bool:
        """Mark a job still queued or running as failed; False when it had finished meanwhile."""
        done = self.session.execute(
            update(ReportJob)
            .where(
                ReportJob.id == job_id,
                ReportJob.status.in_((JobStatus.QUEUED, JobStatus.RUNNING)),
            )
            .values(status=JobStatus.FAILED, error=error, finished_at=utcnow())
        )
        return getattr(done, "rowcount", 0) == 1

    def finish(self, job_id: int, *, error: str | None = None) -> None:
        """Mark a job done, or failed with the error that stopped it."""
        self.session.execute(
            update(ReportJob)
            .where(ReportJob.id == job_id)
            .values(
                status=JobStatus.FAILED if error else JobStatus.DONE,
                error=error,
                finished_at=utcnow(),
            )
        )


class ReportCache:
    """Rendered reports, kept under a digest of their inputs until those inputs change."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, cache_key: str) -> RenderedReportRecord | None:
        """The report rendered from these inputs, if it is kept."""
        report = self.session.get(RenderedReport, cache_key)
        if report is None:
            return None
        return RenderedReportRecord(
            cache_key=report.cache_key,
            media_type=report.media_type,
            content=report.content,
            created_at=report.created_at,
        )

    def put(self, cache_key: str, media_type: str, content: bytes) -> None:
        """Keep a rendered report under its key (replacing one rendered from the same inputs)."""
        upsert(
            self.session,
            RenderedReport,
            {
                "cache_key": cache_key,
                "media_type": media_type,
                "content": content,
                "created_at": utcnow(),
            },
            conflict_columns=("cache_key",),
        )


def job_record(job: ReportJob) -> ReportJobRecord:
    """A report job row as a record."""
    return ReportJobRecord(
        id=job.id,
        assessment_id=job.assessment_id,
        kind=job.kind,
        options=dict(job.options),
        cache_key=job.cache_key,
        status=job.status,
        error=job.error,
        created_at=job.created_at,
        finished_at=job.finished_at,
    )
