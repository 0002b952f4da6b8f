"""A firm's saved import mappings; every query is scoped to the firm."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from assessor.store.base import utcnow
from assessor.store.models import ImportMapping
from assessor.store.records import ImportMappingRecord
from assessor.store.upsert import insert_if_new


class ImportMappingRepository:
    """Named column-to-question mappings, visible to their firm only."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def create(
        self, firm_id: int, name: str, mapping: dict[str, Any], saved_by: int | None
    ) -> ImportMappingRecord | None:
        """Save a mapping under a name; None when the firm already has one of that name."""
        values = {
            "firm_id": firm_id,
            "name": name,
            "questionnaire_id": str(mapping["questionnaire"]),
            "mapping": mapping,
            "saved_by": saved_by,
            "saved_at": utcnow(),
        }
        made = insert_if_new(self.session, ImportMapping, values, ["firm_id", "name"])
        return None if made is None else self.get(firm_id, made)

    def get(self, firm_id: int, mapping_id: int) -> ImportMappingRecord | None:
        """The firm's mapping with this id; None if there is none or it is another firm's."""
        row = self.session.scalars(
            select(ImportMapping).where(
                ImportMapping.id == mapping_id, ImportMapping.firm_id == firm_id
            )
        ).one_or_none()
        return mapping_record(row) if row else None

    def list_for_firm(self, firm_id: int) -> list[ImportMappingRecord]:
        """The firm's mappings by name."""
        rows = self.session.scalars(
            select(ImportMapping)
            .where(ImportMapping.firm_id == firm_id)
            .order_by(ImportMapping.name, ImportMapping.id)
        )
        return [mapping_record(r) for r in rows]

    def delete(self, firm_id: int, mapping_id: int) -> bool:
        """Forget the firm's mapping; False if there was none (or it is another firm's)."""
        done = self.session.execute(
            delete(ImportMapping).where(
                ImportMapping.id == mapping_id, ImportMapping.firm_id == firm_id
            )
        )
        return bool(getattr(done, "rowcount", 0))


def mapping_record(row: ImportMapping) -> ImportMappingRecord:
    """A mapping row as a record."""
    return ImportMappingRecord(
        id=row.id,
        firm_id=row.firm_id,
        name=row.name,
        questionnaire_id=row.questionnaire_id,
        mapping=dict(row.mapping),
        saved_by=row.saved_by,
        saved_at=row.saved_at,
    )
