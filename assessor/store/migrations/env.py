"""Alembic's environment: migrates the connection handed over by assessor.store.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import assessor.store.models  # noqa: F401  (fills the metadata for autogenerate)
from assessor.store.base import Base
from assessor.store.engine import make_engine


def run_migrations(connection: Connection) -> None:
    """Run the migrations on one connection; SQLite alters tables in batch (copy and move)."""
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    """Migrate the given connection, or one opened from the configured URL."""
    given = context.config.attributes.get("connection")
    if given is not None:
        run_migrations(given)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("give a connection or set sqlalchemy.url")
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            run_migrations(connection)
            connection.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
main()
