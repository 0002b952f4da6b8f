"""`pip install .` (not only an editable install) carries the shipped content."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_carries_content_and_validates_it_from_anywhere(
    tmp_path: Path, installed_wheel: tuple[Path, Path]
) -> None:
    wheel, site = installed_wheel
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(
        str(p.relative_to(ROOT))
        for folder in ("frameworks", "questionnaires")
        for p in (ROOT / folder).rglob("*.yaml")
    )
    assert shipped, "the checkout ships content"
    for name in shipped:
        assert f"assessor/_content/{name}" in names
    env = {k: v for k, v in os.environ.items() if k != "ASSESSOR_CONTENT_DIR"}
    env["PYTHONPATH"] = str(site)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import assessor.config as c, sys; print(c.shipped_content_dir());"
            "from assessor.cli import cli; cli(['validate'], prog_name='assessor')",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(site / "assessor" / "_content")
    assert f"ok: {len(shipped)} file(s) valid" in result.stderr
