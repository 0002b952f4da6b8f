"""A report made on several processes: charts shared between two, matplotlib and WeasyPrint
loaded in the press's helpers while the report is scored and worded.

What a user sees must not change: the same HTML byte for byte, the same PDF text, problems told
in the same words, and a failure is the same failure, with no traceback from a helper process.
"""

from __future__ import annotations

import io
import logging
import subprocess
import sys
import threading
import warnings
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from matplotlib.figure import Figure
from pypdf import PdfReader

from assessor.reporting.chart_board import ChartBoard
from assessor.reporting.pdf import html_to_pdf
from assessor.reporting.press import Press
from assessor.services.files import read_responses
from assessor.services.report_request import ReportOptions, ReportRequest
from assessor.services.reports import prepare_report, render_report
from assessor.services.workspace import Workspace
from tests.reporting.support import ACME

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


def test_charts_drawn_on_two_processes_or_in_the_press_give_the_same_report(
    shipped: Workspace,
) -> None:
    job = _job(shipped, "full")
    alone = render_report(job, shipped)
    shared = render_report(job, shipped, chart_workers=2)
    with Press() as press:
        pressed = render_report(job, shipped, press=press, chart_workers=2)
    drawn = [(c.id, c.alt, c.data) for c in alone.charts]
    assert len(drawn) >= 6  # radar, phases, glance, the Gantt's parts, heatmap, perception
    for other in (shared, pressed):
        assert other.html == alone.html
        assert [(c.id, c.alt, c.data) for c in other.charts] == drawn


def test_no_placeholder_is_left_in_the_page() -> None:
    board = ChartBoard(deferred=True, workers=2)
    first = board.chart("chart-a", "A", _square)
    second = board.chart("chart-b", "B", _square)
    page = f'<img src="{first.uri}"><img src="{second.uri}">'
    html = board.finish(page)
    assert first.uri not in html and second.uri not in html
    assert html.count('src="data:image/svg+xml;base64,') == 2
    assert [c.id for c in board.drawn] == ["chart-a", "chart-b"]


def test_a_problem_met_in_the_helper_process_is_told_once_in_words(
    caplog: pytest.LogCaptureFixture,
) -> None:
    board = ChartBoard(deferred=True, workers=2)
    for name in ("a", "b", "c"):
        board.chart(f"chart-{name}", name, _warns if name == "a" else _square)
    with caplog.at_level(logging.WARNING, logger="assessor"):
        board.finish("")
    told = [r.getMessage() for r in caplog.records if "not valid" in r.getMessage()]
    assert told == [
        "warning: a chart was drawn from a number that is not valid (nan in the scores)"
    ]


def test_a_chart_that_fails_in_the_helper_fails_here_with_its_own_error() -> None:
    board = ChartBoard(deferred=True, workers=2)
    board.chart("chart-good", "good", _square, weight=5)  # the heaviest is drawn here
    board.chart("chart-bad", "bad", _fails, weight=4)  # the next by the helper, which fails
    with pytest.raises(ValueError, match="a chart with no data"):
        board.finish("")


def test_the_press_prints_what_this_process_prints() -> None:
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


def test_a_file_outside_the_report_folder_is_left_out_and_told_here(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not an image")
    folder = tmp_path / "reports"
    folder.mkdir()
    page = PAGE.format(extra=f'<img src="{secret.as_uri()}" alt="">')
    with caplog.at_level(logging.WARNING, logger="assessor"), Press() as press:
        pdf = press(page, folder.as_uri() + "/")
    assert pdf.startswith(b"%PDF")
    told = [r.getMessage() for r in caplog.records if r.name == "assessor"]
    assert any("the PDF leaves out the image" in m and "secret.png" in m for m in told), told


def test_when_the_press_dies_the_charts_are_drawn_and_the_pdf_printed_here() -> None:
    with Press() as press:
        for process in press.processes:
            process.kill()
            process.join()
        board = ChartBoard(deferred=True, workers=1, drawer=press)
        chart = board.chart("chart-a", "A", _square)
        html = board.finish(f'<img src="{chart.uri}">')
        pdf = press(PAGE.format(extra=""))
    assert html.startswith('<img src="data:image/svg+xml;base64,')
    assert "Foundations first." in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_a_process_with_other_threads_forks_no_helper() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        with Press() as press:
            assert press.processes == []
            pdf = press(PAGE.format(extra=""))
        board = ChartBoard(deferred=True, workers=2)
        board.chart("chart-a", "A", _square)
        board.chart("chart-b", "B", _square)
        html = board.finish("")
    finally:
        stop.set()
        other.join()
    assert pdf.startswith(b"%PDF") and html == ""
    assert [c.id for c in board.drawn] == ["chart-a", "chart-b"]


def test_a_problem_met_in_the_press_is_told_here_in_words(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with Press() as press, caplog.at_level(logging.WARNING, logger="assessor"):
        board = ChartBoard(deferred=True, workers=2, drawer=press)
        for name in ("a", "b"):
            board.chart(f"chart-{name}", name, partial(_warns) if name == "a" else _square)
        board.finish("")
    told = [r.getMessage() for r in caplog.records if "not valid" in r.getMessage()]
    assert told == [
        "warning: a chart was drawn from a number that is not valid (nan in the scores)"
    ]


def test_a_chart_the_press_cannot_draw_is_drawn_here_and_fails_with_its_own_error() -> None:
    with Press() as press:
        board = ChartBoard(deferred=True, workers=2, drawer=press)
        board.chart("chart-good", "good", _square)
        board.chart("chart-bad", "bad", _fails)
        board.chart("chart-here", "here", lambda: _square())  # cannot be sent: drawn here
        with pytest.raises(ValueError, match="a chart with no data"):
            board.finish("")


def test_a_fresh_report_command_loads_matplotlib_only_in_the_press(tmp_path: Path) -> None:
    answers = [arg for path in ACME[:3] for arg in ("--answers", str(path))]
    code = (
        "import sys; from assessor.cli import cli; "
        "cli(sys.argv[1:], prog_name='assessor', standalone_mode=False); "
        "print('matplotlib' in sys.modules, 'weasyprint' in sys.modules)"
    )
    output = tmp_path / "report.pdf"
    ran = subprocess.run(
        [sys.executable, "-c", code, "report", "--questionnaire", "consultant-workshop",
         *answers, "--client", "Acme", "--output", str(output)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert ran.stdout.split() == ["False", "False"]
    assert "Acme" in PdfReader(output).pages[0].extract_text()
