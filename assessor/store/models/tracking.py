"""The roadmap as a tracked plan: each planned action's status, owner, dates, and every change."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from assessor.store.base import Base, UtcDateTime, string_enum, utcnow


class ActionStatus(enum.Enum):
    """Where a planned action stands."""

    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    BLOCKED = "blocked"


class TrackedAction(Base):
    """One planned action of an assessment's roadmap as the client carries it out."""

    __tablename__ = "tracked_actions"
    __table_args__ = (UniqueConstraint("assessment_id", "action_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), index=True
    )
    action_id: Mapped[str] = mapped_column(String(100))
    status: Mapped[ActionStatus] = mapped_column(
        string_enum(ActionStatus), default=ActionStatus.NOT_STARTED
    )
    owner: Mapped[str | None] = mapped_column(String(200))
    starts_on: Mapped[dt.date | None] = mapped_column()
    due_on: Mapped[dt.date | None] = mapped_column()
    notes: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class ActionChange(Base):
    """One change to a tracked action: who changed which field from what to what, and when."""

    __tablename__ = "action_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), index=True
    )
    action_id: Mapped[str] = mapped_column(String(100))
    field: Mapped[str] = mapped_column(String(20))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    changed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    changed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
