"""`/healthz`, and the commands that set the app up: demo and user create."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from assessor.cli import cli
from assessor.cli.web import layout_advice
from tests.web.conftest import make_app
from tests.web.support import sign_in


def test_health_reports_the_database_and_the_queue(client: FlaskClient) -> None:
    answer = client.get("/healthz")
    assert answer.status_code == 200
    state = answer.get_json()
    assert state["status"] == "ok"
    assert state["database"] == {"backend": "sqlite", "ok": True}
    assert state["queue"]["ok"] and state["queue"]["pending"] == 0


def test_health_says_when_the_database_is_not_migrated(tmp_path: Path) -> None:
    for app in make_app(tmp_path, f"sqlite:///{tmp_path / 'empty.sqlite3'}", AUTO_MIGRATE=False):
        answer = app.test_client().get("/healthz")
        assert answer.status_code == 503
        assert "newest" in answer.get_json()["database"]["problem"]


def test_health_with_the_queue_on_sqlite(tmp_path: Path) -> None:
    for app in make_app(tmp_path, f"sqlite:///{tmp_path / 'q.sqlite3'}", QUEUE_IMMEDIATE=False):
        state = app.test_client().get("/healthz").get_json()
        assert state["queue"]["backend"] == "sqlite" and state["queue"]["ok"]


@pytest.fixture
def instance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty instance folder for the commands, and no database chosen by the environment."""
    monkeypatch.delenv("ASSESSOR_DATABASE_URL", raising=False)
    return tmp_path / "instance"


def test_demo_fills_an_empty_database_once_and_its_consultant_signs_in(
    runner: CliRunner, instance: Path
) -> None:
    made = runner.invoke(cli, ["demo", "--instance", str(instance)])
    assert made.exit_code == 0, made.output
    assert "demo@example.com" in made.output and "/r/" in made.output
    password = made.output.split("with password ", 1)[1].split()[0]
    again = runner.invoke(cli, ["demo", "--instance", str(instance)])
    assert "already holds data" in again.output
    app: Flask
    for app in make_app(instance.parent, f"sqlite:///{instance / 'assessor.sqlite3'}"):
        browser = app.test_client()
        sign_in(browser, "demo@example.com", password)
        page = browser.get("/clients/1").get_data(as_text=True)
        assert page.count("/assessments/") == 4
        link = made.output.split("link (half answered): ", 1)[1].split()[0]
        start = app.test_client().get(link).get_data(as_text=True)
        assert "Continue" in start


def test_user_create_adds_an_administrator_who_signs_in(runner: CliRunner, instance: Path) -> None:
    made = runner.invoke(
        cli,
        [
            "user",
            "create",
            "--email",
            "Lee@Firm.example",
            "--firm",
            "Firm",
            "--admin",
            "--password",
            "long enough pw",
            "--instance",
            str(instance),
        ],
    )
    assert made.exit_code == 0, made.output
    assert "lee@firm.example is a administrator of Firm" in made.output
    twice = runner.invoke(
        cli,
        [
            "user",
            "create",
            "--email",
            "lee@firm.example",
            "--firm",
            "Firm",
            "--password",
            "long enough pw",
            "--instance",
            str(instance),
        ],
    )
    assert twice.exit_code == 1 and "already exists" in twice.output


def test_serve_advises_a_proxy_when_sync_workers_face_the_network() -> None:
    for here in ("127.0.0.1", "127.0.1.1", "::1", "localhost"):
        assert layout_advice(here, 1) is None, here
    assert layout_advice("0.0.0.0", 4) is None, "gthread workers need no such note"
    advice = layout_advice("0.0.0.0", 1)
    assert advice is not None and "0.0.0.0" in advice
    assert "proxy" in advice and "--threads 4" in advice
    assert layout_advice("assessor.example.com", 1) is not None
