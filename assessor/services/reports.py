"""Make a readiness report as a job: validated once, rendered (in a worker), cached by its inputs.

`prepare_report` checks the request against the workspace and fixes the job's cache key (the
fingerprints of content and report files, the responses, the targets and the options).
`render_report` runs the job: score, plan, word, draw, render HTML, print PDF. It needs only the
job, so it runs in a worker process (`render_in_worker`, where matplotlib's global state cannot
leak from one render into the next) as well as in the command line's own process.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import multiprocessing
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from assessor.domain.consensus import Agreement, with_consensus
from assessor.domain.responses import Response
from assessor.domain.results import Assessment
from assessor.reporting import ReportError
from assessor.reporting.branding import Branding, load_branding, with_people
from assessor.reporting.chart_board import ChartBoard
from assessor.reporting.charts import Chart
from assessor.reporting.context import ReportInput, build_context
from assessor.reporting.i18n import Translator, load_translator
from assessor.reporting.pdf import html_to_pdf
from assessor.reporting.press import Press
from assessor.reporting.processes import processors
from assessor.reporting.progress import History, ProgressInput
from assessor.reporting.render import render_html, template_names
from assessor.reporting.rules import FindingRules, load_rules
from assessor.reporting.settings import PAPER_SIZES, Layout, load_layout
from assessor.services.assessments import plan, score
from assessor.services.progress import compare_assessments
from assessor.services.report_request import ReportRequest
from assessor.services.workspace import Workspace, open_workspace


@dataclass(frozen=True)
class ReportJob:
    """A report checked and ready to render anywhere: everything it is made from, and its key."""

    root: Path
    base: Path | None
    questionnaire: str
    responses: tuple[Response, ...]
    targets: Mapping[str, float] | None
    request: ReportRequest
    key: str
    """A hash of the content and report files, the responses, the targets, the request, the
    consensus and the earlier assessments."""
    consensus: tuple[Agreement, ...] = ()
    """The answers a workshop agreed: the report shows them beside the respondents' spread."""
    history: History | None = None
    """The client's earlier assessments: the report shows the progress since the last one."""


@dataclass(frozen=True)
class RenderedReport:
    """A report's HTML, its PDF when asked for, and the charts drawn into it."""

    html: str
    pdf: bytes | None
    charts: list[Chart]

    @property
    def data(self) -> bytes:
        """The bytes to write or send: the PDF, else the HTML."""
        return self.pdf if self.pdf is not None else self.html.encode("utf-8")


def prepare_report(
    ws: Workspace,
    questionnaire_id: str,
    responses: Sequence[Response],
    targets: Mapping[str, float] | None,
    request: ReportRequest,
    *,
    consensus: Sequence[Agreement] = (),
    history: History | None = None,
) -> ReportJob:
    """Check a report request once (template, paper, language, branding) and make it a job.

    With `consensus` the report shows the agreed answers and the scores with them; with a
    `history` of earlier assessments, the progress since the last one.
    """
    ws.questionnaire(questionnaire_id)
    known = template_names(ws.report_dirs)
    if request.template not in known:
        raise ReportError(
            f"unknown report template '{request.template}'; available: {', '.join(known) or 'none'}"
        )
    if request.options.paper not in PAPER_SIZES:
        raise ReportError(
            f"unknown paper size '{request.options.paper}'; use one of {', '.join(PAPER_SIZES)}"
        )
    report_settings(ws.report_dirs, request.lang, request.branding)
    if history is not None and not history.earlier:
        history = None
    extras = ReportExtras(tuple(consensus), history)
    return ReportJob(
        root=ws.root,
        base=ws.base,
        questionnaire=questionnaire_id,
        responses=tuple(responses),
        targets=dict(targets) if targets is not None else None,
        request=request,
        key=report_key(ws, questionnaire_id, responses, targets, request, extras),
        consensus=extras.consensus,
        history=extras.history,
    )


