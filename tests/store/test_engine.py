"""Engines: the default SQLite file, WAL and enforced foreign keys, and timestamps always in UTC."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session, sessionmaker

from assessor.store import migrate
from assessor.store.engine import default_database_url, make_engine, session_scope
from assessor.store.models import Client, Firm
from assessor.store.repositories import ClientRepository


def test_the_default_database_is_a_file_in_the_instance_folder(tmp_path: Path) -> None:
    instance = tmp_path / "instance"
    url = default_database_url(instance)
    migrate.upgrade(url)
    assert (instance / "assessor.sqlite3").is_file()
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            assert connection.scalar(text("PRAGMA journal_mode")) == "wal"
            assert connection.scalar(text("PRAGMA foreign_keys")) == 1
            assert connection.scalar(text("PRAGMA busy_timeout")) >= 5000
            assert connection.scalar(text("PRAGMA synchronous")) == 1, "NORMAL: no fsync a commit"
    finally:
        engine.dispose()


def test_a_row_pointing_at_nothing_is_refused(sessions: sessionmaker[Session]) -> None:
    with pytest.raises(IntegrityError), session_scope(sessions) as session:
        ClientRepository(session).create(firm_id=4242, organisation="Nobody's client")


def test_deleting_a_firm_deletes_its_clients(sessions: sessionmaker[Session]) -> None:
    with session_scope(sessions) as session:
        firm = Firm(name="Short-lived")
        session.add(firm)
        session.flush()
        ClientRepository(session).create(firm.id, "Its client")
    with session_scope(sessions) as session:
        session.execute(text("DELETE FROM firms"))
    with session_scope(sessions) as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 0


def test_timestamps_are_stored_in_utc_and_naive_ones_are_refused(
    sessions: sessionmaker[Session],
) -> None:
    moscow = dt.timezone(dt.timedelta(hours=3))
    with session_scope(sessions) as session:
        firm = Firm(name="Zoned", created_at=dt.datetime(2026, 5, 4, 12, 0, tzinfo=moscow))
        session.add(firm)
        session.flush()
        firm_id = firm.id
    with session_scope(sessions) as session:
        stored = session.get_one(Firm, firm_id, populate_existing=True).created_at
    assert stored == dt.datetime(2026, 5, 4, 9, 0, tzinfo=dt.UTC)
    assert stored.utcoffset() == dt.timedelta(0)
    with pytest.raises(StatementError, match="naive datetime"), session_scope(sessions) as session:
        session.add(Firm(name="Naive", created_at=dt.datetime(2026, 5, 4, 12, 0)))
        session.flush()
