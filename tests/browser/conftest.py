"""Browser fixtures: the real app served by `assessor serve` (gunicorn and the report worker) on
127.0.0.1 with a fresh instance folder, and Debian's Chromium, headless, driven by Playwright."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from assessor.cli import cli

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).with_name("axe.min.js")
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
EMAIL, PASSWORD = "lead@northwind.example", "correct horse battery"


@dataclass(frozen=True)
class Server:
    """The served app: its address and instance folder."""

    url: str
    instance: Path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`assessor serve` on a free port of 127.0.0.1 with a consultant; stopped after the tests."""
    instance = tmp_path_factory.mktemp("browser") / "instance"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSESSOR_")}
    env["ASSESSOR_INSTANCE_PATH"] = str(instance)
    made = CliRunner().invoke(
        cli,
        ["user", "create", "--email", EMAIL, "--firm", "Northwind", "--admin",
         "--password", PASSWORD, "--instance", str(instance)],
        env={"ASSESSOR_DATABASE_URL": ""},
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    port = free_port()
    command = [str(Path(sys.executable).with_name("assessor")), "serve", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--workers", "2", "--instance", str(instance)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{url}/healthz", process)
        yield Server(url, instance)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_for(url: str, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    """Wait until the URL answers 200, or fail if the server stopped or took too long."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "assessor serve stopped"
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"{url} did not answer within {seconds} s")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, with no background networking."""
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no {CHROMIUM}: run `scripts/setup.sh test` (installs Debian's chromium)")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def screens(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the screenshots of each step go: ASSESSOR_SCREENSHOTS, else a temporary folder."""
    chosen = os.environ.get("ASSESSOR_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screens")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def axe_violations(page: Any) -> list[str]:
    """The WCAG 2.1 AA violations axe-core finds on the page: rule, impact and where."""
    if not AXE.exists():
        pytest.fail(f"no {AXE}: run `scripts/setup.sh test` (fetches axe-core from npm)")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => v.id + ' (' + v.impact + '): ' +"
        " v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')))",
        WCAG_AA,
    )
    return list(found)


def snap(page: Any, path: Path, full_page: bool = False) -> None:
    """Save a screenshot for people to look at; a busy renderer gets one more try, and a
    picture that still cannot be taken does not fail the journey it illustrates."""
    for attempt in range(2):
        try:
            page.screenshot(path=str(path), full_page=full_page)
            return
        except Exception as exc:
            if attempt:
                print(f"screenshot {path.name} not taken: {exc}", file=sys.stderr)
            else:
                page.wait_for_timeout(500)
