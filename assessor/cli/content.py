"""Commands about content: validate, schema, show."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from assessor.domain.schema import content_json_schema
from assessor.services import content as content_service


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--lang",
    help="Also list every text with no version in this language (e.g. ru), at its file:line.",
)
@click.pass_context
def validate(ctx: click.Context, paths: tuple[Path, ...], lang: str | None) -> None:
    """Check content files (schema and cross-references); report every error as file:line."""
    targets = list(paths) or content_service.validation_targets(ctx.obj.root)
    missing = [p for p in targets if not p.exists()]
    if missing:
        raise click.BadParameter(f"no such file or folder: {', '.join(map(str, missing))}")
    count, errors = content_service.validate(targets, ctx.obj.base, lang)
    for error in errors:
        click.echo(str(error))
    if errors:
        click.echo(f"{len(errors)} error(s) in {count} file(s)", err=True)
        ctx.exit(1)
    if count == 0:
        click.echo("no content files found", err=True)
        ctx.exit(1)
    click.echo(f"ok: {count} file(s) valid", err=True)


@click.command()
def schema() -> None:
    """Print the JSON Schema of the content format (for editors that check YAML)."""
    click.echo(json.dumps(content_json_schema(), indent=2, ensure_ascii=False))


FORMAT = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
LANG = click.option(
    "--lang", default="en", show_default=True, help="Language of texts (falls back to English)."
)


@click.command()
@click.argument(
    "what",
    type=click.Choice(
        ["frameworks", "risks", "actions", "kpis", "questionnaire", "questionnaires"]
    ),
)
@click.argument("questionnaire_id", required=False)
@FORMAT
@LANG
@click.pass_context
def show(ctx: click.Context, what: str, questionnaire_id: str | None, fmt: str, lang: str) -> None:
    """Print resolved content: frameworks, risks, actions, kpis, or one questionnaire."""
    content = ctx.obj.workspace().content
    data: Any
    if what == "questionnaire":
        if not questionnaire_id:
            raise click.UsageError("name the questionnaire: assessor show questionnaire ID")
        if questionnaire_id not in content.questionnaires:
            known = ", ".join(content.questionnaires)
            raise click.BadParameter(f"unknown questionnaire '{questionnaire_id}'; known: {known}")
        data = content_service.describe_questionnaire(content, questionnaire_id, lang)
    elif what == "questionnaires":
        data = content_service.describe_questionnaires(content, lang)
    else:
        data = content_service.describe_catalogue(content, what, lang)
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(what, data))


def render_text(what: str, data: Any) -> str:
    """Human-readable listing of resolved content."""
    return "\n".join(_TEXT_RENDERERS[what](data))


def _questionnaire_lines(data: dict[str, Any]) -> list[str]:
    lines = [
        f"{data['title']} ({data['id']}): {data['question_count']} questions, "
        f"about {data['duration_minutes']} minutes, audience {data['audience']}"
    ]
    for section in data["sections"]:
        lines += ["", f"== {section['title']}"]
        for q in section["questions"]:
            scored = bool(q["maps_to"])
            how = f"weight {q['weight']:g}" if scored else "not scored"
            lines.append(f"[{q['id']}] ({q['type']}, {how}) {q['text']}")
            if q["condition"]:
                cond = q["condition"]
                lines.append(
                    f"    shown if {cond['question']} = {cond.get('equals', cond.get('in'))}"
                )
            for option in q["options"]:
                score = "-" if option["score"] is None else f"{option['score']:g}"
                worth = f"  (score {score})" if scored else ""
                lines.append(f"    {option['value']!s:>14}  {option['label']}{worth}")
            if q["maps_to"]:
                maps = ", ".join(f"{m['dimension']} x{m['weight']:g}" for m in q["maps_to"])
                lines.append(f"    feeds: {maps}")
    return lines


def _questionnaires_lines(data: list[dict[str, Any]]) -> list[str]:
    return [
        f"{q['id']:<28} {q['audience']:<10} {q['questions']:>4} questions  {q['title']}"
        for q in data
    ]


def _framework_lines(data: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for f in data:
        lines += [f"{f['title']} ({f['id']})", f"  source: {f['source']}"]
        for d in f["dimensions"]:
            deps = f"  (after {', '.join(d['depends_on'])})" if d.get("depends_on") else ""
            lines.append(f"  - {d['id']:<32} weight {d['weight']:g}  {d['title']}{deps}")
        levels = ", ".join(
            f"{m['level']} {m['name']} (from {m['min_score']:g})" for m in f["maturity"]
        )
        lines += [f"  maturity: {levels}", ""]
    return lines


def _risk_lines(data: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for r in data:
        lines += [
            f"[{r['severity'].upper():<8}] {r['id']}: {r['title']}",
            f"    mitigated by: {', '.join(r['mitigations'])}",
            f"    source: {r['source']}",
        ]
    return lines


def _action_lines(data: list[dict[str, Any]]) -> list[str]:
    lines = []
    for a in data:
        prereq = f"; after {', '.join(a['prerequisites'])}" if a.get("prerequisites") else ""
        lines.append(
            f"{a['phase']:<13} {a['id']}: {a['title']} "
            f"({a['duration_weeks']} wk, effort {a['effort']}, impact {a['impact']}{prereq})"
        )
    return lines


def _kpi_lines(data: list[dict[str, Any]]) -> list[str]:
    return [f"{k['id']:<24} {k['title']} [{k['unit']}, {k['direction']}]" for k in data]


_TEXT_RENDERERS: dict[str, Callable[[Any], list[str]]] = {
    "questionnaire": _questionnaire_lines,
    "questionnaires": _questionnaires_lines,
    "frameworks": _framework_lines,
    "risks": _risk_lines,
    "actions": _action_lines,
    "kpis": _kpi_lines,
}


COMMANDS = [validate, schema, show]
