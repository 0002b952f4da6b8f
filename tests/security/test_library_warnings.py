"""Library warnings met while making a report are told in the project's words, never raw."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from pathlib import Path

import pytest

from assessor.reporting.pdf import html_to_pdf
from assessor.services.workspace import open_workspace
from tests.helpers import report
from tests.security.support import ROOT

FIXTURE = ROOT / "tests" / "reporting" / "fixtures" / "content"


def _said(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "assessor"]


def test_l6_missing_glyph_in_a_chart_is_a_plain_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    answers = tmp_path / "answers"
    shutil.copytree(FIXTURE / "answers", answers)
    first = sorted(answers.glob("*.yaml"))[0]
    text = first.read_text()
    name = text.split("name:", 1)[1].split(",", 1)[0].strip()
    first.write_text(text.replace(name, "Ada \U0001f469 Chief", 1))
    fields = dict(
        template="full",
        date=dt.date(2026, 4, 20),
        named=True,  # names reach the report only in a named report
    )
    answer_files = sorted(answers.glob("*.yaml"))
    with caplog.at_level(logging.WARNING):
        report(open_workspace(FIXTURE), "workshop", answer_files, format="html", **fields)
    said = _said(caplog)
    assert said, "the missing character is reported"
    assert all(m.startswith("warning: the font DejaVu Sans has no character") for m in said)
    assert all("U+1F469" in m and "Warning" not in m for m in said)


def test_l6_a_resource_left_out_of_the_pdf_is_reported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    html = '<html><body><img src="file:///etc/hostname"><p>x</p></body></html>'
    with caplog.at_level(logging.WARNING):
        html_to_pdf(html, tmp_path.as_uri() + "/")
    assert _said(caplog) == [
        "warning: the PDF leaves out the image file:///etc/hostname: not loaded (only data: "
        "URIs and files inside the reports folder may be used)"
    ]
