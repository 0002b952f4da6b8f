"""Web fixtures: an app on a fresh database (SQLite, or both SQLite and PostgreSQL), a client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from assessor import create_app
from assessor.web.runtime import runtime_of


def make_app(tmp_path: Path, database_url: str, **extra: Any) -> Iterator[Flask]:
    """An app on a migrated database whose report queue runs each task at once."""
    app = create_app(
        {
            "TESTING": True,
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "DATABASE_URL": database_url,
            "AUTO_MIGRATE": True,
            "QUEUE_IMMEDIATE": True,
            "SECRET_KEY": "test",
            **extra,
        }
    )
    yield app
    runtime_of(app).database.close()


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    """The app on an SQLite file."""
    yield from make_app(tmp_path, f"sqlite:///{tmp_path / 'web.sqlite3'}")


@pytest.fixture
def any_app(tmp_path: Path, database_url: str) -> Iterator[Flask]:
    """The app on SQLite, then on PostgreSQL (for the tests where storage matters)."""
    yield from make_app(tmp_path, database_url)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A browser on the SQLite app."""
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    """The `assessor` command line, run in-process."""
    return CliRunner()
