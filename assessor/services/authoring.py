"""Start a question bank from a spreadsheet: an empty template, and rows turned into YAML.

One row a question. The columns are documented in docs/own-framework.md and written as the
template's header row (`assessor template`); lists inside a cell are separated by `;`:

- `options`: `value = label = score; ...` (or leave it empty and name an answer set in `answers`)
- `maps_to`: `framework/dimension * weight; ...` (the weight may be left out: 1)
- `audience`: `executive; workshop`
- `condition`: `question = value` or `question = value | value`
- `not_applicable`, `dont_know`: `yes` when respondents may answer "n/a" or "don't know"
- `*_ru` columns hold the Russian version of the text beside them.

Every bad cell is reported with its row and column, and nothing is written while any is bad.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from assessor.domain.errors import AnswerProblem, InputError
from assessor.domain.schema import QuestionBank
from assessor.services.spreadsheets import read_table

COLUMNS = (
    "id",
    "text",
    "text_ru",
    "help",
    "help_ru",
    "type",
    "options",
    "answers",
    "not_applicable",
    "dont_know",
    "weight",
    "audience",
    "maps_to",
    "condition",
    "evidence",
    "evidence_ru",
    "min",
    "max",
    "source",
)
"""The template's columns, in order."""
TRANSLATED = ("text", "help", "evidence")
MAX_ROWS = 2000
"""A question bank of more rows than this is refused (a spreadsheet, not a database)."""
EXAMPLE = {
    "id": "sponsor-named",
    "text": "Is a named executive the sponsor of the programme?",
    "text_ru": "Назначен ли спонсор программы из высшего руководства?",
    "type": "single",
    "options": "yes = Yes = 1; no = No = 0",
    "weight": "2",
    "audience": "executive; workshop",
    "maps_to": "my-framework/leadership * 2",
    "source": "Author (year), title",
}
"""The template's second row: one question filled in, to show the shape of each cell."""


def bank_template(suffix: str) -> bytes:
    """An empty question-bank template: the header row and one example row (CSV or XLSX)."""
    return sheet_template(COLUMNS, EXAMPLE, suffix, "questions")


def sheet_template(
    columns: Sequence[str], example: dict[str, str], suffix: str, title: str
) -> bytes:
    """A spreadsheet template: the header row and one example row, as CSV or XLSX."""
    rows = [list(columns), [example.get(column, "") for column in columns]]
    if suffix == ".csv":
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        return out.getvalue().encode("utf-8")
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def read_rows(path: Path, columns: Sequence[str] = COLUMNS) -> list[dict[str, str]]:
    """The rows of an authoring spreadsheet by column; InputError for an unknown column."""
    header, rows = read_table(path, MAX_ROWS)
    unknown = [name for name in header if name and name not in columns]
    if unknown:
        raise InputError(
            f"{path}:1: unknown column(s) {', '.join(unknown)}; expected: {', '.join(columns)}"
        )
    return [{k.lower(): v for k, v in row.items()} for row in rows]


def bank_from_rows(
    rows: Sequence[dict[str, str]], bank_id: str, title: str, file: str
) -> dict[str, Any]:
    """A validated question-bank document from spreadsheet rows; InputError naming row and column."""
    problems: list[AnswerProblem] = []
    questions = []
    for number, row in enumerate(rows, start=2):
        question = _question(row, number, file, problems)
        if question:
            questions.append(question)
    document = {"kind": "question-bank", "id": bank_id, "title": title, "questions": questions}
    if not problems:
        try:
            QuestionBank.model_validate(document)
        except ValidationError as exc:
            problems.extend(schema_problems(exc, file))
    if problems:
        raise InputError(problems)
    return document


def translated_cells(cell: dict[str, str], names: Sequence[str]) -> dict[str, Any]:
    """Each named text column that is filled, with its `<name>_ru` column as its Russian."""
    texts: dict[str, Any] = {}
    for name in names:
        if cell.get(name):
            russian = cell.get(f"{name}_ru")
            texts[name] = {"en": cell[name], "ru": russian} if russian else cell[name]
    return texts


