"""`assessor db`: migrate the web app's database from the command line."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import click

DATABASE_URL_ENV = "ASSESSOR_DATABASE_URL"

database_url = click.option(
    "--database-url",
    envvar=DATABASE_URL_ENV,
    required=True,
    help="SQLAlchemy URL, e.g. sqlite:////srv/assessor/assessor.sqlite3 or "
    "postgresql+psycopg://user@host/db (or set ASSESSOR_DATABASE_URL).",
)


def _migrate() -> ModuleType:
    """The migration module, imported when a db command runs (Alembic is slow to import)."""
    from assessor.store import migrate

    return migrate


@click.group()
def db() -> None:
    """Create, upgrade or downgrade the web app's database."""


@db.command()
@database_url
@click.option("--revision", default="head", show_default=True, help="The revision to reach.")
def upgrade(database_url: str, revision: str) -> None:
    """Bring the database up to a revision (by default the newest)."""
    _migrate().upgrade(database_url, revision)
    click.echo(f"database at {_migrate().current(database_url)}")


@db.command()
@database_url
@click.argument("revision")
def downgrade(database_url: str, revision: str) -> None:
    """Take the database back to REVISION ("base" removes every table)."""
    _migrate().downgrade(database_url, revision)
    click.echo(f"database at {_migrate().current(database_url) or 'base'}")


@db.command()
@database_url
def current(database_url: str) -> None:
    """Print the revision the database is at, and whether it is the newest."""
    found = _migrate().current(database_url)
    head = _migrate().head()
    state = "up to date" if found == head else f"behind: newest is {head}"
    click.echo(f"{found or 'base'} ({state})")


@click.command("backup")
@database_url
@click.option("--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
def backup_command(database_url: str, output: Path) -> None:
    """Write every row of the database to one portable file (gzipped JSON lines)."""
    from assessor.store.backup import backup

    counts = backup(database_url, output)
    click.echo(f"wrote {output}: {sum(counts.values())} rows in {len(counts)} tables", err=True)


@click.command("restore")
@database_url
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def restore_command(database_url: str, source: Path) -> None:
    """Load a backup into an empty database (SQLite or PostgreSQL), all or nothing."""
    from assessor.store.backup import BackupError, restore

    try:
        counts = restore(database_url, source)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"restored {sum(counts.values())} rows in {len(counts)} tables", err=True)


COMMANDS = (db, backup_command, restore_command)
