"""The built wheel carries the migrations, and they run from an installed copy (no alembic.ini)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MIGRATIONS = ROOT / "assessor" / "store" / "migrations"


def test_the_wheel_carries_the_migrations_and_they_run_from_it(
    tmp_path: Path, installed_wheel: tuple[Path, Path]
) -> None:
    wheel, site = installed_wheel
    names = set(zipfile.ZipFile(wheel).namelist())
    scripts = sorted(
        str(p.relative_to(ROOT))
        for p in MIGRATIONS.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    assert "assessor/store/migrations/env.py" in scripts
    assert "assessor/store/migrations/script.py.mako" in scripts
    assert any(s.startswith("assessor/store/migrations/versions/") for s in scripts)
    assert set(scripts) <= names

    database = tmp_path / "elsewhere" / "assessor.sqlite3"
    database.parent.mkdir()
    script = (
        "from assessor.store import migrate\n"
        f"url = 'sqlite:///{database}'\n"
        "migrate.upgrade(url)\n"
        "print(migrate.current(url) == migrate.head(), migrate.MIGRATIONS)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=database.parent,
        env={**os.environ, "PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", str(site / "assessor" / "store" / "migrations")]
