"""The walk-through's own framework (ADKAR, from change management) works end to end."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from assessor.cli import cli

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "own-framework" / "adkar"
ANSWERS = str(EXAMPLE / "answers")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--content", str(EXAMPLE), *args])
    return result.exit_code, result.output


def test_the_example_framework_validates_scores_and_plans() -> None:
    assert run("validate") == (0, "ok: 9 file(s) valid\n")
    code, out = run("score", "--questionnaire", "adkar-survey", "--answers", ANSWERS)
    assert code == 0
    assert "READINESS: NOT READY (37.8/100)" in out
    assert "[HIGH] Training before desire" in out, "knowledge ahead of desire is the finding"
    code, out = run("roadmap", "--questionnaire", "adkar-survey", "--answers", ANSWERS)
    assert code == 0
    phases = [line for line in out.splitlines() if line.startswith("== ")]
    assert [p.split(" (")[0] for p in phases] == [
        "== 1. Prepare for change",
        "== 2. Manage change",
        "== 3. Reinforce change",
    ]
