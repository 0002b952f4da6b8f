"""Shared test helpers: workspaces loaded once, answers files scored, reports rendered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from assessor.domain.results import Assessment
from assessor.services.assessments import score
from assessor.services.files import read_responses, read_targets
from assessor.services.workspace import Workspace, open_workspace

ROOT = Path(__file__).resolve().parents[1]


@cache
def workspace(root: Path = ROOT) -> Workspace:
    """The workspace of a content folder, loaded once per test session."""
    return open_workspace(root)


def assess(
    ws: Workspace,
    questionnaire_id: str,
    answers: Sequence[Path | str],
    targets: Path | str | None = None,
) -> Assessment:
    """Score answers files (and a targets file) as the command line does."""
    responses = read_responses(ws, questionnaire_id, [Path(p) for p in answers])
    return score(
        ws, questionnaire_id, responses, read_targets(ws, Path(targets) if targets else None)
    )


def report(
    ws: Workspace,
    questionnaire: str,
    answers: Sequence[Path],
    targets: Path | None = None,
    **fields: Any,
) -> Any:
    """Render a report from answers files; `fields` are ReportRequest's and ReportOptions' fields,
    and prepare_report's `consensus` and `history`."""
    from assessor.services.report_request import ReportOptions, ReportRequest
    from assessor.services.reports import prepare_report, render_report

    option_names = ("client", "date", "paper", "chart_format", "named", "version")
    options = {k: fields.pop(k) for k in option_names if k in fields}
    options.setdefault("date", dt.date(2026, 4, 20))
    extras = {k: fields.pop(k) for k in ("consensus", "history") if k in fields}
    request = ReportRequest(options=ReportOptions(**options), **fields)
    responses = read_responses(ws, questionnaire, list(answers))
    job = prepare_report(ws, questionnaire, responses, read_targets(ws, targets), request, **extras)
    return render_report(job, ws)
