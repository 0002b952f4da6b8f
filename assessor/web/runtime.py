"""What every request shares: the workspace, the database and the report queue of the app."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from flask import Flask, current_app
from sqlalchemy.orm import Session

from assessor.services.database import Database
from assessor.services.workspace import Workspace
from assessor.web.queue import ReportQueue

EXTENSION = "assessor"


@dataclass(frozen=True)
class Runtime:
    """The app's workspace (content validated once), database and report queue."""

    workspace: Workspace
    database: Database
    queue: ReportQueue


def attach(app: Flask, runtime: Runtime) -> None:
    """Make the runtime the app's own."""
    app.extensions[EXTENSION] = runtime


def runtime_of(app: Flask | None = None) -> Runtime:
    """The runtime of an app (the current one by default)."""
    found: Runtime = (app or current_app).extensions[EXTENSION]
    return found


def workspace() -> Workspace:
    """The current app's workspace."""
    return runtime_of().workspace


@contextmanager
def unit_of_work() -> Iterator[Session]:
    """A database session for the current request: committed at the end, rolled back on error."""
    with runtime_of().database.unit_of_work() as session:
        yield session
