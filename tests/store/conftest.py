"""Store fixtures: a migrated database on SQLite and PostgreSQL, sessions, and a small firm."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session, sessionmaker

from assessor.store import migrate
from assessor.store.engine import make_engine, session_factory
from tests.store.support import FirmData, add_firm


@pytest.fixture
def migrated_url(database_url: str) -> str:
    """A database brought up to the newest revision."""
    migrate.upgrade(database_url)
    return database_url


@pytest.fixture
def sessions(migrated_url: str) -> Iterator[sessionmaker[Session]]:
    """A session maker over the migrated database."""
    engine = make_engine(migrated_url)
    yield session_factory(engine)
    engine.dispose()


@pytest.fixture
def acme(sessions: sessionmaker[Session]) -> FirmData:
    """The firm Acme Consulting, with a client and an assessment."""
    return add_firm(sessions, "Acme Consulting")


@pytest.fixture
def rival(sessions: sessionmaker[Session]) -> FirmData:
    """Another firm, whose data Acme must never see."""
    return add_firm(sessions, "Rival Partners")
