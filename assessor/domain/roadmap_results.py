"""The results of a roadmap: phases, scheduled actions and why, the KPI plan: plain frozen data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import TypeAdapter

from assessor.domain.version import ENGINE_VERSION

Text = str | dict[str, str]
"""A text of the content as a result carries it: English, or every language it has."""


RationaleKind = Literal["gap", "risk", "prerequisite", "follow-up"]


@dataclass(frozen=True)
class Rationale:
    """Why an action is in the plan, as a fact the report words.

    - `gap`: dimension `ref` scored `score` against its `target`;
    - `risk`: it mitigates risk `ref`;
    - `prerequisite`: action `ref` needs it first;
    - `follow-up`: it rolls out what pilot `ref` proved.
    """

    kind: RationaleKind
    ref: str
    score: float | None = None
    target: float | None = None


@dataclass(frozen=True)
class ScheduledAction:
    """An action placed in the schedule (weeks are 1-based and inclusive)."""

    id: str
    title: Text
    description: Text
    phase: str
    effort: str
    impact: str
    duration_weeks: int
    start_week: int
    end_week: int
    start: dt.date | None
    end: dt.date | None
    prerequisites: list[str]
    rationale: list[Rationale]
    kpis: list[str]
    deliverables: list[Text]
    quick_win: bool
    critical: bool
    source: Text
    assumed_in_place: list[str] = field(default_factory=list)
    """Prerequisites left out of the plan because their areas are at target (see docs/roadmap.md)."""
    every_weeks: int | None = None
    """Recurring work: after its first weeks, it repeats every this many weeks to the plan's end."""
    planned_weeks: int | None = None
    """The library's duration when the company's scale changed it (None when unchanged)."""
    scaled_by: str | None = None
    """What changed it: 'size', or the roadmap model's `scale_by` rule ('users', 'data')."""


@dataclass(frozen=True)
class SkipReason:
    """Why a phase has nothing to do: no action for it, its areas at target or not assessed,
    or, when an area is still below target, the gap left and the actions the evidence shows done.

    Areas are dimension refs, the most often raised by the phase's actions first.
    """

    no_actions: bool = False
    at_target: list[str] = field(default_factory=list)
    unassessed: list[str] = field(default_factory=list)
    below_target: dict[str, float] = field(default_factory=dict)
    """Areas below target whose actions were left out (planned elsewhere or done), with gaps."""
    done: list[str] = field(default_factory=list)
    """The phase's actions the evidence shows done."""


@dataclass(frozen=True)
class PhasePlan:
    """A methodology phase with its actions, or the reason it is skipped."""

    id: str
    title: Text
    description: Text
    skipped: bool
    skip: SkipReason | None
    start_week: int | None
    end_week: int | None
    actions: list[ScheduledAction]


@dataclass(frozen=True)
class KpiPlanItem:
    """A KPI to track: what it measures, how, and blanks for baseline and target."""

    id: str
    title: Text
    measures: Text
    how: Text
    unit: Text
    direction: str
    baseline: float | None
    target: float | None
    moved_by: list[str]


LeftOutReason = Literal["done", "allowance", "unknown-action", "late"]


@dataclass(frozen=True)
class LeftOut:
    """A risk's mitigation not in the plan, or not in time, and why.

    - `done`: the evidence shows it done (its `done_when` holds);
    - `allowance`: past the number of mitigations the roadmap model plans for the severity;
    - `unknown-action`: the action library has no such action;
    - `late`: planned, but it cannot start within `within_days` although the risk is critical.
    """

    risk: str
    action: str
    reason: LeftOutReason
    start_week: int | None = None


@dataclass(frozen=True)
class Roadmap:
    """The phased plan: phases in methodology order, schedule, quick wins, KPI plan."""

    start: dt.date | None
    total_weeks: int
    phases: list[PhasePlan]
    critical_path: list[str]
    quick_wins: list[str]
    kpi_plan: list[KpiPlanItem]
    left_out: list[LeftOut] = field(default_factory=list)
    """Every listed mitigation of a triggered risk that is not in the plan (or not in time)."""
    done: list[str] = field(default_factory=list)
    """Actions never recommended because the evidence shows them done."""
    scale: float = 1.0
    """The duration factor the company's size gave (1 when not answered)."""
    scales: dict[str, float] = field(default_factory=dict)
    """The factor of each named scale rule (users, data volume) the answers gave."""
    content_fingerprint: str = ""
    """The fingerprint of the content it was planned with."""
    engine_version: str = ENGINE_VERSION
    """The version of the engine that planned it."""

    @property
    def actions(self) -> list[ScheduledAction]:
        """Every scheduled action, phase by phase."""
        return [action for phase in self.phases for action in phase.actions]

    def dump(self) -> dict[str, Any]:
        """Everything, in every language, as JSON-ready data that `load` reads back equal."""
        return dict(_ROADMAP.dump_python(self, mode="json"))

    @staticmethod
    def load(data: Any) -> Roadmap:
        """A roadmap from the data `dump` wrote; ValueError when it is not one."""
        return _ROADMAP.validate_python(data)


_ROADMAP: TypeAdapter[Roadmap] = TypeAdapter(Roadmap)
