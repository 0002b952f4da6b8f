"""The benchmarks' HTTP user: a cookie jar and a kept-alive connection, on 127.0.0.1.

Each request is timed from its first byte sent to the answer's last byte read; connecting is
not timed (the kernel completes it whether or not a worker is free). A server that closes the
connection after each answer (gunicorn's sync workers) gets a new one for the next request.
"""

from __future__ import annotations

import http.client
import re
import time
import urllib.parse
from pathlib import Path

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
HOST = "127.0.0.1"


class Browser:
    """One user: a cookie jar and one connection at a time to the server, as a browser keeps."""

    def __init__(self, port: int, timeout: float = 30.0) -> None:
        self.port = port
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection(HOST, port, timeout=timeout)

    def request(
        self, method: str, path: str, body: str | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes, float]:
        """Send a request; status, headers (lower-case names), body and the seconds it took."""
        sent = dict(headers or {})
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        while True:
            reused = self.connection.sock is not None
            if not reused:
                self.connection.connect()
            started = time.perf_counter()
            try:
                self.connection.request(method, path, body=body, headers=sent)
                answer = self.connection.getresponse()
                data = answer.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.connection.close()  # a kept-alive connection the server had closed: once more
                if not reused:
                    raise
            except BaseException:
                self.connection.close()
                raise
        took = time.perf_counter() - started
        for name, value in answer.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return answer.status, {k.lower(): v for k, v in answer.getheaders()}, data, took

    def csrf(self, path: str) -> str:
        """The CSRF token of a page with a form."""
        _, _, data, _ = self.request("GET", path)
        found = CSRF.search(data.decode())
        if found is None:
            raise SystemExit(f"no form on {path}")
        return found.group(1)

    def form(self, path: str, fields: dict[str, str], page: str | None = None) -> dict[str, str]:
        """Post a form with the CSRF token of `page` (or `path`); the answer's headers."""
        body = urllib.parse.urlencode({**fields, "csrf_token": self.csrf(page or path)})
        posted = {"Content-Type": "application/x-www-form-urlencoded"}
        status, headers, _, _ = self.request("POST", path, body, posted)
        if status not in (200, 302, 303):
            raise SystemExit(f"POST {path} answered {status}")
        return headers


def gunicorn_processes(root: int) -> dict[int, list[str]]:
    """The gunicorn processes under `assessor serve` (its arbiter and workers): their command
    lines by process id, from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree = {root}
    for _ in range(3):  # serve -> gunicorn's arbiter -> its workers
        tree |= {pid for pid, parent in parents.items() if parent in tree}
    found = {}
    for pid in tree:
        try:
            words = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
        except OSError:
            continue
        if "gunicorn" in words:
            found[pid] = words
    return found


def layout(root: int) -> str:
    """The server's workers as `assessor serve` started them, e.g. "2 sync workers"."""
    words = next(iter(gunicorn_processes(root).values()))
    option = {
        name: words[words.index(name) + 1] for name in ("--workers", "--worker-class", "--threads")
    }
    threads = "" if option["--worker-class"] == "sync" else f" x {option['--threads']} threads"
    return f"{option['--workers']} {option['--worker-class']} workers{threads}"