def _question(
    row: dict[str, str], number: int, file: str, problems: list[AnswerProblem]
) -> dict[str, Any] | None:
    cell = {k: (v or "").strip() for k, v in row.items()}

    def bad(column: str, message: str) -> None:
        problems.append(
            AnswerProblem(f"column '{column}': {message}", "invalid", file=file, line=number)
        )

    question: dict[str, Any] = {"id": cell.get("id", ""), **translated_cells(cell, TRANSLATED)}
    question["type"] = cell.get("type", "")
    if cell.get("options"):
        question["options"] = _options(cell["options"], bad)
    if cell.get("answers"):
        question["answers"] = cell["answers"]
    for name in ("not_applicable", "dont_know"):
        if cell.get(name):
            flag = flag_cell(cell[name], name, bad)
            if flag is not None:
                question[name] = flag
    for name in ("weight", "min", "max"):
        if cell.get(name):
            question[name] = number_cell(cell[name], name, bad)
    question["audience"] = [a.strip() for a in cell.get("audience", "").split(";") if a.strip()]
    if cell.get("maps_to"):
        question["maps_to"] = _mappings(cell["maps_to"], bad)
    if cell.get("condition"):
        question["condition"] = _condition(cell["condition"], bad)
    if cell.get("source"):
        question["source"] = cell["source"]
    return question


YES = ("yes", "true", "1", "y")
NO = ("no", "false", "0", "n")


def flag_cell(text: str, column: str, bad: Any) -> bool | None:
    """A yes/no cell as a bool; None (and a reported problem) when it is neither."""
    if text.lower() in YES:
        return True
    if text.lower() in NO:
        return False
    bad(column, f"'{text}' is not yes or no")
    return None


def _options(text: str, bad: Any) -> list[dict[str, Any]]:
    options = []
    for item in cell_items(text):
        parts = [p.strip() for p in item.split("=")]
        if len(parts) != 3:
            bad("options", f"'{item}' is not 'value = label = score'")
            continue
        options.append(
            {"value": parts[0], "label": parts[1], "score": number_cell(parts[2], "options", bad)}
        )
    return options


def _mappings(text: str, bad: Any) -> list[dict[str, Any]]:
    found = []
    for item in cell_items(text):
        ref, _, weight = (p.strip() for p in item.partition("*"))
        found.append(
            {"dimension": ref, "weight": number_cell(weight, "maps_to", bad) if weight else 1}
        )
    return found


def _condition(text: str, bad: Any) -> dict[str, Any]:
    question, _, values = (p.strip() for p in text.partition("="))
    accepted = [v.strip() for v in values.split("|") if v.strip()]
    if not question or not accepted:
        bad("condition", f"'{text}' is not 'question = value' or 'question = value | value'")
        return {}
    return (
        {"question": question, "in": accepted}
        if len(accepted) > 1
        else {"question": question, "equals": accepted[0]}
    )


def number_cell(text: str, column: str, bad: Any) -> float:
    """A number cell (a decimal comma allowed); 0 (and a reported problem) when it is not one."""
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        bad(column, f"'{text}' is not a number")
        return 0.0
    return int(value) if value.is_integer() else value


def cell_items(text: str) -> Iterable[str]:
    """The `;`-separated items of a cell, trimmed, empty ones left out."""
    return (item.strip() for item in text.split(";") if item.strip())


def schema_problems(exc: ValidationError, file: str, key: str = "questions") -> list[AnswerProblem]:
    """A schema's errors placed at their spreadsheet row (item 0 of `key` is row 2) and column."""
    problems = []
    for error in exc.errors():
        loc = list(error["loc"])
        row = loc[1] + 2 if len(loc) > 1 and loc[0] == key and isinstance(loc[1], int) else None
        column = ".".join(str(part) for part in loc[2:]) or ".".join(str(p) for p in loc)
        message = error["msg"].removeprefix("Value error, ")
        problems.append(
            AnswerProblem(f"column '{column}': {message}", "invalid", file=file, line=row)
        )
    return problems


def bank_yaml(document: dict[str, Any]) -> str:
    """A question-bank document as YAML, in the column order of the template."""
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
