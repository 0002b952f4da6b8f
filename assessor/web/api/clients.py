"""Clients, assessments, invitations, results and roadmaps, for a consultant's API token."""

from __future__ import annotations

from typing import Any

from flask import url_for

from assessor.domain.errors import InputError
from assessor.services import clients as service
from assessor.services.results import assessment_json, roadmap_json
from assessor.services.scored import Results, results_of
from assessor.web.api import ApiError, body_of, bp, consultant, lang, models
from assessor.web.api.spec import operation
from assessor.web.runtime import unit_of_work, workspace

Answer = tuple[dict[str, Any], int]


def client_body(record: service.ClientRecord) -> dict[str, Any]:
    """A client as the API shows it."""
    return models.Client(
        id=record.id,
        organisation=record.organisation,
        sector=record.sector,
        employees=record.size,
        created_at=record.created_at,
    ).model_dump(mode="json")


def assessment_body(
    record: service.AssessmentRecord, people: list[service.RespondentProgress] | None = None
) -> dict[str, Any]:
    """An assessment as the API shows it (with its respondents when given)."""
    return models.Assessment(
        id=record.id,
        client_id=record.client_id,
        questionnaire=record.questionnaire_id,
        title=record.title,
        assessed_on=record.assessed_on,
        status=record.status.value,
        targets=dict(record.targets),
        respondents=None if people is None else [respondent_body(p) for p in people],
    ).model_dump(mode="json")


def respondent_body(progress: service.RespondentProgress) -> models.Respondent:
    """A respondent and how far they got."""
    person = progress.respondent
    return models.Respondent(
        id=person.id,
        name=person.name,
        role=person.role,
        answered=progress.answered,
        expires_at=person.expires_at,
        submitted_at=person.submitted_at,
    )


@operation(
    bp, "GET", "/clients", "The firm's clients", replies={200: ("The clients", models.ClientList)}
)
def list_clients() -> Answer:
    """The firm's clients, by name."""
    with unit_of_work() as session:
        found = service.clients_of(session, consultant())
    return {"clients": [client_body(c) for c in found]}, 200


@operation(
    bp,
    "POST",
    "/clients",
    "Add a client",
    body=models.NewClient,
    replies={201: ("The new client", models.Client)},
)
def create_client() -> Answer:
    """A new client of the firm."""
    given = body_of(models.NewClient)
    with unit_of_work() as session:
        made = service.create_client(
            session, consultant(), given.organisation, given.sector, given.employees
        )
    return client_body(made), 201


@operation(
    bp, "GET", "/clients/{client_id}", "One client", replies={200: ("The client", models.Client)}
)
def get_client(client_id: int) -> Answer:
    """One client of the firm."""
    with unit_of_work() as session:
        found = service.client_of(session, consultant(), client_id)
    if found is None:
        raise ApiError(404, "no such client")
    return client_body(found), 200


@operation(
    bp,
    "GET",
    "/clients/{client_id}/assessments",
    "A client's assessments",
    replies={200: ("Newest first", models.AssessmentList)},
)
def list_assessments(client_id: int) -> Answer:
    """A client's assessments, newest first."""
    with unit_of_work() as session:
        if service.client_of(session, consultant(), client_id) is None:
            raise ApiError(404, "no such client")
        found = service.assessments_of(session, consultant(), client_id)
    return {"assessments": [assessment_body(a) for a in found]}, 200


@operation(
    bp,
    "POST",
    "/clients/{client_id}/assessments",
    "Start an assessment",
    body=models.NewAssessment,
    replies={201: ("The new assessment", models.Assessment)},
)
def create_assessment(client_id: int) -> Answer:
    """A new assessment of the client; 422 for an unknown questionnaire or area."""
    given = body_of(models.NewAssessment)
    try:
        with unit_of_work() as session:
            made = service.create_assessment(
                session,
                workspace(),
                consultant(),
                client_id,
                questionnaire_id=given.questionnaire,
                title=given.title,
                assessed_on=given.assessed_on,
                targets=given.targets or None,
            )
    except InputError as exc:
        raise ApiError(422, str(exc)) from None
    if made is None:
        raise ApiError(404, "no such client")
    return assessment_body(made, []), 201


@operation(
    bp,
    "GET",
    "/assessments/{assessment_id}",
    "One assessment with its respondents",
    replies={200: ("The assessment", models.Assessment)},
)
def get_assessment(assessment_id: int) -> Answer:
    """An assessment with its respondents and how far each got."""
    with unit_of_work() as session:
        found = service.assessment_overview(session, consultant(), assessment_id)
    if found is None:
        raise ApiError(404, "no such assessment")
    return assessment_body(found.assessment, found.respondents), 200


@operation(
    bp,
    "POST",
    "/assessments/{assessment_id}/invitations",
    "Invite a respondent",
    body=models.NewInvitation,
    replies={201: ("The link token, shown once", models.Invitation)},
)
def invite(assessment_id: int) -> Answer:
    """A respondent invited; their link token is in this answer only."""
    given = body_of(models.NewInvitation)
    with unit_of_work() as session:
        made = service.invite_respondent(
            session,
            consultant(),
            assessment_id,
            role=given.role,
            name=given.name,
            valid_days=given.valid_days,
        )
    if made is None:
        raise ApiError(404, "no such assessment")
    return models.Invitation(
        respondent=respondent_body(service.RespondentProgress(made.respondent, 0)),
        token=made.token,
        link=url_for("respond.start", token=made.token, _external=True),
    ).model_dump(mode="json"), 201


def scored(assessment_id: int) -> Results:
    """The results of the firm's assessment; 404 when not theirs, 409 before any submission."""
    with unit_of_work() as session:
        record = service.assessment_of(session, consultant(), assessment_id)
        if record is None:
            raise ApiError(404, "no such assessment")
        found = results_of(session, workspace(), record)
    if found is None:
        raise ApiError(409, "no respondent has submitted answers yet")
    return found


@operation(
    bp,
    "GET",
    "/assessments/{assessment_id}/results",
    "Results, as `assessor score --format json`",
    replies={200: ("The results", models.Results), 409: ("Nobody has submitted yet", models.Error)},
    lang=True,
)
def results(assessment_id: int) -> Answer:
    """Readiness, frameworks, risks, disagreement, confidence: the JSON of `assessor score`."""
    language = lang()
    return assessment_json(scored(assessment_id).assessment, language), 200


@operation(
    bp,
    "GET",
    "/assessments/{assessment_id}/roadmap",
    "The roadmap, phase by phase",
    replies={200: ("The roadmap", models.Roadmap), 409: ("Nobody has submitted yet", models.Error)},
    lang=True,
)
def roadmap(assessment_id: int) -> Answer:
    """The roadmap's phases, every action with why, and the KPI plan."""
    language = lang()
    return roadmap_json(scored(assessment_id).roadmap, workspace().content, language), 200
