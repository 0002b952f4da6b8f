"""`assessor report`: the readiness report as PDF or HTML, executive or full."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from assessor.cli.options import AssessmentInput, assessment_options, day
from assessor.services.files import (
    check_writable,
    read_consensus,
    read_responses,
    read_targets,
    write_output,
)
from assessor.services.press import Press, processors
from assessor.services.report_request import PAPERS, ReportOptions, ReportRequest, output_format

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
@click.option("--paper", type=click.Choice(list(PAPERS)), default="a4", show_default=True)
@click.option(
    "--date",
    "report_date",
    type=DAY,
    help="The date on the cover (YYYY-MM-DD); today if not given.",
)
@click.option(
    "--start", type=DAY, help="The roadmap's first day (YYYY-MM-DD), to print dates beside weeks."
)
@click.option(
    "--named",
    is_flag=True,
    help="Name respondents in the report (stated on the cover); by default it shows roles only.",
)
@click.option(
    "--consensus",
    "consensus_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A YAML or JSON file of the answers a workshop agreed, with notes (see docs/reports.md).",
)
@click.option(
    "--doc-version",
    default="1.0",
    show_default=True,
    help="The document's version, for its control.",
)
@click.pass_context
def report(
    ctx: click.Context,
    assessment_input: AssessmentInput,
    template: str,
    output: Path,
    client: str,
    consultant: str | None,
    firm: str | None,
    branding_path: Path | None,
    paper: str,
    report_date: dt.datetime | None,
    start: dt.datetime | None,
    named: bool,
    consensus_path: Path | None,
    doc_version: str,
) -> None:
    """Write the readiness report for a board (executive) or a workshop (full), as PDF or HTML."""
    fmt = output_format(output)  # refuse a wrong suffix before any work
    check_writable(output)
    # matplotlib and WeasyPrint load in the press while this process reads, scores and words.
    with Press() as press:
        from assessor.services.reports import prepare_report, render_report

        ws = ctx.obj.workspace()
        questionnaire_id = assessment_input.questionnaire_id
        responses = read_responses(ws, questionnaire_id, assessment_input.answer_paths)
        request = ReportRequest(
            template=template,
            format=fmt,
            lang=assessment_input.lang,
            options=ReportOptions(
                client=client,
                date=day(report_date) or dt.date.today(),
                paper=paper,
                named=named,
                version=doc_version,
            ),
            consultant=consultant,
            firm=firm,
            branding=branding_path,
            start=day(start),
        )
        targets = read_targets(ws, assessment_input.targets_path)
        consensus = read_consensus(ws, questionnaire_id, consensus_path) if consensus_path else []
        job = prepare_report(ws, questionnaire_id, responses, targets, request, consensus=consensus)
        rendered = render_report(job, ws, press=press, chart_workers=min(2, processors()))
    inputs = [
        *assessment_input.answer_paths,
        assessment_input.targets_path,
        branding_path,
        consensus_path,
    ]
    write_output(output, rendered.data, inputs=[p for p in inputs if p])
    if not client:
        click.echo(
            "note: no --client given; the report names the client 'Client organisation'", err=True
        )
    click.echo(f"wrote {output}", err=True)


COMMANDS = [report]
