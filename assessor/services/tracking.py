"""The roadmap as a tracked plan: each action's status, owner, dates and notes, and every change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from assessor.domain.results import Roadmap
from assessor.domain.roadmap_results import PhasePlan, ScheduledAction
from assessor.services.accounts import consultants_of
from assessor.services.clients import assessment_of
from assessor.services.exchange import assessment_workbook
from assessor.services.scored import Results, results_of
from assessor.services.workspace import Workspace
from assessor.store.models import ActionStatus
from assessor.store.records import UserRecord
from assessor.store.repositories.tracking import ChangeRecord, TrackedRecord, TrackingRepository

__all__ = [
    "MAX_NOTES",
    "MAX_OWNER",
    "ActionStatus",
    "ChangeRecord",
    "PhaseProgress",
    "PlanChange",
    "TrackedPlan",
    "TrackedRow",
    "done_actions",
    "phase_progress",
    "progress_over_time",
    "statuses_of",
    "tracked_plan",
    "tracked_workbook",
    "update_action",
]

MAX_OWNER = 200
MAX_NOTES = 2000
EXPORT_NAMES = {
    ActionStatus.NOT_STARTED: "not started",
    ActionStatus.IN_PROGRESS: "in progress",
    ActionStatus.DONE: "done",
    ActionStatus.BLOCKED: "blocked",
}
"""Each status as the XLSX Progress sheet names it."""


@dataclass(frozen=True)
class TrackedRow:
    """A planned action and where it stands (not started when nobody touched it)."""

    action: ScheduledAction
    status: ActionStatus
    owner: str | None
    starts_on: dt.date | None
    due_on: dt.date | None
    notes: str | None


@dataclass(frozen=True)
class PhaseProgress:
    """A phase of the plan, its actions as tracked, and the share done in percent."""

    phase: PhasePlan
    rows: list[TrackedRow]

    @property
    def percent(self) -> int:
        """The share of the phase's actions that are done, in whole percent."""
        done = sum(1 for row in self.rows if row.status is ActionStatus.DONE)
        return round(100 * done / len(self.rows)) if self.rows else 0


@dataclass(frozen=True)
class PlanChange:
    """One kept change, with the consultant's name (None once their account is gone)."""

    change: ChangeRecord
    who: str | None


@dataclass(frozen=True)
class TrackedPlan:
    """An assessment's results, its plan phase by phase as tracked, and the change history."""

    results: Results
    phases: list[PhaseProgress]
    history: list[PlanChange]


def tracked_plan(
    session: Session, ws: Workspace, user: UserRecord, assessment_id: int
) -> TrackedPlan | None:
    """The firm's assessment's plan as tracked; None if not the firm's or nothing to plan yet."""
    record = assessment_of(session, user, assessment_id)
    results = results_of(session, ws, record) if record is not None else None
    if results is None:
        return None
    repo = TrackingRepository(session)
    tracked = repo.tracked(user.firm_id, assessment_id)
    names = {u.id: u.display_name for u in consultants_of(session, user)}
    history = [
        PlanChange(c, names.get(c.changed_by) if c.changed_by is not None else None)
        for c in repo.history(user.firm_id, assessment_id)
    ]
    return TrackedPlan(results, phase_progress(results.roadmap, tracked), history)


def phase_progress(roadmap: Roadmap, tracked: Mapping[str, TrackedRecord]) -> list[PhaseProgress]:
    """Each phase with actions, its actions as tracked and its share done."""
    return [
        PhaseProgress(phase, [_row(action, tracked.get(action.id)) for action in phase.actions])
        for phase in roadmap.phases
        if phase.actions
    ]


def update_action(
    session: Session,
    ws: Workspace,
    user: UserRecord,
    assessment_id: int,
    action_id: str,
    values: Mapping[str, object],
) -> list[ChangeRecord] | None:
    """Change a planned action's status, owner, dates or notes; None if no such planned action."""
    record = assessment_of(session, user, assessment_id)
    results = results_of(session, ws, record) if record is not None else None
    if results is None or action_id not in {a.id for a in results.roadmap.actions}:
        return None
    status = values.get("status")
    if status is not None and not isinstance(status, ActionStatus):
        raise ValueError(f"unknown status {status!r}")
    return TrackingRepository(session).update(
        user.firm_id, assessment_id, action_id, _cleaned(values), user_id=user.id
    )


def statuses_of(session: Session, user: UserRecord, assessment_id: int) -> dict[str, str]:
    """Each tracked action's status as the XLSX Progress sheet names it, by action id."""
    tracked = TrackingRepository(session).tracked(user.firm_id, assessment_id)
    return {action_id: EXPORT_NAMES[row.status] for action_id, row in tracked.items()}


def done_actions(session: Session, user: UserRecord, assessment_id: int) -> set[str]:
    """The ids of the firm's assessment's planned actions marked done."""
    tracked = TrackingRepository(session).tracked(user.firm_id, assessment_id)
    return {action_id for action_id, row in tracked.items() if row.status is ActionStatus.DONE}


def tracked_workbook(
    session: Session, ws: Workspace, user: UserRecord, assessment_id: int, lang: str = "en"
) -> bytes | None:
    """The assessment as XLSX, its Progress sheet from the tracked statuses; None if no results."""
    record = assessment_of(session, user, assessment_id)
    results = results_of(session, ws, record) if record is not None else None
    if results is None:
        return None
    progress = statuses_of(session, user, assessment_id)
    return assessment_workbook(
        ws, results.responses, results.assessment, results.roadmap, progress, lang
    )


def progress_over_time(
    roadmap: Roadmap, history: list[ChangeRecord]
) -> list[tuple[dt.datetime, dict[str, int]]]:
    """Each phase's percent done after every status change, replayed from the kept history."""
    phases = [phase for phase in roadmap.phases if phase.actions]
    status: dict[str, str] = {}
    points: list[tuple[dt.datetime, dict[str, int]]] = []
    for change in history:
        if change.field != "status":
            continue
        status[change.action_id] = change.after or ""
        points.append((change.changed_at, _percents(phases, status)))
    return points


def _percents(phases: list[PhasePlan], status: Mapping[str, str]) -> dict[str, int]:
    done = ActionStatus.DONE.value
    return {
        phase.id: round(
            100 * sum(1 for a in phase.actions if status.get(a.id) == done) / len(phase.actions)
        )
        for phase in phases
    }


def _row(action: ScheduledAction, tracked: TrackedRecord | None) -> TrackedRow:
    if tracked is None:
        return TrackedRow(action, ActionStatus.NOT_STARTED, None, None, None, None)
    return TrackedRow(
        action, tracked.status, tracked.owner, tracked.starts_on, tracked.due_on, tracked.notes
    )


def _cleaned(values: Mapping[str, object]) -> dict[str, object]:
    cleaned = dict(values)
    for name, most in (("owner", MAX_OWNER), ("notes", MAX_NOTES)):
        if name in cleaned:
            text = str(cleaned[name] or "").strip()[:most]
            cleaned[name] = text or None
    return cleaned
