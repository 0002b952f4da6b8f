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
from tests.reporting import press_checks
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


CHECKS = sorted(name for name in vars(press_checks) if name.startswith("check_"))


@pytest.mark.parametrize("check", CHECKS, ids=[name.removeprefix("check_") for name in CHECKS])
def test_in_a_process_of_one_thread(alone: dict[str, str], check: str) -> None:
    assert alone[check] == "ok", alone[check]


def test_a_process_with_other_threads_forks_no_helper() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        with Press() as press:
            assert press.processes == []
            pdf = press(PAGE.format(extra=""))
        board = ChartBoard(workers=2)
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
