"""Sheets of rows written as an XLSX workbook formatted for reading, text never run as formulas."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

WIDEST = 60
"""No column is wider than this many characters; longer text wraps."""
HEADER_FILL = PatternFill("solid", fgColor="1F3A5F")


@dataclass(frozen=True)
class Sheet:
    """A titled table: a header row and data rows; `wide` columns wrap, `numbers` align right."""

    title: str
    rows: list[list[Any]]
    wide: Sequence[int] = ()
    numbers: Sequence[int] = ()


def workbook(sheets: Sequence[Sheet]) -> bytes:
    """The sheets as XLSX bytes: bold frozen header, fitted widths, wrapped long text."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for sheet in sheets:
        page = book.create_sheet(sheet.title)
        for row in sheet.rows:
            page.append([_cell(value) for value in row])
        _format(page, sheet)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def _cell(value: Any) -> Any:
    """Numbers stay numbers; everything else is text (see `_format` for formulas)."""
    if isinstance(value, bool) or value is None:
        return "" if value is None else ("yes" if value else "no")
    return value if isinstance(value, int | float) else str(value)


def _format(page: Any, sheet: Sheet) -> None:
    for cell in page[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
    page.freeze_panes = "A2"
    for row in page.iter_rows(min_row=1):
        for cell in row:
            if cell.data_type == "f":  # text starting with "=": keep it text, never a formula
                cell.data_type = "s"
            if cell.column - 1 in sheet.wide:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif cell.column - 1 in sheet.numbers:
                cell.alignment = Alignment(horizontal="right", vertical="top")
            else:
                cell.alignment = Alignment(vertical="top")
    for index in range(1, page.max_column + 1):
        longest = max(
            (
                len(line)
                for cell in page[get_column_letter(index)]
                for line in str(cell.value or "").split("\n")
            ),
            default=8,
        )
        page.column_dimensions[get_column_letter(index)].width = min(max(longest + 2, 8), WIDEST)
