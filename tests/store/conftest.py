"""Store fixtures: a migrated database on SQLite and PostgreSQL, sessions, and a small firm."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy.orm import Session, sessionmaker

from assessor.store import migrate
from assessor.store.engine import make_engine, session_factory, session_scope
from assessor.store.records import AssessmentRecord, ClientRecord, FirmRecord
from assessor.store.repositories import AssessmentRepository, ClientRepository, FirmRepository


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


@dataclass(frozen=True)
class Firmwork:
    """A firm with one client and one assessment of it."""

    firm: FirmRecord
    client: ClientRecord
    assessment: AssessmentRecord


def add_firm(sessions: sessionmaker[Session], name: str) -> Firmwork:
    """Add a firm, one client and one draft assessment of it."""
    with session_scope(sessions) as session:
        firm = FirmRepository(session).create(name)
        client = ClientRepository(session).create(firm.id, f"{name} client", sector="retail")
        assessment = AssessmentRepository(session).create(
            firm.id,
            client.id,
            questionnaire_id="executive-self-assessment",
            title=f"{name} readiness",
            assessed_on=dt.date(2026, 5, 4),
            content_fingerprint="c" * 64,
            targets={"gartner-8/strategy": 70},
        )
        assert assessment is not None
        return Firmwork(firm, client, assessment)


@pytest.fixture
def acme(sessions: sessionmaker[Session]) -> Firmwork:
    """The firm Acme Consulting, with a client and an assessment."""
    return add_firm(sessions, "Acme Consulting")


@pytest.fixture
def rival(sessions: sessionmaker[Session]) -> Firmwork:
    """Another firm, whose data Acme must never see."""
    return add_firm(sessions, "Rival Partners")
