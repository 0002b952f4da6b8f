"""Untrusted text in reports: control and bidi characters neutralised, long text wrapped or cut."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

from assessor.config import shipped_content_dir
from assessor.domain.text import clean_display
from assessor.reporting.pdf import html_to_pdf
from assessor.reporting.render import render_html
from assessor.services.workspace import open_workspace
from tests.helpers import report
from tests.security.support import CEO, EXECUTIVE, ROOT, run

FIXTURE = ROOT / "tests" / "reporting" / "fixtures" / "content"
HOSTILE = "Eve\u202eMRC\u2066\x00\x07\x1b[31m\x85"


def test_l7_clean_display_removes_controls_and_bidi_overrides() -> None:
    assert clean_display(HOSTILE) == "EveMRC[31m"
    assert clean_display("line one\nline\ttwo") == "line one\nline\ttwo"
    assert clean_display("שלום, Jane") == "שלום, Jane"


def test_l7_names_and_client_reach_the_report_without_controls(tmp_path: Path) -> None:
    answers = tmp_path / "answers"
    shutil.copytree(FIXTURE / "answers", answers)
    first = sorted(answers.glob("*.yaml"))[0]
    text = first.read_text()
    name = text.split("name:", 1)[1].split(",", 1)[0].strip()
    first.write_text(text.replace(name, '"Eve\\u202eMRC\\0\\a\\e[31m"', 1))
    fields = dict(
        template="full",
        client="Acme \u202eMRC\x1b[2J",
        date=dt.date(2026, 4, 20),
        named=True,  # names reach the report only in a named report
    )
    answer_files = sorted(answers.glob("*.yaml"))
    html = report(open_workspace(FIXTURE), "workshop", answer_files, format="html", **fields).html
    for char in "\u202e\x00\x07\x1b":
        assert char not in html
    assert "EveMRC[31m" in html
    assert "Acme MRC[2J" in html


def _pdf_text(tmp_path: Path, text: str) -> str:
    reports = tmp_path / "reports"
    reports.mkdir(exist_ok=True)
    (reports / "long.html.j2").write_text(
        '<html><head><style>{{ stylesheet("report.css") }}</style></head>'
        "<body><main><p>{{ text }}</p></main></body></html>"
    )
    html = render_html([reports, shipped_content_dir() / "reports"], "long", {"text": text})
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(html_to_pdf(html, reports.as_uri() + "/"))
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_l5_long_unbroken_text_wraps_in_the_pdf(tmp_path: Path) -> None:
    assert _pdf_text(tmp_path, "X" * 3000).count("X") == 3000


def test_l5_very_long_text_is_cut_with_a_visible_mark(tmp_path: Path) -> None:
    shown = _pdf_text(tmp_path, "Y" * 100_000)
    assert 1000 < shown.count("Y") < 100_000
    assert "[…]" in shown


def test_l5_long_cover_fields_are_refused(tmp_path: Path) -> None:
    output = tmp_path / "never-written.html"
    for option in ("--client", "--consultant", "--firm"):
        result = run(
            "report", "--questionnaire", EXECUTIVE, "--answers", str(CEO),
            "--output", str(output), option, "Client " * 15000,
        )  # fmt: skip
        assert result.exit_code == 2
        assert "characters long; the limit is 200" in result.stderr
        assert not output.exists()
