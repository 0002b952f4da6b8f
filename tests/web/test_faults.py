"""Faults mid-workshop: the database restarting, a report worker dying, the disk filling.

Each gives a clear message, loses no answer already stored, and recovers when the fault goes.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, update

from assessor.services.responding import open_link, save_answers, saved_answers, submit
from assessor.store.models import ReportJob
from assessor.store.repositories import ReportJobRepository
from assessor.web.runtime import runtime_of
from tests.support.postgres import Cluster
from tests.web.conftest import make_app
from tests.web.support import Firm, add_firm, csrf_token, sign_in

NOT_REACHABLE = "The database is not reachable: what you sent was not saved."
NO_ROOM = "The server has no room left to save: what you sent was not saved."


def save(browser: FlaskClient, firm: Firm, question: str, value: object) -> Any:
    """Save one answer as the section page's script does."""
    token = csrf_token(browser, f"/r/{firm.token}/s/1")
    return browser.post(
        f"/r/{firm.token}/answer",
        data=json.dumps({"question": question, "value": value}),
        headers={"X-CSRFToken": token, "Content-Type": "application/json"},
    )


def stored(app: Flask, firm: Firm) -> dict[str, object]:
    """The respondent's answers as the database holds them."""
    with runtime_of(app).database.unit_of_work() as session:
        return {
            q: a.value for q, a in saved_answers(session, open_link(session, firm.token)).items()
        }


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    """A PostgreSQL cluster of this test's own, so stopping it disturbs no other test."""
    own = Cluster()
    try:
        own.start()
        yield own
    finally:
        own.stop()


def test_the_database_restarting_mid_workshop_says_not_saved_then_recovers(
    tmp_path: Path, cluster: Cluster
) -> None:
    for app in make_app(tmp_path, cluster.new_database()):
        firm = add_firm(app, "Acme")
        browser = app.test_client()
        token = csrf_token(browser, f"/r/{firm.token}/s/1")
        assert save(browser, firm, "company-size", "medium").status_code == 200

        cluster.pause()
        answer = browser.post(
            f"/r/{firm.token}/answer",
            data=json.dumps({"question": "executive-sponsor-named", "value": "yes"}),
            headers={"X-CSRFToken": token, "Content-Type": "application/json"},
        )
        assert answer.status_code == 503
        assert NOT_REACHABLE in answer.get_json()["detail"]
        page = browser.post(
            f"/r/{firm.token}/s/1", data={"csrf_token": token, "q__company-size": "large"}
        )
        assert page.status_code == 503 and NOT_REACHABLE in page.get_data(as_text=True)
        assert "Traceback" not in page.get_data(as_text=True)
        health = browser.get("/healthz")
        assert (
            health.status_code == 503 and "unreachable" in health.get_json()["database"]["problem"]
        )

        cluster.resume()
        assert browser.get("/healthz").status_code == 200
        assert save(browser, firm, "executive-sponsor-named", "yes").status_code == 200
        assert stored(app, firm) == {"company-size": "medium", "executive-sponsor-named": "yes"}


def submitted_firm(app: Flask) -> Firm:
    """A firm whose one respondent answered a question and submitted (so reports can be made)."""
    firm = add_firm(app, "Acme")
    runtime = runtime_of(app)
    with runtime.database.unit_of_work() as session:
        link = open_link(session, firm.token)
        assert not save_answers(session, runtime.workspace, link, {"company-size": "medium"}, {})
        submit(session, open_link(session, firm.token))
    return firm


