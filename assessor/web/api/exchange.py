"""An assessment exported as XLSX (one sheet each: answers, scores, risks, roadmap, progress) or JSON."""

from __future__ import annotations

from typing import Any

from flask import Response

from assessor.services.exchange import export_document
from assessor.services.tracking import tracked_workbook
from assessor.web.api import ApiError, bp, consultant, lang, models
from assessor.web.api.clients import scored
from assessor.web.api.spec import operation
from assessor.web.runtime import unit_of_work, workspace

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ExportDocument(models.Reply):
    """The JSON export: answers, targets and the scored result; importing it scores the same."""

    kind: str
    version: int
    questionnaire: str
    content_fingerprint: str
    engine_version: str
    targets: dict[str, float]
    respondents: list[dict[str, Any]]
    result: dict[str, Any]
    roadmap: dict[str, Any] | None


@operation(
    bp,
    "GET",
    "/assessments/{assessment_id}/export.json",
    "The assessment as the JSON export document (what `assessor export` writes)",
    replies={
        200: ("The document", ExportDocument),
        409: ("Nobody has submitted yet", models.Error),
    },
)
def export_json(assessment_id: int) -> tuple[dict[str, Any], int]:
    """Answers, targets, the scored result and the roadmap, as one JSON document."""
    found = scored(assessment_id)
    document = export_document(
        found.record.questionnaire_id,
        found.responses,
        found.record.targets,
        found.assessment,
        found.roadmap,
    )
    return ExportDocument.model_validate(document).model_dump(mode="json"), 200


@operation(
    bp,
    "GET",
    "/assessments/{assessment_id}/export.xlsx",
    "The assessment as an XLSX workbook (formulas neutralised in free text)",
    replies={200: ("The workbook", (XLSX,)), 409: ("Nobody has submitted yet", models.Error)},
    lang=True,
)
def export_xlsx(assessment_id: int) -> Response:
    """Answers, scores, risks, roadmap and the tracked progress, one sheet each."""
    language = lang()
    scored(assessment_id)
    with unit_of_work() as session:
        data = tracked_workbook(session, workspace(), consultant(), assessment_id, language)
    if data is None:
        raise ApiError(404, "no such assessment")
    disposition = f'attachment; filename="assessment-{assessment_id}.xlsx"'
    return Response(data, mimetype=XLSX, headers={"Content-Disposition": disposition})
