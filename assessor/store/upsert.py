"""INSERT .. ON CONFLICT DO UPDATE for SQLite and PostgreSQL: one atomic statement, safe under races."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from assessor.store.base import Base


def upsert(
    session: Session,
    model: type[Base],
    values: Mapping[str, Any],
    conflict_columns: Sequence[str],
) -> None:
    """Insert a row, or update every other given column of the row with the same key."""
    dialect = session.get_bind().dialect.name
    statement: postgresql.Insert | sqlite.Insert
    if dialect == "postgresql":
        statement = postgresql.insert(model).values(**values)
    elif dialect == "sqlite":
        statement = sqlite.insert(model).values(**values)
    else:
        raise ValueError(f"no upsert for the {dialect!r} database: use SQLite or PostgreSQL")
    changed = {name: statement.excluded[name] for name in values if name not in conflict_columns}
    session.execute(statement.on_conflict_do_update(index_elements=conflict_columns, set_=changed))
