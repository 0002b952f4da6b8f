"""Scheduling in weeks: prerequisites, phase gates, parallel work, critical path and dates."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessor.domain.schedule import (
    ScheduleError,
    Task,
    phase_gates,
    phase_order_conflict,
    predecessors,
    schedule,
    week_end,
    week_start,
)
from assessor.domain.schema import Action, Phase


def phase(pid: str, *after: str) -> Phase:
    return Phase(
        id=pid, title=pid.title(), description="-", source="test", starts_after=list(after)
    )


PHASES = [
    phase("vision"),
    phase("strategy", "vision"),
    phase("organisation", "strategy"),
    phase("technology", "organisation"),
]
GATES = phase_gates(PHASES)


def weeks(
    tasks: list[Task], gates: dict[str, frozenset[str]] | None = None
) -> dict[str, tuple[int, int]]:
    plan = schedule(tasks, gates if gates is not None else {})
    return {tid: (slot.start_week, slot.end_week) for tid, slot in plan.slots.items()}


def test_an_action_starts_the_week_after_its_prerequisite_ends() -> None:
    tasks = [Task("a", "vision", 3), Task("b", "vision", 2, ("a",))]
    assert weeks(tasks) == {"a": (1, 3), "b": (4, 5)}


def test_independent_actions_run_in_parallel() -> None:
    tasks = [Task("a", "vision", 3), Task("b", "vision", 5), Task("c", "vision", 1, ("a",))]
    assert weeks(tasks) == {"a": (1, 3), "b": (1, 5), "c": (4, 4)}


def test_a_phase_waits_for_every_action_of_the_phases_it_starts_after() -> None:
    tasks = [
        Task("short", "strategy", 2),
        Task("long", "strategy", 6),
        Task("train", "organisation", 1),
    ]
    assert weeks(tasks, GATES)["train"] == (7, 7)


def test_gates_hold_across_a_phase_with_nothing_to_do() -> None:
    """Technology starts after organisation only, but organisation is empty: it still waits for strategy."""
    assert GATES["technology"] == {"organisation", "strategy", "vision"}
    tasks = [Task("segment", "strategy", 4), Task("pilot", "technology", 3)]
    assert weeks(tasks, GATES) == {"segment": (1, 4), "pilot": (5, 7)}


def test_predecessors_list_prerequisites_then_gated_phases() -> None:
    tasks = [Task("v", "vision", 1), Task("s", "strategy", 1), Task("p", "technology", 1, ("s",))]
    assert predecessors(tasks, GATES) == {"v": [], "s": ["v"], "p": ["s", "v"]}


def test_the_critical_path_is_the_longest_chain_and_the_rest_has_float() -> None:
    tasks = [
        Task("a", "vision", 2),
        Task("b", "vision", 5, ("a",)),
        Task("c", "vision", 3, ("a",)),
        Task("d", "vision", 1, ("b", "c")),
    ]
    plan = schedule(tasks, {})
    assert plan.total_weeks == 8
    assert plan.critical_path == ["a", "b", "d"]
    assert plan.slots["c"].total_float == 2
    assert not plan.slots["c"].critical


def test_actions_that_wait_on_each_other_are_refused() -> None:
    tasks = [Task("a", "vision", 1, ("b",)), Task("b", "vision", 1, ("a",))]
    with pytest.raises(ScheduleError, match="a waits for b waits for a"):
        schedule(tasks, {})


def test_a_prerequisite_in_a_later_phase_is_refused() -> None:
    tasks = [Task("segment", "strategy", 1, ("pilot",)), Task("pilot", "technology", 1)]
    with pytest.raises(ScheduleError, match="waits for"):
        schedule(tasks, GATES)


def action(aid: str, phase_id: str, *prerequisites: str) -> Action:
    return Action(
        id=aid,
        title=aid,
        description="-",
        phase=phase_id,
        effort="low",
        impact="high",
        duration_weeks=1,
        prerequisites=list(prerequisites),
        raises=["demo/vision"],
        source="test",
    )


def test_a_library_whose_prerequisites_contradict_the_phase_order_is_named() -> None:
    library = [action("vision", "vision", "pilot"), action("pilot", "technology")]
    assert phase_order_conflict(library, PHASES) == ["vision", "pilot", "vision"]
    assert (
        phase_order_conflict(
            [action("vision", "vision"), action("pilot", "technology", "vision")], PHASES
        )
        is None
    )


def test_a_plain_prerequisite_cycle_is_left_to_the_cycle_check() -> None:
    library = [action("a", "vision", "b"), action("b", "vision", "a")]
    assert phase_order_conflict(library, PHASES) is None


def test_no_tasks_make_an_empty_plan() -> None:
    plan = schedule([], GATES)
    assert (plan.slots, plan.total_weeks, plan.critical_path) == ({}, 0, [])


def test_weeks_become_dates_from_monday_to_friday() -> None:
    monday = dt.date(2025, 1, 6)
    assert week_start(monday, 1) == monday
    assert week_end(monday, 1) == dt.date(2025, 1, 10)
    assert week_start(monday, 3) == dt.date(2025, 1, 20)
    assert week_end(monday, 3) == dt.date(2025, 1, 24)


# --- properties over generated plans ----------------------------------------------------------------

PHASE_IDS = [p.id for p in PHASES]


@st.composite
def task_lists(draw: st.DrawFn) -> list[Task]:
    """Tasks in phase order whose prerequisites name earlier tasks (as validated content does)."""
    count = draw(st.integers(0, 12))
    tasks: list[Task] = []
    for i in range(count):
        phase_index = draw(st.integers(0, len(PHASE_IDS) - 1))
        earlier = [t.id for t in tasks if PHASE_IDS.index(t.phase) <= phase_index]
        prerequisites = draw(st.lists(st.sampled_from(earlier), unique=True)) if earlier else []
        tasks.append(
            Task(f"t{i}", PHASE_IDS[phase_index], draw(st.integers(1, 8)), tuple(prerequisites))
        )
    return sorted(tasks, key=lambda t: PHASE_IDS.index(t.phase))


@settings(max_examples=200, deadline=None)
@given(task_lists())
def test_every_constraint_holds_and_nothing_starts_later_than_it_must(tasks: list[Task]) -> None:
    plan = schedule(tasks, GATES)
    before = predecessors(tasks, GATES)
    for task in tasks:
        slot = plan.slots[task.id]
        assert slot.end_week == slot.start_week + task.duration_weeks - 1
        for p in before[task.id]:
            assert slot.start_week > plan.slots[p].end_week
        earliest = max((plan.slots[p].end_week for p in before[task.id]), default=0) + 1
        assert slot.start_week == earliest
    assert plan.total_weeks == max((s.end_week for s in plan.slots.values()), default=0)


@settings(max_examples=200, deadline=None)
@given(task_lists())
def test_only_critical_actions_delay_the_end_when_they_slip(tasks: list[Task]) -> None:
    plan = schedule(tasks, GATES)
    for i, task in enumerate(tasks):
        longer = [
            *tasks[:i],
            dataclasses.replace(task, duration_weeks=task.duration_weeks + 1),
            *tasks[i + 1 :],
        ]
        slipped = schedule(longer, GATES).total_weeks
        assert (slipped > plan.total_weeks) == plan.slots[task.id].critical
    if tasks:
        assert plan.critical_path
        assert plan.slots[plan.critical_path[-1]].end_week == plan.total_weeks
        starts = [plan.slots[t].start_week for t in plan.critical_path]
        assert starts == sorted(starts)


def test_parallel_critical_tasks_are_marked_but_the_path_is_one_chain() -> None:
    """reports.md #8(c): two critical tasks in parallel were drawn as one arrow chain."""
    tasks = [
        Task("a", "vision", 2),
        Task("b", "vision", 2),
        Task("c", "vision", 1, ("a", "b")),
    ]
    plan = schedule(tasks, {})
    assert plan.slots["a"].critical and plan.slots["b"].critical
    assert plan.critical_path == ["a", "c"]


def test_side_work_holds_no_phase_gate() -> None:
    """content.md (e) 4: a side task of the earlier phase no longer delays the next phase."""
    tasks = [
        Task("sponsor", "mobilise", 2),
        Task("reviewer", "mobilise", 3, ("sponsor",), holds_gate=False),
        Task("vision", "vision", 4),
    ]
    plan = schedule(tasks, {"vision": frozenset({"mobilise"})})
    assert plan.slots["vision"].start_week == 3
    assert plan.critical_path == ["sponsor", "vision"]
