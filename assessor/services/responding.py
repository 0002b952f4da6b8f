"""A respondent's side: open a link, save answers as they go, see progress, review and submit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy.orm import Session

from assessor.domain.errors import AnswerProblem
from assessor.domain.responses import AnswerValue
from assessor.domain.schema import Questionnaire
from assessor.services.intake import answers_from_form, shown_question_ids
from assessor.services.workspace import Workspace
from assessor.store.base import utcnow
from assessor.store.records import AnswerRecord, AssessmentRecord, RespondentRecord
from assessor.store.repositories import AnswerRepository, RespondentRepository

LinkState = Literal["open", "submitted", "expired", "unknown"]
MAX_NOTE = 2000
"""The longest evidence note or text answer kept, in characters."""
MAX_TOKEN = 100
"""Longer link tokens are refused without a look-up."""


@dataclass(frozen=True)
class Link:
    """What a respondent's link opens: their questionnaire, or why it does not."""

    state: LinkState
    respondent: RespondentRecord | None = None
    assessment: AssessmentRecord | None = None

    @property
    def usable(self) -> bool:
        """Whether answers may still be saved through this link."""
        return self.state == "open"


@dataclass(frozen=True)
class Progress:
    """How many of the questions shown so far are answered."""

    answered: int
    shown: int

    @property
    def percent(self) -> int:
        """Answered as a whole percentage of shown."""
        return round(100 * self.answered / self.shown) if self.shown else 0


def open_link(session: Session, token: str, now: dt.datetime | None = None) -> Link:
    """The state of a link: open, already submitted, expired or unknown."""
    if not token or len(token) > MAX_TOKEN:
        return Link("unknown")
    found = RespondentRepository(session).find_link(token)
    if found is None:
        return Link("unknown")
    respondent, assessment = found
    if respondent.submitted_at is not None:
        return Link("submitted", respondent, assessment)
    if respondent.expires_at <= (now or utcnow()):
        return Link("expired", respondent, assessment)
    return Link("open", respondent, assessment)


def questionnaire_of(ws: Workspace, link: Link) -> Questionnaire:
    """The questionnaire the link's assessment asks."""
    assert link.assessment is not None
    return ws.questionnaire(link.assessment.questionnaire_id)


def saved_answers(session: Session, link: Link) -> dict[str, AnswerRecord]:
    """The respondent's saved answers by question."""
    assert link.respondent is not None
    return {a.question_id: a for a in AnswerRepository(session).of_respondent(link.respondent.id)}


def shown_questions(
    ws: Workspace, link: Link, answers: Mapping[str, AnswerRecord | AnswerValue]
) -> list[str]:
    """The questions the respondent is shown, given their answers (the one rule)."""
    assert link.assessment is not None
    values = {q: a.value if isinstance(a, AnswerRecord) else a for q, a in answers.items()}
    return shown_question_ids(ws, link.assessment.questionnaire_id, values)


def progress(ws: Workspace, link: Link, answers: Mapping[str, AnswerRecord]) -> Progress:
    """How far the respondent got."""
    shown = shown_questions(ws, link, answers)
    return Progress(answered=sum(1 for q in shown if q in answers), shown=len(shown))


def save_answers(
    session: Session,
    ws: Workspace,
    link: Link,
    given: Mapping[str, Any],
    notes: Mapping[str, str] | None = None,
) -> list[AnswerProblem]:
    """Save each good answer of a form (a blank one clears it); every bad one is a problem."""
    assert link.respondent is not None and link.assessment is not None
    if not link.usable:
        raise PermissionError(f"the link is {link.state}")
    notes = notes or {}
    answers, problems = answers_from_form(ws, link.assessment.questionnaire_id, given)
    problems += _long(answers, notes)
    bad = {p.question for p in problems}
    repo = AnswerRepository(session)
    for qid in given:
        if qid in bad:
            continue
        value = answers.get(qid)
        note = (notes.get(qid) or "").strip()
        if value is None or value == ():
            repo.clear_answer(link.respondent.id, qid)
            if note:
                problems.append(_note_alone(qid))
            continue
        repo.save_answer(link.respondent.id, qid, value, evidence=note or None)
    return problems


def _long(answers: Mapping[str, AnswerValue], notes: Mapping[str, str]) -> list[AnswerProblem]:
    found = [
        AnswerProblem(f"at most {MAX_NOTE} characters", kind="invalid", question=qid)
        for qid, text in {
            **notes,
            **{q: v for q, v in answers.items() if isinstance(v, str)},
        }.items()
        if len(text) > MAX_NOTE
    ]
    return found


def _note_alone(qid: str) -> AnswerProblem:
    return AnswerProblem(
        "give an answer to keep this note", kind="missing", question=qid, value=None
    )


def submit(session: Session, link: Link) -> RespondentRecord:
    """Hand in the respondent's answers; the link shows a thank-you page from now on."""
    assert link.respondent is not None
    if not link.usable:
        raise PermissionError(f"the link is {link.state}")
    return RespondentRepository(session).mark_submitted(link.respondent.id)


def answered_in(answers: Mapping[str, AnswerRecord], question_ids: Iterable[str]) -> int:
    """How many of these questions are answered."""
    return sum(1 for q in question_ids if q in answers)
