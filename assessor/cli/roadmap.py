"""`assessor roadmap`: the phased plan for one assessment, as text, JSON or CSV."""

from __future__ import annotations

import datetime as dt
import json
from math import ceil

import click

from assessor.cli.options import AssessmentInput, assessment_options, day
from assessor.domain.content import Content
from assessor.domain.results import KpiPlanItem, PhasePlan, Roadmap, ScheduledAction
from assessor.domain.text import tr
from assessor.services.assessments import plan
from assessor.services.exports import roadmap_csv, roadmap_ics
from assessor.services.results import (
    describe_left_out,
    describe_rationale,
    describe_skip,
    roadmap_json,
)

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
    type=click.Choice(["text", "json", "csv", "ics"]),
    default="text",
    show_default=True,
)
@click.pass_context
def roadmap(
    ctx: click.Context,
    assessment_input: AssessmentInput,
    start: dt.datetime | None,
    fmt: str,
) -> None:
    """Plan the roadmap: phased actions for the gaps and risks, weeks, critical path, KPIs."""
    ws = ctx.obj.workspace()
    planned = plan(ws, assessment_input.assess(ctx.obj), day(start))
    lang = assessment_input.lang
    if fmt == "json":
        data = roadmap_json(planned, ws.content, lang)
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(roadmap_csv(planned, ws.content, lang), nl=False)
    elif fmt == "ics":
        click.echo(roadmap_ics(planned, lang).decode("utf-8"), nl=False)
    else:
        click.echo(render_roadmap(planned, ws.content, lang))


def render_roadmap(plan: Roadmap, content: Content, lang: str = "en") -> str:
    """The roadmap as a consultant reads it in a terminal: phases, Gantt chart, KPI plan."""
    sections = [_summary_lines(plan)]
    sections.extend(_phase_lines(n, phase, content, lang) for n, phase in enumerate(plan.phases, 1))
    if plan.actions:
        sections.append(gantt_lines(plan))
        sections.append(_kpi_lines(plan.kpi_plan, lang))
    if plan.left_out or plan.done:
        sections.append(_left_out_lines(plan))
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


def _phase_lines(number: int, phase: PhasePlan, content: Content, lang: str) -> list[str]:
    title = f"== {number}. {tr(phase.title, lang)}"
    if phase.skipped:
        return [f"{title}: skipped", f"   {describe_skip(phase.skip)}"]
    lines = [f"{title} ({_weeks(phase.start_week, phase.end_week)})"]
    for action in phase.actions:
        lines.extend(_action_lines(action, content, lang))
    return lines


_SCALED_BY = {"users": "the number of users", "data": "the volume of customer data"}
"""How the text output names a duration rule (the company's size stands in when unanswered)."""


def _weeks(first: int | None, last: int | None) -> str:
    return f"week {first}" if first == last else f"weeks {first}-{last}"


def _action_lines(action: ScheduledAction, content: Content, lang: str) -> list[str]:
    marks = ("[QW]" if action.quick_win else "") + ("[CP]" if action.critical else "")
    when = _weeks(action.start_week, action.end_week)
    if action.start is not None and action.end is not None:
        when += f" ({action.start.isoformat()} to {action.end.isoformat()})"
    length = f"{action.duration_weeks} week(s)"
    if action.planned_weeks is not None:
        basis = _SCALED_BY.get(action.scaled_by or "", "the company's size")
        length += f" ({action.planned_weeks} in the library, scaled to {basis})"
    if action.every_weeks is not None:
        when = f"recurring every {action.every_weeks} week(s) from {when}"
        length += " each time"
    lines = [
        f"  {marks + ' ' if marks else ''}{tr(action.title, lang)} ({action.id})",
        f"      {when}; {length}, effort {action.effort}, impact {action.impact}",
    ]
    if action.prerequisites:
        lines.append(f"      after: {', '.join(action.prerequisites)}")
    if action.assumed_in_place:
        lines.append(f"      assumed in place: {', '.join(action.assumed_in_place)}")
    lines.extend(f"      why: {describe_rationale(why, content)}" for why in action.rationale)
    if action.kpis:
        lines.append(f"      moves: {', '.join(action.kpis)}")
    return lines


def gantt_lines(plan: Roadmap) -> list[str]:
    """A text Gantt chart: one row per action, '#' on the critical path, '=' elsewhere."""
    per_column = max(1, ceil(plan.total_weeks / GANTT_WIDTH))
    columns = ceil(plan.total_weeks / per_column)
    width = max(len(a.id) for a in plan.actions)
    unit = "one week" if per_column == 1 else f"{per_column} weeks"
    lines = [
        f"GANTT (one column = {unit}; '#' critical path, '=' other work, '~' recurring, "
        "'*' quick win)"
    ]
    for action in plan.actions:
        first = (action.start_week - 1) // per_column
        last = (action.end_week - 1) // per_column
        mark = "#" if action.critical else "="
        bar = " " * first + mark * (last - first + 1) + " " * (columns - last - 1)
        if action.every_weeks is not None:
            bar = bar[: last + 1] + "~" * (columns - last - 1)
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


def _left_out_lines(plan: Roadmap) -> list[str]:
    lines = ["LEFT OUT OF THE PLAN:"]
    lines.extend(f"  {action}: not recommended, the evidence shows it done" for action in plan.done)
    lines.extend(f"  {describe_left_out(left)}" for left in plan.left_out)
    return lines


COMMANDS = [roadmap]
