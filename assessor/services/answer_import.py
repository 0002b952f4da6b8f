"""Answers from a spreadsheet (an online form's export), through a column-to-question mapping.

The mapping is a small YAML file the consultant keeps and reuses for every export of the same
form (`guess_mapping` writes a first one from the headers):

```yaml
questionnaire: executive-self-assessment
name: Your name            # the column of the respondent's name (leave out: anonymous)
role: Your role            # the column of the role ...
roles: {Chief executive: executive, Head of sales: manager}   # ... and its values
# or a role for everyone:  role: {value: executive}
columns:                   # column header -> question id
  Is a named executive the sponsor?: executive-sponsor-named
values:                    # optional, per question: what the form wrote -> the option value
  executive-sponsor-named: {"Yes, named": "yes", "No": "no"}
```

Every bad row or value is reported with its row and column, and nothing is imported from a
file with any error.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assessor.domain.answers import AnswerInvalid, parse_answer
from assessor.domain.errors import AnswerProblem, InputError
from assessor.domain.responses import AnswerValue, Respondent, Response
from assessor.domain.text import tr
from assessor.services.workspace import Workspace

MAPPING_KEYS = ("questionnaire", "name", "role", "roles", "columns", "values")
GUESS_CUTOFF = 0.6
"""How alike a header and a question's text must be for `guess_mapping` to pair them."""


def everyone_role(ws: Workspace) -> str:
    """The role a first mapping gives everyone when no column names one: `staff` where the
    content defines it (the default roles), else its first role that the perception gap does
    not single out, else its first role."""
    roles = ws.content.role_ids
    if "staff" in roles:
        return "staff"
    ordinary = [r for r in roles if r not in ws.content.perception_roles]
    return (ordinary or list(roles))[0]


def guess_mapping(ws: Workspace, questionnaire_id: str, headers: Sequence[str]) -> dict[str, Any]:
    """A first mapping: each header paired with the question whose id or text it is most like."""
    ws.questionnaire(questionnaire_id)
    questions = ws.content.questionnaire_questions(questionnaire_id)
    by_text = {tr(q.text).lower(): q.id for q in questions} | {q.id: q.id for q in questions}
    columns: dict[str, str] = {}
    unmapped: list[str] = []
    name = role = None
    for header in headers:
        lowered = header.strip().lower()
        if name is None and "name" in lowered:
            name = header
            continue
        if role is None and "role" in lowered:
            role = header
            continue
        close = difflib.get_close_matches(lowered, list(by_text), n=1, cutoff=GUESS_CUTOFF)
        if close:
            columns[header] = by_text[close[0]]
        else:
            unmapped.append(header)
    mapping: dict[str, Any] = {"questionnaire": questionnaire_id}
    if name:
        mapping["name"] = name
    mapping["role"] = role or {"value": everyone_role(ws)}
    mapping["roles"] = {}
    mapping["columns"] = columns
    mapping["values"] = {}
    if unmapped:
        mapping["unmapped"] = unmapped
    return mapping


def check_mapping(ws: Workspace, mapping: Mapping[str, Any], file: str) -> str:
    """The mapping's questionnaire; InputError when it or any mapped question is unknown."""
    questionnaire_id = _questionnaire(ws, mapping, file)
    asked = {q.id: q for q in ws.content.questionnaire_questions(questionnaire_id)}
    _columns(mapping, asked, [], file)
    return questionnaire_id


def responses_from_rows(
    ws: Workspace, mapping: Mapping[str, Any], rows: Sequence[Mapping[str, str]], file: str
) -> tuple[str, list[Response]]:
    """One response per row; InputError listing every bad row and value, by row and column."""
    questionnaire_id = _questionnaire(ws, mapping, file)
    asked = {q.id: q for q in ws.content.questionnaire_questions(questionnaire_id)}
    columns = _columns(mapping, asked, rows, file)
    problems: list[AnswerProblem] = []
    roles = ws.content.role_ids
    responses = [
        _row_response(mapping, row, columns, asked, _Place(file, number, problems, roles))
        for number, row in enumerate(rows, start=2)
    ]
    if problems:
        raise InputError(problems)
    return questionnaire_id, responses


@dataclass(frozen=True)
class _Place:
    """A row of the file, where its problems are recorded."""

    file: str
    row: int
    problems: list[AnswerProblem]
    roles: Sequence[str]

    def bad(self, column: str, message: str, value: Any = None) -> None:
        """Record a problem in a column of this row."""
        self.problems.append(
            AnswerProblem(
                f"column '{column}': {message}", file=self.file, line=self.row, value=value
            )
        )


def _row_response(
    mapping: Mapping[str, Any],
    row: Mapping[str, str],
    columns: Mapping[str, str],
    asked: Mapping[str, Any],
    place: _Place,
) -> Response:
    role = _role(mapping, row, place)
    answers: dict[str, AnswerValue] = {}
    for header, qid in columns.items():
        raw = (row.get(header) or "").strip()
        raw = str(mapping.get("values", {}).get(qid, {}).get(raw, raw))
        question = asked[qid]
        try:
            value = parse_answer(question, _split(raw) if question.type == "multiple" else raw)
        except AnswerInvalid as exc:
            place.bad(header, exc.message, raw)
            continue
        if value is not None:
            answers[qid] = value
    name = (row.get(mapping["name"]) or "").strip() if mapping.get("name") else ""
    source = f"{place.file}:{place.row}"
    return Response(Respondent(id=source, name=name, role=role, source=source), answers)


def _questionnaire(ws: Workspace, mapping: Mapping[str, Any], file: str) -> str:
    unknown = [key for key in mapping if key not in (*MAPPING_KEYS, "unmapped")]
    if unknown:
        raise InputError(f"{file}: the mapping has unknown key(s): {', '.join(unknown)}")
    questionnaire_id = mapping.get("questionnaire")
    if not isinstance(questionnaire_id, str):
        raise InputError(f"{file}: the mapping names no questionnaire")
    ws.questionnaire(questionnaire_id)
    return questionnaire_id


def _columns(
    mapping: Mapping[str, Any],
    asked: Mapping[str, Any],
    rows: Sequence[Mapping[str, str]],
    file: str,
) -> dict[str, str]:
    columns = mapping.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise InputError(f"{file}: the mapping maps no column to a question")
    problems = [
        f"the mapping maps column '{header}' to unknown question '{qid}'"
        for header, qid in columns.items()
        if qid not in asked
    ]
    headers = set(rows[0]) if rows else set()
    problems += [
        f"no column '{header}' in the file" for header in columns if rows and header not in headers
    ]
    if problems:
        raise InputError([AnswerProblem(p, file=file, line=1) for p in problems])
    return {str(h): str(q) for h, q in columns.items()}


def _role(mapping: Mapping[str, Any], row: Mapping[str, str], place: _Place) -> str:
    spec = mapping.get("role")
    if isinstance(spec, dict):
        role = str(spec.get("value", ""))
        column = "role"
    else:
        column = str(spec or "role")
        given = (row.get(column) or "").strip()
        role = str(mapping.get("roles", {}).get(given, given)).lower()
    if role not in place.roles:
        message = f"role '{role}' is not one of: {', '.join(place.roles)} (map it under roles:)"
        place.bad(column, message, role)
    return role


def _split(raw: str) -> list[str]:
    """A multiple-choice cell: values separated by ; or , as forms export them."""
    separator = ";" if ";" in raw else ","
    return [part.strip() for part in raw.split(separator) if part.strip()]
