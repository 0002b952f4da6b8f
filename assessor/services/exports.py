"""Export results as rows for a spreadsheet or a project tool."""

from __future__ import annotations

import csv
import io

from assessor.domain.content import Content
from assessor.domain.results import Roadmap
from assessor.domain.text import tr
from assessor.services.results import describe_rationale

CSV_COLUMNS = (
    "id",
    "title",
    "phase",
    "start_week",
    "end_week",
    "start",
    "end",
    "duration_weeks",
    "effort",
    "impact",
    "prerequisites",
    "quick_win",
    "critical",
    "rationale",
    "kpis",
)
"""The CSV header: one action a row, lists separated by semicolons."""


def roadmap_rows(roadmap: Roadmap, content: Content, lang: str = "en") -> list[dict[str, str]]:
    """Every scheduled action as a row of text cells, in plan order, keyed by CSV column."""
    rows = []
    for action in roadmap.actions:
        rows.append(
            {
                "id": action.id,
                "title": tr(action.title, lang),
                "phase": action.phase,
                "start_week": str(action.start_week),
                "end_week": str(action.end_week),
                "start": action.start.isoformat() if action.start else "",
                "end": action.end.isoformat() if action.end else "",
                "duration_weeks": str(action.duration_weeks),
                "effort": action.effort,
                "impact": action.impact,
                "prerequisites": ";".join(action.prerequisites),
                "quick_win": "yes" if action.quick_win else "no",
                "critical": "yes" if action.critical else "no",
                "rationale": "; ".join(
                    describe_rationale(why, content) for why in action.rationale
                ),
                "kpis": ";".join(action.kpis),
            }
        )
    return rows


def roadmap_csv(roadmap: Roadmap, content: Content, lang: str = "en") -> str:
    """The roadmap as CSV text with a header row (opens in a spreadsheet, imports into a project tool)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(roadmap_rows(roadmap, content, lang))
    return out.getvalue()
