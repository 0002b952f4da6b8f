"""An assessment's results from its stored answers: scored once, kept with their fingerprint."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from assessor.domain.responses import Response
from assessor.domain.results import Assessment, Roadmap
from assessor.services.assessments import plan, score
from assessor.services.workspace import Workspace
from assessor.store.mapping import to_response
from assessor.store.records import AssessmentRecord
from assessor.store.repositories import AnswerRepository, AssessmentRepository


@dataclass(frozen=True)
class Results:
    """A scored assessment, its roadmap, and the responses it was scored from."""

    record: AssessmentRecord
    assessment: Assessment
    roadmap: Roadmap
    responses: tuple[Response, ...]


def responses_of(session: Session, record: AssessmentRecord) -> list[Response]:
    """The submitted respondents' answers of an assessment, as the domain's responses."""
    found = AnswerRepository(session).of_assessment(record.firm_id, record.id)
    return [to_response(respondent, answers) for respondent, answers in found if answers]


def inputs_fingerprint(ws: Workspace, record: AssessmentRecord, responses: list[Response]) -> str:
    """A digest of everything a result is scored from: content, targets and responses."""
    text = json.dumps(
        {
            "workspace": ws.fingerprint,
            "questionnaire": record.questionnaire_id,
            "targets": dict(sorted(record.targets.items())),
            "responses": [dataclasses.asdict(r) for r in responses],
        },
        sort_keys=True,
        default=str,
        ensure_ascii=False,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def results_of(
    session: Session, ws: Workspace, record: AssessmentRecord, *, rescore: bool = False
) -> Results | None:
    """The results of an assessment (None before anyone submitted), scored again on change or asked."""
    responses = responses_of(session, record)
    if not responses:
        return None
    fingerprint = inputs_fingerprint(ws, record, responses)
    repo = AssessmentRepository(session)
    stored = repo.result(record.firm_id, record.id)
    kept = stored is not None and stored.fingerprint == fingerprint and not rescore
    assessment = _load(stored.result) if stored is not None and kept else None
    if assessment is None:
        assessment = score(ws, record.questionnaire_id, responses, _targets(ws, record))
        repo.store_result(record.firm_id, record.id, assessment.dump(), fingerprint)
    return Results(record, assessment, plan(ws, assessment, record.assessed_on), tuple(responses))


def _targets(ws: Workspace, record: AssessmentRecord) -> dict[str, float] | None:
    if not record.targets:
        return None
    known = set(ws.content.dimension_refs())
    return {ref: value for ref, value in record.targets.items() if ref in known} or None


def _load(data: Any) -> Assessment | None:
    try:
        return Assessment.load(data)
    except ValueError:  # stored by an engine whose result shape differs: score again
        return None
