"""`assessor template` and `assessor import`: start a question bank or an action library from a
spreadsheet."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import click

from assessor.services import content as content_service
from assessor.services.authoring import (
    bank_from_rows,
    bank_template,
    bank_yaml,
    read_rows,
    sheet_template,
)
from assessor.services.authoring_actions import ACTION_COLUMNS, ACTION_EXAMPLE, library_from_rows
from assessor.services.files import check_writable, write_output

SPREADSHEETS = (".csv", ".xlsx")
KINDS = ["question-bank", "action-library"]
"""What a spreadsheet can start: a question bank (one row a question) or an action library (one
row an action)."""


@click.command()
@click.argument("what", type=click.Choice(KINDS))
@click.option(
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The template to write: .xlsx or .csv.",
)
def template(what: str, output: Path) -> None:
    """Write an empty question-bank or action-library spreadsheet: the columns and one example
    row."""
    suffix = output.suffix.lower()
    if suffix not in SPREADSHEETS:
        raise click.BadParameter("the template is written as .xlsx or .csv", param_hint="--output")
    check_writable(output)
    data = (
        bank_template(suffix)
        if what == "question-bank"
        else sheet_template(ACTION_COLUMNS, ACTION_EXAMPLE, suffix, "actions")
    )
    write_output(output, data, inputs=[])
    click.echo(f"wrote {output}", err=True)


@click.command("import")
@click.argument("what", type=click.Choice(KINDS))
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--id", "bank_id", required=True, help="The file's id, e.g. my-questions.")
@click.option("--title", required=True, help="The bank's or library's title.")
@click.option(
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The YAML file to write, e.g. my-content/questionnaires/bank/my-questions.yaml.",
)
@click.pass_context
def import_bank(
    ctx: click.Context, what: str, source: Path, bank_id: str, title: str, output: Path
) -> None:
    """Turn a spreadsheet of questions (or actions) into a validated question-bank (or
    action-library) YAML file.

    Every bad cell is reported with its row and column; nothing is written while any is bad.
    The new file is checked against the content in force (--content), so that a dimension,
    phase, KPI or action it names must exist there.
    """
    if source.suffix.lower() not in SPREADSHEETS:
        raise click.BadParameter("import reads .xlsx or .csv", param_hint="SOURCE")
    check_writable(output)
    if what == "question-bank":
        document = bank_from_rows(read_rows(source), bank_id, title, str(source))
    else:
        document = library_from_rows(read_rows(source, ACTION_COLUMNS), bank_id, title, str(source))
    items = "questions" if what == "question-bank" else "actions"
    text = bank_yaml(document).encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        draft = Path(folder) / output.name
        draft.write_bytes(text)
        targets = [*content_service.validation_targets(ctx.obj.root), draft]
        _, errors = content_service.validate(targets, ctx.obj.base)
        mine = [
            e
            for e in errors
            if Path(e.file).name == draft.name and folder in str(Path(e.file).resolve())
        ]
    if mine:
        for error in mine:
            click.echo(_at_row(source, error.path, error.message))
        click.echo(f"{len(mine)} error(s): nothing written", err=True)
        ctx.exit(1)
    write_output(output, text, inputs=[source])
    click.echo(f"wrote {output} ({len(document[items])} {items})", err=True)


def _at_row(source: Path, path: str, message: str) -> str:
    """A problem of the built file, placed at its spreadsheet row (`questions[0]` or
    `actions[0]` is row 2)."""
    found = re.match(r"(questions|actions)\[(\d+)\]\.?(.*)", path)
    if found is None:
        return f"{source}: {path}: {message}"
    row, rest = int(found.group(2)) + 2, found.group(3)
    return f"{source}:{row}: {rest or found.group(1)[:-1]}: {message}"


COMMANDS = [template, import_bank]
