"""Turn a scored assessment into a phased roadmap: which actions, why, when, and what to measure.

The planner reads only dimension scores, targets and gaps and the triggered risks of the
assessment, so it does not depend on how scoring works. The method is in docs/roadmap.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from assessor.domain.content import Content
from assessor.domain.planning import (
    action_weeks,
    below_target,
    duration_factor,
    left_out_mitigations,
    pull_in_missing_prerequisites,
    scale_factors,
    scaled_by,
    urgent_actions,
)
from assessor.domain.results import (
    Assessment,
    KpiPlanItem,
    PhasePlan,
    Rationale,
    Roadmap,
    ScheduledAction,
    SkipReason,
)
from assessor.domain.schedule import (
    Slot,
    Task,
    holds_gate,
    phase_gates,
    schedule,
    week_end,
    week_start,
)
from assessor.domain.schema import Action, Phase, QuickWinRule

PILOT = "pilot"
ROLLOUT = "rollout"
"""An action's declared `step`: a planned rollout always brings the way back to its pilot,
through the actions of the roadmap model's `rollout_path` phases (never inferred from ids)."""


def plan_roadmap(content: Content, assessment: Assessment, start: dt.date | None = None) -> Roadmap:
    """The phased roadmap for an assessment: actions for its gaps and risks, scheduled in weeks."""
    reasons = select_actions(content, assessment)
    position = action_order(content)
    chosen = sorted(reasons, key=position.__getitem__)
    factor = duration_factor(content, assessment)
    named = scale_factors(content, assessment)
    tasks = [_task(content.actions[aid], reasons, factor, named) for aid in chosen]
    urgent = urgent_actions(content, assessment, reasons)
    plan = schedule(tasks, phase_gates(content.roadmap.phases), urgent)
    rule = content.roadmap.quick_wins
    placed = [
        _scheduled(content.actions[aid], reasons, plan.slots[aid], rule, start, factor, named)
        for aid in chosen
    ]
    phases = [_phase_plan(phase, placed, content, assessment) for phase in content.roadmap.phases]
    quick_wins = [
        a.id for a in sorted(placed, key=lambda a: (a.start_week, position[a.id])) if a.quick_win
    ]
    return Roadmap(
        start=start,
        total_weeks=plan.total_weeks,
        phases=phases,
        critical_path=plan.critical_path,
        quick_wins=quick_wins,
        kpi_plan=kpi_plan(content, placed),
        left_out=left_out_mitigations(content, assessment, reasons, plan.slots),
        done=list(assessment.done_actions),
        scale=factor,
        scales=named,
        content_fingerprint=assessment.content_fingerprint,
    )


def action_order(content: Content) -> dict[str, int]:
    """Each action's rank in the plan: by phase in methodology order, then in library order."""
    phase_rank = {phase.id: i for i, phase in enumerate(content.roadmap.phases)}
    ranked = sorted(
        enumerate(content.actions.values()),
        key=lambda item: (phase_rank.get(item[1].phase, len(phase_rank)), item[0]),
    )
    return {action.id: rank for rank, (_, action) in enumerate(ranked)}


# --- selection ------------------------------------------------------------------------------------


def select_actions(content: Content, assessment: Assessment) -> dict[str, list[Rationale]]:
    """The actions the assessment calls for, each with why: a gap, a risk, or being needed first.

    Risks come first, most severe first, each bringing its first mitigations (the catalogue
    lists them in priority order). Then each dimension below target, largest gap first, gets
    as many actions as the roadmap model's `selection` allows for its gap, counting the
    chosen actions that already raise it. Every chosen action names every gap it answers.
    An action the evidence shows done (its `done_when` holds) is never chosen, and a
    prerequisite the answers show missing is planned, not assumed in place.
    """
    rule = content.roadmap.selection
    done = set(assessment.done_actions)
    reasons: dict[str, list[Rationale]] = {}
    for risk in assessment.risks:
        allowed = next(
            (n for severity, n in rule.mitigations_per_risk.items() if severity == risk.severity), 1
        )
        open_ = [a for a in risk.mitigations if a in content.actions and a not in done]
        for action_id in open_[:allowed]:
            _add(reasons, action_id, Rationale("risk", risk.id))
    gaps = _gaps_largest_first(content, assessment)
    for ref, gap in gaps:
        raising = [a for a in content.actions.values() if ref in a.raises and a.id not in done]
        missing = rule.actions_for_gap(gap) - sum(1 for a in raising if a.id in reasons)
        candidates = sorted(
            (a for a in raising if a.id not in reasons), key=_preference(content, gaps)
        )
        for action in candidates[: max(missing, 0)]:
            reasons[action.id] = []
    for action_id, found in reasons.items():
        answered = [gap_rationale(assessment, ref) for ref in content.actions[action_id].raises]
        reasons[action_id] = [why for why in answered if why is not None] + found
    _follow_pilots_with_rollouts(content, reasons)
    _pull_in_prerequisites(content, reasons)
    pull_in_missing_prerequisites(content, assessment, reasons)
    return reasons


