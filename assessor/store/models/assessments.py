"""Assessments of a client: which questionnaire, targets, status and the stored scored result."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from assessor.store.base import Base, UtcDateTime, string_enum, utcnow


class AssessmentStatus(enum.Enum):
    """Where an assessment stands: being set up, collecting answers, or closed."""

    DRAFT = "draft"
    COLLECTING = "collecting"
    CLOSED = "closed"


class Assessment(Base):
    """One run of a questionnaire for a client, with its targets and its last scored result."""

    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    questionnaire_id: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(200))
    assessed_on: Mapped[dt.date] = mapped_column()
    targets: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    status: Mapped[AssessmentStatus] = mapped_column(
        string_enum(AssessmentStatus),
        default=AssessmentStatus.DRAFT,
    )
    content_fingerprint: Mapped[str] = mapped_column(String(64))
    result_json: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    result_fingerprint: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)
