"""Saved import mappings: a firm names a column-to-question mapping once and imports with it
again (`mapping_id` in an import) for every export of the same form."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import StringConstraints

from assessor.domain.errors import InputError
from assessor.services import import_mappings as service
from assessor.web.api import ApiError, body_of, bp, consultant, models
from assessor.web.api.imports import ImportMapping, problems_of
from assessor.web.api.spec import operation
from assessor.web.runtime import unit_of_work, workspace


class NewMapping(models.Request):
    """A mapping to keep under a name (unique in the firm)."""

    name: Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"\S")]
    mapping: ImportMapping


class SavedMapping(models.Reply):
    """A saved mapping: its id for imports, its name, questionnaire and the mapping itself."""

    id: int
    name: str
    questionnaire: str
    mapping: dict[str, Any]
    saved_at: dt.datetime


class SavedMappings(models.Reply):
    """The firm's saved mappings, by name."""

    mappings: list[SavedMapping]


def _body(found: service.ImportMappingRecord) -> dict[str, Any]:
    return SavedMapping(
        id=found.id,
        name=found.name,
        questionnaire=found.questionnaire_id,
        mapping=dict(found.mapping),
        saved_at=found.saved_at,
    ).model_dump(mode="json")


@operation(
    bp,
    "GET",
    "/mappings",
    "The firm's saved import mappings",
    replies={200: ("The mappings", SavedMappings)},
)
def list_mappings() -> tuple[dict[str, Any], int]:
    """Every mapping the firm saved, by name."""
    with unit_of_work() as session:
        found = service.saved_mappings(session, consultant())
    return {"mappings": [_body(m) for m in found]}, 200


@operation(
    bp,
    "POST",
    "/mappings",
    "Save an import mapping under a name, for imports by `mapping_id`",
    body=NewMapping,
    replies={
        201: ("The saved mapping", SavedMapping),
        409: ("The firm has a mapping of that name", models.Error),
        422: ("The mapping names an unknown questionnaire or question", models.Error),
    },
)
def create_mapping() -> tuple[dict[str, Any], int]:
    """Checked against the content first: unknown questionnaire or question ids are 422."""
    given = body_of(NewMapping)
    mapping = given.mapping.model_dump(exclude_none=True)
    try:
        with unit_of_work() as session:
            made = service.save_mapping(session, workspace(), consultant(), given.name, mapping)
    except InputError as exc:
        raise ApiError(422, "the mapping was not saved", problems=problems_of(exc)) from None
    if made is None:
        raise ApiError(409, f"the firm already has a mapping named '{given.name}'")
    return _body(made), 201


@operation(
    bp,
    "GET",
    "/mappings/{mapping_id}",
    "One saved import mapping",
    replies={200: ("The mapping", SavedMapping)},
)
def get_mapping(mapping_id: int) -> tuple[dict[str, Any], int]:
    """The firm's mapping; another firm's is not found."""
    with unit_of_work() as session:
        found = service.mapping_of(session, consultant(), mapping_id)
    if found is None:
        raise ApiError(404, "no such mapping")
    return _body(found), 200


@operation(
    bp,
    "DELETE",
    "/mappings/{mapping_id}",
    "Delete a saved import mapping (answers imported with it stay)",
    replies={204: ("Deleted", None)},
)
def delete_mapping(mapping_id: int) -> tuple[str, int]:
    """The firm's mapping is forgotten; another firm's is not found."""
    with unit_of_work() as session:
        done = service.forget_mapping(session, consultant(), mapping_id)
    if not done:
        raise ApiError(404, "no such mapping")
    return "", 204
