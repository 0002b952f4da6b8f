"""Answers, saved one question at a time (idempotent upserts), and read back for scoring."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, bindparam, delete, select
from sqlalchemy.orm import Session

from assessor.store.base import utcnow
from assessor.store.mapping import answer_value, json_answer
from assessor.store.models import Answer, Assessment, Client, Respondent
from assessor.store.records import AnswerRecord, RespondentRecord
from assessor.store.repositories.respondents import respondent_record
from assessor.store.upsert import upsert

_ANSWERS = Answer.__table__
ANSWERS_OF = (
    select(
        _ANSWERS.c.question_id,
        _ANSWERS.c.value,
        _ANSWERS.c.evidence,
        _ANSWERS.c.comment,
        _ANSWERS.c.updated_at,
    )
    .where(_ANSWERS.c.respondent_id == bindparam("respondent"))
    .order_by(_ANSWERS.c.id)
)
"""A respondent's answers in the order first given: built once on the table and run on the
session's connection (every respondent's page asks; columns load faster than ORM objects)."""


class AnswerRepository:
    """A respondent's answers, one row per question."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def save_answer(
        self,
        respondent_id: int,
        question_id: str,
        value: str | float | Sequence[str],
        *,
        evidence: str | None = None,
        comment: str | None = None,
    ) -> None:
        """Save or replace the answer to one question; saving twice, or at once, keeps one row."""
        upsert(
            self.session,
            Answer,
            {
                "respondent_id": respondent_id,
                "question_id": question_id,
                "value": json_answer(value),
                "evidence": evidence or None,
                "comment": comment or None,
                "updated_at": utcnow(),
            },
            conflict_columns=("respondent_id", "question_id"),
        )

    def clear_answer(self, respondent_id: int, question_id: str) -> bool:
        """Remove the answer to one question; False if there was none."""
        done = self.session.execute(
            delete(Answer).where(
                Answer.respondent_id == respondent_id, Answer.question_id == question_id
            )
        )
        return bool(getattr(done, "rowcount", 0))

    def of_respondent(self, respondent_id: int) -> list[AnswerRecord]:
        """A respondent's answers in the order they were first given."""
        rows = self.session.connection().execute(ANSWERS_OF, {"respondent": respondent_id})
        return [answer_record(row) for row in rows]

    def of_assessment(
        self, firm_id: int, assessment_id: int, *, submitted_only: bool = True
    ) -> list[tuple[RespondentRecord, list[AnswerRecord]]]:
        """The firm's assessment's respondents (submitted ones by default), each with answers."""
        query = (
            select(Respondent)
            .join(Assessment, Assessment.id == Respondent.assessment_id)
            .join(Client, Client.id == Assessment.client_id)
            .where(Client.firm_id == firm_id, Respondent.assessment_id == assessment_id)
            .order_by(Respondent.id)
        )
        if submitted_only:
            query = query.where(Respondent.submitted_at.is_not(None))
        respondents = list(self.session.scalars(query))
        answers: dict[int, list[AnswerRecord]] = {r.id: [] for r in respondents}
        if respondents:
            # Plain rows, not ORM objects: a live workshop reads every answer of the room on
            # each refresh of the facilitator's screen, and building objects was most of it.
            rows = self.session.execute(
                select(
                    Answer.respondent_id,
                    Answer.question_id,
                    Answer.value,
                    Answer.evidence,
                    Answer.comment,
                    Answer.updated_at,
                )
                .where(Answer.respondent_id.in_(answers))
                .order_by(Answer.id)
            )
            for respondent_id, question_id, value, evidence, comment, updated_at in rows:
                answers[respondent_id].append(
                    AnswerRecord(question_id, answer_value(value), evidence, comment, updated_at)
                )
        return [(respondent_record(r), answers[r.id]) for r in respondents]


def answer_record(row: Answer | Row[*tuple[Any, ...]]) -> AnswerRecord:
    """An answer row as a record, its JSON value turned into the domain's answer value."""
    return AnswerRecord(
        question_id=row.question_id,
        value=answer_value(row.value),
        evidence=row.evidence,
        comment=row.comment,
        updated_at=row.updated_at,
    )
