"""A throwaway PostgreSQL cluster for tests: its own folder, listening only on a Unix socket."""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg

SERVER_GLOB = "/usr/lib/postgresql/*/bin"
SYSTEM_USER = "postgres"
"""initdb refuses to run as root: as root, the cluster runs as this Debian system user."""


class PostgresMissing(RuntimeError):
    """The PostgreSQL server binaries are not installed."""


def server_bin() -> Path:
    """The newest installed PostgreSQL server's bin folder (Debian layout)."""
    found = [Path(p) for p in glob.glob(SERVER_GLOB) if (Path(p) / "pg_ctl").exists()]
    if not found:
        raise PostgresMissing(
            f"no PostgreSQL server in {SERVER_GLOB}: the store tests need one; "
            "run `scripts/setup.sh test` (installs the Debian package postgresql)"
        )
    return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)


class Cluster:
    """A PostgreSQL cluster in a temporary folder; `new_database()` gives each test its own."""

    def __init__(self) -> None:
        self.bin = server_bin()
        self.root = Path(tempfile.mkdtemp(prefix="assessor-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self._names = itertools.count(1)
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.root, user=SYSTEM_USER)
            self._as_user = ["runuser", "-u", SYSTEM_USER, "--"]

    def start(self) -> None:
        """Create the cluster and start it on a socket in its own folder (no TCP)."""
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "--encoding=UTF8",
            "--no-locale",
        )
        self.resume()

    def resume(self) -> None:
        """Start the server of a created cluster (again, after `pause`)."""
        options = (
            f"-c listen_addresses='' -k {self.root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-o", options, "start")

    def pause(self) -> None:
        """Stop the server as an administrator would (connections cut), keeping its data."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def new_database(self) -> str:
        """Create an empty database and return its SQLAlchemy URL (psycopg 3 driver)."""
        name = f"test_{next(self._names)}"
        with psycopg.connect(
            host=str(self.root), user="postgres", dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@/{name}?host={self.root}"

    def _run(self, program: str, *args: str) -> None:
        done = subprocess.run(
            [*self._as_user, str(self.bin / program), *args],
            capture_output=True,
            text=True,
            cwd=self.root,
        )
        if done.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"{program} failed: {done.stdout}{done.stderr}{log}")
