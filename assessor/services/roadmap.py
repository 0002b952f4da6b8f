"""Plan a roadmap from answers files, and export it as rows for a spreadsheet or project tool."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

from assessor.domain.content import Content
from assessor.domain.results import Assessment, Roadmap
from assessor.domain.roadmap import plan_roadmap
from assessor.domain.text import tr
from assessor.services.scoring import assess

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


def build_roadmap(
    content: Content,
    questionnaire_id: str,
    answer_paths: Sequence[Path | str],
    targets_path: Path | str | None = None,
    start: dt.date | None = None,
) -> tuple[Assessment, Roadmap]:
    """Score the answers files, then plan the roadmap for that assessment."""
    assessment = assess(content, questionnaire_id, answer_paths, targets_path)
    return assessment, plan_roadmap(content, assessment, start)


def roadmap_rows(roadmap: Roadmap, lang: str = "en") -> list[dict[str, str]]:
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
                "rationale": "; ".join(why.text for why in action.rationale),
                "kpis": ";".join(action.kpis),
            }
        )
    return rows


def roadmap_csv(roadmap: Roadmap, lang: str = "en") -> str:
    """The roadmap as CSV text with a header row (opens in a spreadsheet, imports into a project tool)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(roadmap_rows(roadmap, lang))
    return out.getvalue()
