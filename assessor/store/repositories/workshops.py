"""Workshops: open one for a firm's assessment, find it by its code, let people join, agree answers."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assessor.domain.responses import AnswerValue
from assessor.store.base import utcnow
from assessor.store.mapping import answer_value, json_answer
from assessor.store.models import (
    Answer,
    Assessment,
    Client,
    ConsensusAnswer,
    Respondent,
    Workshop,
    WorkshopMode,
    WorkshopParticipant,
)
from assessor.store.records import Invitation
from assessor.store.repositories.respondents import respondent_record
from assessor.store.tokens import new_public_id, new_token, token_digest
from assessor.store.upsert import upsert

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""Letters and digits nobody mistakes for another when read off a projector (no 0/O, 1/I/L)."""
CODE_LENGTH = 6


def new_join_code() -> str:
    """A fresh six-character join code from the unambiguous alphabet."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


@dataclass(frozen=True)
class WorkshopRecord:
    """A workshop: its assessment, join code, when the code stops working, and its mode."""

    id: int
    assessment_id: int
    firm_id: int
    code: str
    code_expires_at: dt.datetime
    mode: WorkshopMode


@dataclass(frozen=True)
class ConsensusRecord:
    """The agreed answer to one question, with its note, and who recorded it when."""

    question_id: str
    value: AnswerValue
    note: str | None
    recorded_by: int | None
    recorded_at: dt.datetime


@dataclass(frozen=True)
class RoomActivity:
    """How many joined, answered and submitted, and the latest answer: equal means unchanged."""

    joined: int
    respondents: int
    submitted: int
    answers: int
    last_answer_at: dt.datetime | None
    last_answer_id: int | None
    last_respondent_id: int | None


class WorkshopRepository:
    """The workshops of a firm's assessments, and the participants who join them by code."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def open(
        self, firm_id: int, assessment_id: int, *, mode: WorkshopMode, valid_for: dt.timedelta
    ) -> WorkshopRecord | None:
        """The assessment's workshop, opened (or reopened) with a fresh code; None if not theirs."""
        firm = self._firm_of(assessment_id)
        if firm != firm_id:
            return None
        row = self.session.scalars(
            select(Workshop).where(Workshop.assessment_id == assessment_id)
        ).one_or_none()
        code = self._unused_code()
        if row is None:
            row = Workshop(assessment_id=assessment_id, code=code)
            self.session.add(row)
        row.code = code
        row.code_expires_at = utcnow() + valid_for
        row.mode = mode
        self.session.flush()
        return _record(row, firm_id)

    def set_mode(self, firm_id: int, assessment_id: int, mode: WorkshopMode) -> bool:
        """Switch the workshop between pre-work, live and closed; False if there is none."""
        row = self._get(firm_id, assessment_id)
        if row is None:
            return False
        row.mode = mode
        self.session.flush()
        return True

    def of_assessment(self, firm_id: int, assessment_id: int) -> WorkshopRecord | None:
        """The firm's assessment's workshop, if one was opened."""
        row = self._get(firm_id, assessment_id)
        return _record(row, firm_id) if row else None

    def by_code(self, code: str) -> WorkshopRecord | None:
        """The workshop this code opens, expired or not (the caller says which)."""
        found = self.session.execute(
            select(Workshop, Client.firm_id)
            .join(Assessment, Assessment.id == Workshop.assessment_id)
            .join(Client, Client.id == Assessment.client_id)
            .where(Workshop.code == code)
        ).one_or_none()
        return _record(found[0], found[1]) if found else None

    def join(
        self, workshop: WorkshopRecord, *, role: str, name: str | None, valid_for: dt.timedelta
    ) -> Invitation:
        """A new respondent of the workshop's assessment, with a private link of their own."""
        token = new_token()
        respondent = Respondent(
            assessment_id=workshop.assessment_id,
            public_id=new_public_id(),
            name=name,
            role=role,
            token_hash=token_digest(token),
            expires_at=utcnow() + valid_for,
        )
        self.session.add(respondent)
        self.session.flush()
        self.session.add(WorkshopParticipant(respondent_id=respondent.id, workshop_id=workshop.id))
        self.session.flush()
        return Invitation(respondent=respondent_record(respondent), token=token)

    def participant_ids(self, workshop_id: int) -> set[int]:
        """The respondent ids of the people who joined by the workshop's code."""
        found = self.session.scalars(
            select(WorkshopParticipant.respondent_id).where(
                WorkshopParticipant.workshop_id == workshop_id
            )
        )
        return set(found)

    def activity(self, workshop_id: int, assessment_id: int) -> RoomActivity:
        """What changes whenever anyone joins, answers, clears an answer or submits.

        Three counts, so a screen polling a busy room learns whether anything changed without
        reading every answer.
        """
        answers = (
            select(func.count(Answer.id), func.max(Answer.updated_at), func.max(Answer.id))
            .join(Respondent, Respondent.id == Answer.respondent_id)
            .where(Respondent.assessment_id == assessment_id)
        )
        people = select(
            func.count(Respondent.id), func.count(Respondent.submitted_at), func.max(Respondent.id)
        ).where(Respondent.assessment_id == assessment_id)
        joined = select(func.count()).where(WorkshopParticipant.workshop_id == workshop_id)
        count, last_at, last_id = self.session.execute(answers).one()
        respondents, submitted, last_respondent = self.session.execute(people).one()
        return RoomActivity(
            joined=int(self.session.scalar(joined) or 0),
            respondents=int(respondents),
            submitted=int(submitted),
            answers=int(count),
            last_answer_at=last_at,
            last_answer_id=last_id,
            last_respondent_id=last_respondent,
        )

    def record_consensus(
        self,
        firm_id: int,
        assessment_id: int,
        question_id: str,
        value: str | float | Sequence[str],
        *,
        note: str | None,
        user_id: int,
    ) -> bool:
        """Keep (or replace) the room's answer to a question; False if not the firm's assessment."""
        if self._firm_of(assessment_id) != firm_id:
            return False
        values: dict[str, Any] = {
            "assessment_id": assessment_id,
            "question_id": question_id,
            "value": json_answer(value),
            "note": note or None,
            "recorded_by": user_id,
            "recorded_at": utcnow(),
        }
        upsert(
            self.session, ConsensusAnswer, values, conflict_columns=("assessment_id", "question_id")
        )
        return True

    def consensus(self, firm_id: int, assessment_id: int) -> list[ConsensusRecord]:
        """The agreed answers of the firm's assessment, in the order they were first recorded."""
        if self._firm_of(assessment_id) != firm_id:
            return []
        rows = self.session.scalars(
            select(ConsensusAnswer)
            .where(ConsensusAnswer.assessment_id == assessment_id)
            .order_by(ConsensusAnswer.id)
        )
        return [
            ConsensusRecord(
                r.question_id, answer_value(r.value), r.note, r.recorded_by, r.recorded_at
            )
            for r in rows
        ]

    def _unused_code(self) -> str:
        while True:
            code = new_join_code()
            taken = self.session.scalar(select(func.count()).where(Workshop.code == code))
            if not taken:
                return code

    def _firm_of(self, assessment_id: int) -> int | None:
        return self.session.scalar(
            select(Client.firm_id)
            .join(Assessment, Assessment.client_id == Client.id)
            .where(Assessment.id == assessment_id)
        )

    def _get(self, firm_id: int, assessment_id: int) -> Workshop | None:
        if self._firm_of(assessment_id) != firm_id:
            return None
        return self.session.scalars(
            select(Workshop).where(Workshop.assessment_id == assessment_id)
        ).one_or_none()


def _record(row: Workshop, firm_id: int) -> WorkshopRecord:
    return WorkshopRecord(
        id=row.id,
        assessment_id=row.assessment_id,
        firm_id=firm_id,
        code=row.code,
        code_expires_at=row.code_expires_at,
        mode=row.mode,
    )
