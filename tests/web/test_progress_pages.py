"""Progress over time: a client's history, two assessments compared, trend charts, re-scoring."""

from __future__ import annotations

import dataclasses
import re

from flask import Flask

from assessor.domain.results import Assessment
from assessor.store.repositories import AssessmentRepository
from assessor.web.runtime import runtime_of
from tests.web.progress_support import load, signed_in
from tests.web.support import add_firm, sign_in

READINESS = re.compile(r'<td class="num">(\d+)</td>')
NOTICE = "not strictly comparable"


def test_the_history_shows_readiness_improving_with_trends_and_plan_progress(
    any_app: Flask,
) -> None:
    demo = load(any_app)
    browser, _ = signed_in(any_app)
    page = browser.get(f"/clients/{demo.client_id}/history").get_data(as_text=True)
    scores = [int(s) for s in READINESS.findall(page)]
    assert len(scores) == 3 and scores == sorted(scores) and scores[0] < scores[-1]
    assert page.index("first look") < page.index("foundations in place")
    trends = page.split('id="trends"')[1]
    assert trends.count('<img src="data:image/svg+xml;base64,') >= 1, "one trend chart a framework"
    assert (
        'id="plan-progress"' in page and "strategy under way" in page.split('id="plan-progress"')[1]
    )


def test_compare_shows_what_moved_and_the_tracked_actions_completed(any_app: Flask) -> None:
    demo = load(any_app)
    browser, _ = signed_in(any_app)
    middle, latest = demo.workshops[1], demo.workshops[2]
    answer = browser.get(f"/clients/{demo.client_id}/compare?before={latest}&after={middle}")
    page = answer.get_data(as_text=True)
    assert answer.status_code == 200
    assert page.index("strategy under way") < page.index("foundations in place"), "earlier first"
    assert re.search(r'class="num change">\+\d+', page), "dimensions gained points"
    assert re.search(r"Higher band \(\+\d\)|Same band\.", page)
    completed = re.search(r"Planned actions completed: (\d+)", page)
    assert completed and int(completed.group(1)) > 0, "the tracked plan's done actions count"
    assert re.search(r"Risks resolved: \d+", page)
    assert NOTICE not in page, "same content: no notice"


def test_a_content_change_is_shown_and_rescoring_both_clears_it(app: Flask) -> None:
    demo = load(app)
    browser, token = signed_in(app)
    first, latest = demo.workshops[0], demo.workshops[2]
    assert browser.get(f"/clients/{demo.client_id}/history").status_code == 200, "scored, kept"
    runtime = runtime_of(app)
    with runtime.database.unit_of_work() as session:
        repo = AssessmentRepository(session)
        stored = repo.result(1, first)
        assert stored is not None
        older = dataclasses.replace(Assessment.load(stored.result), content_fingerprint="older")
        repo.store_result(1, first, older.dump(), stored.fingerprint)
    url = f"/clients/{demo.client_id}/compare"
    page = browser.get(f"{url}?before={first}&after={latest}").get_data(as_text=True)
    assert NOTICE in page and "Score both again on the current content" in page
    again = browser.post(url, data={"csrf_token": token, "before": first, "after": latest})
    assert again.status_code == 200 and NOTICE not in again.get_data(as_text=True)
    refused = browser.post(url, data={"before": first, "after": latest})
    assert refused.status_code == 400, "no CSRF token, no re-scoring"


def test_another_firm_and_mixed_clients_are_not_found(app: Flask) -> None:
    demo = load(app)
    rival = add_firm(app, "Rival")
    outsider = app.test_client()
    sign_in(outsider, rival.email)
    assert outsider.get(f"/clients/{demo.client_id}/history").status_code == 404
    a, b = demo.workshops[0], demo.workshops[1]
    url = f"/clients/{demo.client_id}/compare?before={a}&after={b}"
    assert outsider.get(url).status_code == 404
    browser, _ = signed_in(app)
    mixed = f"/clients/{demo.client_id}/compare?before={a}&after={rival.assessment_id}"
    assert browser.get(mixed).status_code == 404
    assert browser.get(f"/clients/{demo.client_id}/compare?before={a}&after={a}").status_code == 404
