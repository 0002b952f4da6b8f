"""Answers imported into an assessment: a JSON export document, or a CSV/XLSX table with a mapping."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any, Literal

from flask import request
from pydantic import Field, StringConstraints

from assessor.domain.errors import InputError
from assessor.domain.responses import Response
from assessor.services.answers_in import (
    document_responses,
    store_responses,
    table_responses,
)
from assessor.services.import_mappings import mapping_of
from assessor.web.api import ApiError, body_of, bp, consultant, models
from assessor.web.api.spec import operation
from assessor.web.converters import MAX_ID
from assessor.web.runtime import unit_of_work, workspace

Header = Annotated[str, StringConstraints(min_length=1, max_length=500)]
Cell = Annotated[str, StringConstraints(max_length=2000)]
MAX_IMPORT_BODY = 4 * 1024 * 1024
"""An import's body may be larger than other requests' (an export document, a base64 table)."""
MAX_PROBLEMS = 200
"""The most problems one answer lists (the count says how many there were)."""


class FixedRole(models.Request):
    """One role for every row."""

    value: models.Id


class ImportMapping(models.Request):
    """Which column holds the name and role, and which question each other column answers."""

    questionnaire: models.Id
    name: Header | None = None
    role: Header | FixedRole | None = None
    roles: Annotated[dict[Cell, models.Id], Field(max_length=100)] = Field(default_factory=dict)
    columns: Annotated[dict[Header, models.Id], Field(min_length=1, max_length=500)]
    values: Annotated[
        dict[models.Id, Annotated[dict[Cell, Cell], Field(max_length=100)]], Field(max_length=500)
    ] = Field(default_factory=dict)


class AnswersImport(models.Request):
    """An export document (`format: export`), or a CSV/XLSX file in base64 with its mapping:
    given in full (`mapping`) or saved before (`mapping_id`, from `POST /mappings`)."""

    format: Literal["export", "csv", "xlsx"]
    document: dict[str, Any] | None = None
    data: Annotated[str, StringConstraints(max_length=3_000_000)] | None = None
    mapping: ImportMapping | None = None
    mapping_id: Annotated[int, Field(ge=1, le=MAX_ID)] | None = None


class Imported(models.Reply):
    """The respondents made from the import, each submitted."""

    respondents: list[int]


def _responses(given: AnswersImport) -> tuple[str, list[Response]]:
    ws = workspace()
    if given.format == "export":
        if given.document is None:
            raise ApiError(422, "send the export as document")
        return document_responses(ws, given.document, "document")
    if given.data is None or (given.mapping is None) == (given.mapping_id is None):
        raise ApiError(422, "send the file as data (base64) with mapping or mapping_id (one)")
    try:
        raw = base64.b64decode(given.data, validate=True)
    except (binascii.Error, ValueError):
        raise ApiError(422, "data is not base64") from None
    mapping = _mapping(given)
    return table_responses(ws, mapping, raw, f".{given.format}", f"upload.{given.format}")


def _mapping(given: AnswersImport) -> dict[str, Any]:
    """The mapping sent, or the firm's saved one; 404 for a saved one the firm does not have."""
    if given.mapping is not None:
        return given.mapping.model_dump(exclude_none=True)
    assert given.mapping_id is not None
    with unit_of_work() as session:
        saved = mapping_of(session, consultant(), given.mapping_id)
    if saved is None:
        raise ApiError(404, "no such mapping")
    return dict(saved.mapping)


def problems_of(error: InputError) -> list[models.Problem]:
    """An InputError's problems as the API lists them (the first MAX_PROBLEMS)."""
    return [
        models.Problem(question=p.question, kind=p.kind or "invalid", message=str(p))
        for p in error.problems[:MAX_PROBLEMS]
    ]


@operation(
    bp,
    "POST",
    "/assessments/{assessment_id}/answers/import",
    "Import answers: each row (or exported respondent) becomes a submitted respondent",
    body=AnswersImport,
    replies={201: ("The respondents made", Imported)},
)
def import_answers(assessment_id: int) -> tuple[dict[str, Any], int]:
    """Nothing is imported from a file with any error; 422 lists each with its row and column."""
    request.max_content_length = MAX_IMPORT_BODY
    given = body_of(AnswersImport)
    try:
        questionnaire_id, responses = _responses(given)
        with unit_of_work() as session:
            made = store_responses(
                session, consultant(), assessment_id, questionnaire_id, responses
            )
    except InputError as exc:
        detail = f"nothing was imported: {len(exc.problems)} problem(s)"
        raise ApiError(422, detail, problems=problems_of(exc)) from None
    if made is None:
        raise ApiError(404, "no such assessment")
    return Imported(respondents=made).model_dump(mode="json"), 201
