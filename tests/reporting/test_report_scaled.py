"""Durations scaled to the company: the roadmap marks each scaled action with the answer that
scaled it, and the limitations say once that durations were scaled and against what."""

from __future__ import annotations

import dataclasses

import html5lib

from assessor.domain.responses import Response
from assessor.services.assessments import plan, score
from assessor.services.files import read_responses
from assessor.services.report_request import ReportOptions, ReportRequest
from assessor.services.reports import prepare_report, render_report
from assessor.services.workspace import Workspace
from tests.reporting.support import ACME

QUESTIONNAIRE = "consultant-workshop"


def bigger(responses: list[Response]) -> list[Response]:
    """The Acme answers from a large company whose system 101 to 500 people would use."""
    return [
        dataclasses.replace(
            r, answers={**r.answers, "company-size": "large", "crm-users": "101-500"}
        )
        for r in responses
    ]


def test_scaled_actions_are_marked_and_the_limitations_say_why(shipped: Workspace) -> None:
    responses = bigger(read_responses(shipped, QUESTIONNAIRE, ACME))
    roadmap = plan(shipped, score(shipped, QUESTIONNAIRE, responses, None))
    scaled = [a for a in roadmap.actions if a.planned_weeks is not None]
    by_users = [a for a in scaled if a.scaled_by == "users"]
    assert by_users and len(scaled) > len(by_users), "users for some, company size for others"
    request = ReportRequest(template="full", format="html", options=ReportOptions(client="Acme"))
    page = render_report(prepare_report(shipped, QUESTIONNAIRE, responses, None, request)).html
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    for action in by_users:
        row = tree.find(f".//tr[@id='action-{action.id}']")
        assert row is not None
        words = " ".join(" ".join(row.itertext()).split())
        assert (
            f"longer for 101 to 500 users ({action.planned_weeks} weeks at the reference size)"
            in words
        )
    sized = next(a for a in scaled if a.scaled_by == "size")
    row = tree.find(f".//tr[@id='action-{sized.id}']")
    assert row is not None and "longer for 250 to 999 staff" in " ".join(row.itertext())
    scope = tree.find(".//section[@id='scope']")
    assert scope is not None
    assert f"The durations of {len(scaled)} actions are scaled" in " ".join(
        " ".join(scope.itertext()).split()
    )
