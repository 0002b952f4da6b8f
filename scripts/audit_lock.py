"""Audit requirements.lock for known vulnerabilities, and say exactly how much was audited.

1. When an advisory service that pip-audit uses answers (PyPI's per-release JSON, or OSV's API),
   pip-audit audits every locked version against it: a full audit.
2. Otherwise, when PyPI's project JSON answers, the packages locked at their newest release are
   checked against the advisories PyPI lists for that release (the project JSON describes the
   newest release only); every other package is named as not audited: a partial audit.
3. When nothing answers, it says so and audits nothing.

Exit status: 1 when a known vulnerability is found; 2 with --require-full when the audit was not
full; 0 otherwise. It never passes an unaudited package off as clean.
Usage: .venv/bin/python scripts/audit_lock.py [requirements.lock] [--require-full]
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

PYPI = os.environ.get("AUDIT_PYPI_URL", "https://pypi.org/pypi")
OSV = os.environ.get("AUDIT_OSV_URL", "https://api.osv.dev/v1/query")
"""The services (the tests point them at a server of their own on 127.0.0.1)."""
TIMEOUT = 10
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


@dataclass(frozen=True)
class Pin:
    """One locked package and version."""

    name: str
    version: str


@dataclass(frozen=True)
class Finding:
    """What PyPI's project JSON says about one pin."""

    pin: Pin
    latest: str | None
    advisories: tuple[str, ...]


def pins_of(lock: Path) -> list[Pin]:
    """The pins of the lock file that apply to this interpreter and platform."""
    pins = []
    for line in lock.read_text(encoding="utf-8").splitlines():
        found = PIN.match(line)
        if found and (found[3] is None or Marker(found[3]).evaluate()):
            pins.append(Pin(canonicalize_name(found[1]), found[2]))
    return pins


def answers(url: str, body: bytes | None = None) -> bool:
    """Whether the URL answers 200 (a probe: any failure is no)."""
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as reply:
            return bool(reply.status == 200)
    except (urllib.error.URLError, TimeoutError, OSError):
        return False


def full_service(probe: Pin) -> str | None:
    """The pip-audit service that answers here ('pypi' or 'osv'), or None."""
    if answers(f"{PYPI}/{probe.name}/{probe.version}/json"):
        return "pypi"
    query = {"package": {"name": probe.name, "ecosystem": "PyPI"}, "version": probe.version}
    if answers(OSV, json.dumps(query).encode()):
        return "osv"
    return None


def run_pip_audit(lock: Path, service: str) -> int:
    """pip-audit over the lock file (installed into a temporary folder when missing)."""
    with tempfile.TemporaryDirectory() as folder:
        env_path = []
        try:
            metadata.version("pip-audit")
        except metadata.PackageNotFoundError:
            subprocess.run(
                [sys.executable, "-m", "pip", "install", "--quiet", "--target", folder, "pip-audit"],
                check=True,
            )
            env_path = [folder]
        command = [sys.executable, "-m", "pip_audit", "--requirement", str(lock),
                   "--require-hashes", "--disable-pip",
                   "--vulnerability-service", service, "--progress-spinner", "off"]  # fmt: skip
        env = dict(os.environ) | ({"PYTHONPATH": ":".join(env_path)} if env_path else {})
        return subprocess.run(command, env=env, check=False).returncode


def project_finding(pin: Pin) -> Finding | None:
    """PyPI's newest release of the pin's project and its advisories; None if unreachable."""
    try:
        with urllib.request.urlopen(f"{PYPI}/{pin.name}/json", timeout=TIMEOUT) as reply:
            data = json.load(reply)
    except (urllib.error.URLError, TimeoutError, OSError, ValueError):
        return None
    ids = tuple(str(v.get("id")) for v in data.get("vulnerabilities") or [])
    return Finding(pin, str(data.get("info", {}).get("version")), ids)


def partial_audit(pins: list[Pin]) -> tuple[int, int]:
    """Report what PyPI's project JSON can tell; (vulnerable, not audited) counts."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        found = list(pool.map(project_finding, pins))
    vulnerable = unaudited = 0
    for pin, finding in zip(pins, found, strict=True):
        if finding is None:
            print(f"  NOT AUDITED {pin.name}=={pin.version}: PyPI's project JSON did not answer")
            unaudited += 1
        elif finding.latest != pin.version:
            print(f"  NOT AUDITED {pin.name}=={pin.version}: not the newest release "
                  f"({finding.latest}), and no per-release advisory service answers")  # fmt: skip
            unaudited += 1
        elif finding.advisories:
            print(f"  VULNERABLE  {pin.name}=={pin.version}: {', '.join(finding.advisories)}")
            vulnerable += 1
        else:
            print(f"  no known vulnerability  {pin.name}=={pin.version} (newest release)")
    return vulnerable, unaudited


def main(argv: list[str]) -> int:
    """Audit the lock file named in argv (requirements.lock by default)."""
    require_full = "--require-full" in argv
    names = [a for a in argv if not a.startswith("--")]
    lock = Path(names[0] if names else "requirements.lock")
    pins = pins_of(lock)
    if not pins:
        print(f"audit: no pinned package in {lock}")
        return 1
    service = full_service(pins[0])
    if service is not None:
        print(f"audit: FULL audit of {len(pins)} locked packages with pip-audit ({service})")
        return run_pip_audit(lock, service)
    print(f"audit: no per-release advisory service answers ({PYPI}/<name>/<version>/json, {OSV}):")
    print(f"audit: PARTIAL audit of {len(pins)} locked packages from PyPI's project JSON")
    vulnerable, unaudited = partial_audit(pins)
    audited = len(pins) - unaudited
    if unaudited == len(pins):
        print(f"audit: NOT AUDITED: nothing answered; {len(pins)} packages unchecked")
    print(f"audit: {audited} of {len(pins)} packages audited, {vulnerable} with a known "
          f"vulnerability, {unaudited} NOT audited")  # fmt: skip
    if vulnerable:
        return 1
    return 2 if require_full and unaudited else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