def report_key(
    ws: Workspace,
    questionnaire_id: str,
    responses: Sequence[Response],
    targets: Mapping[str, float] | None,
    request: ReportRequest,
    extras: ReportExtras | None = None,
) -> str:
    """The cache key of a report: equal keys, equal reports."""
    extras = extras or ReportExtras()
    history = extras.history
    inputs = {
        "workspace": ws.fingerprint,
        "questionnaire": questionnaire_id,
        "responses": [dataclasses.asdict(r) for r in responses],
        "targets": dict(sorted((targets or {}).items())),
        "request": dataclasses.asdict(request),
        "consensus": [dataclasses.asdict(a) for a in extras.consensus],
        "history": {
            "earlier": [
                {"title": e.title, "on": e.assessed_on, "result": e.result.dump()}
                for e in history.earlier
            ],
            "statuses": dict(sorted(history.statuses.items())),
        }
        if history is not None
        else None,
    }
    if request.branding is not None:
        inputs["branding"] = _file_hash(request.branding)
    text = json.dumps(inputs, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ReportExtras:
    """What a report shows beyond the answers: a workshop's consensus, the earlier assessments."""

    consensus: tuple[Agreement, ...] = ()
    history: History | None = None


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


@dataclass(frozen=True)
class ReportSettings:
    """The wording, branding and layout of reports in one language, read once."""

    translator: Translator
    branding: Branding
    layout: Layout
    rules: FindingRules


@lru_cache(maxsize=16)
def report_settings(
    dirs: tuple[Path, ...], lang: str, branding: Path | None = None
) -> ReportSettings:
    """The report settings of a workspace's report folders (read once per language)."""
    return ReportSettings(
        translator=load_translator(dirs, lang),
        branding=load_branding(dirs, branding),
        layout=load_layout(dirs),
        rules=load_rules(dirs),
    )


@lru_cache(maxsize=4)
def _workspace(root: Path, base: Path | None) -> Workspace:
    """A worker's workspace, loaded once per process and content folder."""
    return open_workspace(root, base)


def render_report(
    job: ReportJob,
    ws: Workspace | None = None,
    *,
    press: Press | None = None,
    chart_workers: int = 1,
) -> RenderedReport:
    """Run a report job: score, plan the roadmap, word, draw, render HTML and print the PDF.

    With a `press` (started before, so that its imports overlapped this work) the charts are
    drawn and the PDF printed there; with `chart_workers` 2 and no press, the charts are drawn
    after the template, half of them in a forked process."""
    ws = ws or _workspace(job.root, job.base)
    request = job.request
    board = ChartBoard(request.options.chart_format, workers=chart_workers, drawer=press)
    assessment = score(ws, job.questionnaire, job.responses, job.targets)
    roadmap = plan(ws, assessment, request.start)
    settings = report_settings(ws.report_dirs, request.lang, request.branding)
    branding = with_people(settings.branding, request.firm, request.consultant)
    agreed = None
    if job.consensus:
        agreed_answers = {a.question: a.value for a in job.consensus}
        responses = with_consensus(job.responses, agreed_answers)
        agreed = score(ws, job.questionnaire, responses, job.targets)
    context = build_context(
        ReportInput(
            ws.content,
            assessment,
            roadmap,
            branding,
            settings.translator,
            settings.layout,
            request.options,
            settings.rules,
            responses=job.responses,
            consensus=job.consensus,
            agreed=agreed,
            progress=_progress(ws, job.history, assessment, request) if job.history else None,
            board=board,
        )
    )
    html = board.finish(render_html(ws.report_dirs, request.template, context))
    document = None
    if request.format == "pdf":
        document = (press or html_to_pdf)(html, ws.report_dirs[0].resolve().as_uri() + "/")
    return RenderedReport(html=html, pdf=document, charts=list(board.drawn))


def render_on_all_processors(job: ReportJob, ws: Workspace | None = None) -> RenderedReport:
    """`render_report` for a fresh process: matplotlib and WeasyPrint load in the press while
    this one scores and words; the press draws the charts (on two processors) and prints."""
    with Press() as press:
        return render_report(job, ws, press=press, chart_workers=min(2, processors()))


def _progress(
    ws: Workspace, history: History, now: Assessment, request: ReportRequest
) -> ProgressInput:
    """What moved since the last earlier assessment, with its plan and the actions done."""
    last = history.last
    roadmap = plan(ws, last.result, last.assessed_on)
    done = {a for a, status in history.statuses.items() if status == "done"}
    comparison = compare_assessments(ws, last.result, now, roadmap, done)
    return ProgressInput(history, comparison, roadmap, request.options.date)


def render_in_worker(job: ReportJob) -> RenderedReport:
    """Run a report job in a fresh worker process, so that no render shares global state."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context, max_tasks_per_child=1) as pool:
        return pool.submit(render_on_all_processors, job).result()


class ReportCache(Protocol):
    """Where rendered reports are kept until their inputs change, by report key."""

    def get(self, key: str) -> bytes | None:
        """The report's bytes, or None when it was never rendered."""

    def put(self, key: str, data: bytes) -> None:
        """Keep a rendered report's bytes."""


class MemoryReportCache:
    """A report cache in this process's memory, holding the most recent reports."""

    def __init__(self, size: int = 32) -> None:
        self._size = size
        self._kept: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        """The report's bytes, or None when it was never rendered (or was dropped)."""
        return self._kept.get(key)

    def put(self, key: str, data: bytes) -> None:
        """Keep a rendered report's bytes, dropping the oldest past the size."""
        self._kept.pop(key, None)
        self._kept[key] = data
        while len(self._kept) > self._size:
            self._kept.pop(next(iter(self._kept)))


def cached_report(job: ReportJob, cache: ReportCache, in_worker: bool = True) -> bytes:
    """A report's bytes: from the cache when its inputs are unchanged, else rendered and kept."""
    found = cache.get(job.key)
    if found is not None:
        return found
    rendered = render_in_worker(job) if in_worker else render_report(job)
    cache.put(job.key, rendered.data)
    return rendered.data
