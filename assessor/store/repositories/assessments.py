"""A firm's assessments of its clients, their status and their stored scored result."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from assessor.store.models import Assessment, AssessmentStatus, Client
from assessor.store.records import AssessmentRecord, StoredResult


class AssessmentRepository:
    """Assessments, visible only to the firm whose client they assess."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def create(
        self,
        firm_id: int,
        client_id: int,
        *,
        questionnaire_id: str,
        title: str,
        assessed_on: dt.date,
        content_fingerprint: str,
        targets: Mapping[str, float] | None = None,
    ) -> AssessmentRecord | None:
        """Add a draft assessment of the firm's client; None if the client is not the firm's."""
        owner = self.session.scalar(
            select(Client.id).where(Client.id == client_id, Client.firm_id == firm_id)
        )
        if owner is None:
            return None
        assessment = Assessment(
            client_id=client_id,
            questionnaire_id=questionnaire_id,
            title=title,
            assessed_on=assessed_on,
            targets={ref: float(value) for ref, value in (targets or {}).items()},
            content_fingerprint=content_fingerprint,
            status=AssessmentStatus.DRAFT,
        )
        self.session.add(assessment)
        self.session.flush()
        return assessment_record(assessment, firm_id)

    def get(self, firm_id: int, assessment_id: int) -> AssessmentRecord | None:
        """The firm's assessment with this id; None if there is none or it is another firm's."""
        assessment = self._get(firm_id, assessment_id)
        return assessment_record(assessment, firm_id) if assessment else None

    def list_for_client(self, firm_id: int, client_id: int) -> list[AssessmentRecord]:
        """The assessments of the firm's client, newest first."""
        found = self.session.scalars(
            _of_firm(firm_id)
            .where(Assessment.client_id == client_id)
            .order_by(Assessment.assessed_on.desc(), Assessment.id.desc())
        )
        return [assessment_record(a, firm_id) for a in found]

    def set_status(self, firm_id: int, assessment_id: int, status: AssessmentStatus) -> bool:
        """Move the firm's assessment to a status; False if it is not the firm's."""
        assessment = self._get(firm_id, assessment_id)
        if assessment is None:
            return False
        assessment.status = status
        self.session.flush()
        return True

    def store_result(
        self, firm_id: int, assessment_id: int, result: Mapping[str, Any], fingerprint: str
    ) -> bool:
        """Keep the scored result JSON and the fingerprint of its inputs; False if not the firm's."""
        assessment = self._get(firm_id, assessment_id)
        if assessment is None:
            return False
        assessment.result_json = dict(result)
        assessment.result_fingerprint = fingerprint
        self.session.flush()
        return True

    def result(self, firm_id: int, assessment_id: int) -> StoredResult | None:
        """The stored scored result and its fingerprint, if one is stored and the firm's."""
        assessment = self._get(firm_id, assessment_id)
        if assessment is None or assessment.result_json is None:
            return None
        if assessment.result_fingerprint is None:
            return None
        return StoredResult(
            result=assessment.result_json, fingerprint=assessment.result_fingerprint
        )

    def _get(self, firm_id: int, assessment_id: int) -> Assessment | None:
        return self.session.scalars(
            _of_firm(firm_id).where(Assessment.id == assessment_id)
        ).one_or_none()


def _of_firm(firm_id: int) -> Select[Assessment]:
    return (
        select(Assessment)
        .join(Client, Client.id == Assessment.client_id)
        .where(Client.firm_id == firm_id)
    )


def assessment_record(assessment: Assessment, firm_id: int) -> AssessmentRecord:
    """An assessment row as a record."""
    return AssessmentRecord(
        id=assessment.id,
        firm_id=firm_id,
        client_id=assessment.client_id,
        questionnaire_id=assessment.questionnaire_id,
        title=assessment.title,
        assessed_on=assessment.assessed_on,
        targets=dict(assessment.targets),
        status=assessment.status,
        content_fingerprint=assessment.content_fingerprint,
        result_fingerprint=assessment.result_fingerprint,
        created_at=assessment.created_at,
        updated_at=assessment.updated_at,
    )
