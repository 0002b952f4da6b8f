"""Score an assessment and plan its roadmap, from responses and targets already read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from assessor.domain.errors import InputError
from assessor.domain.responses import Response
from assessor.domain.results import Assessment, Roadmap
from assessor.domain.roadmap import plan_roadmap
from assessor.domain.scoring import score_assessment
from assessor.services.workspace import Workspace


def score(
    ws: Workspace,
    questionnaire_id: str,
    responses: Sequence[Response],
    targets: Mapping[str, float] | None = None,
) -> Assessment:
    """The assessment of the responses to a questionnaire; InputError when there are none."""
    ws.questionnaire(questionnaire_id)
    if not responses:
        raise InputError("give at least one respondent's answers")
    return score_assessment(ws.content, questionnaire_id, responses, targets)


def plan(ws: Workspace, assessment: Assessment, start: dt.date | None = None) -> Roadmap:
    """The phased roadmap for an assessment, with dates when `start` is given."""
    try:
        return plan_roadmap(ws.content, assessment, start)
    except OverflowError:
        raise InputError(
            f"the roadmap cannot start on {start}: its last weeks would fall after the year 9999"
        ) from None


def rescore(ws: Workspace, stored: Assessment, responses: Sequence[Response]) -> Assessment:
    """A stored assessment scored again on the workspace's content, with the same targets."""
    targets = {d.ref: d.target for f in stored.frameworks.values() for d in f.dimensions.values()}
    return score(ws, stored.questionnaire, responses, targets)
