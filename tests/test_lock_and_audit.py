"""requirements.lock pins what the tests run with, with hashes; scripts/audit_lock.py names every
vulnerable package and every package it could not audit (against a server of its own here)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")
NOT_LOCKED = {"pip", "setuptools", "crm-readiness-assessor"}
PROJECTS = {
    "safe": {"info": {"version": "1.0"}, "vulnerabilities": []},
    "bad": {"info": {"version": "2.0"}, "vulnerabilities": [{"id": "PYSEC-2099-1"}]},
    "old": {"info": {"version": "9.0"}, "vulnerabilities": []},
}
"""PyPI's project JSON as the fake index serves it: newest release and its advisories."""


def locked() -> dict[str, tuple[str, str]]:
    """Each pin of the lock that applies here: name -> (version, the entry's text)."""
    text = LOCK.read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text)
    pins = {}
    for entry in entries:
        found = PIN.match(entry.splitlines()[0])
        if found and (found[3] is None or Marker(found[3]).evaluate()):
            pins[canonicalize_name(found[1])] = (found[2], entry)
    return pins


def test_the_lock_pins_every_installed_package_at_its_version_with_hashes() -> None:
    pins = locked()
    installed = {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions()}
    for name, (version, entry) in pins.items():
        assert installed.get(name) == version, f"{name}: locked {version}, installed "
        assert re.search(r"--hash=sha256:[0-9a-f]{64}", entry), f"{name} has no hash"
    unlocked = set(installed) - set(pins) - NOT_LOCKED
    assert not unlocked, f"installed but not in requirements.lock (run scripts/lock.sh): {unlocked}"


class FakeIndex(BaseHTTPRequestHandler):
    """PyPI's project JSON for the three projects; no per-release JSON, no OSV."""

    def do_GET(self) -> None:
        """The project JSON, or 404 (per-release JSON is what this index lacks)."""
        name = self.path.removeprefix("/pypi/").removesuffix("/json")
        self._reply(PROJECTS.get(name))

    def do_POST(self) -> None:
        """OSV's query: not served here."""
        self._reply(None)

    def _reply(self, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def index() -> Iterator[str]:
    """The fake index's base URL on 127.0.0.1."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeIndex)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def audit(index: str, lock: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    """scripts/audit_lock.py over the lock, against the fake index."""
    env = dict(os.environ, AUDIT_PYPI_URL=f"{index}/pypi", AUDIT_OSV_URL=f"{index}/osv")
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "audit_lock.py"), str(lock), *flags],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_audit_names_the_vulnerable_and_the_unaudited(index: str, tmp_path: Path) -> None:
    lock = tmp_path / "requirements.lock"
    lock.write_text(
        "safe==1.0 \\\n    --hash=sha256:" + "a" * 64 + "\n"
        "bad==2.0\nold==1.0\nwindows-only==1.0 ; sys_platform == 'nonexistent'\n"
    )
    done = audit(index, lock)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "PARTIAL audit of 3 locked packages" in done.stdout
    assert "VULNERABLE  bad==2.0: PYSEC-2099-1" in done.stdout
    assert "NOT AUDITED old==1.0: not the newest release (9.0)" in done.stdout
    assert "2 of 3 packages audited, 1 with a known vulnerability, 1 NOT audited" in done.stdout

    lock.write_text("safe==1.0\nold==1.0\n")
    clean = audit(index, lock)
    assert clean.returncode == 0 and "1 NOT audited" in clean.stdout
    assert audit(index, lock, "--require-full").returncode == 2


def test_the_audit_says_so_when_nothing_answers(tmp_path: Path) -> None:
    lock = tmp_path / "requirements.lock"
    lock.write_text("safe==1.0\n")
    done = audit("http://127.0.0.1:9", lock)  # the discard port: nothing listens
    assert done.returncode == 0
    assert "NOT AUDITED: nothing answered; 1 packages unchecked" in done.stdout
    assert "0 of 1 packages audited" in done.stdout
