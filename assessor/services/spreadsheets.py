"""Read a CSV or XLSX table with limits: size, rows, and a header row naming the columns."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from assessor.domain.errors import InputError
from assessor.domain.yamlsrc import MAX_FILE_BYTES

SUFFIXES = (".csv", ".xlsx")
MAX_TABLE_ROWS = 10_000
"""A table of more rows than this is refused."""


def read_table(
    path: Path, max_rows: int = MAX_TABLE_ROWS
) -> tuple[list[str], list[dict[str, str]]]:
    """The header (stripped) and the non-empty rows as dicts by header, of a CSV or XLSX file."""
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(f"{path}: a table is read from .csv or .xlsx")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(f"{path}: file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes")
    try:
        grid = _xlsx_grid(path, max_rows) if path.suffix.lower() == ".xlsx" else _csv_grid(path)
    except (
        OSError,
        UnicodeDecodeError,
        ValueError,
        KeyError,
        csv.Error,
        zipfile.BadZipFile,
    ) as exc:
        raise InputError(f"{path}: cannot read the table: {exc}") from exc
    if not grid:
        raise InputError(f"{path}: the file is empty")
    if len(grid) - 1 > max_rows:
        raise InputError(f"{path}: more than {max_rows} rows")
    header = [cell.strip() for cell in grid[0]]
    rows = [dict(zip(header, row, strict=False)) for row in grid[1:] if any(c.strip() for c in row)]
    return header, rows


def _csv_grid(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8-sig")
    return [list(row) for row in csv.reader(io.StringIO(text))]


def _xlsx_grid(path: Path, max_rows: int) -> list[list[str]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return [
            ["" if cell is None else str(cell) for cell in row]
            for row in sheet.iter_rows(max_row=max_rows + 2, values_only=True)
        ]
    finally:
        book.close()
