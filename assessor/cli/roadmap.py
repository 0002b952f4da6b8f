"""`assessor roadmap`: the phased plan for one assessment, as text, JSON or CSV."""

from __future__ import annotations

import datetime as dt
import json
from math import ceil
from pathlib import Path

import click

from assessor.cli.options import answer_files, assessment_options
from assessor.domain.results import KpiPlanItem, PhasePlan, Roadmap, ScheduledAction
from assessor.domain.text import tr
from assessor.services import content as content_service
from assessor.services.roadmap import build_roadmap, roadmap_csv

GANTT_WIDTH = 60
"""The most week columns the text Gantt chart draws; longer plans put several weeks in a column."""

QUARTER_WEEKS = 13


@click.command()
@assessment_options
@click.option(
    "--start",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The date week 1 starts (YYYY-MM-DD), to give every action dates.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
)
@click.pass_context
def roadmap(
    ctx: click.Context,
    questionnaire_id: str,
    answer_paths: tuple[Path, ...],
    more_answers: tuple[Path, ...],
    targets_path: Path | None,
    start: dt.datetime | None,
    fmt: str,
    lang: str,
) -> None:
    """Plan the roadmap: phased actions for the gaps and risks, weeks, critical path, KPIs."""
    content = content_service.load(ctx.obj["content"])
    _, plan = build_roadmap(
        content,
        questionnaire_id,
        answer_files(answer_paths, more_answers),
        targets_path,
        start.date() if start else None,
    )
    if fmt == "json":
        click.echo(json.dumps(plan.to_json(lang), indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(roadmap_csv(plan, lang), nl=False)
    else:
        click.echo(render_roadmap(plan, lang))


def render_roadmap(plan: Roadmap, lang: str = "en") -> str:
    """The roadmap as a consultant reads it in a terminal: phases, Gantt chart, KPI plan."""
    sections = [_summary_lines(plan)]
    sections.extend(_phase_lines(n, phase, lang) for n, phase in enumerate(plan.phases, 1))
    if plan.actions:
        sections.append(gantt_lines(plan))
        sections.append(_kpi_lines(plan.kpi_plan, lang))
    return "\n\n".join("\n".join(lines) for lines in sections)


def _summary_lines(plan: Roadmap) -> list[str]:
    actions = plan.actions
    if not actions:
        return [
            "ROADMAP: nothing to do: every assessed area is at target and no risk calls for action."
        ]
    span = f"{plan.total_weeks} week(s)"
    if plan.start is not None:
        end = max(a.end for a in actions if a.end is not None)
        span += f", {plan.start.isoformat()} to {end.isoformat()}"
    return [
        f"ROADMAP: {len(actions)} action(s) over {span}",
        f"Critical path: {' -> '.join(plan.critical_path)}",
        f"Quick wins: {', '.join(plan.quick_wins) or 'none'}",
        "Marks: [QW] quick win, [CP] on the critical path.",
    ]


def _phase_lines(number: int, phase: PhasePlan, lang: str) -> list[str]:
    title = f"== {number}. {tr(phase.title, lang)}"
    if phase.skipped:
        return [f"{title}: skipped", f"   {phase.reason}"]
    lines = [f"{title} ({_weeks(phase.start_week, phase.end_week)})"]
    for action in phase.actions:
        lines.extend(_action_lines(action, lang))
    return lines


def _weeks(first: int | None, last: int | None) -> str:
    return f"week {first}" if first == last else f"weeks {first}-{last}"


def _action_lines(action: ScheduledAction, lang: str) -> list[str]:
    marks = ("[QW]" if action.quick_win else "") + ("[CP]" if action.critical else "")
    when = _weeks(action.start_week, action.end_week)
    if action.start is not None and action.end is not None:
        when += f" ({action.start.isoformat()} to {action.end.isoformat()})"
    lines = [
        f"  {marks + ' ' if marks else ''}{tr(action.title, lang)} ({action.id})",
        f"      {when}; {action.duration_weeks} week(s), effort {action.effort}, "
        f"impact {action.impact}",
    ]
    if action.prerequisites:
        lines.append(f"      after: {', '.join(action.prerequisites)}")
    if action.assumed_in_place:
        lines.append(f"      assumed in place: {', '.join(action.assumed_in_place)}")
    lines.extend(f"      why: {why.text}" for why in action.rationale)
    if action.kpis:
        lines.append(f"      moves: {', '.join(action.kpis)}")
    return lines


def gantt_lines(plan: Roadmap) -> list[str]:
    """A text Gantt chart: one row per action, '#' on the critical path, '=' elsewhere."""
    per_column = max(1, ceil(plan.total_weeks / GANTT_WIDTH))
    columns = ceil(plan.total_weeks / per_column)
    width = max(len(a.id) for a in plan.actions)
    unit = "one week" if per_column == 1 else f"{per_column} weeks"
    lines = [f"GANTT (one column = {unit}; '#' critical path, '=' other work, '*' quick win)"]
    for action in plan.actions:
        first = (action.start_week - 1) // per_column
        last = (action.end_week - 1) // per_column
        mark = "#" if action.critical else "="
        bar = " " * first + mark * (last - first + 1) + " " * (columns - last - 1)
        flag = " *" if action.quick_win else ""
        lines.append(f"{action.id:<{width}} |{bar}|{flag}")
    ruler = "".join(
        "+"
        if c and (c * per_column) // QUARTER_WEEKS > ((c - 1) * per_column) // QUARTER_WEEKS
        else "."
        for c in range(columns)
    )
    lines.append(f"{'':<{width}} |{ruler}| ({plan.total_weeks} weeks; '+' starts a new quarter)")
    return lines


def _kpi_lines(kpis: list[KpiPlanItem], lang: str) -> list[str]:
    if not kpis:
        return ["KPI PLAN: no planned action names a KPI"]
    lines = ["KPI PLAN (fill in baseline and target before the work starts):"]
    for kpi in kpis:
        better = "higher is better" if kpi.direction == "up" else "lower is better"
        lines.extend(
            [
                f"  {tr(kpi.title, lang)} ({kpi.id}) [{tr(kpi.unit, lang)}, {better}]",
                f"      measures: {tr(kpi.measures, lang)}",
                f"      how: {tr(kpi.how, lang)}",
                "      baseline: ________   target: ________",
                f"      moved by: {', '.join(kpi.moved_by)}",
            ]
        )
    return lines


COMMANDS = [roadmap]
