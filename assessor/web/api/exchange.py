"""An assessment exported as XLSX (one sheet each: answers, scores, risks, roadmap, progress) or
JSON, and its roadmap as CSV (for a project tool) and iCalendar (the milestones)."""

from __future__ import annotations

from typing import Any

from flask import Response

from assessor.services.exchange import export_document
from assessor.services.exports import roadmap_csv, roadmap_ics
from assessor.services.tracking import tracked_workbook
from assessor.web.api import ApiError, bp, consultant, lang, models
from assessor.web.api.clients import scored
from assessor.web.api.spec import operation
from assessor.web.runtime import unit_of_work, workspace

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv"
ICS = "text/calendar"


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


@operation(
    bp,
    "GET",
    "/assessments/{assessment_id}/roadmap.csv",
    "The roadmap as CSV, one action a row (formulas neutralised in free text)",
    replies={200: ("The CSV file", (CSV,)), 409: ("Nobody has submitted yet", models.Error)},
    lang=True,
)
def roadmap_csv_file(assessment_id: int) -> Response:
    """Every scheduled action with its phase, weeks, dates, effort, impact and why."""
    language = lang()
    found = scored(assessment_id)
    text = roadmap_csv(found.roadmap, workspace().content, language)
    disposition = f'attachment; filename="roadmap-{assessment_id}.csv"'
    return Response(text, mimetype=CSV, headers={"Content-Disposition": disposition})


@operation(
    bp,
    "GET",
    "/assessments/{assessment_id}/roadmap.ics",
    "The roadmap's milestones as iCalendar (each phase's end, each critical action's end)",
    replies={200: ("The calendar", (ICS,)), 409: ("Nobody has submitted yet", models.Error)},
    lang=True,
)
def roadmap_ics_file(assessment_id: int) -> Response:
    """All-day events dated from the assessment's date, with stable ids."""
    language = lang()
    data = roadmap_ics(scored(assessment_id).roadmap, language)
    disposition = f'attachment; filename="roadmap-{assessment_id}.ics"'
    return Response(data, mimetype=ICS, headers={"Content-Disposition": disposition})
