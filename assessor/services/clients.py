"""A firm's clients and their assessments, always scoped to the signed-in consultant's firm."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from assessor.domain.responses import ROLES
from assessor.services.intake import targets_from_mapping
from assessor.services.workspace import Workspace
from assessor.store.models import AssessmentStatus
from assessor.store.records import (
    AssessmentRecord,
    ClientRecord,
    Invitation,
    RespondentRecord,
    UserRecord,
)
from assessor.store.repositories import (
    AnswerRepository,
    AssessmentRepository,
    ClientRepository,
    RespondentRepository,
)

__all__ = [
    "ROLES",
    "AssessmentOverview",
    "AssessmentRecord",
    "AssessmentStatus",
    "ClientRecord",
    "Invitation",
    "RespondentProgress",
    "RespondentRecord",
    "assessment_of",
    "assessment_overview",
    "assessments_of",
    "client_of",
    "clients_of",
    "create_assessment",
    "create_client",
    "invite_respondent",
    "new_link",
]

MAX_LINK_DAYS = 365
"""The longest an invitation link may stay valid."""


@dataclass(frozen=True)
class RespondentProgress:
    """A respondent and how far they got."""

    respondent: RespondentRecord
    answered: int


@dataclass(frozen=True)
class AssessmentOverview:
    """An assessment, its client and its respondents with their progress."""

    assessment: AssessmentRecord
    client: ClientRecord
    respondents: list[RespondentProgress]

    @property
    def submitted(self) -> int:
        """How many respondents have handed in their answers."""
        return sum(1 for r in self.respondents if r.respondent.submitted_at is not None)


def clients_of(session: Session, user: UserRecord) -> list[ClientRecord]:
    """The clients of the consultant's firm, by name."""
    return ClientRepository(session).list_for_firm(user.firm_id)


def client_of(session: Session, user: UserRecord, client_id: int) -> ClientRecord | None:
    """The firm's client with this id; None when there is none or it is another firm's."""
    return ClientRepository(session).get(user.firm_id, client_id)


def create_client(
    session: Session, user: UserRecord, organisation: str, sector: str | None, size: int | None
) -> ClientRecord:
    """A new client of the consultant's firm."""
    return ClientRepository(session).create(
        user.firm_id, organisation.strip(), sector=(sector or "").strip() or None, size=size
    )


def assessments_of(session: Session, user: UserRecord, client_id: int) -> list[AssessmentRecord]:
    """The assessments of the firm's client, newest first."""
    return AssessmentRepository(session).list_for_client(user.firm_id, client_id)


def create_assessment(
    session: Session,
    ws: Workspace,
    user: UserRecord,
    client_id: int,
    *,
    questionnaire_id: str,
    title: str,
    assessed_on: dt.date,
    targets: Mapping[str, float] | None = None,
) -> AssessmentRecord | None:
    """A new assessment of the firm's client (None if not the firm's); InputError on bad input."""
    ws.questionnaire(questionnaire_id)
    checked = targets_from_mapping(ws, targets or {})
    explicit = {ref: value for ref, value in checked.items() if ref in (targets or {})}
    return AssessmentRepository(session).create(
        user.firm_id,
        client_id,
        questionnaire_id=questionnaire_id,
        title=title.strip(),
        assessed_on=assessed_on,
        content_fingerprint=ws.fingerprint,
        targets=explicit,
    )


def assessment_of(
    session: Session, user: UserRecord, assessment_id: int
) -> AssessmentRecord | None:
    """The firm's assessment; None when there is none or it is another firm's."""
    return AssessmentRepository(session).get(user.firm_id, assessment_id)


def assessment_overview(
    session: Session, user: UserRecord, assessment_id: int
) -> AssessmentOverview | None:
    """The firm's assessment with its client and respondents; None if not the firm's."""
    assessment = AssessmentRepository(session).get(user.firm_id, assessment_id)
    if assessment is None:
        return None
    client = ClientRepository(session).get(user.firm_id, assessment.client_id)
    if client is None:  # a foreign key makes this impossible
        return None
    answered = {
        r.id: len(answers)
        for r, answers in AnswerRepository(session).of_assessment(
            user.firm_id, assessment_id, submitted_only=False
        )
    }
    people = RespondentRepository(session).list_for_assessment(user.firm_id, assessment_id)
    return AssessmentOverview(
        assessment=assessment,
        client=client,
        respondents=[RespondentProgress(r, answered.get(r.id, 0)) for r in people],
    )


def invite_respondent(
    session: Session,
    user: UserRecord,
    assessment_id: int,
    *,
    role: str,
    name: str | None,
    valid_days: int = 30,
    roles: Sequence[str] = ROLES,
) -> Invitation | None:
    """A respondent invited to the firm's assessment, with their link token (shown once)."""
    if role not in roles:
        raise ValueError(f"unknown role {role!r}")
    days = max(1, min(valid_days, MAX_LINK_DAYS))
    invitation = RespondentRepository(session).invite(
        user.firm_id,
        assessment_id,
        role=role,
        name=(name or "").strip() or None,
        valid_for=dt.timedelta(days=days),
    )
    if invitation is not None:
        repo = AssessmentRepository(session)
        found = repo.get(user.firm_id, assessment_id)
        if found is not None and found.status is AssessmentStatus.DRAFT:
            repo.set_status(user.firm_id, assessment_id, AssessmentStatus.COLLECTING)
    return invitation


def new_link(
    session: Session, user: UserRecord, respondent_id: int, valid_days: int = 30
) -> Invitation | None:
    """A fresh link for the firm's respondent (the old one stops working); None if not theirs."""
    days = max(1, min(valid_days, MAX_LINK_DAYS))
    return RespondentRepository(session).reissue(
        user.firm_id, respondent_id, valid_for=dt.timedelta(days=days)
    )
