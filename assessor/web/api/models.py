"""The API's bodies: what it accepts and what it answers, as pydantic models.

The same models validate requests, shape answers and make the OpenAPI document's schemas,
so the document cannot say one thing while the routes do another.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Role = Literal["executive", "manager", "staff", "it", "external"]
Lang = Literal["en", "ru"]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Id = Annotated[str, StringConstraints(min_length=1, max_length=100)]
Answer = str | bool | float | list[Annotated[str, StringConstraints(max_length=2000)]] | None
MAX_ANSWERS = 500
"""The most answers one request may save."""


class Request(BaseModel):
    """A request body: strict JSON, nothing but the documented fields."""

    model_config = ConfigDict(extra="forbid", strict=True)


class Reply(BaseModel):
    """An answer body."""


class NewClient(Request):
    """A client to add to the firm."""

    organisation: Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"\S")]
    sector: Annotated[str, StringConstraints(max_length=100)] | None = None
    employees: Annotated[int, Field(ge=1, le=10_000_000)] | None = None


class NewAssessment(Request):
    """An assessment of a client: questionnaire, title, date, targets per area (0 to 100)."""

    questionnaire: Id
    title: Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"\S")]
    assessed_on: dt.date
    targets: Annotated[dict[Id, Annotated[float, Field(ge=0, le=100)]], Field(max_length=200)] = {}


class NewInvitation(Request):
    """A respondent to invite."""

    role: Role
    name: Annotated[str, StringConstraints(max_length=200)] | None = None
    valid_days: Annotated[int, Field(ge=1, le=365)] = 30


class NewReport(Request):
    """A report to render."""

    template: Literal["executive", "full"] = "executive"
    format: Literal["pdf", "html"] = "pdf"
    lang: Lang = "en"


class SavedAnswers(Request):
    """Answers to save by question id (null clears one), with optional evidence notes."""

    answers: Annotated[dict[Id, Answer], Field(max_length=MAX_ANSWERS)]
    notes: Annotated[
        dict[Id, Annotated[str, StringConstraints(max_length=2000)]],
        Field(max_length=MAX_ANSWERS),
    ] = {}


class Client(Reply):
    """A client of the firm."""

    id: int
    organisation: str
    sector: str | None
    employees: int | None
    created_at: dt.datetime


class ClientList(Reply):
    """The firm's clients."""

    clients: list[Client]


class Respondent(Reply):
    """An invited respondent and how far they got."""

    id: int
    name: str | None
    role: str
    answered: int
    expires_at: dt.datetime
    submitted_at: dt.datetime | None


class Assessment(Reply):
    """An assessment of a client."""

    id: int
    client_id: int
    questionnaire: str
    title: str
    assessed_on: dt.date
    status: Literal["draft", "collecting", "closed"]
    targets: dict[str, float]
    respondents: list[Respondent] | None = None


class AssessmentList(Reply):
    """A client's assessments, newest first."""

    assessments: list[Assessment]


class Invitation(Reply):
    """A new respondent's link: the token is shown this once."""

    respondent: Respondent
    token: str
    link: str


class Results(Reply):
    """The same JSON as `assessor score --format json`."""

    model_config = ConfigDict(extra="allow")
    questionnaire: Any
    respondents: Any
    readiness: Any
    frameworks: Any
    risks: Any
    disagreement: Any
    confidence: Any
    content_fingerprint: Any
    engine_version: Any


class Roadmap(Reply):
    """The roadmap: phases, every action with why, the KPI plan."""

    model_config = ConfigDict(extra="allow")
    phases: list[Any]
    actions: list[Any]


class Job(Reply):
    """A report job: where it stands, and its download once done."""

    id: int
    assessment_id: int
    kind: str
    status: Literal["queued", "running", "done", "failed"]
    error: str | None
    download: str | None


class Option(Reply):
    """One option of a choice question."""

    value: str
    label: str


class Question(Reply):
    """A question as the respondent is shown it, with the answer saved so far."""

    id: str
    type: str
    text: str
    help: str | None
    options: list[Option]
    min: float | None
    max: float | None
    unit: str | None
    not_applicable: bool
    answer: Answer
    note: str | None


class Section(Reply):
    """A section and its questions shown now."""

    index: int
    title: str
    questions: list[Question]


class Progress(Reply):
    """How many of the questions shown are answered."""

    answered: int
    shown: int
    percent: int


class Questionnaire(Reply):
    """A respondent's questionnaire as shown, with their answers and progress."""

    id: str
    title: str
    description: str
    progress: Progress
    sections: list[Section]


class Submitted(Reply):
    """The respondent's answers were handed in."""

    submitted_at: dt.datetime


class Problem(Reply):
    """What is wrong with one answer (or one field of the body)."""

    question: str | None
    kind: str
    message: str


class Document(Reply):
    """The OpenAPI document."""

    model_config = ConfigDict(extra="allow")
    openapi: str
    info: dict[str, Any]
    paths: dict[str, Any]
    components: dict[str, Any]


class Error(Reply):
    """Every 4xx: what went wrong in words, and per question where that applies."""

    error: str
    detail: str
    problems: list[Problem] | None = None
