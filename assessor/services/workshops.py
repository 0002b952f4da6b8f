"""Live workshops: open one, join it by code, watch the room, and record what the room agreed."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy.orm import Session

from assessor.domain.consensus import with_consensus
from assessor.domain.errors import AnswerProblem
from assessor.domain.responses import ROLES, AnswerValue, Response
from assessor.domain.results import Assessment
from assessor.domain.workshop import Debate, widest_questions
from assessor.services.assessments import score
from assessor.services.intake import answers_from_form
from assessor.services.responding import MAX_NOTE
from assessor.services.workspace import Workspace
from assessor.store.base import utcnow
from assessor.store.mapping import to_response
from assessor.store.models import WorkshopMode
from assessor.store.records import AssessmentRecord, Invitation, UserRecord
from assessor.store.repositories import AnswerRepository, AssessmentRepository, WorkshopRepository
from assessor.store.repositories.workshops import (
    CODE_ALPHABET,
    CODE_LENGTH,
    ConsensusRecord,
    RoomActivity,
    WorkshopRecord,
)

__all__ = [
    "ConsensusRecord",
    "ConsensusResults",
    "Debate",
    "LiveView",
    "WorkshopMode",
    "WorkshopRecord",
    "consensus_of",
    "consensus_results",
    "find_workshop",
    "join_workshop",
    "live_view",
    "normalise_code",
    "open_workshop",
    "record_consensus",
    "set_mode",
    "side_by_side",
    "workshop_of",
]

JoinState = Literal["open", "expired", "closed", "unknown"]
PARTICIPANT_DAYS = 30
"""How long a participant's own link works after joining (pre-work can take weeks)."""
MAX_CODE_DAYS = 60


@dataclass(frozen=True)
class LiveView:
    """What the facilitator's screen shows now: who joined, the scores so far, the debates."""

    workshop: WorkshopRecord
    joined: int
    answering: int
    submitted: int
    answers: int
    assessment: Assessment | None
    debates: list[Debate]
    agreed: dict[str, ConsensusRecord]


def normalise_code(text: str) -> str | None:
    """A typed code in its canonical form (capitals, no spaces or dashes); None if it cannot be one."""
    code = "".join(text.split()).replace("-", "").upper()
    if len(code) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in code):
        return None
    return code


def open_workshop(
    session: Session, user: UserRecord, assessment_id: int, *, prework: bool, days: int
) -> WorkshopRecord | None:
    """Open (or reopen with a fresh code) the workshop of the firm's assessment."""
    mode = WorkshopMode.PREWORK if prework else WorkshopMode.LIVE
    valid = dt.timedelta(days=max(1, min(days, MAX_CODE_DAYS)))
    return WorkshopRepository(session).open(user.firm_id, assessment_id, mode=mode, valid_for=valid)


def workshop_of(session: Session, user: UserRecord, assessment_id: int) -> WorkshopRecord | None:
    """The workshop of the firm's assessment, if one was opened."""
    return WorkshopRepository(session).of_assessment(user.firm_id, assessment_id)


def set_mode(session: Session, user: UserRecord, assessment_id: int, mode: WorkshopMode) -> bool:
    """Switch between pre-work, live and closed; False when there is no such workshop."""
    return WorkshopRepository(session).set_mode(user.firm_id, assessment_id, mode)


def find_workshop(
    session: Session, code: str, now: dt.datetime | None = None
) -> tuple[JoinState, WorkshopRecord | None]:
    """Whether a code opens a workshop that takes participants now, and which."""
    canonical = normalise_code(code)
    found = WorkshopRepository(session).by_code(canonical) if canonical else None
    if found is None:
        return "unknown", None
    if found.mode is WorkshopMode.CLOSED:
        return "closed", found
    if found.code_expires_at <= (now or utcnow()):
        return "expired", found
    return "open", found


def join_workshop(
    session: Session,
    code: str,
    *,
    role: str,
    name: str | None,
    roles: Sequence[str] = ROLES,
) -> Invitation:
    """A participant joins by code: a new respondent with a private link; PermissionError if shut."""
    if role not in roles:
        raise ValueError(f"unknown role {role!r}")
    state, workshop = find_workshop(session, code)
    if state != "open" or workshop is None:
        raise PermissionError(f"the workshop is {state}")
    return WorkshopRepository(session).join(
        workshop,
        role=role,
        name=(name or "").strip()[:200] or None,
        valid_for=dt.timedelta(days=PARTICIPANT_DAYS),
    )


def _responses(session: Session, record: AssessmentRecord) -> tuple[list[Response], int, int]:
    """Everyone's answers so far (submitted or not), how many answered and submitted."""
    found = AnswerRepository(session).of_assessment(record.firm_id, record.id, submitted_only=False)
    responses = [to_response(r, answers) for r, answers in found if answers]
    submitted = sum(1 for r, _ in found if r.submitted_at is not None)
    return responses, len(responses), submitted


