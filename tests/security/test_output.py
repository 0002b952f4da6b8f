"""Report output: never written over an input, keeps the permissions of what it replaces."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tests.security.support import CEO, EXECUTIVE, ROOT, run


def _report(*args: str) -> tuple[int, str]:
    result = run("report", "--questionnaire", EXECUTIVE, "--template", "executive", *args)
    return result.exit_code, result.stderr


def test_l3_replacing_a_report_keeps_its_permissions(tmp_path: Path) -> None:
    output = tmp_path / "report.html"
    output.write_text("old report")
    output.chmod(0o600)
    code, stderr = _report("--answers", str(CEO), "--output", str(output))
    assert code == 0, stderr
    assert stat.S_IMODE(os.stat(output).st_mode) == 0o600
    assert "old report" not in output.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"], "no temporary file left"


def test_l4_output_never_overwrites_an_input(tmp_path: Path) -> None:
    answers = tmp_path / "ceo.html"
    answers.write_text(CEO.read_text())
    targets = tmp_path / "targets.html"
    targets.write_text((ROOT / "examples" / "targets.yaml").read_text())
    link = tmp_path / "link.html"
    link.symlink_to(answers)
    for output in (answers, targets, link):
        code, stderr = _report(
            "--answers", str(answers), "--targets", str(targets), "--output", str(output)
        )
        assert code == 2
        assert f"{output}: the output would overwrite the input file" in stderr
    assert answers.read_text() == CEO.read_text()
    assert targets.read_text() == (ROOT / "examples" / "targets.yaml").read_text()
