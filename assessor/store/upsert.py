"""INSERT .. ON CONFLICT DO UPDATE (or DO NOTHING) for SQLite and PostgreSQL: one atomic
statement, safe under races."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from assessor.store.base import Base

DIALECTS = ("postgresql", "sqlite")


def upsert(
    session: Session,
    model: type[Base],
    values: Mapping[str, Any],
    conflict_columns: Sequence[str],
) -> None:
    """Insert a row, or update every other given column of the row with the same key."""
    dialect = session.get_bind().dialect.name
    if dialect not in DIALECTS:
        raise ValueError(f"no upsert for the {dialect!r} database: use SQLite or PostgreSQL")
    statement = _statement(dialect, model, tuple(values), tuple(conflict_columns))
    session.connection().execute(statement, dict(values))


@lru_cache(maxsize=64)
def _statement(
    dialect: str, model: type[Base], columns: tuple[str, ...], conflict_columns: tuple[str, ...]
) -> Any:
    """The upsert of these columns, built once (its values are the execution's parameters), on
    the table rather than the ORM class: run on the session's connection, it skips the ORM's
    bulk-insert machinery, which an answer save paid for on every question."""
    statement: postgresql.Insert | sqlite.Insert
    table = cast("Table", model.__table__)
    statement = postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
    changed = {name: statement.excluded[name] for name in columns if name not in conflict_columns}
    return statement.on_conflict_do_update(index_elements=conflict_columns, set_=changed)


def insert_if_new(
    session: Session, model: type[Base], values: Mapping[str, Any], conflict_columns: Sequence[str]
) -> int | None:
    """Insert a row and give its id; None (and nothing written) when its key is taken."""
    statement = _insert(session, model, values).on_conflict_do_nothing(
        index_elements=conflict_columns
    )
    found = session.execute(statement.returning(model.__table__.c.id)).scalar_one_or_none()
    return None if found is None else int(found)


def _insert(
    session: Session, model: type[Base], values: Mapping[str, Any]
) -> postgresql.Insert | sqlite.Insert:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(model).values(**values)
    if dialect == "sqlite":
        return sqlite.insert(model).values(**values)
    raise ValueError(f"no upsert for the {dialect!r} database: use SQLite or PostgreSQL")
