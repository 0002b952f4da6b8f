"""Migrations bring an empty database to the newest schema and back, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import inspect

import assessor.store.models  # noqa: F401  (fills the metadata)
from assessor.store import migrate
from assessor.store.base import Base
from assessor.store.cli import db
from assessor.store.engine import make_engine

TABLES = {
    "firms",
    "users",
    "clients",
    "assessments",
    "respondents",
    "answers",
    "report_jobs",
    "rendered_reports",
    "workshops",
    "workshop_participants",
    "consensus_answers",
    "import_mappings",
    "tracked_actions",
    "action_changes",
}


def tables(url: str) -> set[str]:
    """The application's tables in the database."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return set(inspect(connection).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def schema_differences(url: str) -> list[object]:
    """How the migrated schema differs from the models (nothing, when they agree)."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return list(compare_metadata(context, Base.metadata))
    finally:
        engine.dispose()


def test_an_empty_database_goes_up_to_head_down_to_base_and_up_again(database_url: str) -> None:
    assert migrate.current(database_url) is None

    migrate.upgrade(database_url)
    assert migrate.current(database_url) == migrate.head()
    assert tables(database_url) == TABLES
    assert schema_differences(database_url) == []

    migrate.downgrade(database_url, "base")
    assert migrate.current(database_url) is None
    assert tables(database_url) == set()

    migrate.upgrade(database_url, "head")
    assert migrate.current(database_url) == migrate.head()
    assert tables(database_url) == TABLES


def test_the_db_command_upgrades_reports_and_downgrades(database_url: str) -> None:
    runner = CliRunner()
    env = {"ASSESSOR_DATABASE_URL": database_url}

    before = runner.invoke(db, ["current"], env=env)
    assert before.exit_code == 0, before.output
    assert "base (behind" in before.output

    up = runner.invoke(db, ["upgrade"], env=env)
    assert up.exit_code == 0, up.output
    assert (
        runner.invoke(db, ["current"], env=env).output.strip() == f"{migrate.head()} (up to date)"
    )

    down = runner.invoke(db, ["downgrade", "base", "--database-url", database_url])
    assert down.exit_code == 0, down.output
    assert tables(database_url) == set()
