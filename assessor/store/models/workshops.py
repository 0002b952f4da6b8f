"""Live workshops of an assessment: the join code, who joined, and the answers agreed in the room."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from assessor.store.base import Base, UtcDateTime, string_enum, utcnow


class WorkshopMode(enum.Enum):
    """Pre-work (answered alone before the session), live in the room, or closed."""

    PREWORK = "prework"
    LIVE = "live"
    CLOSED = "closed"


class Workshop(Base):
    """The workshop of an assessment (one each), joined with a short expiring code."""

    __tablename__ = "workshops"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), unique=True
    )
    code: Mapped[str] = mapped_column(String(6), unique=True)
    code_expires_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    mode: Mapped[WorkshopMode] = mapped_column(string_enum(WorkshopMode), default=WorkshopMode.LIVE)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class WorkshopParticipant(Base):
    """A respondent who joined through the workshop's code (not by a personal invitation)."""

    __tablename__ = "workshop_participants"

    respondent_id: Mapped[int] = mapped_column(
        ForeignKey("respondents.id", ondelete="CASCADE"), primary_key=True
    )
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    joined_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class ConsensusAnswer(Base):
    """The answer the room agreed for one question of an assessment, with the facilitator's note."""

    __tablename__ = "consensus_answers"
    __table_args__ = (UniqueConstraint("assessment_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[str] = mapped_column(String(100))
    value: Mapped[Any] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)
