"""Place actions in weeks: earliest start under prerequisites and phase gates, and the critical path.

Weeks are 1-based and inclusive: an action of `d` weeks starting in week `s` ends in week
`s + d - 1`, and whatever waits for it starts in week `s + d` at the earliest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assessor.domain.schema import Action, Phase


class ScheduleError(ValueError):
    """Actions that wait on each other, so no schedule can satisfy them."""

    def __init__(self, cycle: Sequence[str]) -> None:
        self.cycle = list(cycle)
        super().__init__("actions wait on each other: " + " waits for ".join(self.cycle))


@dataclass(frozen=True)
class Task:
    """An action to schedule: its phase, duration, the scheduled actions it needs first, and
    whether the phases gated on its own wait for it (side work does not hold them)."""

    id: str
    phase: str
    duration_weeks: int
    prerequisites: tuple[str, ...] = ()
    holds_gate: bool = True


@dataclass(frozen=True)
class Slot:
    """Where a task sits: its weeks and how many weeks it could slip without delaying the end."""

    start_week: int
    end_week: int
    total_float: int

    @property
    def critical(self) -> bool:
        """Whether any delay to this task delays the whole plan."""
        return self.total_float == 0


@dataclass(frozen=True)
class Schedule:
    """Every task's slot, the plan's length in weeks, and the critical path: one chain of
    critical tasks, each starting the week after the one before it ends (parallel critical
    tasks are marked on their slots, not put in the chain)."""

    slots: dict[str, Slot]
    total_weeks: int
    critical_path: list[str]


def phase_gates(phases: Sequence[Phase]) -> dict[str, frozenset[str]]:
    """For each phase, every phase that must end before it starts (`starts_after`, transitively)."""
    direct = {phase.id: list(phase.starts_after) for phase in phases}
    gates: dict[str, frozenset[str]] = {}
    for phase in phases:
        seen: set[str] = set()
        todo = list(direct[phase.id])
        while todo:
            before = todo.pop()
            if before not in seen and before != phase.id:
                seen.add(before)
                todo.extend(direct.get(before, []))
        gates[phase.id] = frozenset(seen)
    return gates


def predecessors(
    tasks: Sequence[Task],
    gates: Mapping[str, frozenset[str]],
    ungated: frozenset[str] = frozenset(),
) -> dict[str, list[str]]:
    """For each task, the tasks that must end before it starts: prerequisites, then phase gates
    (an `ungated` task waits for its prerequisites only; a gate waits only for the tasks of the
    earlier phase that hold it, not for side work)."""
    by_phase: dict[str, list[str]] = {}
    for task in tasks:
        if task.holds_gate:
            by_phase.setdefault(task.phase, []).append(task.id)
    known = {task.id for task in tasks}
    graph: dict[str, list[str]] = {}
    for task in tasks:
        before = [p for p in task.prerequisites if p in known]
        for phase_id in sorted(
            gates.get(task.phase, frozenset()) if task.id not in ungated else ()
        ):
            before.extend(by_phase.get(phase_id, []))
        graph[task.id] = list(dict.fromkeys(before))
    return graph


def schedule(
    tasks: Sequence[Task],
    gates: Mapping[str, frozenset[str]],
    ungated: frozenset[str] = frozenset(),
) -> Schedule:
    """The earliest schedule of the tasks, with total float and critical path (CPM)."""
    before = predecessors(tasks, gates, ungated)
    order = _topological(tasks, before)
    duration = {task.id: task.duration_weeks for task in tasks}
    start: dict[str, int] = {}
    end: dict[str, int] = {}
    for tid in order:
        start[tid] = max((end[p] for p in before[tid]), default=0) + 1
        end[tid] = start[tid] + duration[tid] - 1
    total = max(end.values(), default=0)
    after: dict[str, list[str]] = {tid: [] for tid in order}
    for tid in order:
        for p in before[tid]:
            after[p].append(tid)
    latest_end: dict[str, int] = {}
    for tid in reversed(order):
        latest_end[tid] = min(
            (latest_end[s] - duration[s] for s in after[tid]),
            default=total,
        )
    slots = {
        task.id: Slot(start[task.id], end[task.id], latest_end[task.id] - end[task.id])
        for task in tasks
    }
    return Schedule(slots=slots, total_weeks=total, critical_path=_chain(tasks, slots, before))


def _chain(
    tasks: Sequence[Task], slots: Mapping[str, Slot], before: Mapping[str, list[str]]
) -> list[str]:
    """One critical path as a chain: from the first critical task that ends the plan, back
    through the predecessor that drives its start (prerequisites before gates, then input order)."""
    position = {task.id: i for i, task in enumerate(tasks)}
    total = max((slot.end_week for slot in slots.values()), default=0)
    ends = [t.id for t in tasks if slots[t.id].critical and slots[t.id].end_week == total]
    chain = ends[:1]
    while chain:
        start = slots[chain[-1]].start_week
        prerequisites = next(t.prerequisites for t in tasks if t.id == chain[-1])
        driving = sorted(
            (p for p in before[chain[-1]] if slots[p].critical and slots[p].end_week == start - 1),
            key=lambda p: (p not in prerequisites, position[p]),
        )
        if not driving:
            break
        chain.append(driving[0])
    return chain[::-1]


def _topological(tasks: Sequence[Task], before: Mapping[str, list[str]]) -> list[str]:
    """Tasks in an order where each comes after its predecessors, ties kept in input order."""
    waiting = {tid: len(preds) for tid, preds in before.items()}
    after: dict[str, list[str]] = {task.id: [] for task in tasks}
    for tid, preds in before.items():
        for p in preds:
            after[p].append(tid)
    ready = [task.id for task in tasks if waiting[task.id] == 0]
    order: list[str] = []
    while ready:
        tid = ready.pop(0)
        order.append(tid)
        for nxt in after[tid]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                ready.append(nxt)
    if len(order) < len(tasks):
        done = set(order)
        stuck = [task.id for task in tasks if task.id not in done]
        raise ScheduleError(_cycle(stuck, before))
    return order


def _cycle(stuck: list[str], before: Mapping[str, list[str]]) -> list[str]:
    """One cycle among tasks that can never start: `[a, b, a]` when a waits for b and b for a."""
    trail = [stuck[0]]
    while True:
        nxt = next(p for p in before[trail[-1]] if p in stuck)
        if nxt in trail:
            return [*trail[trail.index(nxt) :], nxt]
        trail.append(nxt)


def phase_order_conflict(actions: Sequence[Action], phases: Sequence[Phase]) -> list[str] | None:
    """A cycle that makes the action library unschedulable under its phase gates, or None.

    A library that schedules as a whole schedules in every selection from it. Cycles of
    prerequisites alone are not reported here (content validation reports them already).
    """
    tasks = [
        Task(a.id, a.phase, a.duration_weeks, tuple(a.prerequisites), holds_gate(a))
        for a in actions
    ]
    try:
        _topological(tasks, predecessors(tasks, {}))
    except ScheduleError:
        return None
    try:
        _topological(tasks, predecessors(tasks, phase_gates(phases)))
    except ScheduleError as exc:
        return exc.cycle
    return None


def holds_gate(action: Action) -> bool:
    """Whether the phases gated on an action's phase wait for it: not for side work (declared
    `side_work`) nor for recurring work, which runs on beside the later phases."""
    return not action.side_work and action.recurring is None


def week_start(start: dt.date, week: int) -> dt.date:
    """The first day of a plan week (week 1 starts on the start date)."""
    return start + dt.timedelta(days=7 * (week - 1))


def week_end(start: dt.date, week: int) -> dt.date:
    """The last working day of a plan week: its fifth day (a Friday when the plan starts on a Monday)."""
    return start + dt.timedelta(days=7 * (week - 1) + 4)
