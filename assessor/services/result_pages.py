"""What a results page shows, worded by the same code as the reports (reporting/)."""

from __future__ import annotations

from typing import Any

from assessor.reporting.context import ReportInput, build_context
from assessor.reporting.settings import ReportOptions
from assessor.services.reports import report_settings
from assessor.services.scored import Results
from assessor.services.workspace import Workspace

PAGE_KEYS = (
    "t",
    "readiness",
    "story",
    "confidence",
    "main",
    "tables",
    "phase_frameworks",
    "risks",
    "roadmap",
    "kpis",
    "respondents",
    "available",
)
"""The report context variables a results page uses."""


def results_page(ws: Workspace, results: Results, lang: str, client: str) -> dict[str, Any]:
    """The results page's variables: readiness, radar, risks, disagreement and roadmap."""
    settings = report_settings(ws.report_dirs, lang)
    context = build_context(
        ReportInput(
            ws.content,
            results.assessment,
            results.roadmap,
            settings.branding,
            settings.translator,
            settings.layout,
            ReportOptions(client=client[:200], date=results.record.assessed_on),
        )
    )
    page = {key: context[key] for key in PAGE_KEYS}
    page["radar"] = context["charts"].radar
    return page
