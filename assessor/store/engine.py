"""Engines and sessions: SQLite (WAL, foreign keys, busy timeout) or PostgreSQL via psycopg 3."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

DATABASE_FILE = "assessor.sqlite3"
SQLITE_BUSY_TIMEOUT_MS = 15_000
"""How long an SQLite writer waits for another one before giving up."""


def default_database_url(instance_path: str | Path) -> str:
    """The default database: an SQLite file in the app's instance folder (created if missing)."""
    folder = Path(instance_path)
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(folder / DATABASE_FILE).resolve()}"


def make_engine(url: str) -> Engine:
    """An engine for the URL; SQLite connections get WAL (synchronous NORMAL), foreign keys
    and a busy timeout.

    A database server's pooled connections are tested before use, so a server that restarted
    is reconnected to instead of failing the next request with a dead connection; an SQLite
    file has no server to lose, so its connections skip the test (a query per request).
    """
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url)
    event.listen(engine, "connect", _configure_sqlite)
    return engine


def _configure_sqlite(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # The driver's own transaction handling is kept on purpose: it begins a transaction at the
    # first write, so reads before it hold no snapshot and the write waits (busy timeout) for
    # a concurrent writer instead of failing at once with "database is locked".
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL syncs at checkpoints, not at every commit: a commit survives the
        # app crashing (only a power cut can lose the last ones), and a save no longer waits
        # for the disk, which a room of participants saving at once otherwise queues behind.
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """A session maker whose objects stay readable after commit."""
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def session_scope(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A session that commits when the block ends and rolls back if it raises."""
    with sessions() as session, session.begin():
        yield session
