"""Start an action library from a spreadsheet: an empty template, and rows turned into YAML.

One row an action; the columns are documented in docs/own-framework.md and written as the
template's header row (`assessor template action-library`). Lists inside a cell are separated
by `;` (`prerequisites`, `raises`, `kpis`, `deliverables`); `*_ru` columns hold the Russian
version of the text beside them; `scales` and `side_work` are yes or no; `step` is `pilot` or
`rollout`; `cadence` is the number of weeks after which recurring work repeats. `done_when` (a
condition over the answers) is written in the YAML afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from assessor.domain.errors import AnswerProblem, InputError
from assessor.domain.schema import ActionLibrary
from assessor.services.authoring import (
    cell_items,
    flag_cell,
    number_cell,
    schema_problems,
    translated_cells,
)

ACTION_COLUMNS = (
    "id",
    "title",
    "title_ru",
    "description",
    "description_ru",
    "phase",
    "effort",
    "impact",
    "duration_weeks",
    "prerequisites",
    "raises",
    "kpis",
    "deliverables",
    "deliverables_ru",
    "step",
    "side_work",
    "scales",
    "scales_by",
    "cadence",
    "source",
)
"""The action template's columns, in order."""
ACTION_EXAMPLE = {
    "id": "sponsor-briefings",
    "title": "The sponsor briefs every team",
    "title_ru": "Спонсор проводит встречи со всеми командами",
    "description": "The executive sponsor explains in person why the change is needed.",
    "phase": "prepare",
    "effort": "low",
    "impact": "high",
    "duration_weeks": "2",
    "raises": "my-framework/leadership",
    "deliverables": "A short case for change; A schedule of briefings",
    "side_work": "no",
    "source": "Author (year), title",
}
"""The template's second row: one action filled in, to show the shape of each cell."""
TRANSLATED = ("title", "description")
LISTS = ("prerequisites", "raises", "kpis")


def library_from_rows(
    rows: Sequence[dict[str, str]], library_id: str, title: str, file: str
) -> dict[str, Any]:
    """A validated action-library document from spreadsheet rows; InputError naming row and
    column of every bad cell."""
    problems: list[AnswerProblem] = []
    actions = [_action(row, number, file, problems) for number, row in enumerate(rows, start=2)]
    document = {"kind": "action-library", "id": library_id, "title": title, "actions": actions}
    if not problems:
        try:
            ActionLibrary.model_validate(document)
        except ValidationError as exc:
            problems.extend(schema_problems(exc, file, "actions"))
    if problems:
        raise InputError(problems)
    return document


def _action(
    row: dict[str, str], number: int, file: str, problems: list[AnswerProblem]
) -> dict[str, Any]:
    cell = {k: (v or "").strip() for k, v in row.items()}

    def bad(column: str, message: str) -> None:
        problems.append(
            AnswerProblem(f"column '{column}': {message}", "invalid", file=file, line=number)
        )

    action: dict[str, Any] = {"id": cell.get("id", ""), **translated_cells(cell, TRANSLATED)}
    for name in ("phase", "effort", "impact"):
        action[name] = cell.get(name, "")
    action["duration_weeks"] = number_cell(cell.get("duration_weeks", ""), "duration_weeks", bad)
    for name in LISTS:
        if cell.get(name):
            action[name] = list(cell_items(cell[name]))
    if cell.get("deliverables"):
        action["deliverables"] = _deliverables(
            cell["deliverables"], cell.get("deliverables_ru"), bad
        )
    action["source"] = cell.get("source", "")
    if cell.get("step"):
        action["step"] = cell["step"]
    for name in ("side_work", "scales"):
        if cell.get(name):
            flag = flag_cell(cell[name], name, bad)
            if flag:
                action[name] = flag
    if cell.get("scales_by"):
        action["scales_by"] = cell["scales_by"]
    if cell.get("cadence"):
        action["recurring"] = {"every_weeks": number_cell(cell["cadence"], "cadence", bad)}
    return action


def _deliverables(english: str, russian: str | None, bad: Any) -> list[Any]:
    """Deliverables, each with its Russian version from the `_ru` cell (as many, same order)."""
    found = list(cell_items(english))
    translated = list(cell_items(russian or ""))
    if not translated:
        return found
    if len(translated) != len(found):
        bad("deliverables_ru", f"lists {len(translated)} item(s), deliverables {len(found)}")
        return found
    return [{"en": en, "ru": ru} for en, ru in zip(found, translated, strict=True)]
