"""Live workshops for a consultant's API token: open one, read the room, record consensus."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import Field, StringConstraints

from assessor.domain.text import tr
from assessor.services.clients import assessment_overview
from assessor.services.responding import MAX_NOTE
from assessor.services.workshops import (
    LiveView,
    consensus_of,
    live_view,
    open_workshop,
    record_consensus,
)
from assessor.web.api import ApiError, body_of, bp, consultant, lang, models
from assessor.web.api.spec import operation
from assessor.web.respond.pages import problem_text
from assessor.web.runtime import unit_of_work, workspace

Answer = tuple[dict[str, Any], int]


class OpenWorkshop(models.Request):
    """Open (or reopen with a fresh code): live now, or pre-work answered alone first."""

    prework: bool = False
    days: Annotated[int, Field(ge=1, le=60)] = 7


class RoleSpread(models.Reply):
    """One role's answers to a debated question: how many, mean, lowest and highest (0-100)."""

    role: str
    respondents: int
    mean: float
    low: float
    high: float


class Debate(models.Reply):
    """A question the room disagrees on, with its spread overall and by role."""

    question: str
    text: str
    respondents: int
    sd: float
    low: float
    high: float
    mean: float
    agreed: bool
    by_role: list[RoleSpread]


class Workshop(models.Reply):
    """A workshop: its join code, until when it works, its mode, and the room now."""

    assessment_id: int
    code: str
    code_expires_at: dt.datetime
    mode: str
    join_path: str
    joined: int
    answering: int
    submitted: int
    answers: int
    readiness: float | None
    agreed: list[str]
    debates: list[Debate]


class Consensus(models.Request):
    """The room's agreed answer to a question, with an optional note."""

    value: models.Answer
    note: Annotated[str, StringConstraints(max_length=MAX_NOTE)] = ""


class Agreed(models.Reply):
    """An agreed answer as kept."""

    question: str
    value: str | float | list[str]
    note: str | None
    recorded_at: dt.datetime


def workshop_body(view: LiveView, language: str) -> dict[str, Any]:
    """The workshop and the room now, as the API shows them."""
    readiness = view.assessment.readiness.score if view.assessment else None
    body = Workshop(
        assessment_id=view.workshop.assessment_id,
        code=view.workshop.code,
        code_expires_at=view.workshop.code_expires_at,
        mode=view.workshop.mode.value,
        join_path=f"/w/{view.workshop.code}",
        joined=view.joined,
        answering=view.answering,
        submitted=view.submitted,
        answers=view.answers,
        readiness=readiness,
        agreed=sorted(view.agreed),
        debates=[
            Debate(
                question=d.question,
                text=tr(d.text, language),
                respondents=d.respondents,
                sd=round(d.sd, 1),
                low=d.min,
                high=d.max,
                mean=d.mean,
                agreed=d.question in view.agreed,
                by_role=[
                    RoleSpread(
                        role=r.role, respondents=r.respondents, mean=r.mean, low=r.min, high=r.max
                    )
                    for r in d.by_role
                ],
            )
            for d in view.debates
        ],
    )
    return body.model_dump(mode="json")


def _live(assessment_id: int, language: str) -> dict[str, Any]:
    with unit_of_work() as session:
        view = live_view(session, workspace(), consultant(), assessment_id)
    if view is None:
        raise ApiError(404, "no workshop was opened for this assessment")
    return workshop_body(view, language)


@operation(
    bp,
    "POST",
    "/assessments/{assessment_id}/workshop",
    "Open the assessment's workshop (or give it a fresh code)",
    body=OpenWorkshop,
    replies={201: ("The workshop, and the room now", Workshop)},
    lang=True,
)
def open_(assessment_id: int) -> Answer:
    """Open the workshop: participants join at /w with its code."""
    language = lang()
    given = body_of(OpenWorkshop)
    with unit_of_work() as session:
        opened = open_workshop(
            session, consultant(), assessment_id, prework=given.prework, days=given.days
        )
    if opened is None:
        raise ApiError(404, "no such assessment")
    return _live(assessment_id, language), 201


@operation(
    bp,
    "GET",
    "/assessments/{assessment_id}/workshop",
    "The room now: counts, readiness so far, agreed questions, the widest debates",
    replies={200: ("The workshop, and the room now", Workshop)},
    lang=True,
)
def live(assessment_id: int) -> Answer:
    """What the facilitator's screen shows, as JSON."""
    return _live(assessment_id, lang()), 200


@operation(
    bp,
    "PUT",
    "/assessments/{assessment_id}/consensus/{question}",
    "Record the room's agreed answer to a question, with a note",
    body=Consensus,
    replies={200: ("The agreed answer as kept", Agreed)},
)
def agree(assessment_id: int, question: str) -> Answer:
    """Keep the agreed answer; 422 with the problem when it is not an answer to the question."""
    given = body_of(Consensus)
    ws = workspace()
    with unit_of_work() as session:
        overview = assessment_overview(session, consultant(), assessment_id)
        if overview is None:
            raise ApiError(404, "no such assessment")
        record = overview.assessment
        if question not in ws.questionnaire(record.questionnaire_id).question_ids():
            raise ApiError(404, "no such question in this assessment's questionnaire")
        problems = record_consensus(
            session, ws, consultant(), record, question, given.value, given.note
        )
        kept = consensus_of(session, consultant(), assessment_id)
    if problems:
        shown = [
            models.Problem(
                question=p.question,
                kind=p.kind,
                message=problem_text(p, ws.content.questions.get(question)),
            )
            for p in problems
        ]
        raise ApiError(422, "the agreed answer could not be kept", problems=shown)
    found = next(c for c in kept if c.question_id == question)
    value = list(found.value) if isinstance(found.value, tuple) else found.value
    body = Agreed(question=question, value=value, note=found.note, recorded_at=found.recorded_at)
    return body.model_dump(mode="json"), 200