def live_view(
    session: Session, ws: Workspace, user: UserRecord, assessment_id: int, limit: int = 5
) -> LiveView | None:
    """The room now: counts, the scores of everyone's answers so far, the widest disagreements.

    The scoring is kept while the room's activity (joins, answers, submissions) stays the
    same, so every screen and poll between two answers shares one computation.
    """
    repo = WorkshopRepository(session)
    workshop = repo.of_assessment(user.firm_id, assessment_id)
    record = AssessmentRepository(session).get(user.firm_id, assessment_id)
    if workshop is None or record is None:
        return None
    activity = repo.activity(workshop.id, assessment_id)
    room = _room(session, ws, record, activity)
    return LiveView(
        workshop=workshop,
        joined=activity.joined,
        answering=room.answering,
        submitted=room.submitted,
        answers=room.answers,
        assessment=room.assessment,
        debates=room.debates[:limit],
        agreed={c.question_id: c for c in repo.consensus(user.firm_id, assessment_id)},
    )


@dataclass(frozen=True)
class _Room:
    """The scored part of a live view, what it was scored from, and when."""

    scored_from: tuple[Any, ...]
    answering: int
    submitted: int
    answers: int
    assessment: Assessment | None
    debates: list[Debate]
    scored_at: float


ROOM_DEBATES = 5
"""The most debates any screen shows: the kept scoring holds this many."""
ROOM_KEPT_SECONDS = 10.0
"""How long a scoring is reused when nothing the activity counts changed (a role edited)."""
KEPT_ROOMS = 32
"""Rooms whose latest scoring one process keeps (one entry per assessment)."""
_rooms: OrderedDict[tuple[str, int], _Room] = OrderedDict()
_rooms_lock = threading.Lock()


def _room(
    session: Session, ws: Workspace, record: AssessmentRecord, activity: RoomActivity
) -> _Room:
    """The room scored, reused from an earlier poll of this process when nothing changed."""
    key = (str(session.get_bind().engine.url), record.id)
    scored_from = (
        ws.content.fingerprint,
        record.questionnaire_id,
        tuple(sorted(record.targets.items())),
        activity,
    )
    now = time.monotonic()
    with _rooms_lock:
        kept = _rooms.get(key)
    if kept and kept.scored_from == scored_from and now - kept.scored_at < ROOM_KEPT_SECONDS:
        return kept
    responses, answering, submitted = _responses(session, record)
    room = _Room(
        scored_from=scored_from,
        answering=answering,
        submitted=submitted,
        answers=sum(len(r.answers) for r in responses),
        assessment=score(ws, record.questionnaire_id, responses, _targets(ws, record))
        if responses
        else None,
        debates=widest_questions(ws.content, record.questionnaire_id, responses, ROOM_DEBATES),
        scored_at=now,
    )
    with _rooms_lock:
        _rooms[key] = room
        _rooms.move_to_end(key)
        while len(_rooms) > KEPT_ROOMS:
            _rooms.popitem(last=False)
    return room


def record_consensus(
    session: Session,
    ws: Workspace,
    user: UserRecord,
    record: AssessmentRecord,
    question_id: str,
    given: Any,
    note: str,
) -> list[AnswerProblem]:
    """Keep the room's agreed answer to a question with its note; the problems if it is bad."""
    answers, problems = answers_from_form(ws, record.questionnaire_id, {question_id: given})
    value = answers.get(question_id)
    if len(note) > MAX_NOTE:
        problems.append(AnswerProblem("too long", kind="invalid", question=question_id))
    if value is None or value == () or problems:
        return problems or [
            AnswerProblem("give the agreed answer", kind="missing", question=question_id)
        ]
    WorkshopRepository(session).record_consensus(
        user.firm_id, record.id, question_id, value, note=note.strip() or None, user_id=user.id
    )
    return []


def consensus_of(session: Session, user: UserRecord, assessment_id: int) -> list[ConsensusRecord]:
    """The answers the room agreed for the firm's assessment."""
    return WorkshopRepository(session).consensus(user.firm_id, assessment_id)


def side_by_side(
    ws: Workspace,
    record: AssessmentRecord,
    responses: list[Response],
    agreed: Mapping[str, AnswerValue],
) -> tuple[Assessment, Assessment]:
    """The assessment scored as the respondents answered, and with the room's consensus."""
    targets = _targets(ws, record)
    own = score(ws, record.questionnaire_id, responses, targets)
    return own, score(ws, record.questionnaire_id, with_consensus(responses, agreed), targets)


def _targets(ws: Workspace, record: AssessmentRecord) -> dict[str, float] | None:
    known = set(ws.content.dimension_refs())
    return {ref: value for ref, value in record.targets.items() if ref in known} or None


@dataclass(frozen=True)
class ConsensusResults:
    """An assessment scored as answered and with the consensus, and the agreed answers."""

    record: AssessmentRecord
    answered: Assessment
    agreed: Assessment
    consensus: list[ConsensusRecord]


def consensus_results(
    session: Session, ws: Workspace, user: UserRecord, assessment_id: int
) -> ConsensusResults | None:
    """Both scorings of the firm's assessment from everyone's answers so far; None without any."""
    record = AssessmentRepository(session).get(user.firm_id, assessment_id)
    if record is None:
        return None
    responses, _, _ = _responses(session, record)
    if not responses:
        return None
    consensus = WorkshopRepository(session).consensus(user.firm_id, assessment_id)
    answered, agreed = side_by_side(
        ws, record, responses, {c.question_id: c.value for c in consensus}
    )
    return ConsensusResults(record, answered, agreed, consensus)
