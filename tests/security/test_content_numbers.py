"""Content numbers: weights and scores are finite and bounded, or `assessor validate` refuses them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.security.support import ROOT, run

FIXTURE = ROOT / "tests" / "fixtures" / "content"


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("frameworks/mini.yaml", "    weight: 2\n", "    weight: .inf\n"),
        ("frameworks/mini.yaml", "    weight: 2\n", "    weight: 1.0e308\n"),
        ("questionnaires/bank.yaml", "        score: 4\n", "        score: .nan\n"),
        ("questionnaires/bank.yaml", "        score: 4\n", "        score: -.inf\n"),
        ("questionnaires/bank.yaml", "        weight: 2\n", "        weight: 1.0e308\n"),
    ],
)
def test_m2_infinite_nan_and_absurd_numbers_are_refused_with_file_and_line(
    tmp_path: Path, name: str, old: str, new: str
) -> None:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    path = root / name
    text = path.read_text()
    assert text.count(old) == 1
    path.write_text(text.replace(old, new))
    line = text[: text.index(old)].count("\n") + 1
    result = run("validate", str(root))
    assert result.exit_code == 1
    assert any(out.startswith(f"{path}:{line}: ") for out in result.stdout.splitlines()), (
        result.stdout
    )
