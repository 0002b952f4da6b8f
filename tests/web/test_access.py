"""Every route but sign-in, health, static files and respondent links refuses an anonymous
visitor and a consultant of another firm."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.web.support import add_firm, csrf_token, sign_in

OPEN = {"auth.sign_in", "auth.sign_out", "auth.home", "health.healthz", "static"}
"""Endpoints anyone may reach; respondent links (respond.*) are reached by their token."""


def consultant_routes(app: Flask) -> list[tuple[str, str, str]]:
    """(endpoint, method, rule) of every consultant route."""
    found = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in OPEN or rule.endpoint.startswith(("respond.", "participate.", "api.")):
            continue  # the API's routes: tests/web/api/test_api_access.py
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            found.append((rule.endpoint, method, rule.rule))
    return found


def fill(rule: str, ids: dict[str, int]) -> str:
    """A rule's URL with each id parameter set to the given record's id."""
    return re.sub(r"<int:(\w+)>", lambda m: str(ids[m.group(1)]), rule)


def test_every_consultant_route_refuses_anonymous_and_other_firms(app: Flask) -> None:
    acme = add_firm(app, "Acme")
    rival = add_firm(app, "Rival")
    owner = app.test_client()
    token = sign_in(owner, acme.email)
    job = _report_job(app, owner, acme, token)
    ids = {
        "client_id": acme.client_id,
        "assessment_id": acme.assessment_id,
        "respondent_id": acme.respondent_id,
        "job_id": job,
    }
    routes = consultant_routes(app)
    assert {"consult.clients", "consult.results", "consult.download"} <= {r[0] for r in routes}

    anonymous = app.test_client()
    anonymous_token = csrf_token(anonymous)
    outsider = app.test_client()
    outsider_token = sign_in(outsider, rival.email)
    for endpoint, method, rule in routes:
        url = fill(rule, ids)
        answer = anonymous.open(url, method=method, data={"csrf_token": anonymous_token})
        assert answer.status_code in (302, 401), (endpoint, method, answer.status_code)
        if answer.status_code == 302:
            assert answer.headers["Location"].startswith("/signin"), endpoint
        if "<int:" in rule:
            answer = outsider.open(url, method=method, data={"csrf_token": outsider_token})
            assert answer.status_code in (403, 404), (endpoint, method, answer.status_code)
    assert "Acme client" not in outsider.get("/clients").get_data(as_text=True)
    assert "admin@acme" not in outsider.get("/team").get_data(as_text=True)


def _report_job(app: Flask, owner: FlaskClient, acme: object, token: str) -> int:
    """Submit one answer by Acme's link and order a report; the job's id."""
    link = f"/r/{acme.token}"  # type: ignore[attr-defined]
    respondent = app.test_client()
    page_token = csrf_token(respondent, f"{link}/review")
    respondent.post(f"{link}/s/1", data={"csrf_token": page_token, "q__company-size": "medium"})
    respondent.post(f"{link}/submit", data={"csrf_token": page_token})
    ordered = owner.post(
        f"/assessments/{acme.assessment_id}/reports",  # type: ignore[attr-defined]
        data={"template": "executive", "format": "html", "csrf_token": token},
    )
    assert ordered.status_code == 302, ordered.get_data(as_text=True)
    return int(ordered.headers["Location"].rsplit("/", 1)[1])


@pytest.mark.parametrize("path", ["/signin", "/healthz"])
def test_sign_in_and_health_are_open(client: FlaskClient, path: str) -> None:
    assert client.get(path).status_code == 200


def test_team_is_managed_by_the_firm_administrator_only(app: Flask) -> None:
    acme = add_firm(app, "Acme")
    admin = app.test_client()
    token = sign_in(admin, acme.email)
    added = admin.post(
        "/team",
        data={
            "name": "Sam",
            "email": "sam@acme.example",
            "password": "long enough pw",
            "csrf_token": token,
        },
    )
    assert added.status_code == 302
    sam = app.test_client()
    sam_token = sign_in(sam, "sam@acme.example", "long enough pw")
    assert "Add a consultant" not in sam.get("/team").get_data(as_text=True)
    refused = sam.post(
        "/team",
        data={
            "name": "Eve",
            "email": "eve@acme.example",
            "password": "long enough pw",
            "csrf_token": sam_token,
        },
    )
    assert refused.status_code == 403


HUGE = "99999999999999999999"
"""An id past every integer the database holds."""


def test_every_route_with_an_id_past_the_database_range_is_not_found(app: Flask) -> None:
    acme = add_firm(app, "Acme")
    owner = app.test_client()
    token = sign_in(owner, acme.email)
    bearer = {"Authorization": f"Bearer {_api_token(app, acme.email)}"}
    walked = 0
    for rule in app.url_map.iter_rules():
        if "<int:" not in rule.rule:
            continue
        url = re.sub(r"<int:\w+>", HUGE, rule.rule)
        url = re.sub(r"<(?:\w+:)?\w+>", "x", url)
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            answer = owner.open(url, method=method, data={"csrf_token": token}, headers=bearer)
            assert answer.status_code == 404, (rule.endpoint, method, answer.status_code)
            walked += 1
    assert walked > 20
    assert owner.get(f"/reports/{2**31}").status_code == 404
    assert owner.get(f"/reports/{2**31 - 1}").status_code == 404


def _api_token(app: Flask, email: str) -> str:
    """A fresh API token for the consultant."""
    from assessor.services.accounts import issue_api_token_for
    from assessor.web.runtime import unit_of_work

    with app.app_context(), unit_of_work() as db:
        found = issue_api_token_for(db, email)
    assert found is not None
    return found