_RANK = {"high": 0, "medium": 1, "low": 2}


def _gaps_largest_first(content: Content, assessment: Assessment) -> list[tuple[str, float]]:
    """Dimensions below target with their gaps, largest first, ties in framework order."""
    found = []
    for order, ref in enumerate(content.dimension_refs()):
        dimension = assessment.dimension(ref)
        if dimension is not None and dimension.score is not None and (dimension.gap or 0) > 0:
            found.append((-(dimension.gap or 0.0), order, ref))
    return [(ref, -gap) for gap, _, ref in sorted(found)]


def _preference(
    content: Content, gaps: Sequence[tuple[str, float]]
) -> Callable[[Action], tuple[int, int, int, int]]:
    """Rank candidate actions: high impact, low effort, most gaps answered, library order."""
    below = {ref for ref, _ in gaps}
    order = {action_id: i for i, action_id in enumerate(content.actions)}

    def rank(action: Action) -> tuple[int, int, int, int]:
        """Sort key of one candidate action."""
        answered = sum(1 for ref in action.raises if ref in below)
        return (_RANK[action.impact], -_RANK[action.effort], -answered, order[action.id])

    return rank


def gap_rationale(assessment: Assessment, ref: str) -> Rationale | None:
    """Why a dimension calls for action, or None when it is at target or was not assessed."""
    dimension = assessment.dimension(ref)
    if dimension is None or dimension.score is None or dimension.gap is None or dimension.gap <= 0:
        return None
    return Rationale("gap", ref, score=dimension.score, target=dimension.target)


def leads_to_pilot(content: Content, prerequisite: Action) -> bool:
    """Whether a rollout's prerequisite is on its way back to the pilot: the pilot, or work
    in one of the roadmap model's `rollout_path` phases."""
    return prerequisite.step == PILOT or prerequisite.phase in content.roadmap.rollout_path


def way_back_to_pilot(content: Content, rollout: Action) -> list[tuple[Action, Action]]:
    """The (action, prerequisite) steps from a rollout back to its pilot, via `rollout_path` work."""
    steps: list[tuple[Action, Action]] = []
    todo, expanded = [rollout], set()
    while todo:
        action = todo.pop(0)
        if action.id in expanded:
            continue
        expanded.add(action.id)
        for prerequisite_id in action.prerequisites:
            prerequisite = content.actions.get(prerequisite_id)
            if prerequisite is None or not leads_to_pilot(content, prerequisite):
                continue
            steps.append((action, prerequisite))
            if prerequisite.step != PILOT:
                todo.append(prerequisite)
    return steps


def pilots_behind(content: Content, rollout: Action) -> list[str]:
    """The pilots a rollout waits for, found through its `rollout_path` prerequisites."""
    found = (p.id for _, p in way_back_to_pilot(content, rollout) if p.step == PILOT)
    return list(dict.fromkeys(found))


def _follow_pilots_with_rollouts(content: Content, reasons: dict[str, list[Rationale]]) -> None:
    """A planned pilot is followed by its rollout: a pilot is a first step, not the end."""
    for action in content.actions.values():
        if action.step != ROLLOUT or action.id in reasons:
            continue
        planned = [p for p in pilots_behind(content, action) if p in reasons]
        if planned:
            reasons[action.id] = [Rationale("follow-up", planned[0])]


def _pull_in_prerequisites(content: Content, reasons: dict[str, list[Rationale]]) -> None:
    """Plan the way to every planned rollout: its technology prerequisites back to its pilot.

    From each rollout (`step: rollout`), prerequisites in a `rollout_path` phase (and any pilot) are
    planned even when nobody chose them, transitively, stopping at the pilot: the pilot's own
    prerequisites follow the general rule (planned when chosen, otherwise assumed in place).
    """
    pulled: set[str] = set()
    rollouts = [a for a in content.actions.values() if a.id in reasons and a.step == ROLLOUT]
    for rollout in rollouts:
        for action, prerequisite in way_back_to_pilot(content, rollout):
            if prerequisite.id not in reasons:
                pulled.add(prerequisite.id)
            if prerequisite.id in pulled:
                _add(reasons, prerequisite.id, Rationale("prerequisite", action.id))


