"""Scored results and rendered reports are kept, keyed by what they were made from."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from assessor.store.engine import session_scope
from assessor.store.models import JobStatus
from assessor.store.repositories import AssessmentRepository, ReportCache, ReportJobRepository
from tests.store.support import FirmData

RESULT = {
    "questionnaire": "executive-self-assessment",
    "readiness": {"score": 47.5, "band": "not-ready", "capped_by": ["strategy-gate"]},
    "frameworks": {"gartner-8": {"score": None, "dimensions": {"vision": {"score": 12.25}}}},
    "risks": [{"id": "technology-first", "evidence": ["é, ü and 中文 survive"]}],
}


def test_a_stored_result_reads_back_equal_with_its_fingerprint(
    sessions: sessionmaker[Session], acme: FirmData
) -> None:
    with session_scope(sessions) as session:
        assessments = AssessmentRepository(session)
        assert assessments.result(acme.firm.id, acme.assessment.id) is None
        assert assessments.store_result(acme.firm.id, acme.assessment.id, RESULT, "f" * 64)
    with session_scope(sessions) as session:
        stored = AssessmentRepository(session).result(acme.firm.id, acme.assessment.id)
        record = AssessmentRepository(session).get(acme.firm.id, acme.assessment.id)
    assert stored is not None
    assert stored.result == RESULT
    assert stored.fingerprint == "f" * 64
    assert record is not None
    assert record.result_fingerprint == "f" * 64


def test_a_rendered_report_is_kept_under_its_key(sessions: sessionmaker[Session]) -> None:
    pdf = b"%PDF-1.7\n\x00\xff binary \x80 body"
    with session_scope(sessions) as session:
        cache = ReportCache(session)
        assert cache.get("k1") is None
        cache.put("k1", "application/pdf", pdf)
        cache.put("k1", "application/pdf", pdf)  # rendered twice from the same inputs
        cache.put("k2", "text/html", b"<html></html>")
    with session_scope(sessions) as session:
        cache = ReportCache(session)
        kept = cache.get("k1")
        other = cache.get("k2")
    assert kept is not None
    assert (kept.media_type, kept.content) == ("application/pdf", pdf)
    assert other is not None
    assert other.content == b"<html></html>"


def test_report_jobs_are_claimed_once_and_finished(
    sessions: sessionmaker[Session], acme: FirmData, rival: FirmData
) -> None:
    with session_scope(sessions) as session:
        jobs = ReportJobRepository(session)
        first = jobs.enqueue(
            acme.assessment.id, kind="executive", options={"lang": "en"}, cache_key="k1"
        )
        second = jobs.enqueue(acme.assessment.id, kind="full", options={}, cache_key="k2")
    assert first.status is JobStatus.QUEUED
    with session_scope(sessions) as session:
        jobs = ReportJobRepository(session)
        claimed = [jobs.claim_next(), jobs.claim_next(), jobs.claim_next()]
        jobs.finish(first.id)
        jobs.finish(second.id, error="WeasyPrint ran out of memory")
    assert [job.id if job else None for job in claimed] == [first.id, second.id, None]
    assert claimed[0] is not None
    assert claimed[0].status is JobStatus.RUNNING
    assert claimed[0].options == {"lang": "en"}
    with session_scope(sessions) as session:
        jobs = ReportJobRepository(session)
        done, failed = jobs.get(acme.firm.id, first.id), jobs.get(acme.firm.id, second.id)
        assert jobs.get(rival.firm.id, first.id) is None
    assert done is not None
    assert done.status is JobStatus.DONE
    assert done.finished_at is not None
    assert failed is not None
    assert (failed.status, failed.error) == (JobStatus.FAILED, "WeasyPrint ran out of memory")
