"""`assessor report`: the readiness report as PDF or HTML, executive or full."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from assessor.cli.options import answer_files, assessment_options
from assessor.reporting.settings import PAPER_SIZES
from assessor.services import content as content_service

DAY = click.DateTime(formats=["%Y-%m-%d"])


@click.command()
@assessment_options
@click.option(
    "--template",
    default="executive",
    show_default=True,
    help="executive (4-8 pages for a board) or full (15-30 pages for a workshop).",
)
@click.option(
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The report file: .pdf or .html.",
)
@click.option("--client", default="", help="The client organisation named on the cover.")
@click.option("--consultant", help="The consultant named on the cover (else from the branding).")
@click.option("--firm", help="The consulting firm named on the cover (else from the branding).")
@click.option(
    "--branding",
    "branding_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A branding YAML file (firm, consultant, logo, colours) over reports/branding.yaml.",
)
@click.option("--paper", type=click.Choice(list(PAPER_SIZES)), default="a4", show_default=True)
@click.option(
    "--date",
    "report_date",
    type=DAY,
    help="The date on the cover (YYYY-MM-DD); today if not given.",
)
@click.option(
    "--start", type=DAY, help="The roadmap's first day (YYYY-MM-DD), to print dates beside weeks."
)
@click.pass_context
def report(
    ctx: click.Context,
    questionnaire_id: str,
    answer_paths: tuple[Path, ...],
    more_answers: tuple[Path, ...],
    targets_path: Path | None,
    template: str,
    output: Path,
    client: str,
    consultant: str | None,
    firm: str | None,
    branding_path: Path | None,
    paper: str,
    lang: str,
    report_date: dt.datetime | None,
    start: dt.datetime | None,
) -> None:
    """Write the readiness report for a board (executive) or a workshop (full), as PDF or HTML."""
    from assessor.services.reports import ReportRequest, output_format, write_report

    output_format(output)  # refuse a wrong suffix before any work
    content = content_service.load(ctx.obj["content"])
    request = ReportRequest(
        questionnaire=questionnaire_id,
        answers=tuple(answer_files(answer_paths, more_answers)),
        template=template,
        targets=targets_path,
        client=client,
        consultant=consultant,
        firm=firm,
        branding=branding_path,
        paper=paper,
        lang=lang,
        date=report_date.date() if report_date else dt.date.today(),
        start=start.date() if start else None,
    )
    written = write_report(content, request, output, ctx.obj["content"])
    click.echo(f"wrote {written}", err=True)


COMMANDS = [report]
