"""Benchmark the web app under 16 concurrent respondents, and a kept report's download.

Run: .venv/bin/python bench/bench_web.py [--users 16] [--requests 100] [--runs 5] [--workers N]
     [--threads N] [--no-report] [--seconds 10]

Loads the demo into a fresh instance folder, starts `assessor serve` (gunicorn and the report
worker; its default layout unless --workers or --threads are given) on 127.0.0.1, and has each
user (a coroutine of one client thread, with its own respondent session and connection)
alternate loading a respondent's questionnaire section and saving an answer, as the page's
script does, with no pause between. Prints p50 and p99 of each run and their medians (target:
p99 under 50 ms); then the same load from Debian's `wrk`, where installed. Then orders a
report, waits for the worker, and times the second download and a repeated order (target:
under 100 ms). Bounded: users x requests per run, and a minute at most for the report.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from web_client import HOST, Browser, gunicorn_processes, layout  # shared with the other benches

ASSESSOR = str(Path(sys.executable).with_name("assessor"))


SAVE = json.dumps({"question": "company-size", "value": "medium", "note": ""})


def sessions(port: int, link: str, users: int) -> list[tuple[str, str]]:
    """A respondent session per user (its cookie header and CSRF token), opened by the link."""
    found = []
    for _ in range(users):
        user = Browser(port)
        token = user.csrf(f"{link}/s/1")
        found.append(("; ".join(f"{k}={v}" for k, v in user.cookies.items()), token))
    return found


async def respondent(
    port: int, link: str, session: tuple[str, str], requests: int, times: list[float]
) -> None:
    """Load the section and save an answer, in turn, `requests` times, on one connection at a
    time (a new one when the server closes it; connecting is not timed, as with wrk)."""
    cookie, token = session
    page = f"GET {link}/s/1 HTTP/1.1\r\nHost: {HOST}:{port}\r\nCookie: {cookie}\r\n\r\n".encode()
    save = (
        f"POST {link}/answer HTTP/1.1\r\nHost: {HOST}:{port}\r\nCookie: {cookie}\r\n"
        f"X-CSRFToken: {token}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(SAVE)}\r\n\r\n{SAVE}"
    ).encode()
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    for index in range(requests):
        if writer is None:
            reader, writer = await asyncio.open_connection(HOST, port)
        assert reader is not None
        started = time.perf_counter()
        writer.write(save if index % 2 else page)
        head = await reader.readuntil(b"\r\n\r\n")
        length = re.search(rb"\r\ncontent-length: *(\d+)", head, re.IGNORECASE)
        if length is None:
            raise SystemExit(f"an answer without a length: {head[:200]!r}")
        await reader.readexactly(int(length.group(1)))
        times.append(time.perf_counter() - started)
        status = int(head.split(b" ", 2)[1])
        if status != 200:
            raise SystemExit(f"status {status} under load")
        if re.search(rb"\r\nconnection: *close", head, re.IGNORECASE):
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def all_users(
    port: int, link: str, users: list[tuple[str, str]], requests: int
) -> list[float]:
    """Every user at once, each in its own coroutine of this one thread; the times taken."""
    times: list[float] = []
    await asyncio.gather(*(respondent(port, link, user, requests, times) for user in users))
    return times


def server_cpu(root: int) -> float:
    """CPU seconds used so far by the gunicorn processes under `assessor serve` (from /proc)."""
    seconds = 0.0
    for pid in gunicorn_processes(root):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seconds += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return seconds


def load_run(
    port: int, link: str, users: list[tuple[str, str]], requests: int, server: int
) -> tuple[float, float, float, float]:
    """One run of all users at once: p50, p99, and the server's and this client's CPU per
    request, in milliseconds."""
    cpu_before, client_before = server_cpu(server), time.process_time()
    times = asyncio.run(all_users(port, link, users, requests))
    server_ms = 1000 * (server_cpu(server) - cpu_before) / len(times)
    client_ms = 1000 * (time.process_time() - client_before) / len(times)
    ordered = sorted(times)
    return (
        1000 * ordered[len(ordered) // 2],
        1000 * ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
        server_ms,
        client_ms,
    )


def report_downloads(port: int, email: str, password: str) -> tuple[float, float, float]:
    """First render wait, second download, and a repeated order plus download (ms)."""
    user = Browser(port)
    form = urllib.parse.urlencode(
        {"email": email, "password": password, "csrf_token": user.csrf("/signin")}
    )
    posted = {"Content-Type": "application/x-www-form-urlencoded"}
    user.request("POST", "/signin", form, posted)
    _, _, page, _ = user.request("GET", "/clients")
    client = re.search(r'href="(/clients/\d+)"', page.decode())
    _, _, page, _ = user.request("GET", client.group(1) if client else "/clients")
    assessment = re.findall(r'href="(/assessments/\d+)"', page.decode())[-1]
    token = user.csrf("/clients")
    order = urllib.parse.urlencode({"template": "executive", "format": "pdf", "csrf_token": token})
    started = time.perf_counter()
    _, headers, _, _ = user.request("POST", f"{assessment}/reports", order, posted)
    job = urllib.parse.urlparse(headers["location"]).path
    while time.perf_counter() - started < 60:
        _, _, data, _ = user.request("GET", f"{job}/status")
        if json.loads(data)["status"] in ("done", "failed"):
            break
        time.sleep(0.1)
    rendered = time.perf_counter() - started
    user.request("GET", f"{job}/download")
    _, _, _, second = user.request("GET", f"{job}/download")
    started = time.perf_counter()
    _, headers, _, _ = user.request("POST", f"{assessment}/reports", order, posted)
    again = urllib.parse.urlparse(headers["location"]).path
    user.request("GET", f"{again}/download")
    repeated = time.perf_counter() - started
    return 1000 * rendered, 1000 * second, 1000 * repeated


def serve(
    instance: Path, workers: int | None, threads: int | None
) -> tuple[subprocess.Popen[bytes], int]:
    """The demo loaded and `assessor serve` started on a free port; the process and port."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSESSOR_")}
    env["ASSESSOR_INSTANCE_PATH"] = str(instance)
    subprocess.run([ASSESSOR, "demo"], env=env, check=True, capture_output=True)
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port = int(probe.getsockname()[1])
    layout = [f"--workers={workers}"] if workers else []
    layout += [f"--threads={threads}"] if threads else []
    process = subprocess.Popen(
        [ASSESSOR, "serve", "--port", str(port), *layout],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120  # workers load and check the content: slow on a busy machine
    while time.monotonic() < deadline:
        try:
            if Browser(port).request("GET", "/healthz")[0] == 200:
                return process, port
        except OSError:
            time.sleep(0.2)
    process.send_signal(signal.SIGTERM)
    raise SystemExit("the server did not start")


WRK_SCRIPT = """
local sessions = {%(sessions)s}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
function init(args)
  local s = sessions[id]
  n = 0
  page = wrk.format("GET", "%(link)s/s/1", {Cookie = s[1]})
  save = wrk.format("POST", "%(link)s/answer", {Cookie = s[1], ["X-CSRFToken"] = s[2],
    ["Content-Type"] = "application/json"}, '%(save)s')
end
function request()
  n = n + 1
  if n %% 2 == 0 then return save end
  return page
end
function done(summary, latency, requests)
  io.write(string.format("WRK %%d %%d %%d %%.3f %%.3f\\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout,
    summary.duration, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""


def wrk_run(
    port: int, link: str, users: list[tuple[str, str]], seconds: int, server: int
) -> tuple[float, ...]:
    """One run with wrk (a load generator in C, one connection a user, each with its own
    session): p50, p99, the server's CPU per request in milliseconds, and requests a second."""
    sessions = ", ".join(f'{{"{cookie}", "{token}"}}' for cookie, token in users)
    script = WRK_SCRIPT % {"sessions": sessions, "link": link, "save": SAVE}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(script)
    cpu_before = server_cpu(server)
    try:
        out = subprocess.run(
            ["wrk", f"-t{len(users)}", f"-c{len(users)}", f"-d{seconds}s", "-s", lua.name,
             f"http://{HOST}:{port}/"],
            capture_output=True, text=True, check=True, timeout=seconds + 60,
        ).stdout  # fmt: skip
    finally:
        os.unlink(lua.name)
    found = re.search(r"WRK (\d+) (\d+) (\d+) ([\d.]+) ([\d.]+)", out)
    if found is None:
        raise SystemExit(f"wrk said: {out}")
    requests, errors = int(found.group(1)), int(found.group(2))
    if errors:
        raise SystemExit(f"{errors} of {requests} requests failed under wrk's load")
    server_ms = 1000 * (server_cpu(server) - cpu_before) / requests
    return (
        float(found.group(4)),
        float(found.group(5)),
        server_ms,
        requests / (int(found.group(3)) / 1e6),
    )


def summary(label: str, runs: list[tuple[float, float, str]], what: str) -> None:
    """Print each run's p50 and p99 with its other figures, then the medians and the target."""
    for number, (p50, p99, rest) in enumerate(runs, 1):
        print(f"{label}run {number}: p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  {rest}")
    p50 = statistics.median(r[0] for r in runs)
    p99 = statistics.median(r[1] for r in runs)
    print(
        f"{what}: median p50 {p50:.1f} ms, median p99 {p99:.1f} ms "
        f"(target p99 < 50 ms: {'met' if p99 < 50 else 'MISSED'})"
    )


def main() -> None:
    """Run the benchmark and print the figures beside their targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--requests", type=int, default=100, help="per user and run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: serve's)")
    parser.add_argument("--threads", type=int, help="threads per worker (default: serve's)")
    parser.add_argument("--no-report", action="store_true", help="time the questionnaire only")
    parser.add_argument("--seconds", type=int, default=10, help="per run with wrk")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="assessor-bench-") as folder:
        instance = Path(folder) / "instance"
        process, port = serve(instance, args.workers, args.threads)
        try:
            sign_in = (instance / "demo-sign-in.txt").read_text(encoding="utf-8")
            email, password = re.search(r"sign in as (\S+) with password (\S+)", sign_in).groups()  # type: ignore[union-attr]
            link = re.search(r"(/r/\S+)", sign_in).group(1)  # type: ignore[union-attr]
            users = sessions(port, link, args.users)
            load_run(port, link, users, 4, process.pid)  # warm every worker
            runs = [
                load_run(port, link, users, args.requests, process.pid) for _ in range(args.runs)
            ]
            summary(
                "",
                [(p50, p99, f"CPU per request: server {server:.2f} ms, this client {client:.2f} ms")
                 for p50, p99, server, client in runs],
                f"questionnaire page + answer save, {args.users} users x {args.requests} "
                f"requests, {layout(process.pid)}",
            )  # fmt: skip
            if shutil.which("wrk"):
                wrk_runs = [
                    wrk_run(port, link, users, args.seconds, process.pid) for _ in range(args.runs)
                ]
                summary(
                    "wrk ",
                    [(p50, p99, f"{rate:.0f} requests/s, server CPU per request {server:.2f} ms")
                     for p50, p99, server, rate in wrk_runs],
                    f"the same with wrk, {args.users} users for {args.seconds} s a run",
                )  # fmt: skip
            else:
                print("wrk not found (apt-get install wrk): measured with this client only")
            if args.no_report:
                return
            rendered, second, repeated = report_downloads(port, email, password)
            print(f"executive PDF ordered and rendered by the worker: {rendered:.0f} ms")
            print(
                f"second download {second:.1f} ms; ordered again and downloaded {repeated:.1f} ms "
                f"(target < 100 ms: {'met' if max(second, repeated) < 100 else 'MISSED'})"
            )
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
