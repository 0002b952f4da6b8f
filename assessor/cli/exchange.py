"""`assessor export` and `assessor import-answers`: an assessment to XLSX or JSON, and answers
in from a form's spreadsheet or an earlier export."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import click
import yaml

from assessor.cli.options import AssessmentInput, assessment_options, day
from assessor.domain.comparison import Comparison
from assessor.domain.responses import Response
from assessor.domain.results import to_plain
from assessor.services.answer_import import guess_mapping, responses_from_rows
from assessor.services.assessments import plan, score
from assessor.services.exchange import assessment_workbook, export_document, import_document
from assessor.services.files import (
    check_writable,
    read_document,
    read_responses,
    read_targets,
    write_output,
)
from assessor.services.progress import compare_documents
from assessor.services.spreadsheets import read_table


@click.command()
@assessment_options
@click.option("--format", "fmt", type=click.Choice(["xlsx", "json"]), required=True)
@click.option("--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--start", type=click.DateTime(formats=["%Y-%m-%d"]), help="The roadmap's first day.")
@click.pass_context
def export(
    ctx: click.Context,
    assessment_input: AssessmentInput,
    fmt: str,
    output: Path,
    start: dt.datetime | None,
) -> None:
    """Export an assessment: XLSX to read (answers, scores, risks, roadmap, progress) or JSON
    to move (answers, targets and results; `import-answers` reads it back)."""
    check_writable(output)
    ws = ctx.obj.workspace()
    qid = assessment_input.questionnaire_id
    responses = read_responses(ws, qid, assessment_input.answer_paths)
    targets = read_targets(ws, assessment_input.targets_path)
    assessment = score(ws, qid, responses, targets)
    roadmap = plan(ws, assessment, day(start))
    if fmt == "json":
        document = export_document(qid, responses, targets, assessment, roadmap)
        data = json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")
    else:
        data = assessment_workbook(ws, responses, assessment, roadmap, lang=assessment_input.lang)
    inputs = [*assessment_input.answer_paths, assessment_input.targets_path]
    write_output(output, data, inputs=[p for p in inputs if p])
    click.echo(f"wrote {output}", err=True)


@click.command("import-answers")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--mapping",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The column-to-question mapping of a spreadsheet (YAML; see --guess-mapping).",
)
@click.option(
    "--guess-mapping",
    "guess",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a first mapping from the spreadsheet's headers to this file, and stop.",
)
@click.option("--questionnaire", "questionnaire_id", help="The questionnaire, for --guess-mapping.")
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="An empty (or new) folder for one answers file per respondent.",
)
@click.pass_context
def import_answers(
    ctx: click.Context,
    source: Path,
    mapping: Path | None,
    guess: Path | None,
    questionnaire_id: str | None,
    output_dir: Path | None,
) -> None:
    """Turn a form's CSV or XLSX export (through a mapping) or an assessment's JSON export into
    answers files; every bad row or value is reported, and nothing is written while any is."""
    ws = ctx.obj.workspace()
    if guess is not None:
        if not questionnaire_id:
            raise click.UsageError("--guess-mapping needs --questionnaire")
        header, _ = read_table(source)
        text = yaml.safe_dump(
            guess_mapping(ws, questionnaire_id, header), sort_keys=False, allow_unicode=True
        )
        check_writable(guess)
        write_output(guess, text.encode("utf-8"), inputs=[source])
        click.echo(f"wrote {guess}: check every column before importing", err=True)
        return
    if output_dir is None:
        raise click.UsageError("give --output-dir (or --guess-mapping)")
    if source.suffix.lower() == ".json":
        qid, responses, _ = import_document(ws, read_document(source, ws.base).data, str(source))
    else:
        if mapping is None:
            raise click.UsageError("a spreadsheet needs --mapping (write one with --guess-mapping)")
        _, rows = read_table(source)
        spec = read_document(mapping, ws.base).data
        qid, responses = responses_from_rows(
            ws, spec if isinstance(spec, dict) else {}, rows, str(source)
        )
    written = write_answers(output_dir, qid, responses)
    click.echo(f"wrote {len(written)} answers file(s) to {output_dir}", err=True)


def write_answers(folder: Path, questionnaire_id: str, responses: list[Response]) -> list[Path]:
    """One answers file per respondent in an empty (or new) folder."""
    if folder.exists() and any(folder.iterdir()):
        raise click.UsageError(f"{folder} is not empty: choose a new or empty folder")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number, response in enumerate(responses, start=1):
        who = response.respondent
        name = who.name or f"Respondent {number}"
        document = {
            "respondent": {"name": name, "role": who.role},
            "questionnaire": questionnaire_id,
            "answers": {
                q: list(v) if isinstance(v, tuple) else v for q, v in response.answers.items()
            },
        }
        for kind, notes in (("evidence", response.evidence), ("comments", response.comments)):
            if notes:
                document[kind] = dict(notes)
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "respondent"
        path = folder / f"{number:03}-{slug}.yaml"
        text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
        write_output(path, text.encode("utf-8"), inputs=[])
        written.append(path)
    return written


@click.command()
@click.argument("before", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("after", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--rescore",
    is_flag=True,
    help="Score both on the content in force (when the content changed between them).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_context
def compare(ctx: click.Context, before: Path, after: Path, rescore: bool, fmt: str) -> None:
    """Compare two assessments exported as JSON (the earlier first): what moved."""
    ws = ctx.obj.workspace()
    documents = [(read_document(p, ws.base).data, str(p)) for p in (before, after)]
    result = compare_documents(ws, documents, rescore)
    if fmt == "json":
        click.echo(json.dumps(to_plain(result), indent=2, ensure_ascii=False))
    else:
        click.echo(render_comparison(result, rescore))


def render_comparison(result: Comparison, rescored: bool) -> str:
    """A comparison as a consultant reads it in a terminal."""

    def points(value: float | None) -> str:
        return "-" if value is None else f"{value:.1f}"

    change = (
        f"{result.readiness_after - result.readiness_before:+.1f}"
        if result.readiness_after is not None and result.readiness_before is not None
        else "-"
    )
    moved = {1: "up one band", -1: "down one band", 0: "same band"}.get(
        result.band_change, f"{result.band_change:+d} bands"
    )
    lines = [
        f"READINESS: {points(result.readiness_before)} -> {points(result.readiness_after)} "
        f"({change}); {result.band_before} -> {result.band_after} ({moved})"
    ]
    if not result.same_content:
        lines.append(
            "  The content changed between the two: "
            + ("both were scored again on the content in force." if rescored
               else "scores are compared as stored; --rescore scores both on the content in force.")
        )  # fmt: skip
    lines.append("DIMENSIONS (largest change first):")
    ordered = sorted(result.dimensions, key=lambda d: -abs(d.change or 0))
    lines.extend(
        f"  {d.ref:<45} {points(d.before):>6} -> {points(d.after):>6}  "
        f"{'' if d.change is None else f'{d.change:+.1f}'}"
        for d in ordered
    )
    for title, items in (
        ("RISKS RESOLVED", result.risks_resolved),
        ("NEW RISKS", result.risks_new),
        ("RISKS REMAINING", result.risks_remaining),
    ):
        lines.append(f"{title}: {', '.join(items) or 'none'}")
    if result.actions_completed or result.actions_open:
        lines.append(f"ROADMAP: {len(result.actions_completed)} of "
                     f"{len(result.actions_completed) + len(result.actions_open)} actions done")  # fmt: skip
    return "\n".join(lines)


COMMANDS = [export, import_answers, compare]
