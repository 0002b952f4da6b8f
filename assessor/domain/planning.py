"""Planning rules beside selection: evidence of work done, missing prerequisites, the company's
scale, the critical risk's first action, and the mitigations the plan leaves out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from assessor.domain.content import Content
from assessor.domain.results import Assessment, LeftOut, Rationale
from assessor.domain.schedule import Slot
from assessor.domain.schema import Action, DurationScale


def below_target(assessment: Assessment, refs: list[str]) -> dict[str, float]:
    """The dimensions among `refs` that were scored below target, with their gaps."""
    found: dict[str, float] = {}
    for ref in refs:
        dimension = assessment.dimension(ref)
        if dimension is not None and dimension.score is not None and (dimension.gap or 0) > 0:
            found[ref] = dimension.gap or 0.0
    return found


def pull_in_missing_prerequisites(
    content: Content, assessment: Assessment, reasons: dict[str, list[Rationale]]
) -> None:
    """Plan every prerequisite the answers show missing: not done, and an area it raises below target.

    A prerequisite whose areas are all at target (or that the evidence shows done) is assumed
    in place; one the answers show missing is never assumed, it is planned. Transitive.
    """
    done = set(assessment.done_actions)
    todo = list(reasons)
    while todo:
        action = content.actions.get(todo.pop(0))
        for prerequisite_id in action.prerequisites if action else []:
            prerequisite = content.actions.get(prerequisite_id)
            if prerequisite is None or prerequisite_id in done:
                continue
            if prerequisite_id in reasons:
                continue
            if below_target(assessment, list(prerequisite.raises)) and action is not None:
                gaps = [
                    Rationale("gap", ref, score=d.score, target=d.target)
                    for ref in prerequisite.raises
                    if (d := assessment.dimension(ref)) is not None
                    and d.score is not None
                    and (d.gap or 0) > 0
                ]
                reasons[prerequisite_id] = [*gaps, Rationale("prerequisite", action.id)]
                todo.append(prerequisite_id)


def duration_factor(content: Content, assessment: Assessment) -> float:
    """The factor the roadmap model gives the company's most common answer on size (1 if none)."""
    rule = content.roadmap.duration_scale
    found = rule_factor(rule, assessment) if rule else None
    return 1.0 if found is None else found


def rule_answer(rule: DurationScale, assessment: Assessment) -> str | None:
    """The respondents' most common answer to a scale rule's question that has a factor, or None."""
    summary = assessment.questions.get(rule.question)
    if summary is None:
        return None
    counts = Counter({value: n for value, n in summary.counts.items() if n > 0})
    known = [value for value in counts if value in rule.factors]
    if not known:
        return None
    return max(known, key=lambda v: (counts[v], -list(summary.counts).index(v)))


def rule_factor(rule: DurationScale, assessment: Assessment) -> float | None:
    """The factor of the respondents' most common answer to a scale rule's question, or None."""
    value = rule_answer(rule, assessment)
    return None if value is None else rule.factors[value]


def scale_factors(content: Content, assessment: Assessment) -> dict[str, float]:
    """The factor of each named `scale_by` rule (users, data volume) the answers give."""
    found = {name: rule_factor(rule, assessment) for name, rule in content.roadmap.scale_by.items()}
    return {name: factor for name, factor in found.items() if factor is not None}


def action_weeks(action: Action, size: float, named: Mapping[str, float]) -> int:
    """An action's duration in a plan: its own rule's factor when answered, else the size's."""
    if action.scales_by is not None and action.scales_by in named:
        return scaled_weeks(action.duration_weeks, named[action.scales_by])
    if action.scales or action.scales_by is not None:
        return scaled_weeks(action.duration_weeks, size)
    return action.duration_weeks


def scaled_by(action: Action, named: Mapping[str, float]) -> str | None:
    """What sets an action's duration: its own `scale_by` rule when answered, else 'size'."""
    if action.scales_by is not None and action.scales_by in named:
        return action.scales_by
    return "size" if action.scales or action.scales_by is not None else None


def scaled_weeks(weeks: int, factor: float) -> int:
    """A duration stretched or shrunk by the company's scale, never below one week."""
    return max(1, round(weeks * factor))


def urgent_actions(
    content: Content, assessment: Assessment, reasons: Mapping[str, list[Rationale]]
) -> frozenset[str]:
    """The first planned mitigation of each critical risk, with its planned prerequisites.

    These start as soon as their own prerequisites allow, not after earlier phases end: the
    only thing that blocks success gets an action in the first 90 days.
    """
    found: set[str] = set()
    for risk in assessment.risks:
        if risk.severity != "critical":
            continue
        first = next((a for a in risk.mitigations if a in reasons), None)
        todo = [first] if first else []
        while todo:
            action_id = todo.pop()
            if action_id in found:
                continue
            found.add(action_id)
            todo.extend(p for p in content.actions[action_id].prerequisites if p in reasons)
    return frozenset(found)


def left_out_mitigations(
    content: Content,
    assessment: Assessment,
    reasons: Mapping[str, list[Rationale]],
    slots: Mapping[str, Slot],
) -> list[LeftOut]:
    """Every mitigation of a triggered risk that the plan leaves out, or plans too late, and why."""
    done = set(assessment.done_actions)
    within = content.roadmap.quick_wins.within_days
    found: list[LeftOut] = []
    for risk in assessment.risks:
        for action_id in risk.mitigations:
            if action_id not in content.actions:
                found.append(LeftOut(risk.id, action_id, "unknown-action"))
            elif action_id in done:
                found.append(LeftOut(risk.id, action_id, "done"))
            elif action_id not in reasons:
                found.append(LeftOut(risk.id, action_id, "allowance"))
        first = next((a for a in risk.mitigations if a in reasons), None)
        if risk.severity == "critical" and first is not None:
            start = slots[first].start_week
            if 7 * (start - 1) >= within:
                found.append(LeftOut(risk.id, first, "late", start_week=start))
    return found
