"""Back up a whole database to one portable file, and restore it into an empty one.

The file is JSON lines: a header with the schema revision, then each table's rows, tables in
foreign-key order. It moves a database between SQLite and PostgreSQL as well. A restore goes
into an empty database (brought to the backup's revision first) inside one transaction, so a
failed restore leaves nothing half done; PostgreSQL's id sequences are moved past the restored
ids.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, LargeBinary, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.types import Date, DateTime, TypeDecorator, TypeEngine

from assessor.store import models  # noqa: F401  (every table joins the metadata)
from assessor.store.base import Base
from assessor.store.engine import make_engine
from assessor.store.migrate import current, upgrade

FORMAT = "assessor-backup"
VERSION = 1


class BackupError(Exception):
    """A backup that cannot be made or restored, with the reason."""


def backup(url: str, path: Path) -> dict[str, int]:
    """Write every row of the database at `url` to a gzipped JSON-lines file; rows per table."""
    revision = current(url)
    if revision is None:
        raise BackupError(f"{_shown(url)}: the database has no schema (run `assessor db upgrade`)")
    counts: dict[str, int] = {}
    engine = make_engine(url)
    try:
        with engine.connect() as connection, gzip.open(path, "wt", encoding="utf-8") as out:
            out.write(
                json.dumps({"format": FORMAT, "version": VERSION, "revision": revision}) + "\n"
            )
            for table in Base.metadata.sorted_tables:
                counts[table.name] = 0
                for row in connection.execute(select(table).order_by(*table.primary_key.columns)):
                    record = {c.name: _dump(c.type, row._mapping[c.name]) for c in table.columns}
                    out.write(json.dumps({"table": table.name, "row": record}) + "\n")
                    counts[table.name] += 1
    finally:
        engine.dispose()
    return counts


def restore(url: str, path: Path) -> dict[str, int]:
    """Load a backup into the empty database at `url`; rows per table. BackupError if it is not
    empty or the file is not a backup."""
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        header = _header(stream, path)
        upgrade(url, header["revision"])
        engine = make_engine(url)
        try:
            with engine.begin() as connection:
                _refuse_if_not_empty(connection, url)
                counts = _load(connection, stream, path)
                if connection.dialect.name == "postgresql":
                    _advance_sequences(connection)
        finally:
            engine.dispose()
    return counts


def _header(stream: Any, path: Path) -> dict[str, Any]:
    try:
        header = json.loads(stream.readline())
    except (OSError, ValueError, EOFError) as exc:
        raise BackupError(f"{path}: not a backup file ({exc})") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError(f"{path}: not a backup file")
    if header.get("version") != VERSION or not isinstance(header.get("revision"), str):
        raise BackupError(f"{path}: a backup of an unknown version")
    return header


def _refuse_if_not_empty(connection: Connection, url: str) -> None:
    for table in Base.metadata.sorted_tables:
        if connection.execute(select(func.count()).select_from(table)).scalar_one():
            raise BackupError(
                f"{_shown(url)}: table {table.name} holds rows; restore into an empty database"
            )


def _load(connection: Connection, stream: Iterator[str], path: Path) -> dict[str, int]:
    tables = {table.name: table for table in Base.metadata.sorted_tables}
    counts = dict.fromkeys(tables, 0)
    for number, line in enumerate(stream, start=2):
        try:
            entry = json.loads(line)
            table = tables[entry["table"]]
            row = {c.name: _load_value(c.type, entry["row"].get(c.name)) for c in table.columns}
        except (ValueError, KeyError, TypeError) as exc:
            raise BackupError(f"{path}: line {number} is not a row of a known table") from exc
        connection.execute(insert(table), [row])
        counts[table.name] += 1
    return counts


def _advance_sequences(connection: Connection) -> None:
    """Move each serial id's sequence past the highest restored id (PostgreSQL)."""
    for table in Base.metadata.sorted_tables:
        for column in table.primary_key.columns:
            if column.autoincrement is True or (
                column.autoincrement == "auto" and column.type.python_type is int
            ):
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                        f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"
                    )
                )


def _kind(column_type: TypeEngine[Any]) -> TypeEngine[Any]:
    return column_type.impl if isinstance(column_type, TypeDecorator) else column_type  # type: ignore[return-value]


def _dump(column_type: TypeEngine[Any], value: Any) -> Any:
    """A column value as JSON: bytes as base64, times and dates as ISO text."""
    if value is None:
        return None
    if isinstance(_kind(column_type), LargeBinary):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if hasattr(value, "value") and not isinstance(value, int | float | str):
        return value.value  # an enum member: its stored text
    return value


def _load_value(column_type: TypeEngine[Any], value: Any) -> Any:
    """A JSON value back as the column's Python value."""
    if value is None:
        return None
    kind = _kind(column_type)
    if isinstance(kind, LargeBinary):
        return base64.b64decode(value)
    if isinstance(kind, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return dt.date.fromisoformat(value)
    enum_class = getattr(column_type, "enum_class", None)
    if enum_class is not None:
        return enum_class(value)
    return value


def _shown(url: str) -> str:
    """A database URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)
