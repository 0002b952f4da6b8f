"""`assessor report`: writes PDF or HTML; every mistake is a clear message, never a traceback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from assessor.cli import cli
from tests.reporting.support import FIXTURE_ANSWERS, FIXTURE_ROOT, html_problems


def run(*args: str) -> tuple[int, str]:
    answers = [arg for path in FIXTURE_ANSWERS for arg in ("--answers", str(path))]
    result = CliRunner().invoke(
        cli,
        ["--content", str(FIXTURE_ROOT), "report", "--questionnaire", "workshop", *answers, *args],
    )
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_writes_a_pdf_with_the_cover_details_given(tmp_path: Path) -> None:
    output = tmp_path / "report.pdf"
    code, out = run(
        "--output",
        str(output),
        "--client",
        "Small & Co",
        "--consultant",
        "Jane Adviser",
        "--firm",
        "Northwind",
        "--date",
        "2026-04-20",
        "--paper",
        "letter",
    )
    assert code == 0, out
    assert f"wrote {output}" in out
    reader = PdfReader(io.BytesIO(output.read_bytes()))
    cover = " ".join(reader.pages[0].extract_text().split())
    for expected in ("Small & Co", "Jane Adviser", "Northwind", "20 April 2026"):
        assert expected in cover
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"], "no temporary file left behind"


def test_writes_a_valid_html_page(tmp_path: Path) -> None:
    output = tmp_path / "report.html"
    code, out = run("--output", str(output), "--template", "full")
    assert code == 0, out
    html = output.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert html_problems(html) == []


def test_branding_file_and_language_apply(tmp_path: Path) -> None:
    brand = tmp_path / "brand.yaml"
    brand.write_text("firm: Harbour Consulting\ncolours: {primary: '#112233'}\n")
    output = tmp_path / "report.html"
    code, out = run("--output", str(output), "--branding", str(brand), "--lang", "ru")
    assert code == 0, out
    html = output.read_text(encoding="utf-8")
    assert "Harbour Consulting" in html and "--primary: #112233;" in html
    assert 'lang="ru"' in html and "Готовность в целом" in html


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--output", "{tmp}/report.docx"), "the output must end in .pdf or .html"),
        (("--output", "{tmp}/missing/report.pdf"), "does not exist"),
        (("--output", "{tmp}/file.txt/report.pdf"), "file.txt is not a folder"),
        (
            ("--output", "{tmp}/r.pdf", "--template", "board"),
            "unknown report template 'board'; available: executive, full",
        ),
        (("--output", "{tmp}/r.pdf", "--lang", "xx"), "no report translation for language 'xx'"),
        (
            ("--output", "{tmp}/r.pdf", "--branding", "{tmp}/none.yaml"),
            "none.yaml: no such branding file",
        ),
        (
            ("--output", "{tmp}/r.pdf", "--branding", "{tmp}/file.txt"),
            "file.txt:1: expected a mapping",
        ),
        (
            ("--output", "{tmp}/r.pdf", "--targets", "{tmp}/none.yaml"),
            "Invalid value for '--targets': File '{tmp}/none.yaml' does not exist.",
        ),
    ],
)
def test_mistakes_are_clean_errors_and_write_nothing(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    (tmp_path / "file.txt").write_text("just text\n")
    code, out = run(*(arg.format(tmp=tmp_path) for arg in args))
    assert code == 2
    assert out.startswith(("error: ", "Usage: "))
    assert "Traceback" not in out
    assert message.format(tmp=tmp_path) in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]


def test_unknown_paper_is_refused_by_the_option() -> None:
    code, out = run("--output", "x.pdf", "--paper", "a5")
    assert code == 2
    assert "'a5' is not one of 'a4', 'letter'" in out


def test_bad_answers_are_reported_by_file_and_nothing_is_written(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("respondent: {name: Dee, role: staff}\nanswers:\n  sponsor: perhaps\n")
    output = tmp_path / "r.pdf"
    result = CliRunner().invoke(
        cli,
        [
            "--content",
            str(FIXTURE_ROOT),
            "report",
            "--questionnaire",
            "workshop",
            "--answers",
            str(bad),
            "--output",
            str(output),
        ],
    )
    assert result.exit_code == 2
    assert "bad.yaml" in result.output and "Traceback" not in result.output
    assert not output.exists()
