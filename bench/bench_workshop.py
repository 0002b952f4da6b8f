"""Benchmark a live workshop: how many participants answering at once one machine holds.

Run: .venv/bin/python bench/bench_workshop.py [--steps 25,50,100,200,350,500] [--database both]

For each database (SQLite, and PostgreSQL in a throwaway cluster as the tests make one), starts
`assessor serve` (gunicorn) on 127.0.0.1 with a fresh instance, signs a consultant in, opens a
workshop, and for each step N: joins N participants through the real join route (`/w/<code>`),
then has them save answers at once for `--seconds` (each saves one answer every `--every`
seconds on average, as a fast room does, from `--threads` client threads) while a facilitator
polls the live view every 2 s as the screen's script does (its answer carries the radar). A
save's time runs from when it was due, so a client or server falling behind counts. Stops at
the first N missing a target: saves under 100 ms at p99, the screen refreshed within 2 s (the
live view with its radar) at p99. Also printed, as the machine may be busy with other work:
the app server's CPU time (gunicorn and the report worker; not PostgreSQL) and the client's,
per save over the step (the facilitator's polls included), which load does not inflate much.
Bounded: steps x participants x seconds, 2 s per request.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from web_client import CSRF, HOST, Browser, layout

from tests.support.postgres import Cluster, PostgresMissing

ASSESSOR = str(Path(sys.executable).with_name("assessor"))
CODE = re.compile(r'class="join-code"[^>]*>([A-Z0-9]{6})<')
EMAIL, PASSWORD = "bench@northwind.example", "bench password 2026"
SAVE_MS, REFRESH_MS = 100.0, 2000.0
ANSWERS = [
    ("executive-sponsor-named", ["yes", "no"]),
    ("walton-test", ["some-ideas", "clear-actions", "depends-on-system"]),
    ("internal-marketing-vision", ["1", "3", "5"]),
    ("incentives-aligned", ["partly", "yes", "no"]),
]
ROLES = ["executive", "manager", "staff", "staff", "it"]
POLL_EVERY = 2.0
HEADLINE_EVERY = 4.0
"""The headline's pace: one save every 4 s per participant, a fast room. A participant who reads
the question and thinks saves about every 10 s (`--every 10`), a figure printed as such."""
TIMEOUT = 10.0


@dataclass
class Participant:
    """A joined phone: its session, its own link and its CSRF token."""

    browser: Browser
    link: str
    token: str


def join(port: int, code: str, n: int) -> Participant:
    """Join through `/w/<code>` as a phone does: the join form, then the link it leads to."""
    phone = Browser(port, TIMEOUT)
    _, _, html, _ = phone.request("GET", f"/w/{code}")
    token = CSRF.search(html.decode())
    if token is None:
        raise SystemExit("no join form")
    body = urllib.parse.urlencode(
        {"csrf_token": token.group(1), "role": ROLES[n % len(ROLES)], "name": f"P{n}"}
    )
    posted = {"Content-Type": "application/x-www-form-urlencoded"}
    status, headers, _, _ = phone.request("POST", f"/w/{code}", body, posted)
    if status != 302:
        raise SystemExit(f"joining answered {status}")
    return Participant(phone, urllib.parse.urlparse(headers["location"]).path, token.group(1))


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values lie (nearest rank); 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def cpu_seconds(session: int) -> float:
    """CPU time (user and system) the processes of a session used so far: the app server's."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


@dataclass
class Step:
    """One step's figures (ms) and whether every request succeeded."""

    participants: int
    saves: list[float]
    refreshes: list[float]
    failures: int

    @property
    def met(self) -> bool:
        """Both targets met and nothing failed."""
        return (
            not self.failures
            and percentile(self.saves, 0.99) < SAVE_MS
            and percentile(self.refreshes, 0.99) < REFRESH_MS
        )


