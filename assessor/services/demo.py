"""Demo data for a first look: a firm, a consultant, a client assessed three times, a link.

Loaded only into an empty database, from the shipped examples: three workshops of the same
twelve people over twelve months (the Acme workshop, with most answers a step worse a year ago
and a step better today), the middle one's plan half done (tracked, change by change), and an
executive self-assessment left half answered.
"""

from __future__ import annotations

import datetime as dt
import secrets
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.orm import Session

from assessor.domain.responses import Response, value_key
from assessor.services.accounts import create_account
from assessor.services.answers_in import store_response
from assessor.services.files import answer_files, read_responses
from assessor.services.scored import results_of
from assessor.services.workspace import Workspace
from assessor.store.models import ActionStatus, AssessmentStatus
from assessor.store.records import AssessmentRecord
from assessor.store.repositories import (
    AnswerRepository,
    AssessmentRepository,
    ClientRepository,
    FirmRepository,
    RespondentRepository,
)
from assessor.store.repositories.tracking import TrackingRepository

DEMO_FIRM = "Northwind Advisory"
DEMO_EMAIL = "demo@example.com"
DEMO_CLIENT = "Acme Industrial Supplies"
WORKSHOPS = (
    (12, -1, "Workshop: first look"),
    (6, 0, "Workshop: strategy under way"),
    (0, 1, "Workshop: foundations in place"),
)
"""Months before today, the step each answer moved from the Acme workshop's, and the title."""
KEPT_SHARE = 2
"""One answer in this many keeps its value between workshops (people do not all move)."""
SELF_ASSESSMENT = "executive-self-assessment"


@dataclass(frozen=True)
class DemoData:
    """What the demo made: how to sign in, and the half-answered self-assessment's link token."""

    email: str
    password: str
    firm: str
    token: str


def load_demo(
    session: Session, ws: Workspace, examples: Path, password: str | None = None
) -> DemoData | None:
    """Fill an empty database with the demo; None (and nothing changed) if it holds any firm."""
    if FirmRepository(session).count():
        return None
    password = password or secrets.token_urlsafe(9)
    account = create_account(session, DEMO_EMAIL, DEMO_FIRM, password, admin=True)
    firm_id = account.firm.id
    client = ClientRepository(session).create(
        firm_id, DEMO_CLIENT, sector="Industrial distribution", size=240
    )
    today = dt.date.today()
    made = []
    acme = read_responses(ws, "consultant-workshop", answer_files([examples / "acme-workshop"]))
    for months, step, title in WORKSHOPS:
        responses = [_moved(ws, response, step) for response in acme]
        when = today - dt.timedelta(days=round(months * 30.4))
        made.append(_workshop(session, ws, firm_id, client.id, title, when, responses))
    _half_done(session, ws, made[1], account.user.id, today)
    token = _self_assessment(session, ws, firm_id, client.id, examples, today)
    return DemoData(email=DEMO_EMAIL, password=password, firm=DEMO_FIRM, token=token)


def _workshop(
    session: Session,
    ws: Workspace,
    firm_id: int,
    client_id: int,
    title: str,
    when: dt.date,
    responses: list[Response],
) -> AssessmentRecord:
    assessments = AssessmentRepository(session)
    record = assessments.create(
        firm_id,
        client_id,
        questionnaire_id="consultant-workshop",
        title=title,
        assessed_on=when,
        content_fingerprint=ws.fingerprint,
    )
    assert record is not None
    for response in responses:
        store_response(session, firm_id, record.id, response)
    assessments.set_status(firm_id, record.id, AssessmentStatus.CLOSED)
    return record


def _moved(ws: Workspace, response: Response, step: int) -> Response:
    """The response with most one-choice answers `step` options up (better) or down the
    question's scores; the choice of which keep their value is fixed, so the demo is the same
    every time. Facts whose options all score alike (company size, users, customer records)
    stay: the company does not grow from small to large in a year, nor its plan's durations."""
    if step == 0:
        return response
    answers = dict(response.answers)
    for qid, value in response.answers.items():
        question = ws.content.questions.get(qid)
        if question is None or question.type == "multiple" or not question.options:
            continue
        if len({option.score for option in question.options}) < 2:
            continue  # a fact with no better or worse answer: size, users, records
        if zlib.crc32(f"{response.respondent.name}/{qid}".encode()) % KEPT_SHARE == 0:
            continue
        ranked = sorted(question.options, key=lambda option: option.score)
        values = [value_key(option.value) for option in ranked]
        if value in values:
            moved = min(len(values) - 1, max(0, values.index(str(value)) + step))
            answers[qid] = values[moved]
    return replace(response, answers=answers)


def _half_done(
    session: Session, ws: Workspace, record: AssessmentRecord, user_id: int, today: dt.date
) -> None:
    """Track the assessment's plan as carried out since: the first half done, one under way."""
    results = results_of(session, ws, record)
    assert results is not None
    actions = results.roadmap.actions
    half = len(actions) // 2
    days = max(1, (today - record.assessed_on).days)
    repo = TrackingRepository(session)
    for n, action in enumerate(actions[: half + 1]):
        start = record.assessed_on + dt.timedelta(days=days * n // (half + 2))
        began = dt.datetime.combine(start, dt.time(9), tzinfo=dt.UTC)
        values = {"status": ActionStatus.IN_PROGRESS, "owner": "Project office"}
        repo.update(record.firm_id, record.id, action.id, values, user_id=user_id, at=began)
        if n < half:
            ended = began + dt.timedelta(days=days // (half + 2))
            done = {"status": ActionStatus.DONE}
            repo.update(record.firm_id, record.id, action.id, done, user_id=user_id, at=ended)


def _self_assessment(
    session: Session, ws: Workspace, firm_id: int, client_id: int, examples: Path, today: dt.date
) -> str:
    record = AssessmentRepository(session).create(
        firm_id,
        client_id,
        questionnaire_id=SELF_ASSESSMENT,
        title="Executive self-assessment",
        assessed_on=today,
        content_fingerprint=ws.fingerprint,
    )
    assert record is not None
    (ceo,) = read_responses(ws, SELF_ASSESSMENT, [examples / "executive" / "ceo.yaml"])
    asked = ws.questionnaire(SELF_ASSESSMENT).question_ids()
    invitation = RespondentRepository(session).invite(
        firm_id, record.id, role="executive", name=ceo.respondent.name
    )
    assert invitation is not None
    half = set(asked[: len(asked) // 2])
    for qid, value in ceo.answers.items():
        if qid in half:
            AnswerRepository(session).save_answer(invitation.respondent.id, qid, value)
    AssessmentRepository(session).set_status(firm_id, record.id, AssessmentStatus.COLLECTING)
    return invitation.token
