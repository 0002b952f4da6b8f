"""The report queue with a real consumer, on Huey's SQLite queue and on Redis: an ordered
report is rendered outside the request, kept, and a second order is ready at once."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from assessor.web.runtime import runtime_of
from tests.web.conftest import make_app
from tests.web.support import add_firm, csrf_token, sign_in


@pytest.fixture(params=["sqlite", "redis"])
def queued_app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Flask]:
    """The app with a real queue (not run in the request): SQLite's, then Redis's."""
    extra = {"QUEUE_IMMEDIATE": False}
    if request.param == "redis":
        extra["REDIS_URL"] = request.getfixturevalue("redis_url")
    yield from make_app(tmp_path, f"sqlite:///{tmp_path / 'web.sqlite3'}", **extra)


def order(consultant: FlaskClient, assessment_id: int) -> str:
    """Order the executive HTML report; its job page."""
    answer = consultant.post(
        f"/assessments/{assessment_id}/reports",
        data={
            "template": "executive",
            "format": "html",
            "csrf_token": csrf_token(consultant, "/clients"),
        },
    )
    assert answer.status_code == 302, answer.get_data(as_text=True)
    return str(answer.headers["Location"])


def test_a_consumer_renders_the_report_and_the_second_order_is_kept(queued_app: Flask) -> None:
    queue = runtime_of(queued_app).queue
    assert queue.backend == ("redis" if queued_app.config["REDIS_URL"] else "sqlite")
    queue.huey.flush()
    acme = add_firm(queued_app, "Acme")
    respondent = queued_app.test_client()
    link = f"/r/{acme.token}"
    token = csrf_token(respondent, f"{link}/review")
    respondent.post(f"{link}/s/1", data={"csrf_token": token, "q__company-size": "medium"})
    respondent.post(f"{link}/submit", data={"csrf_token": token})
    consultant = queued_app.test_client()
    sign_in(consultant, acme.email)

    job = order(consultant, acme.assessment_id)
    assert consultant.get(f"{job}/status").get_json()["status"] == "queued"
    assert queue.state()["pending"] == 1
    consumer = queue.huey.create_consumer(workers=1, periodic=False, check_worker_health=False)
    handlers = {
        sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
    }
    consumer.start()  # (it sets its own signal handlers: pytest's come back after)
    try:
        status = wait_until_done(consultant, job)
    finally:
        consumer.stop(graceful=True)
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    assert status["status"] == "done", status
    report = consultant.get(status["download"])
    assert report.status_code == 200 and b"Acme client" in report.data

    again = order(consultant, acme.assessment_id)
    assert again != job
    assert consultant.get(f"{again}/status").get_json()["status"] == "done"  # kept, no render
    assert queue.state()["pending"] == 0


def wait_until_done(consultant: FlaskClient, job: str, seconds: float = 60) -> dict[str, object]:
    """The job's status once it is done or failed (or when the time is up)."""
    deadline = time.monotonic() + seconds
    status: dict[str, object] = {}
    while time.monotonic() < deadline:
        status = consultant.get(f"{job}/status").get_json()
        if status["status"] in ("done", "failed"):
            break
        time.sleep(0.2)
    return status