def facilitator(port: int, live: str, stop: threading.Event, times: list[float]) -> int:
    """Poll the live view every 2 s as the screen's script does (the radar comes in it); failures."""
    screen, failures = Browser(port, TIMEOUT), 0
    screen.cookies = dict(FACILITATOR_COOKIES)
    while not stop.is_set():
        started = time.perf_counter()
        try:
            status, _, data, _ = screen.request("GET", live, headers={"Accept": "application/json"})
            failures += status != 200 or "<svg" not in json.loads(data).get("radar", "")
        except OSError:
            failures += 1
        times.append(1000 * (time.perf_counter() - started))
        stop.wait(max(0.0, POLL_EVERY - (time.perf_counter() - started)))
    return failures


FACILITATOR_COOKIES: dict[str, str] = {}


def answering(
    port: int, people: list[Participant], live: str, seconds: float, every: float, threads: int
) -> Step:
    """Everyone saves answers for `seconds` while the facilitator polls; the step's figures."""
    rng = random.Random(len(people))
    start = time.perf_counter() + 0.5
    due = sorted(
        (start + rng.uniform(0, every) + k * every, i, rng.randrange(len(ANSWERS)))
        for i in range(len(people))
        for k in range(max(1, int(seconds / every)))
    )
    saves: list[float] = []
    failures = [0]
    lock = threading.Lock()

    def save(at: float, index: int, asked: int) -> None:
        time.sleep(max(0.0, at - time.perf_counter()))
        person = people[index]
        question, values = ANSWERS[asked]
        body = json.dumps({"question": question, "value": values[index % len(values)]})
        headers = {"Content-Type": "application/json", "X-CSRFToken": person.token}
        try:
            status, _, data, _ = person.browser.request(
                "POST", f"{person.link}/answer", body, headers
            )
            ok = status == 200 and bool(json.loads(data).get("saved"))
        except OSError:
            ok = False
        took = 1000 * (time.perf_counter() - at)
        with lock:
            saves.append(took)
            failures[0] += not ok

    stop, refreshes = threading.Event(), list[float]()
    with ThreadPoolExecutor(max_workers=1) as screen:
        polled = screen.submit(facilitator, port, live, stop, refreshes)
        with ThreadPoolExecutor(max_workers=threads) as pool:
            list(pool.map(lambda d: save(*d), due))
        stop.set()
        failures[0] += polled.result()
    return Step(len(people), saves, refreshes, failures[0])


def serve(
    instance: Path, workers: int | None, database: str | None
) -> tuple[subprocess.Popen[bytes], int]:
    """A consultant made and `assessor serve` started on a free port; the process and port."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSESSOR_")}
    env["ASSESSOR_INSTANCE_PATH"] = str(instance)
    if database:
        env["ASSESSOR_DATABASE_URL"] = database
        subprocess.run([ASSESSOR, "db", "upgrade"], env=env, check=True, capture_output=True)
    subprocess.run(
        [ASSESSOR, "user", "create", "--email", EMAIL, "--firm", "Northwind", "--admin",
         "--password", PASSWORD],
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port = int(probe.getsockname()[1])
    process = subprocess.Popen(
        [ASSESSOR, "serve", "--port", str(port), *([f"--workers={workers}"] if workers else [])],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if Browser(port, TIMEOUT).request("GET", "/healthz")[0] == 200:
                return process, port
        except OSError:
            time.sleep(0.2)
    stopped(process)
    raise SystemExit("the server did not start")


def stopped(process: subprocess.Popen[bytes]) -> None:
    """Stop the server (SIGTERM, then SIGKILL to its group after 30 s)."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def open_room(port: int) -> tuple[str, str]:
    """Sign in, add a client and an assessment, open its workshop; the live path and the code."""
    me = Browser(port, TIMEOUT)
    me.form("/signin", {"email": EMAIL, "password": PASSWORD})
    made = me.form("/clients", {"organisation": "Globex"})
    client = urllib.parse.urlparse(made["location"]).path
    made = me.form(
        client,
        {
            "questionnaire": "executive-self-assessment",
            "title": "Bench workshop",
            "assessed_on": time.strftime("%Y-%m-%d"),
        },
    )
    assessment = urllib.parse.urlparse(made["location"]).path
    me.form(f"{assessment}/workshop", {"days": "1"})
    _, _, html, _ = me.request("GET", f"{assessment}/workshop")
    code = CODE.search(html.decode())
    if code is None:
        raise SystemExit("no workshop code on the screen")
    FACILITATOR_COOKIES.clear()
    FACILITATOR_COOKIES.update(me.cookies)
    return f"{assessment}/workshop/live", code.group(1)


