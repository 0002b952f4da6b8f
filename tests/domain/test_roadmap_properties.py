"""Roadmap properties on generated assessments (Hypothesis): order, gates, pilots, quick wins, selection."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.domain.content import Content
from assessor.domain.planning import urgent_actions
from assessor.domain.results import Assessment, Roadmap, ScheduledAction
from assessor.domain.roadmap import PILOT, ROLLOUT, pilots_behind, plan_roadmap
from assessor.domain.schedule import holds_gate, phase_gates
from tests.fixtures.roadmap.builders import assessments, fixture_content, shipped_content

CONTENTS: dict[str, Callable[[], Content]] = {
    "fixture": fixture_content,
    "shipped": shipped_content,
}
LOADED: dict[str, Content] = {}

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def content_named(name: str) -> Content:
    if name not in LOADED:
        LOADED[name] = CONTENTS[name]()
    return LOADED[name]


def planned(name: str, data: st.DataObject) -> tuple[Content, Assessment, Roadmap]:
    content = content_named(name)
    assessment = data.draw(assessments(content), label="assessment")
    return content, assessment, plan_roadmap(content, assessment)


@pytest.mark.parametrize("name", CONTENTS)
@SETTINGS
@given(data=st.data())
def test_prerequisites_and_phase_gates_are_always_respected(name: str, data: st.DataObject) -> None:
    content, assessment, roadmap = planned(name, data)
    placed = {a.id: a for a in roadmap.actions}
    gates = phase_gates(content.roadmap.phases)
    urgent = urgent_actions(content, assessment, {a.id: [] for a in roadmap.actions})
    for action in roadmap.actions:
        library = content.actions[action.id]
        assert action.prerequisites == [p for p in library.prerequisites if p in placed]
        assert action.assumed_in_place == [p for p in library.prerequisites if p not in placed]
        for prerequisite in action.prerequisites:
            assert action.start_week > placed[prerequisite].end_week
        for other in roadmap.actions:
            side = not holds_gate(content.actions[other.id])
            if other.phase in gates[action.phase] and action.id not in urgent and not side:
                assert action.start_week > other.end_week, (action.id, other.id)


@pytest.mark.parametrize("name", CONTENTS)
@SETTINGS
@given(data=st.data())
def test_no_technology_before_strategy_and_organisation_and_pilot_before_rollout(
    name: str, data: st.DataObject
) -> None:
    content, _, roadmap = planned(name, data)
    placed = {a.id: a for a in roadmap.actions}
    groundwork = [a.end_week for a in roadmap.actions if a.phase in {"strategy", "organisation"}]
    for action in roadmap.actions:
        if action.phase == "technology":
            assert action.start_week > max(groundwork, default=0)
        if content.actions[action.id].step == ROLLOUT:
            before = planned_before(action.id, placed)
            pilots = [p for p in before if content.actions[p].step == PILOT]
            assert pilots, f"{action.id} is planned without its pilot"
            assert all(placed[p].end_week < action.start_week for p in pilots)


def planned_before(action_id: str, placed: dict[str, ScheduledAction]) -> set[str]:
    """Every planned action the given one waits for through prerequisites, directly or not."""
    found: set[str] = set()
    todo = list(placed[action_id].prerequisites)
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(placed[current].prerequisites)
    return found


@pytest.mark.parametrize("name", CONTENTS)
def test_every_rollout_in_the_library_has_a_pilot_before_it(name: str) -> None:
    """A rollout reaches a pilot through technology prerequisites, so the planner can bring it."""
    content = content_named(name)
    rollouts = [a for a in content.actions.values() if a.step == ROLLOUT]
    assert rollouts
    for rollout in rollouts:
        assert pilots_behind(content, rollout), rollout.id


@pytest.mark.parametrize("name", CONTENTS)
@SETTINGS
@given(data=st.data())
def test_every_gap_and_risk_gets_its_share_of_actions_and_nothing_else(
    name: str, data: st.DataObject
) -> None:
    content, assessment, roadmap = planned(name, data)
    placed = {a.id: a for a in roadmap.actions}
    gapped = {
        ref
        for ref in content.dimension_refs()
        if (d := assessment.dimension(ref)) is not None and d.score is not None and (d.gap or 0) > 0
    }
    rule = content.roadmap.selection
    for ref in gapped:
        gap = assessment.dimension(ref).gap  # type: ignore[union-attr]
        raising = [a.id for a in content.actions.values() if ref in a.raises]
        answering = [aid for aid in raising if aid in placed]
        assert len(answering) >= min(rule.actions_for_gap(gap or 0.0), len(raising)), ref
    for risk in assessment.risks:
        first = risk.mitigations[: rule.mitigations_per_risk[risk.severity]]
        assert set(first) <= set(placed), risk.id
    for action in roadmap.actions:
        assert action.rationale
        for why in action.rationale:
            if why.kind == "gap":
                assert why.ref in gapped and why.ref in content.actions[action.id].raises
            elif why.kind == "risk":
                assert action.id in next(r.mitigations for r in assessment.risks if r.id == why.ref)
            elif why.kind == "follow-up":
                assert action.id.endswith("-rollout") and why.ref in placed
            else:
                assert why.kind == "prerequisite" and action.id in placed[why.ref].prerequisites


@pytest.mark.parametrize("name", CONTENTS)
@SETTINGS
@given(data=st.data())
def test_quick_wins_phases_and_critical_path_are_consistent(name: str, data: st.DataObject) -> None:
    content, _, roadmap = planned(name, data)
    rule = content.roadmap.quick_wins
    for action in roadmap.actions:
        expected = (
            action.effort in rule.effort
            and action.impact in rule.impact
            and (7 * (action.start_week - 1) < rule.within_days)
        )
        assert action.quick_win == expected
        assert action.critical or action.id not in roadmap.critical_path
    assert sorted(roadmap.quick_wins) == sorted(a.id for a in roadmap.actions if a.quick_win)
    assert all(7 * (placed.start_week - 1) < 90 for placed in roadmap.actions if placed.quick_win)
    assert [p.id for p in roadmap.phases] == [p.id for p in content.roadmap.phases]
    for phase in roadmap.phases:
        assert phase.skipped == (not phase.actions) == (phase.skip is not None)
        if phase.actions:
            assert phase.start_week == min(a.start_week for a in phase.actions)
            assert phase.end_week == max(a.end_week for a in phase.actions)
    if roadmap.actions:
        assert roadmap.total_weeks == max(a.end_week for a in roadmap.actions)
        last = roadmap.critical_path[-1]
        assert next(a for a in roadmap.actions if a.id == last).end_week == roadmap.total_weeks
    moved = [k.id for k in roadmap.kpi_plan]
    assert moved == [k for k in content.kpis if any(k in a.kpis for a in roadmap.actions)]


@pytest.mark.parametrize("name", CONTENTS)
@SETTINGS
@given(data=st.data())
def test_the_same_assessment_always_gives_the_same_plan(name: str, data: st.DataObject) -> None:
    content, assessment, roadmap = planned(name, data)
    assert plan_roadmap(content, assessment) == roadmap
