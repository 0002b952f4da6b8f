"""Saved import mappings: a name once per firm (atomically, on SQLite and PostgreSQL), and a
firm reaches only its own."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from assessor.store.engine import session_scope
from assessor.store.repositories import ImportMappingRepository
from tests.store.support import FirmData

MAPPING = {
    "questionnaire": "executive-self-assessment",
    "role": {"value": "executive"},
    "columns": {"Company size": "company-size"},
    "values": {"company-size": {"Mittel": "medium"}},
}


def test_a_name_is_kept_once_per_firm_and_each_firm_sees_its_own(
    sessions: sessionmaker[Session], acme: FirmData, rival: FirmData
) -> None:
    with session_scope(sessions) as session:
        mappings = ImportMappingRepository(session)
        spring = mappings.create(acme.firm.id, "Spring form", MAPPING, None)
        assert spring is not None and spring.questionnaire_id == "executive-self-assessment"
        assert (
            mappings.create(acme.firm.id, "Spring form", {**MAPPING, "columns": {}}, None) is None
        )
        autumn = mappings.create(acme.firm.id, "Autumn form", MAPPING, None)
        theirs = mappings.create(rival.firm.id, "Spring form", MAPPING, None)
        assert autumn is not None and theirs is not None
    with session_scope(sessions) as session:
        mappings = ImportMappingRepository(session)
        assert [m.name for m in mappings.list_for_firm(acme.firm.id)] == [
            "Autumn form",
            "Spring form",
        ]
        kept = mappings.get(acme.firm.id, spring.id)
        assert kept is not None and kept.mapping == MAPPING, "the first one saved is kept whole"
        assert mappings.get(rival.firm.id, spring.id) is None
        assert not mappings.delete(rival.firm.id, spring.id)
        assert mappings.delete(acme.firm.id, spring.id)
        assert mappings.get(acme.firm.id, spring.id) is None
        assert [m.name for m in mappings.list_for_firm(rival.firm.id)] == ["Spring form"]