def run(label: str, database: str | None, args: argparse.Namespace) -> int:
    """Step the room up on one database; print the table and the answer; the largest N held."""
    with tempfile.TemporaryDirectory(prefix="assessor-wsbench-") as folder:
        process, port = serve(Path(folder) / "instance", args.workers, database)
        try:
            live, code = open_room(port)
            people: list[Participant] = []
            held = previous = 0
            print(f"\n{label}: {layout(process.pid)}, one save per participant every "
                  f"{args.every:g} s for {args.seconds:g} s")  # fmt: skip
            print(f"{'N':>5} {'saves':>6} {'save p50':>9} {'save p99':>9} {'live p99':>9} "
                  f"{'cpu/save':>9} {'client':>7}  result")  # fmt: skip
            for target in args.steps:
                with ThreadPoolExecutor(max_workers=8) as pool:
                    people += pool.map(lambda n: join(port, code, n), range(len(people), target))
                server, client = cpu_seconds(process.pid), time.process_time()
                step = answering(port, people, live, args.seconds, args.every, args.threads)
                server, client = cpu_seconds(process.pid) - server, time.process_time() - client
                verdict = "met" if step.met else f"MISSED ({step.failures} failed)"
                print(
                    f"{target:>5} {len(step.saves):>6} {percentile(step.saves, 0.5):>7.1f}ms "
                    f"{percentile(step.saves, 0.99):>7.1f}ms "
                    f"{percentile(step.refreshes, 0.99):>7.0f}ms "
                    f"{1000 * server / max(1, len(step.saves)):>7.1f}ms "
                    f"{1000 * client / max(1, len(step.saves)):>5.1f}ms  {verdict}",
                    flush=True,
                )
                if not step.met and not args.every_step:
                    break
                held = target if step.met and held == previous else held
                previous = target
        finally:
            stopped(process)
    goal = "goal of 500 met" if held >= 500 else "goal of 500 NOT met"
    if args.every == HEADLINE_EVERY:
        print(f"{label}: holds {held} participants answering at once ({goal})")
    else:
        print(f"{label}: holds {held} participants each saving once every {args.every:g} s "
              f"(NOT the headline figure, which is one save every {HEADLINE_EVERY:g} s: "
              f"{goal} at this pace only)")  # fmt: skip
    return held


@contextmanager
def postgres() -> Iterator[str]:
    """A database in a throwaway PostgreSQL cluster, removed afterwards."""
    cluster = Cluster()
    cluster.start()
    try:
        yield cluster.new_database()
    finally:
        cluster.stop()


def main() -> None:
    """Run the steps on the chosen databases and print what each holds."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    steps: Callable[[str], list[int]] = lambda text: [int(s) for s in text.split(",")]  # noqa: E731
    parser.add_argument("--steps", type=steps, default=[25, 50, 100, 200, 350, 500])
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--seconds", type=float, default=12.0, help="answering time per step")
    parser.add_argument(
        "--every", type=float, default=HEADLINE_EVERY, help="seconds between one's saves"
    )
    parser.add_argument("--threads", type=int, default=48, help="client threads saving")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: serve's)")
    parser.add_argument(
        "--every-step", action="store_true", help="go on after a missed step (figures only)"
    )
    args = parser.parse_args()
    if args.database in ("sqlite", "both"):
        run("SQLite", None, args)
    if args.database in ("postgresql", "both"):
        try:
            with postgres() as url:
                run("PostgreSQL", url, args)
        except PostgresMissing as exc:
            print(f"PostgreSQL skipped: {exc}")


if __name__ == "__main__":
    main()
