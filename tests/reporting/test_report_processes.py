"""A report made on several processes: charts shared between two, matplotlib and WeasyPrint
loaded in the press's helpers while the report is scored and worded.

What a user sees must not change: the same HTML byte for byte, the same PDF text, problems told
in the same words, and a failure is the same failure, with no traceback from a helper process.
The checks that fork run in a fresh process of one thread (`press_checks.py`): the app forks no
helper where other threads run, as they do in this session once a live server has started.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from assessor.reporting.chart_board import ChartBoard
from assessor.reporting.press import Press
from tests.reporting.press_checks import PAGE, _square
from tests.reporting.support import ACME, ROOT


@pytest.fixture(scope="module")
def alone() -> dict[str, str]:
    """Each check's outcome in a fresh process of one thread."""
    ran = subprocess.run(
        [sys.executable, "-m", "tests.reporting.press_checks"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    results: dict[str, str] = json.loads(ran.stdout.splitlines()[-1])
    return results


def test_charts_drawn_on_two_processes_or_in_the_press_give_the_same_report(
    alone: dict[str, str],
) -> None:
    assert (
        alone["check_charts_drawn_on_two_processes_or_in_the_press_give_the_same_report"] == "ok"
    ), alone["check_charts_drawn_on_two_processes_or_in_the_press_give_the_same_report"]


def test_no_placeholder_is_left_in_the_page(alone: dict[str, str]) -> None:
    assert alone["check_no_placeholder_is_left_in_the_page"] == "ok", alone[
        "check_no_placeholder_is_left_in_the_page"
    ]


def test_a_problem_met_in_the_helper_process_is_told_once_in_words(alone: dict[str, str]) -> None:
    assert alone["check_a_problem_met_in_the_helper_process_is_told_once_in_words"] == "ok", alone[
        "check_a_problem_met_in_the_helper_process_is_told_once_in_words"
    ]


def test_a_chart_that_fails_in_the_helper_fails_here_with_its_own_error(
    alone: dict[str, str],
) -> None:
    assert alone["check_a_chart_that_fails_in_the_helper_fails_here_with_its_own_error"] == "ok", (
        alone["check_a_chart_that_fails_in_the_helper_fails_here_with_its_own_error"]
    )


def test_the_press_prints_what_this_process_prints(alone: dict[str, str]) -> None:
    assert alone["check_the_press_prints_what_this_process_prints"] == "ok", alone[
        "check_the_press_prints_what_this_process_prints"
    ]


def test_a_file_outside_the_report_folder_is_left_out_and_told_here(alone: dict[str, str]) -> None:
    assert alone["check_a_file_outside_the_report_folder_is_left_out_and_told_here"] == "ok", alone[
        "check_a_file_outside_the_report_folder_is_left_out_and_told_here"
    ]


def test_when_the_press_dies_the_charts_are_drawn_and_the_pdf_printed_here(
    alone: dict[str, str],
) -> None:
    assert (
        alone["check_when_the_press_dies_the_charts_are_drawn_and_the_pdf_printed_here"] == "ok"
    ), alone["check_when_the_press_dies_the_charts_are_drawn_and_the_pdf_printed_here"]


def test_a_problem_met_in_the_press_is_told_here_in_words(alone: dict[str, str]) -> None:
    assert alone["check_a_problem_met_in_the_press_is_told_here_in_words"] == "ok", alone[
        "check_a_problem_met_in_the_press_is_told_here_in_words"
    ]


def test_a_chart_the_press_cannot_draw_is_drawn_here_and_fails_with_its_own_error(
    alone: dict[str, str],
) -> None:
    assert (
        alone["check_a_chart_the_press_cannot_draw_is_drawn_here_and_fails_with_its_own_error"]
        == "ok"
    ), alone["check_a_chart_the_press_cannot_draw_is_drawn_here_and_fails_with_its_own_error"]


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
