"""Cross-reference checks of risk conditions, the risk catalogue and the action library."""

from __future__ import annotations

from assessor.domain.content import Content, LoadedFile
from assessor.domain.crossref.base import (
    Report,
    check_cycles,
    check_term,
    dimension_error,
    exists,
)
from assessor.domain.crossref.questions import check_values
from assessor.domain.schedule import phase_order_conflict
from assessor.domain.schema import (
    ActionLibrary,
    AllOf,
    AnswerTest,
    AnyOf,
    Condition,
    DimensionTest,
    ExceedsTest,
    NotOf,
    RiskCatalogue,
)
from assessor.domain.yamlsrc import YamlPath


def _check_condition(
    condition: Condition, content: Content, item: LoadedFile, at: YamlPath, report: Report
) -> None:
    if isinstance(condition, AllOf | AnyOf):
        children = condition.all if isinstance(condition, AllOf) else condition.any
        key = "all" if isinstance(condition, AllOf) else "any"
        for i, child in enumerate(children):
            _check_condition(child, content, item, (*at, key, i), report)
    elif isinstance(condition, NotOf):
        _check_condition(condition.not_, content, item, (*at, "not"), report)
    elif isinstance(condition, DimensionTest):
        problem = dimension_error(content, condition.dimension)
        if problem:
            report.add(item, (*at, "dimension"), problem)
    elif isinstance(condition, ExceedsTest):
        for key in ("dimension", "over"):
            problem = dimension_error(content, getattr(condition.exceeds, key))
            if problem:
                report.add(item, (*at, "exceeds", key), problem)
    elif isinstance(condition, AnswerTest):
        question = content.questions.get(condition.answer)
        if question is None and not exists(content, "question", condition.answer):
            report.add(item, (*at, "answer"), f"unknown question '{condition.answer}'")
        elif question is not None and (condition.equals is not None or condition.in_ is not None):
            values = [condition.equals] if condition.in_ is None else condition.in_
            check_values(question, values, item, at, report)


def check_risks(model: RiskCatalogue, item: LoadedFile, content: Content, report: Report) -> None:
    """Check each risk's condition and mitigations."""
    for i, risk in enumerate(model.risks):
        check_term(content, "pillar", risk.pillar, item, ("risks", i, "pillar"), report)
        _check_condition(risk.when, content, item, ("risks", i, "when"), report)
        for j, action_id in enumerate(risk.mitigations):
            if not exists(content, "action", action_id):
                report.add(item, ("risks", i, "mitigations", j), f"unknown action '{action_id}'")


def check_actions(model: ActionLibrary, item: LoadedFile, content: Content, report: Report) -> None:
    """Check each action's phase, prerequisites, dimensions and KPIs, and their order."""
    phases = {p.id for roadmap in content.roadmap_models.values() for p in roadmap.phases}
    graph: dict[str, list[str]] = {}
    locate: dict[str, YamlPath] = {}
    for i, action in enumerate(model.actions):
        at = ("actions", i)
        graph[action.id] = list(action.prerequisites)
        locate[action.id] = (*at, "prerequisites")
        if content.roadmap_models and action.phase not in phases | content.unverified.get(
            "phase", set()
        ):
            report.add(item, (*at, "phase"), f"unknown phase '{action.phase}'")
        for j, prerequisite in enumerate(action.prerequisites):
            if not exists(content, "action", prerequisite):
                report.add(item, (*at, "prerequisites", j), f"unknown action '{prerequisite}'")
        for j, ref in enumerate(action.raises):
            problem = dimension_error(content, ref)
            if problem:
                report.add(item, (*at, "raises", j), problem)
        for j, kpi in enumerate(action.kpis):
            if not exists(content, "KPI", kpi):
                report.add(item, (*at, "kpis", j), f"unknown KPI '{kpi}'")
        if action.done_when is not None:
            _check_condition(action.done_when, content, item, (*at, "done_when"), report)
        rules = {name for roadmap in content.roadmap_models.values() for name in roadmap.scale_by}
        if (
            content.roadmap_models
            and action.scales_by is not None
            and action.scales_by not in rules
        ):
            report.add(item, (*at, "scales_by"), f"unknown scale rule '{action.scales_by}'")
    check_cycles(graph, "prerequisite", item, locate, report)
    if content.roadmap_models:
        cycle = phase_order_conflict(model.actions, content.roadmap.phases)
        if cycle:
            report.add(
                item,
                locate[cycle[0]],
                f"prerequisites contradict the phase order: {' waits for '.join(cycle)} "
                "(a phase starts only after the phases in its starts_after have ended)",
            )
