"""`assessor backup` and `assessor restore`: a whole database round-trips without loss,
between SQLite and PostgreSQL too, and a restore never lands on a database that holds data."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from assessor.cli import cli
from assessor.store.backup import BackupError, backup, restore
from assessor.store.base import Base
from assessor.store.engine import make_engine, session_scope
from assessor.store.repositories import (
    AnswerRepository,
    AssessmentRepository,
    RespondentRepository,
    UserRepository,
)
from assessor.store.repositories.reports import ReportCache
from tests.store.support import FirmData


def fill(sessions: sessionmaker[Session], acme: FirmData) -> None:
    """Every kind of row: a consultant, a respondent with answers, a result, a cached report."""
    with session_scope(sessions) as session:
        UserRepository(session).create(acme.firm.id, "ann@example.com", "Ann", "a long password")
        invited = RespondentRepository(session).invite(
            acme.firm.id, acme.assessment.id, role="executive", name="Sam Dubois"
        )
        assert invited is not None
        answers = AnswerRepository(session)
        answers.save_answer(invited.respondent.id, "vision", "5", evidence="Board minute")
        answers.save_answer(invited.respondent.id, "tools", ["email", "crm"], comment="ünïcode ✓")
        answers.save_answer(invited.respondent.id, "budget", 12.5)
        AssessmentRepository(session).store_result(
            acme.firm.id, acme.assessment.id, {"readiness": {"score": 45.6}}, "f" * 64
        )
        ReportCache(session).put("k" * 64, "application/pdf", b"%PDF-1.7\x00\xff binary")


def rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in primary-key order."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return {
                table.name: [
                    tuple(row)
                    for row in connection.execute(
                        select(table).order_by(*table.primary_key.columns)
                    )
                ]
                for table in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


def test_a_database_round_trips_without_loss(
    migrated_url: str,
    sessions: sessionmaker[Session],
    acme: FirmData,
    tmp_path: Path,
    postgres: object,
) -> None:
    fill(sessions, acme)
    saved = rows(migrated_url)
    assert all(saved[name] for name in ("firms", "users", "answers", "rendered_reports"))
    file = tmp_path / "backup.jsonl.gz"
    counts = backup(migrated_url, file)
    assert counts["answers"] == 3
    for target in (f"sqlite:///{tmp_path / 'restored.sqlite3'}", postgres.new_database()):  # type: ignore[attr-defined]
        assert restore(target, file) == counts
        assert rows(target) == saved
        engine = make_engine(target)
        try:
            with session_scope(sessionmaker(engine)) as session:
                again = RespondentRepository(session).invite(
                    acme.firm.id, acme.assessment.id, role="staff"
                )
                assert again is not None, "new rows get new ids after a restore"
        finally:
            engine.dispose()


def test_a_restore_never_lands_on_data(
    migrated_url: str, sessions: sessionmaker[Session], acme: FirmData, tmp_path: Path
) -> None:
    file = tmp_path / "backup.jsonl.gz"
    backup(migrated_url, file)
    with pytest.raises(BackupError, match="holds rows; restore into an empty database"):
        restore(migrated_url, file)
    not_a_backup = tmp_path / "other.gz"
    not_a_backup.write_bytes(b"plain text")
    with pytest.raises(BackupError, match="not a backup file"):
        restore(f"sqlite:///{tmp_path / 'new.sqlite3'}", not_a_backup)


def test_the_commands(migrated_url: str, acme: FirmData, tmp_path: Path) -> None:
    file = tmp_path / "b.gz"
    runner = CliRunner()
    done = runner.invoke(cli, ["backup", "--database-url", migrated_url, "--output", str(file)])
    assert done.exit_code == 0, done.output
    assert "rows in" in done.stderr
    target = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    done = runner.invoke(cli, ["restore", "--database-url", target, str(file)])
    assert done.exit_code == 0, done.output
    again = runner.invoke(cli, ["restore", "--database-url", target, str(file)])
    assert again.exit_code == 1 and "restore into an empty database" in again.output
