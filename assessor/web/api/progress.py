"""The tracked plan and the comparison of two assessments, for a consultant's API token."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import StringConstraints

from assessor.domain.text import tr
from assessor.services.clients import assessment_overview
from assessor.services.history import compare_pair
from assessor.services.tracking import (
    MAX_NOTES,
    MAX_OWNER,
    ActionStatus,
    TrackedPlan,
    tracked_plan,
    update_action,
)
from assessor.web.api import ApiError, body_of, bp, consultant, lang, models
from assessor.web.api.spec import operation
from assessor.web.runtime import unit_of_work, workspace

Answer = tuple[dict[str, Any], int]
Status = Literal["not-started", "in-progress", "done", "blocked"]


class TrackedAction(models.Reply):
    """A planned action and where it stands."""

    id: str
    title: str
    status: Status
    owner: str | None
    starts_on: dt.date | None
    due_on: dt.date | None
    notes: str | None


class TrackedPhase(models.Reply):
    """A phase of the plan, its share of actions done, and its actions."""

    id: str
    title: str
    percent: int
    actions: list[TrackedAction]


class PlanChange(models.Reply):
    """One kept change: which action and field, before and after, who and when."""

    action: str
    field: str
    before: str | None
    after: str | None
    who: str | None
    at: dt.datetime


class Plan(models.Reply):
    """The tracked plan phase by phase, and every change newest first."""

    assessment_id: int
    phases: list[TrackedPhase]
    changes: list[PlanChange]


class ActionUpdate(models.Request):
    """The fields of a planned action to change; absent fields stay, null clears."""

    status: Status | None = None
    owner: Annotated[str, StringConstraints(max_length=MAX_OWNER)] | None = None
    starts_on: dt.date | None = None
    due_on: dt.date | None = None
    notes: Annotated[str, StringConstraints(max_length=MAX_NOTES)] | None = None


class DimensionChange(models.Reply):
    """A dimension's score before and after, and the change."""

    ref: str
    before: float | None
    after: float | None
    change: float | None


class Comparison(models.Reply):
    """What moved between an earlier and a later assessment of a client."""

    before_id: int
    after_id: int
    readiness_before: float | None
    readiness_after: float | None
    band_before: str
    band_after: str
    band_change: int
    dimensions: list[DimensionChange]
    risks_resolved: list[str]
    risks_new: list[str]
    risks_remaining: list[str]
    actions_completed: list[str]
    actions_open: list[str]
    same_content: bool


def _status(value: ActionStatus) -> Status:
    found: Status = value.value
    return found


def plan_body(assessment_id: int, plan: TrackedPlan, language: str) -> dict[str, Any]:
    """The tracked plan as the API shows it."""
    phases = [
        TrackedPhase(
            id=phase.phase.id,
            title=tr(phase.phase.title, language),
            percent=phase.percent,
            actions=[
                TrackedAction(
                    id=row.action.id,
                    title=tr(row.action.title, language),
                    status=_status(row.status),
                    owner=row.owner,
                    starts_on=row.starts_on,
                    due_on=row.due_on,
                    notes=row.notes,
                )
                for row in phase.rows
            ],
        )
        for phase in plan.phases
    ]
    changes = [
        PlanChange(
            action=c.change.action_id,
            field=c.change.field,
            before=c.change.before,
            after=c.change.after,
            who=c.who,
            at=c.change.changed_at,
        )
        for c in plan.history
    ]
    body = Plan(assessment_id=assessment_id, phases=phases, changes=changes)
    return body.model_dump(mode="json")


def _plan(assessment_id: int, language: str) -> Answer:
    with unit_of_work() as session:
        if assessment_overview(session, consultant(), assessment_id) is None:
            raise ApiError(404, "no such assessment")
        found = tracked_plan(session, workspace(), consultant(), assessment_id)
    if found is None:
        raise ApiError(409, "nobody has submitted answers yet: there is no plan")
    return plan_body(assessment_id, found, language), 200


@operation(
    bp,
    "GET",
    "/assessments/{assessment_id}/plan",
    "The tracked plan: each action's status, owner, dates and notes; each phase's progress",
    replies={200: ("The plan", Plan), 409: ("Nobody has submitted yet", models.Error)},
    lang=True,
)
def get_plan(assessment_id: int) -> Answer:
    """The plan phase by phase as tracked, and the change history newest first."""
    return _plan(assessment_id, lang())


@operation(
    bp,
    "PATCH",
    "/assessments/{assessment_id}/plan/{action}",
    "Change where a planned action stands (every change is kept with who and when)",
    body=ActionUpdate,
    replies={
        200: ("The plan after the change", Plan),
        409: ("Nobody has submitted yet", models.Error),
    },
    lang=True,
)
def update_plan_action(assessment_id: int, action: str) -> Answer:
    """Set the given fields of one planned action; 404 for an action not in the plan."""
    language = lang()
    given = body_of(ActionUpdate)
    values: dict[str, object] = {
        name: getattr(given, name) for name in given.model_fields_set if name != "status"
    }
    if "status" in given.model_fields_set:
        if given.status is None:
            raise ApiError(422, "status cannot be cleared")
        values["status"] = ActionStatus(given.status)
    with unit_of_work() as session:
        if assessment_overview(session, consultant(), assessment_id) is None:
            raise ApiError(404, "no such assessment")
        if tracked_plan(session, workspace(), consultant(), assessment_id) is None:
            raise ApiError(409, "nobody has submitted answers yet: there is no plan")
        changed = update_action(session, workspace(), consultant(), assessment_id, action, values)
    if changed is None:
        raise ApiError(404, "no such action in this assessment's plan")
    return _plan(assessment_id, language)


@operation(
    bp,
    "GET",
    "/assessments/{assessment_id}/compare/{other_id}",
    "Two assessments of a client compared, the earlier first",
    replies={200: ("What moved", Comparison)},
)
def compare(assessment_id: int, other_id: int) -> Answer:
    """Change per dimension, band change, risks resolved and new, actions completed."""
    with unit_of_work() as session:
        pair = compare_pair(session, workspace(), consultant(), [assessment_id, other_id])
    if pair is None:
        raise ApiError(404, "no two scored assessments of one client with these ids")
    found = pair.comparison
    body = Comparison(
        before_id=pair.before.record.id,
        after_id=pair.after.record.id,
        readiness_before=found.readiness_before,
        readiness_after=found.readiness_after,
        band_before=found.band_before,
        band_after=found.band_after,
        band_change=found.band_change,
        dimensions=[
            DimensionChange(ref=d.ref, before=d.before, after=d.after, change=d.change)
            for d in found.dimensions
        ],
        risks_resolved=found.risks_resolved,
        risks_new=found.risks_new,
        risks_remaining=found.risks_remaining,
        actions_completed=found.actions_completed,
        actions_open=found.actions_open,
        same_content=found.same_content,
    )
    return body.model_dump(mode="json"), 200
