"""Column-to-question mappings a firm saves under a name and reuses for every export of a form."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from assessor.services.accounts import UserRecord
from assessor.services.answer_import import check_mapping
from assessor.services.workspace import Workspace
from assessor.store.records import ImportMappingRecord
from assessor.store.repositories import ImportMappingRepository

__all__ = [
    "ImportMappingRecord",
    "forget_mapping",
    "mapping_of",
    "save_mapping",
    "saved_mappings",
]


def saved_mappings(session: Session, user: UserRecord) -> list[ImportMappingRecord]:
    """The consultant's firm's saved mappings, by name."""
    return ImportMappingRepository(session).list_for_firm(user.firm_id)


def save_mapping(
    session: Session, ws: Workspace, user: UserRecord, name: str, mapping: Mapping[str, Any]
) -> ImportMappingRecord | None:
    """Save a checked mapping for the firm; None when the name is taken; InputError when bad."""
    check_mapping(ws, mapping, name)
    return ImportMappingRepository(session).create(user.firm_id, name, dict(mapping), user.id)


def mapping_of(session: Session, user: UserRecord, mapping_id: int) -> ImportMappingRecord | None:
    """The firm's saved mapping; None when there is none or it is another firm's."""
    return ImportMappingRepository(session).get(user.firm_id, mapping_id)


def forget_mapping(session: Session, user: UserRecord, mapping_id: int) -> bool:
    """Delete the firm's saved mapping; False when there is none or it is another firm's."""
    return ImportMappingRepository(session).delete(user.firm_id, mapping_id)
