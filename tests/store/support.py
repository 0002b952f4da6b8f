"""What the store tests share: a firm with a client and an assessment."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from assessor.store.engine import session_scope
from assessor.store.records import AssessmentRecord, ClientRecord, FirmRecord
from assessor.store.repositories import AssessmentRepository, ClientRepository, FirmRepository


@dataclass(frozen=True)
class FirmData:
    """A firm with one client and one assessment of it."""

    firm: FirmRecord
    client: ClientRecord
    assessment: AssessmentRecord


def add_firm(sessions: sessionmaker[Session], name: str) -> FirmData:
    """Add a firm, one client and one draft assessment of it."""
    with session_scope(sessions) as session:
        firm = FirmRepository(session).create(name)
        client = ClientRepository(session).create(firm.id, f"{name} client", sector="retail")
        assessment = AssessmentRepository(session).create(
            firm.id,
            client.id,
            questionnaire_id="executive-self-assessment",
            title=f"{name} readiness",
            assessed_on=dt.date(2026, 5, 4),
            content_fingerprint="c" * 64,
            targets={"gartner-8/strategy": 70},
        )
        assert assessment is not None
        return FirmData(firm, client, assessment)
