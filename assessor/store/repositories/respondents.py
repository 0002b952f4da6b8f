"""Respondents: invited by an unguessable link, found again by its token, marked submitted."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from assessor.store.base import utcnow
from assessor.store.models import Assessment, Client, Respondent
from assessor.store.records import AssessmentRecord, Invitation, RespondentRecord
from assessor.store.tokens import new_public_id, new_token, token_digest

DEFAULT_VALIDITY = dt.timedelta(days=30)
"""How long an invitation link works unless told otherwise."""


RESPONDENT_FIELDS = (
    "id",
    "assessment_id",
    "public_id",
    "name",
    "role",
    "expires_at",
    "submitted_at",
    "created_at",
)
ASSESSMENT_FIELDS = (
    "id",
    "client_id",
    "questionnaire_id",
    "title",
    "assessed_on",
    "targets",
    "status",
    "content_fingerprint",
    "result_fingerprint",
    "created_at",
    "updated_at",
)
_RESPONDENTS, _ASSESSMENTS, _CLIENTS = Respondent.__table__, Assessment.__table__, Client.__table__
LINK = (
    select(
        *(_RESPONDENTS.c[name] for name in RESPONDENT_FIELDS),
        *(_ASSESSMENTS.c[name].label(f"assessment__{name}") for name in ASSESSMENT_FIELDS),
        _CLIENTS.c.firm_id,
    )
    .select_from(
        _RESPONDENTS.join(_ASSESSMENTS, _ASSESSMENTS.c.id == _RESPONDENTS.c.assessment_id).join(
            _CLIENTS, _CLIENTS.c.id == _ASSESSMENTS.c.client_id
        )
    )
    .where(_RESPONDENTS.c.token_hash == bindparam("digest"))
)
"""A link's respondent and assessment (not its kept result) by the token's digest: built once
on the tables, not the ORM classes, and run on the session's connection, since every
respondent's page and answer save asks it and rows need no ORM objects."""


class RespondentRepository:
    """Respondents of a firm's assessments, and the respondent found by a link token."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def invite(
        self,
        firm_id: int,
        assessment_id: int,
        *,
        role: str,
        name: str | None = None,
        valid_for: dt.timedelta = DEFAULT_VALIDITY,
    ) -> Invitation | None:
        """A new respondent and their link token (shown once); None if not the firm's assessment."""
        if not self._owns_assessment(firm_id, assessment_id):
            return None
        token = new_token()
        respondent = Respondent(
            assessment_id=assessment_id,
            public_id=new_public_id(),
            name=name,
            role=role,
            token_hash=token_digest(token),
            expires_at=utcnow() + valid_for,
        )
        self.session.add(respondent)
        self.session.flush()
        return Invitation(respondent=respondent_record(respondent), token=token)

    def reissue(
        self, firm_id: int, respondent_id: int, *, valid_for: dt.timedelta = DEFAULT_VALIDITY
    ) -> Invitation | None:
        """A new link for the firm's respondent; the old link stops working."""
        respondent = self._get(firm_id, respondent_id)
        if respondent is None:
            return None
        token = new_token()
        respondent.token_hash = token_digest(token)
        respondent.expires_at = utcnow() + valid_for
        self.session.flush()
        return Invitation(respondent=respondent_record(respondent), token=token)

    def find_by_token(
        self, token: str, *, now: dt.datetime | None = None
    ) -> RespondentRecord | None:
        """The respondent whose link this token opens, unless the link is unknown or expired."""
        respondent = self.session.scalars(
            select(Respondent).where(
                Respondent.token_hash == token_digest(token),
                Respondent.expires_at > (now or utcnow()),
            )
        ).one_or_none()
        return respondent_record(respondent) if respondent else None

    def find_link(self, token: str) -> tuple[RespondentRecord, AssessmentRecord] | None:
        """The respondent this token was issued to (expired or not) and their assessment, at once."""
        row = (
            self.session.connection()
            .execute(LINK, {"digest": token_digest(token)})
            .mappings()
            .one_or_none()
        )
        if row is None:
            return None
        respondent = RespondentRecord(**{name: row[name] for name in RESPONDENT_FIELDS})
        assessment = {name: row[f"assessment__{name}"] for name in ASSESSMENT_FIELDS}
        targets = assessment.pop("targets")
        return respondent, AssessmentRecord(
            **assessment, targets=dict(targets), firm_id=row["firm_id"]
        )

    def get(self, firm_id: int, respondent_id: int) -> RespondentRecord | None:
        """The firm's respondent with this id; None if there is none or it is another firm's."""
        respondent = self._get(firm_id, respondent_id)
        return respondent_record(respondent) if respondent else None

    def list_for_assessment(self, firm_id: int, assessment_id: int) -> list[RespondentRecord]:
        """The respondents of the firm's assessment, in the order they were invited."""
        found = self.session.scalars(
            select(Respondent)
            .join(Assessment, Assessment.id == Respondent.assessment_id)
            .join(Client, Client.id == Assessment.client_id)
            .where(Client.firm_id == firm_id, Respondent.assessment_id == assessment_id)
            .order_by(Respondent.id)
        )
        return [respondent_record(r) for r in found]

    def mark_submitted(self, respondent_id: int) -> RespondentRecord:
        """Record that a respondent handed in their answers (the first time counts)."""
        respondent = self.session.get(Respondent, respondent_id)
        if respondent is None:
            raise LookupError(f"no respondent {respondent_id}")
        if respondent.submitted_at is None:
            respondent.submitted_at = utcnow()
            self.session.flush()
        return respondent_record(respondent)

    def _owns_assessment(self, firm_id: int, assessment_id: int) -> bool:
        found = self.session.scalar(
            select(Assessment.id)
            .join(Client, Client.id == Assessment.client_id)
            .where(Assessment.id == assessment_id, Client.firm_id == firm_id)
        )
        return found is not None

    def _get(self, firm_id: int, respondent_id: int) -> Respondent | None:
        return self.session.scalars(
            select(Respondent)
            .join(Assessment, Assessment.id == Respondent.assessment_id)
            .join(Client, Client.id == Assessment.client_id)
            .where(Respondent.id == respondent_id, Client.firm_id == firm_id)
        ).one_or_none()


def respondent_record(respondent: Respondent) -> RespondentRecord:
    """A respondent row as a record (without the token hash)."""
    return RespondentRecord(
        id=respondent.id,
        assessment_id=respondent.assessment_id,
        public_id=respondent.public_id,
        name=respondent.name,
        role=respondent.role,
        expires_at=respondent.expires_at,
        submitted_at=respondent.submitted_at,
        created_at=respondent.created_at,
    )
