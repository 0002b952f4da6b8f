"""What the repositories return: plain frozen records, detached from any session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assessor.domain.responses import AnswerValue
from assessor.store.models import AssessmentStatus, JobStatus


@dataclass(frozen=True)
class FirmRecord:
    """A consulting firm."""

    id: int
    name: str
    created_at: dt.datetime


@dataclass(frozen=True)
class UserRecord:
    """A consultant of a firm (never carries the password or token hash)."""

    id: int
    firm_id: int
    email: str
    display_name: str
    is_admin: bool
    active: bool
    created_at: dt.datetime


@dataclass(frozen=True)
class ClientRecord:
    """An organisation a firm assesses."""

    id: int
    firm_id: int
    organisation: str
    sector: str | None
    size: int | None
    created_at: dt.datetime


@dataclass(frozen=True)
class AssessmentRecord:
    """An assessment of a client, without its stored result."""

    id: int
    firm_id: int
    client_id: int
    questionnaire_id: str
    title: str
    assessed_on: dt.date
    targets: Mapping[str, float]
    status: AssessmentStatus
    content_fingerprint: str
    result_fingerprint: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class StoredResult:
    """An assessment's scored result as JSON, and the fingerprint of the inputs it came from."""

    result: Mapping[str, Any]
    fingerprint: str


@dataclass(frozen=True)
class RespondentRecord:
    """Someone invited to answer an assessment; `public_id` is their stable opaque id."""

    id: int
    assessment_id: int
    public_id: str
    name: str | None
    role: str
    expires_at: dt.datetime
    submitted_at: dt.datetime | None
    created_at: dt.datetime


@dataclass(frozen=True)
class Invitation:
    """A new respondent and the raw link token, which is shown once and never stored."""

    respondent: RespondentRecord
    token: str


@dataclass(frozen=True)
class AnswerRecord:
    """One saved answer with its evidence and comment."""

    question_id: str
    value: AnswerValue
    evidence: str | None
    comment: str | None
    updated_at: dt.datetime


@dataclass(frozen=True)
class ReportJobRecord:
    """A report rendering job and where it stands."""

    id: int
    assessment_id: int
    kind: str
    options: Mapping[str, Any]
    cache_key: str
    status: JobStatus
    error: str | None
    created_at: dt.datetime
    finished_at: dt.datetime | None


@dataclass(frozen=True)
class RenderedReportRecord:
    """A rendered report's bytes and media type."""

    cache_key: str
    media_type: str
    content: bytes
    created_at: dt.datetime


@dataclass(frozen=True)
class ImportMappingRecord:
    """A firm's saved column-to-question mapping for importing answers."""

    id: int
    firm_id: int
    name: str
    questionnaire_id: str
    mapping: Mapping[str, Any]
    saved_by: int | None
    saved_at: dt.datetime