def _add(reasons: dict[str, list[Rationale]], action_id: str, why: Rationale) -> None:
    found = reasons.setdefault(action_id, [])
    if why not in found:
        found.append(why)


def _task(
    action: Action,
    reasons: Mapping[str, object],
    factor: float = 1.0,
    named: Mapping[str, float] | None = None,
) -> Task:
    """An action as a task to schedule, waiting only for prerequisites that are in the plan."""
    kept = tuple(p for p in action.prerequisites if p in reasons)
    weeks = action_weeks(action, factor, named or {})
    return Task(action.id, action.phase, weeks, kept, holds_gate(action))


# --- assembly -------------------------------------------------------------------------------------


def _scheduled(
    action: Action,
    reasons: Mapping[str, list[Rationale]],
    slot: Slot,
    rule: QuickWinRule,
    start: dt.date | None,
    factor: float = 1.0,
    named: Mapping[str, float] | None = None,
) -> ScheduledAction:
    weeks = action_weeks(action, factor, named or {})
    quick_win = (
        action.effort in rule.effort
        and action.impact in rule.impact
        and 7 * (slot.start_week - 1) < rule.within_days
    )
    return ScheduledAction(
        id=action.id,
        title=action.title,
        description=action.description,
        phase=action.phase,
        effort=action.effort,
        impact=action.impact,
        duration_weeks=weeks,
        start_week=slot.start_week,
        end_week=slot.end_week,
        start=week_start(start, slot.start_week) if start else None,
        end=week_end(start, slot.end_week) if start else None,
        prerequisites=[p for p in action.prerequisites if p in reasons],
        rationale=list(reasons[action.id]),
        kpis=list(action.kpis),
        deliverables=list(action.deliverables),
        quick_win=quick_win,
        critical=slot.critical,
        source=action.source,
        assumed_in_place=[p for p in action.prerequisites if p not in reasons],
        every_weeks=action.recurring.every_weeks if action.recurring else None,
        planned_weeks=action.duration_weeks if weeks != action.duration_weeks else None,
        scaled_by=scaled_by(action, named or {}) if weeks != action.duration_weeks else None,
    )


def _phase_plan(
    phase: Phase, placed: Sequence[ScheduledAction], content: Content, assessment: Assessment
) -> PhasePlan:
    actions = [a for a in placed if a.phase == phase.id]
    if not actions:
        return PhasePlan(
            id=phase.id,
            title=phase.title,
            description=phase.description,
            skipped=True,
            skip=skip_reason(phase, content, assessment),
            start_week=None,
            end_week=None,
            actions=[],
        )
    return PhasePlan(
        id=phase.id,
        title=phase.title,
        description=phase.description,
        skipped=False,
        skip=None,
        start_week=min(a.start_week for a in actions),
        end_week=max(a.end_week for a in actions),
        actions=actions,
    )


def skip_reason(phase: Phase, content: Content, assessment: Assessment) -> SkipReason:
    """Why a phase has no action: its areas at target or not assessed, or, for an area still
    below target, its gap (its allowance went to other phases' actions) and the work done.

    The areas named are those the phase's actions raise, the most often raised first.
    """
    raised = [ref for a in content.actions.values() if a.phase == phase.id for ref in a.raises]
    if not raised:
        return SkipReason(no_actions=True)
    refs = sorted(dict.fromkeys(raised), key=lambda ref: -raised.count(ref))
    unassessed = [r for r in refs if (d := assessment.dimension(r)) is None or d.score is None]
    below = below_target(assessment, refs)
    at_target = [r for r in refs if r not in unassessed and r not in below]
    phase_actions = {a.id for a in content.actions.values() if a.phase == phase.id}
    done = [a for a in assessment.done_actions if a in phase_actions]
    return SkipReason(at_target=at_target, unassessed=unassessed, below_target=below, done=done)


def kpi_plan(content: Content, placed: Sequence[ScheduledAction]) -> list[KpiPlanItem]:
    """Every KPI a planned action moves, in catalogue order, with blanks for baseline and target."""
    items = []
    for kpi in content.kpis.values():
        moved_by = [a.id for a in placed if kpi.id in a.kpis]
        if moved_by:
            items.append(
                KpiPlanItem(
                    id=kpi.id,
                    title=kpi.title,
                    measures=kpi.measures,
                    how=kpi.how,
                    unit=kpi.unit,
                    direction=kpi.direction,
                    baseline=None,
                    target=None,
                    moved_by=moved_by,
                )
            )
    return items
