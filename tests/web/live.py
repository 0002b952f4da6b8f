"""The production server for tests: `assessor serve` (gunicorn, 2 workers) on 127.0.0.1 only."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.web.support import TOKEN

HOST = "127.0.0.1"
START_SECONDS = 60.0
STOP_SECONDS = 20.0
REQUEST_SECONDS = 30.0


@dataclass(frozen=True)
class Answer:
    """What the server answered: status, headers and body."""

    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        """The body read as JSON."""
        return json.loads(self.body)


@dataclass(frozen=True)
class LiveServer:
    """A running `assessor serve` on 127.0.0.1: its port and its log."""

    port: int
    log: Path

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: Mapping[str, str] = {}
    ) -> Answer:
        """One request on a new connection (gunicorn's sync workers close it after answering)."""
        connection = http.client.HTTPConnection(HOST, self.port, timeout=REQUEST_SECONDS)
        try:
            connection.request(method, path, body=body, headers=dict(headers))
            response = connection.getresponse()
            return Answer(response.status, dict(response.getheaders()), response.read())
        finally:
            connection.close()


class Browser:
    """One visitor: keeps the session cookie and the page's CSRF token between requests."""

    def __init__(self, server: LiveServer) -> None:
        self.server = server
        self.cookie = ""
        self.csrf = ""

    def get(self, path: str) -> Answer:
        """Open a page; remember its session cookie and CSRF token."""
        answer = self.server.request("GET", path, headers=self._headers())
        self._remember(answer)
        found = TOKEN.search(answer.body.decode("utf-8", "replace"))
        if found:
            self.csrf = found.group(1)
        return answer

    def post_json(self, path: str, data: object) -> Answer:
        """Post JSON with the CSRF token in its header, as the page's script does."""
        headers = {**self._headers(), "Content-Type": "application/json", "X-CSRFToken": self.csrf}
        answer = self.server.request("POST", path, json.dumps(data).encode(), headers)
        self._remember(answer)
        return answer

    def post_form(self, path: str, fields: Mapping[str, str]) -> Answer:
        """Post a form with the CSRF token, as a browser without script does."""
        from urllib.parse import urlencode

        body = urlencode({**fields, "csrf_token": self.csrf}).encode()
        headers = {**self._headers(), "Content-Type": "application/x-www-form-urlencoded"}
        answer = self.server.request("POST", path, body, headers)
        self._remember(answer)
        return answer

    def _headers(self) -> dict[str, str]:
        return {"Cookie": self.cookie} if self.cookie else {}

    def _remember(self, answer: Answer) -> None:
        cookie = answer.headers.get("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serve(instance: Path, database_url: str, workers: int = 2) -> Iterator[LiveServer]:
    """Run `assessor serve` on a free port of 127.0.0.1 until the block ends, then stop it."""
    port = free_port()
    log = instance.parent / f"serve-{port}.log"
    env = {**os.environ, "ASSESSOR_DATABASE_URL": database_url}
    env.pop("ASSESSOR_REDIS_URL", None)
    command = [
        str(Path(sys.executable).with_name("assessor")),
        "serve",
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--instance",
        str(instance),
    ]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    server = LiveServer(port, log)
    try:
        _wait_until_healthy(server, process)
        yield server
    finally:
        _stop(process)


def _wait_until_healthy(server: LiveServer, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"assessor serve stopped: {server.log.read_text()}")
        try:
            if server.request("GET", "/healthz").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"assessor serve not healthy in {START_SECONDS} s: {server.log.read_text()}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM (serve stops gunicorn and its worker); after a while, kill its process group."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(STOP_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(STOP_SECONDS)