def test_a_report_job_left_running_by_a_dead_worker_is_given_up_and_can_be_ordered_again(
    app: Flask,
) -> None:
    firm = add_firm(app, "Acme")
    with runtime_of(app).database.unit_of_work() as session:
        jobs = ReportJobRepository(session)
        job = jobs.enqueue(
            firm.assessment_id,
            kind="executive.pdf",
            options={"template": "executive", "format": "pdf", "lang": "en"},
            cache_key="0" * 64,
        )
        jobs.start(job.id)  # a worker took it, then died mid-render
    consultant = app.test_client()
    sign_in(consultant, firm.email)
    assert consultant.get(f"/reports/{job.id}/status").get_json()["status"] == "running"

    with runtime_of(app).database.unit_of_work() as session:  # the timeout passes
        earlier = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=app.config["REPORT_TIMEOUT"] + 1)
        session.execute(update(ReportJob).where(ReportJob.id == job.id).values(created_at=earlier))
    status = consultant.get(f"/reports/{job.id}/status").get_json()
    assert status["status"] == "failed" and "worker stopped" in status["error"]
    page = consultant.get(f"/reports/{job.id}").get_data(as_text=True)
    assert "The report could not be made" in page and "worker stopped" in page
    assert 'id="order-again"' in page and f"/assessments/{firm.assessment_id}/reports" in page
    assert '<meta http-equiv="refresh"' not in page  # it no longer waits


def test_a_queue_that_refuses_an_order_fails_the_job_with_order_again(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    firm = submitted_firm(app)
    consultant = app.test_client()
    sign_in(consultant, firm.email)

    def no_room(order: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(runtime_of(app).queue, "enqueue", no_room)
    ordered = consultant.post(
        f"/assessments/{firm.assessment_id}/reports",
        data={
            "template": "executive",
            "format": "html",
            "csrf_token": csrf_token(consultant, "/clients"),
        },
    )
    page = consultant.get(ordered.headers["Location"]).get_data(as_text=True)
    assert "report queue is not reachable" in page and 'id="order-again"' in page
    assert stored(app, firm) == {"company-size": "medium"}


class Disk:
    """A small disk for the instance folder: tmpfs when this process may mount one (root),
    else a simulated one whose writes fail as SQLite's do when the disk is full."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.filler = folder / "filler"
        self.full = False
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)],
            capture_output=True,
            check=False,
        )
        self.real = done.returncode == 0

    def watch(self, app: Flask) -> None:
        """On a simulated disk, make the app's database writes fail while the disk is full."""

        def refuse(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            if self.full and statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
                raise sqlite3.OperationalError("database or disk is full")

        if not self.real:
            event.listen(runtime_of(app).database.engine, "before_cursor_execute", refuse)

    def fill(self, database: Path) -> None:
        """Use every byte left, after moving SQLite's journal back into its file."""
        self.full = True
        if not self.real:
            return
        with sqlite3.connect(database) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        chunk = b"\0" * 65536
        with self.filler.open("wb") as handle:
            try:
                while True:
                    handle.write(chunk)
                    handle.flush()
            except OSError as exc:
                assert exc.errno == errno.ENOSPC

    def free(self) -> None:
        """Give the space back."""
        self.full = False
        self.filler.unlink(missing_ok=True)

    def remove(self) -> None:
        """Unmount the tmpfs (if one was mounted)."""
        if self.real:
            subprocess.run(["umount", "-l", str(self.folder)], check=False)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Disk]:
    """A 16 MB disk for the app's instance folder, removed after the test."""
    folder = tmp_path / "disk"
    folder.mkdir()
    made = Disk(folder)
    try:
        yield made
    finally:
        made.remove()


def test_a_full_disk_says_not_saved_keeps_every_answer_and_recovers(disk: Disk) -> None:
    database = disk.folder / "assessor.sqlite3"
    for app in make_app(disk.folder, f"sqlite:///{database}"):
        disk.watch(app)
        firm = add_firm(app, "Acme")
        browser = app.test_client()
        assert save(browser, firm, "company-size", "medium").status_code == 200

        disk.fill(database)
        answer = save(browser, firm, "executive-sponsor-named", "yes")
        assert answer.status_code == 503 and NO_ROOM in answer.get_json()["detail"]
        assert stored(app, firm) == {"company-size": "medium"}

        disk.free()
        assert save(browser, firm, "executive-sponsor-named", "yes").status_code == 200
        assert stored(app, firm) == {"company-size": "medium", "executive-sponsor-named": "yes"}
