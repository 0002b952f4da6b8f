"""Benchmark the readiness reports: the whole report against WeasyPrint alone on its final HTML.

Run: .venv/bin/python bench/bench_report.py [--repeat 5]  (medians of the runs are printed)

Renders the full report of the shipped Acme workshop (the consultant workshop's questions,
12 respondents) warm, in this process, and times WeasyPrint alone on the same final HTML; then
the executive report warm; then the full report as a fresh `assessor report` process (time and
peak memory); then charts embedded as SVG against PNG. Targets are printed beside the figures.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assessor.reporting.pdf import captured_warnings, html_to_pdf  # noqa: E402
from assessor.services.files import read_responses  # noqa: E402
from assessor.services.report_request import ReportOptions, ReportRequest  # noqa: E402
from assessor.services.reports import (  # noqa: E402
    MemoryReportCache,
    ReportJob,
    cached_report,
    prepare_report,
    render_report,
)
from assessor.services.workspace import Workspace, open_workspace  # noqa: E402

ANSWERS = sorted((ROOT / "examples" / "acme-workshop").glob("*.yaml"))
QUESTIONNAIRE = "consultant-workshop"


def medians(repeat: int, *works: Callable[[], object]) -> list[float]:
    """The median of `repeat` runs of each work, the works taken in turn so that a slow spell
    of the machine weighs on all of them alike."""
    times: list[list[float]] = [[] for _ in works]
    for _ in range(repeat):
        for i, work in enumerate(works):
            gc.collect()
            start = time.perf_counter()
            work()
            times[i].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]


def verdict(value: float, limit: float) -> str:
    return "ok" if value <= limit else "OVER"


def job(ws: Workspace, template: str, fmt: str = "pdf", chart_format: str = "svg") -> ReportJob:
    """The Acme workshop's report as a job."""
    request = ReportRequest(
        template=template,
        format=fmt,  # type: ignore[arg-type]
        options=ReportOptions(client="Acme", chart_format=chart_format),
    )
    responses = read_responses(ws, QUESTIONNAIRE, ANSWERS)
    return prepare_report(ws, QUESTIONNAIRE, responses, None, request)


def warm(repeat: int) -> None:
    ws = open_workspace(ROOT)
    full, full_html, executive = job(ws, "full"), job(ws, "full", "html"), job(ws, "executive")
    with captured_warnings() as warnings:
        report = render_report(full, ws)  # warm up: imports, fonts, template cache
        render_report(executive, ws)
        total, html_only, weasy, exec_total = medians(
            repeat,
            lambda: render_report(full, ws),
            lambda: render_report(full_html, ws),
            lambda: html_to_pdf(report.html),
            lambda: render_report(executive, ws),
        )
    questions = len(ws.content.questionnaires[QUESTIONNAIRE].question_ids())
    ratio = total / weasy
    print(
        f"full report: {questions} questions, {len(ANSWERS)} respondents, {len(report.charts)} charts"
    )
    print(f"  whole report, warm          {total:6.2f} s   (target < 3 s: {verdict(total, 3.0)})")
    print(f"  WeasyPrint alone, same HTML {weasy:6.2f} s")
    print(
        f"  ratio whole / WeasyPrint    {ratio:6.2f}     (target <= 1.25: {verdict(ratio, 1.25)})"
    )
    print(f"  scoring + charts + HTML     {html_only:6.2f} s")
    print(
        f"executive report, warm        {exec_total:6.2f} s   (target < 1 s: {verdict(exec_total, 1.0)})"
    )
    print(f"WeasyPrint and fontTools warnings: {len(warnings)}")


def cache(repeat: int) -> None:
    """The second request for an unchanged report: served from the cache by its key."""
    ws = open_workspace(ROOT)
    kept = MemoryReportCache()
    start = time.perf_counter()
    cached_report(job(ws, "full"), kept, in_worker=True)
    first = time.perf_counter() - start
    (second,) = medians(repeat, lambda: cached_report(job(ws, "full"), kept))
    print(f"full report in a worker, first  {first:6.2f} s")
    print(
        f"  second request (cache)      {second * 1000:6.1f} ms  "
        f"(target < 100 ms: {verdict(second, 0.1)})"
    )


WEASYPRINT_ALONE = """
import sys
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
html = open(sys.argv[1], encoding="utf-8").read()
HTML(string=html, base_url=sys.argv[3]).write_pdf(sys.argv[2], font_config=FontConfiguration())
"""


def fresh_process(repeat: int) -> None:
    """The full report as a fresh `assessor report` process against WeasyPrint alone in a fresh
    process on the same final HTML, the two taken in turn; medians."""
    script = Path(sys.executable).parent / "assessor"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "assessor.cli"]
    ws = open_workspace(ROOT)
    html = render_report(job(ws, "full", "html"), ws).html
    base_url = ws.report_dirs[0].resolve().as_uri() + "/"
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "full.pdf"
        page = Path(folder) / "full.html"
        page.write_text(html, encoding="utf-8")
        answers = [arg for path in ANSWERS for arg in ("--answers", str(path))]
        args = [
            *command,
            "report",
            "--questionnaire",
            QUESTIONNAIRE,
            *answers,
            "--template",
            "full",
            "--client",
            "Acme",
            "--output",
            str(output),
        ]
        alone = [sys.executable, "-c", WEASYPRINT_ALONE, str(page), str(output), base_url]
        cli, weasy = medians(
            repeat,
            lambda: subprocess.run(args, check=True, capture_output=True, cwd=ROOT),
            lambda: subprocess.run(alone, check=True, capture_output=True, cwd=ROOT),
        )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    ratio = cli / weasy
    print(f"full report, fresh CLI        {cli:6.2f} s   (median of {repeat})")
    print(f"WeasyPrint alone, fresh       {weasy:6.2f} s   (same final HTML, median of {repeat})")
    print(f"  fresh-process ratio         {ratio:6.2f}     (target <= 1.2: {verdict(ratio, 1.2)})")
    print(f"  peak memory of a process    {peak:6.0f} MB  (target < 250 MB: {verdict(peak, 250)})")


def chart_formats(repeat: int) -> None:
    ws = open_workspace(ROOT)
    jobs = {fmt: job(ws, "full", "html", fmt) for fmt in ("svg", "png")}
    html = {fmt: render_report(j, ws).html for fmt, j in jobs.items()}
    times = medians(
        repeat,
        lambda: render_report(jobs["svg"], ws),
        lambda: html_to_pdf(html["svg"]),
        lambda: render_report(jobs["png"], ws),
        lambda: html_to_pdf(html["png"]),
    )
    print("charts embedded as <img> data URIs, full report:")
    print("  format   scoring+charts+HTML   WeasyPrint   sum")
    for fmt, (html_time, weasy) in zip(("svg", "png"), (times[:2], times[2:]), strict=True):
        print(f"  {fmt:6} {html_time:14.2f} s {weasy:14.2f} s {html_time + weasy:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measure; the median counts")
    parser.add_argument(
        "--skip-formats", action="store_true", help="skip the SVG against PNG measure"
    )
    args = parser.parse_args()
    fresh_process(args.repeat)  # first, so that its peak memory is its own
    warm(args.repeat)
    cache(args.repeat)
    if not args.skip_formats:
        chart_formats(args.repeat)


if __name__ == "__main__":
    main()
