"""Checks of the press and the chart board's forked helpers, run by
`tests/reporting/test_report_processes.py` in a fresh Python process: a fork copies only the
calling thread, so the app refuses to fork where other threads run (as they do in the test
session once a live server has started), and these checks need a process of one thread.

`python -m tests.reporting.press_checks` runs every check and prints, on its last line, a JSON
object from each check's name to "ok" or the failure.
"""

from __future__ import annotations

import io
import json
import logging
import tempfile
import threading
import traceback
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, partial
from pathlib import Path
from typing import Any

import pytest
from matplotlib.figure import Figure
from pypdf import PdfReader

from assessor.reporting.chart_board import ChartBoard
from assessor.reporting.pdf import html_to_pdf
from assessor.reporting.press import Press
from assessor.reporting.problems import Collected
from assessor.reporting.processes import can_fork
from assessor.services.files import read_responses
from assessor.services.report_request import ReportOptions, ReportRequest
from assessor.services.reports import prepare_report, render_report
from assessor.services.workspace import Workspace, open_workspace
from tests.reporting.support import ACME, ROOT


@cache
def shipped() -> Workspace:
    """The shipped content."""
    return open_workspace(ROOT)


@contextmanager
def told_here() -> Iterator[list[str]]:
    """What the `assessor` logger tells meanwhile."""
    handler = Collected()
    logger = logging.getLogger("assessor")
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


PAGE = "<html><body><h1>Readiness</h1><p>Foundations first.</p>{extra}</body></html>"


def _job(ws: Workspace, template: str, fmt: str = "html") -> Any:
    request = ReportRequest(
        template=template,
        format=fmt,  # type: ignore[arg-type]
        options=ReportOptions(client="Acme"),
    )
    responses = read_responses(ws, "consultant-workshop", ACME)
    return prepare_report(ws, "consultant-workshop", responses, None, request)


def _square() -> Figure:
    fig = Figure(figsize=(1, 1))
    fig.add_subplot().plot([0, 1], [0, 1])
    return fig


def _warns() -> Figure:
    warnings.warn("nan in the scores", RuntimeWarning, stacklevel=1)
    return _square()


def _fails() -> Figure:
    raise ValueError("a chart with no data")


def check_charts_drawn_on_two_processes_or_in_the_press_give_the_same_report() -> None:
    job = _job(shipped(), "full")
    alone = render_report(job, shipped())
    shared = render_report(job, shipped(), chart_workers=2)
    with Press() as press:
        pressed = render_report(job, shipped(), press=press, chart_workers=2)
    drawn = [(c.id, c.alt, c.data) for c in alone.charts]
    assert len(drawn) >= 6  # radar, phases, glance, the Gantt's parts, heatmap, perception
    for other in (shared, pressed):
        assert other.html == alone.html
        assert [(c.id, c.alt, c.data) for c in other.charts] == drawn


def check_no_placeholder_is_left_in_the_page() -> None:
    board = ChartBoard(workers=2)
    first = board.chart("chart-a", "A", _square)
    second = board.chart("chart-b", "B", _square)
    page = f'<img src="{first.uri}"><img src="{second.uri}">'
    html = board.finish(page)
    assert first.uri not in html and second.uri not in html
    assert html.count('src="data:image/svg+xml;base64,') == 2
    assert [c.id for c in board.drawn] == ["chart-a", "chart-b"]


def check_a_problem_met_in_the_helper_process_is_told_once_in_words() -> None:
    board = ChartBoard(workers=2)
    for name in ("a", "b", "c"):
        board.chart(f"chart-{name}", name, _warns if name == "a" else _square)
    with told_here() as told_messages:
        board.finish("")
    told = [r for r in told_messages if "not valid" in r]
    assert told == [
        "warning: a chart was drawn from a number that is not valid (nan in the scores)"
    ]


def check_a_chart_that_fails_in_the_helper_fails_here_with_its_own_error() -> None:
    board = ChartBoard(workers=2)
    board.chart("chart-good", "good", _square, weight=5)  # the heaviest is drawn here
    board.chart("chart-bad", "bad", _fails, weight=4)  # the next by the helper, which fails
    with pytest.raises(ValueError, match="a chart with no data"):
        board.finish("")


def check_the_press_prints_what_this_process_prints() -> None:
    page = PAGE.format(extra="<p>Кириллица и латиница.</p>")
    with Press() as press:
        processes = press.processes
        assert len(processes) == 2 and all(p.is_alive() for p in processes)
        printed = press(page)
    assert not any(p.is_alive() for p in processes)
    here = html_to_pdf(page)

    def text(pdf: bytes) -> str:
        return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)

    assert text(printed) == text(here)
    assert "Кириллица и латиница." in text(printed)


def check_a_file_outside_the_report_folder_is_left_out_and_told_here() -> None:
    tmp_path = Path(tempfile.mkdtemp())
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not an image")
    folder = tmp_path / "reports"
    folder.mkdir()
    page = PAGE.format(extra=f'<img src="{secret.as_uri()}" alt="">')
    with told_here() as told_messages, Press() as press:
        pdf = press(page, folder.as_uri() + "/")
    assert pdf.startswith(b"%PDF")
    told = list(told_messages)
    assert any("the PDF leaves out the image" in m and "secret.png" in m for m in told), told


def check_when_the_press_dies_the_charts_are_drawn_and_the_pdf_printed_here() -> None:
    with Press() as press:
        for process in press.processes:
            process.kill()
            process.join()
        board = ChartBoard(workers=1, drawer=press)
        chart = board.chart("chart-a", "A", _square)
        html = board.finish(f'<img src="{chart.uri}">')
        pdf = press(PAGE.format(extra=""))
    assert html.startswith('<img src="data:image/svg+xml;base64,')
    assert "Foundations first." in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def check_a_problem_met_in_the_press_is_told_here_in_words() -> None:
    with Press() as press, told_here() as told_messages:
        board = ChartBoard(workers=2, drawer=press)
        for name in ("a", "b"):
            board.chart(f"chart-{name}", name, partial(_warns) if name == "a" else _square)
        board.finish("")
    told = [r for r in told_messages if "not valid" in r]
    assert told == [
        "warning: a chart was drawn from a number that is not valid (nan in the scores)"
    ]


def check_a_chart_the_press_cannot_draw_is_drawn_here_and_fails_with_its_own_error() -> None:
    with Press() as press:
        board = ChartBoard(workers=2, drawer=press)
        board.chart("chart-good", "good", _square)
        board.chart("chart-bad", "bad", _fails)
        board.chart("chart-here", "here", lambda: _square())  # cannot be sent: drawn here
        with pytest.raises(ValueError, match="a chart with no data"):
            board.finish("")


def main() -> None:
    """Run every check in this process of one thread; print each one's outcome as JSON."""
    results: dict[str, str] = {}
    for name, check in sorted(globals().items()):
        if not name.startswith("check_"):
            continue
        if not can_fork():
            results[name] = f"this process runs {threading.active_count()} threads"
            continue
        try:
            check()
            results[name] = "ok"
        except BaseException:  # every check's outcome is printed, the failure with it
            results[name] = traceback.format_exc()
    print(json.dumps(results))


if __name__ == "__main__":
    main()
