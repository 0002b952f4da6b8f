"""The database as the web app and the commands use it: an engine, units of work, migrations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from assessor.store import migrate
from assessor.store.engine import default_database_url, make_engine, session_factory, session_scope

__all__ = [
    "Database",
    "DatabaseUnavailable",
    "Session",
    "default_database_url",
    "open_database",
    "upgrade_database",
]


class DatabaseUnavailable(RuntimeError):
    """The database could not be reached or could not write; nothing of the unit of work was kept.

    `reason` is "unreachable" (down, restarting, refused), "full" (no room left on its disk) or
    "busy" (another writer held it past the wait).
    """

    def __init__(self, reason: str, cause: str) -> None:
        super().__init__(f"database {reason}: {cause}")
        self.reason = reason


def unavailable(error: OperationalError | InterfaceError) -> DatabaseUnavailable:
    """The driver's failure as the reason the database could not be used."""
    said = str(error.orig if error.orig is not None else error).strip()
    cause = said.splitlines()[0] if said else type(error).__name__
    lowered = cause.lower()
    if "full" in lowered or "no space" in lowered:
        return DatabaseUnavailable("full", cause)
    if "locked" in lowered or "busy" in lowered:
        return DatabaseUnavailable("busy", cause)
    return DatabaseUnavailable("unreachable", cause)


@dataclass(frozen=True)
class Database:
    """One database: its engine and the sessions made on it."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session that commits when the block ends and rolls back if it raises.

        A database that is down, full or busy raises DatabaseUnavailable: nothing was kept.
        """
        try:
            with session_scope(self.sessions) as session:
                yield session
        except (OperationalError, InterfaceError) as exc:
            raise unavailable(exc) from exc

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return make_url(self.url).get_backend_name()

    def check(self) -> str | None:
        """None when the database answers and is migrated to the newest revision, else why not."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
                found = MigrationContext.configure(connection).get_current_revision()
        except Exception as exc:  # any driver failure is reported, not raised
            return f"unreachable: {type(exc).__name__}"
        if found != migrate.head():
            return f"at revision {found or 'base'}, newest is {migrate.head()}"
        return None

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_database(url: str) -> Database:
    """A database at the URL (SQLite with WAL and foreign keys, or PostgreSQL)."""
    engine = make_engine(url)
    return Database(url=url, engine=engine, sessions=session_factory(engine))


def upgrade_database(url: str) -> None:
    """Bring the database up to the newest revision (creating its tables when empty)."""
    migrate.upgrade(url)
