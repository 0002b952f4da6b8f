"""Make a readiness report: score the answers, plan the roadmap, render HTML, print to PDF."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assessor.config import content_dir, reports_dirs
from assessor.domain.answers import parse_targets
from assessor.domain.content import Content
from assessor.domain.results import Response
from assessor.domain.roadmap import plan_roadmap
from assessor.domain.scoring import score_assessment
from assessor.domain.text import DEFAULT_LANGUAGE
from assessor.reporting import ReportError
from assessor.reporting.branding import load_branding, with_people
from assessor.reporting.charts import Chart
from assessor.reporting.context import ReportInput, ReportOptions, build_context
from assessor.reporting.i18n import load_translator
from assessor.reporting.pdf import html_to_pdf
from assessor.reporting.render import render_html, template_names
from assessor.reporting.settings import PAPER_SIZES, load_layout
from assessor.services.output import write_output
from assessor.services.scoring import read_document, read_responses

OUTPUT_FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html"}


@dataclass(frozen=True)
class ReportRequest:
    """What to report on, for whom, and how it looks."""

    questionnaire: str
    answers: Sequence[Path]
    template: str = "executive"
    targets: Path | None = None
    client: str = ""
    consultant: str | None = None
    firm: str | None = None
    branding: Path | None = None
    paper: str = "a4"
    lang: str = DEFAULT_LANGUAGE
    date: dt.date = field(default_factory=dt.date.today)
    start: dt.date | None = None
    chart_format: str = "svg"


@dataclass(frozen=True)
class RenderedReport:
    """A report's HTML, its PDF when asked for, and the charts drawn into it."""

    html: str
    pdf: bytes | None
    charts: list[Chart]


def output_format(path: Path) -> str:
    """'pdf' or 'html' from the output file's suffix; a ReportError for anything else."""
    fmt = OUTPUT_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ReportError(f"{path}: the output must end in .pdf or .html")
    return fmt


def check_request(request: ReportRequest, root: str | Path | None) -> list[Path]:
    """The report folders in force, once the template, paper and language are known to exist."""
    dirs = reports_dirs(content_dir(root))
    if request.template not in template_names(dirs):
        known = ", ".join(template_names(dirs)) or "none"
        raise ReportError(f"unknown report template '{request.template}'; available: {known}")
    if request.paper not in PAPER_SIZES:
        raise ReportError(
            f"unknown paper size '{request.paper}'; use one of {', '.join(PAPER_SIZES)}"
        )
    return dirs


def render_report(
    content: Content, request: ReportRequest, root: str | Path | None = None, pdf: bool = True
) -> RenderedReport:
    """Read the answers files, then render their report (and its PDF when `pdf`)."""
    check_request(request, root)
    responses = read_responses(content, request.questionnaire, list(request.answers))
    targets = parse_targets(read_document(request.targets), content) if request.targets else None
    return render_responses(content, request, responses, targets, root, pdf)


def render_responses(
    content: Content,
    request: ReportRequest,
    responses: Sequence[Response],
    targets: Mapping[str, float] | None = None,
    root: str | Path | None = None,
    pdf: bool = True,
) -> RenderedReport:
    """Score responses already read (from files or a database), plan the roadmap, render."""
    dirs = check_request(request, root)
    translator = load_translator(dirs, request.lang)
    branding = with_people(load_branding(dirs, request.branding), request.firm, request.consultant)
    layout = load_layout(dirs)
    assessment = score_assessment(content, request.questionnaire, responses, targets)
    roadmap = plan_roadmap(content, assessment, request.start)
    options = ReportOptions(
        client=request.client,
        date=request.date,
        paper=request.paper,
        chart_format=request.chart_format,
    )
    context = build_context(
        ReportInput(content, assessment, roadmap, branding, translator, layout, options)
    )
    html = render_html(dirs, request.template, context)
    document = html_to_pdf(html, base_url=dirs[0].resolve().as_uri() + "/") if pdf else None
    return RenderedReport(html=html, pdf=document, charts=list(context["charts"].drawn))


def write_report(
    content: Content, request: ReportRequest, output: Path, root: str | Path | None = None
) -> Path:
    """Render the report as PDF or HTML by the output's suffix, and write it there."""
    fmt = output_format(output)
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        problem = "is not a folder" if folder.exists() else "does not exist"
        raise ReportError(f"{output}: {folder} {problem}")
    if not os.access(folder, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise ReportError(f"{output}: cannot write there (permission denied)")
    report = render_report(content, request, root, pdf=fmt == "pdf")
    data = report.pdf if report.pdf is not None else report.html.encode("utf-8")
    inputs = [*request.answers, *(p for p in (request.targets, request.branding) if p)]
    write_output(output, data, inputs=inputs)
    return output
