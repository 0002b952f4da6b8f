"""The tracked plan and the comparison through the API: same results as the pages, JSON errors."""

from __future__ import annotations

from flask import Flask

from assessor.services.accounts import issue_api_token_for
from assessor.web.runtime import runtime_of
from tests.web.api.support import token_for
from tests.web.progress_support import load
from tests.web.support import add_firm


def demo_token(app: Flask) -> dict[str, str]:
    """The Authorization header of the demo consultant."""
    with runtime_of(app).database.unit_of_work() as session:
        token = issue_api_token_for(session, "demo@example.com")
    assert token is not None
    return {"Authorization": f"Bearer {token}"}


def test_the_plan_is_listed_and_an_action_tracked_with_its_history(any_app: Flask) -> None:
    demo = load(any_app)
    auth = demo_token(any_app)
    api = any_app.test_client()
    url = f"/api/v1/assessments/{demo.workshops[0]}/plan"
    plan = api.get(url, headers=auth).get_json()
    action = plan["phases"][0]["actions"][0]
    assert action["status"] == "not-started" and plan["phases"][0]["percent"] == 0
    changed = api.patch(
        f"{url}/{action['id']}",
        json={"status": "done", "owner": "PMO", "due_on": "2027-01-31", "notes": "=SUM(A1)"},
        headers=auth,
    )
    assert changed.status_code == 200, changed.get_json()
    body = changed.get_json()
    done = body["phases"][0]["actions"][0]
    assert (done["status"], done["owner"], done["due_on"]) == ("done", "PMO", "2027-01-31")
    assert body["phases"][0]["percent"] > 0
    assert {c["field"] for c in body["changes"]} >= {"status", "owner", "due_on", "notes"}
    assert all(c["who"] and c["action"] == action["id"] for c in body["changes"])
    cleared = api.patch(f"{url}/{action['id']}", json={"owner": None}, headers=auth).get_json()
    assert cleared["phases"][0]["actions"][0]["owner"] is None
    assert cleared["phases"][0]["actions"][0]["status"] == "done"


def test_bad_plan_changes_are_refused_in_json(app: Flask) -> None:
    demo = load(app)
    auth = demo_token(app)
    api = app.test_client()
    url = f"/api/v1/assessments/{demo.workshops[0]}/plan"
    action = api.get(url, headers=auth).get_json()["phases"][0]["actions"][0]["id"]
    for body, status in (
        ({"status": "finished"}, 422),
        ({"status": None}, 422),
        ({"owner": "x" * 201}, 422),
        ({"due_on": "tomorrow"}, 422),
        ({"colour": "red"}, 422),
    ):
        answer = api.patch(f"{url}/{action}", json=body, headers=auth)
        assert answer.status_code == status, (body, answer.get_json())
        assert answer.get_json()["error"]
    assert api.patch(f"{url}/no-such-action", json={}, headers=auth).status_code == 404
    assert api.patch(f"{url}/{action}", data="{", headers=auth).status_code == 415


def test_two_assessments_compare_earlier_first(app: Flask) -> None:
    demo = load(app)
    auth = demo_token(app)
    api = app.test_client()
    first, _, last = demo.workshops
    answer = api.get(f"/api/v1/assessments/{last}/compare/{first}", headers=auth)
    assert answer.status_code == 200, answer.get_json()
    body = answer.get_json()
    assert (body["before_id"], body["after_id"]) == (first, last)
    assert body["readiness_after"] > body["readiness_before"] and body["band_change"] > 0
    assert body["dimensions"] and body["risks_resolved"]
    assert api.get(f"/api/v1/assessments/{first}/compare/{first}", headers=auth).status_code == 404


def test_another_firm_sees_neither_plan_nor_comparison(app: Flask) -> None:
    demo = load(app)
    rival = token_for(app, add_firm(app, "Rival").user)
    api = app.test_client()
    first, _, last = demo.workshops
    for url in (
        f"/api/v1/assessments/{first}/plan",
        f"/api/v1/assessments/{last}/compare/{first}",
    ):
        assert api.get(url, headers=rival).status_code == 404
        assert api.get(url).status_code == 401
    refused = api.patch(f"/api/v1/assessments/{first}/plan/x", json={}, headers=rival)
    assert refused.status_code == 404 and refused.is_json
