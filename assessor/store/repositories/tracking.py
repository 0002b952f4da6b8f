"""The tracked roadmap: each planned action's status, owner, dates and notes, and every change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.store.base import utcnow
from assessor.store.models import ActionChange, ActionStatus, Assessment, Client, TrackedAction

TRACKED_FIELDS = ("status", "owner", "starts_on", "due_on", "notes")
"""What may change on a tracked action (each change is kept)."""


@dataclass(frozen=True)
class TrackedRecord:
    """Where one planned action stands."""

    action_id: str
    status: ActionStatus
    owner: str | None
    starts_on: dt.date | None
    due_on: dt.date | None
    notes: str | None
    updated_at: dt.datetime


@dataclass(frozen=True)
class ChangeRecord:
    """One kept change: which action, which field, before and after, by whom and when."""

    action_id: str
    field: str
    before: str | None
    after: str | None
    changed_by: int | None
    changed_at: dt.datetime


class TrackingRepository:
    """The tracked actions of a firm's assessments."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def tracked(self, firm_id: int, assessment_id: int) -> dict[str, TrackedRecord]:
        """Every tracked action of the firm's assessment, by action id."""
        if not self._owns(firm_id, assessment_id):
            return {}
        rows = self.session.scalars(
            select(TrackedAction).where(TrackedAction.assessment_id == assessment_id)
        )
        return {row.action_id: _record(row) for row in rows}

    def update(
        self,
        firm_id: int,
        assessment_id: int,
        action_id: str,
        values: Mapping[str, object],
        *,
        user_id: int | None,
        at: dt.datetime | None = None,
    ) -> list[ChangeRecord] | None:
        """Change an action's fields and keep each change; None if not the firm's assessment."""
        if not self._owns(firm_id, assessment_id):
            return None
        row = self.session.scalars(
            select(TrackedAction)
            .where(TrackedAction.assessment_id == assessment_id)
            .where(TrackedAction.action_id == action_id)
            .with_for_update()
        ).one_or_none()
        if row is None:
            row = TrackedAction(
                assessment_id=assessment_id, action_id=action_id, status=ActionStatus.NOT_STARTED
            )
            self.session.add(row)
        when = at or utcnow()
        changes = []
        for name in TRACKED_FIELDS:
            if name not in values or values[name] == getattr(row, name):
                continue
            before, after = _text(getattr(row, name)), _text(values[name])
            setattr(row, name, values[name])
            change = ActionChange(
                assessment_id=assessment_id,
                action_id=action_id,
                field=name,
                before=before,
                after=after,
                changed_by=user_id,
                changed_at=when,
            )
            self.session.add(change)
            changes.append(_change(change))
        if changes:
            row.updated_at = when
        self.session.flush()
        return changes

    def history(self, firm_id: int, assessment_id: int) -> list[ChangeRecord]:
        """Every kept change of the firm's assessment's plan, oldest first."""
        if not self._owns(firm_id, assessment_id):
            return []
        rows = self.session.scalars(
            select(ActionChange)
            .where(ActionChange.assessment_id == assessment_id)
            .order_by(ActionChange.changed_at, ActionChange.id)
        )
        return [_change(row) for row in rows]

    def _owns(self, firm_id: int, assessment_id: int) -> bool:
        found = self.session.scalar(
            select(Assessment.id)
            .join(Client, Client.id == Assessment.client_id)
            .where(Assessment.id == assessment_id, Client.firm_id == firm_id)
        )
        return found is not None


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, ActionStatus):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _record(row: TrackedAction) -> TrackedRecord:
    return TrackedRecord(
        row.action_id, row.status, row.owner, row.starts_on, row.due_on, row.notes, row.updated_at
    )


def _change(row: ActionChange) -> ChangeRecord:
    return ChangeRecord(
        row.action_id, row.field, row.before, row.after, row.changed_by, row.changed_at
    )
