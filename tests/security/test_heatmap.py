"""The full report's heatmap shows every respondent, however many there are."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

from assessor.services.workspace import open_workspace
from tests.helpers import report
from tests.security.support import ROOT

FIXTURE = ROOT / "tests" / "reporting" / "fixtures" / "content"


def test_m4_heatmap_shows_every_respondent(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    (root / "reports" / "heat.html.j2").write_text(
        '<html><head><style>{{ stylesheet("report.css") }}</style></head><body>'
        '{% include "sections/respondents.html.j2" %}</body></html>'
    )
    answers = tmp_path / "answers"
    answers.mkdir()
    sources = sorted((FIXTURE / "answers").glob("*.yaml"))
    for n in range(40):
        text = sources[n % len(sources)].read_text()
        name = text.split("name:", 1)[1].split(",", 1)[0].strip()
        (answers / f"{n:02}.yaml").write_text(text.replace(name, f"Person {n:05}", 1))
    fields = dict(
        template="heat",
        date=dt.date(2026, 4, 20),
        named=True,  # names reach the report only in a named report
    )
    answer_files = sorted(answers.glob("*.yaml"))
    rendered = report(open_workspace(root), "workshop", answer_files, **fields)
    assert rendered.pdf is not None
    pdf = tmp_path / "heat.pdf"
    pdf.write_bytes(rendered.pdf)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    missing = [n for n in range(40) if f"Person {n:05}" not in text]
    assert missing == []
