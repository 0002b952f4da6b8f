"""Every API route refuses an anonymous caller, a signed-in browser without a token, and
another firm's consultant (404); link routes answer only for a live link; errors are JSON."""

from __future__ import annotations

import base64
import re

from flask import Flask
from flask.testing import FlaskClient

from assessor.web.api.spec import OPERATIONS, PREFIX, document
from tests.web.api.support import api_answer, token_for, unanswered
from tests.web.support import add_firm, sign_in

BODIES = {
    "create_client": {"organisation": "Initech"},
    "create_assessment": {
        "questionnaire": "executive-self-assessment",
        "title": "T",
        "assessed_on": "2026-01-01",
    },
    "invite": {"role": "staff"},
    "order": {"template": "executive", "format": "html"},
    "put_answers": {"answers": {}},
    "update_plan_action": {"status": "in-progress"},
    "open_": {},
    "agree": {"value": "medium"},
    "create_mapping": {
        "name": "Spring form",
        "mapping": {
            "questionnaire": "executive-self-assessment",
            "role": {"value": "executive"},
            "columns": {"Size": "company-size"},
        },
    },
    "import_answers": {
        "format": "csv",
        "data": base64.b64encode(b"Size\nmedium\n").decode(),
        "mapping": {
            "questionnaire": "executive-self-assessment",
            "role": {"value": "executive"},
            "columns": {"Size": "company-size"},
        },
    },
}


def api_routes(app: Flask) -> list[tuple[str, str, str]]:
    """(endpoint, method, rule) of every rule of the URL map under /api/v1."""
    return [
        (rule.endpoint, method, rule.rule)
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(PREFIX)
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"})
    ]


def fill(rule: str, ids: dict[str, object]) -> str:
    """A rule's URL with each parameter set."""
    return re.sub(r"<(?:int:)?(\w+)>", lambda m: str(ids[m.group(1)]), rule)


def test_the_document_lists_every_api_route_of_the_url_map(app: Flask) -> None:
    documented = {
        (method.upper(), path) for path, item in document()["paths"].items() for method in item
    }
    mapped = {(m, re.sub(r"<(?:int:)?(\w+)>", r"{\1}", r)) for _, m, r in api_routes(app)}
    assert mapped == documented
    assert len(OPERATIONS) == len(documented)


def test_every_api_route_refuses_anonymous_cookie_and_other_firms(app: Flask) -> None:
    acme, rival = add_firm(app, "Acme"), add_firm(app, "Rival")
    owner, outsider = token_for(app, acme.user), token_for(app, rival.user)
    api = app.test_client()
    for _ in range(3):  # answering may show more questions
        shown = unanswered(api.get(f"/api/v1/respond/{acme.token}").get_json())
        given = {q["id"]: api_answer(q) for q in shown}
        api.put(f"/api/v1/respond/{acme.token}/answers", json={"answers": given})
    assert api.post(f"/api/v1/respond/{acme.token}/submit").status_code == 200
    job = api.post(
        f"/api/v1/assessments/{acme.assessment_id}/reports", headers=owner, json=BODIES["order"]
    ).get_json()["id"]
    ids = {
        "client_id": acme.client_id,
        "assessment_id": acme.assessment_id,
        "job_id": job,
        "token": acme.token,
        "other_id": _second_scored(app, api, owner, acme.client_id),
        "question": "company-size",
    }
    plan = api.get(f"/api/v1/assessments/{acme.assessment_id}/plan", headers=owner).get_json()
    ids["action"] = plan["phases"][0]["actions"][0]["id"]
    saved = dict(BODIES["create_mapping"], name="Autumn form")
    ids["mapping_id"] = api.post("/api/v1/mappings", headers=owner, json=saved).get_json()["id"]
    browser = app.test_client()
    sign_in(browser, acme.email)  # a session cookie is no API credential
    checked = 0
    for endpoint, method, rule in api_routes(app):
        name = endpoint.split(".", 1)[1]
        url, body = fill(rule, ids), BODIES.get(name)
        found = next(o for o in OPERATIONS if o.endpoint == name)
        if found.auth != "consultant":
            continue
        for caller, headers in ((api, {}), (browser, {}), (api, {"Authorization": "Bearer x"})):
            answer = caller.open(url, method=method, json=body, headers=headers)
            assert answer.status_code == 401, (endpoint, answer.status_code)
            assert answer.get_json()["detail"] and "Set-Cookie" not in answer.headers
        if "<" in rule:
            answer = api.open(url, method=method, json=body, headers=outsider)
            assert answer.status_code == 404, (endpoint, method, answer.status_code)
            assert answer.is_json
        answer = api.open(url, method=method, json=body, headers=owner)
        assert answer.status_code < 400, (endpoint, method, answer.get_data(as_text=True)[:300])
        checked += 1
    assert checked == len([o for o in OPERATIONS if o.auth == "consultant"]) >= 11


def _second_scored(app: Flask, api: FlaskClient, owner: dict[str, str], client_id: int) -> int:
    """Another assessment of the client with one submitted answer (to compare with)."""
    made = api.post(
        f"/api/v1/clients/{client_id}/assessments", headers=owner, json=BODIES["create_assessment"]
    ).get_json()["id"]
    link = api.post(
        f"/api/v1/assessments/{made}/invitations", headers=owner, json=BODIES["invite"]
    ).get_json()["token"]
    api.put(f"/api/v1/respond/{link}/answers", json={"answers": {"company-size": "small"}})
    assert api.post(f"/api/v1/respond/{link}/submit").status_code == 200
    return int(made)


def test_link_routes_answer_only_for_a_live_link(app: Flask) -> None:
    acme = add_firm(app, "Acme")
    api = app.test_client()
    assert api.get("/api/v1/respond/not-a-real-token").status_code == 404
    assert api.get(f"/api/v1/respond/{acme.token}").status_code == 200
    assert api.post(f"/api/v1/respond/{acme.token}/submit").status_code == 200
    for method, path in (("GET", ""), ("PUT", "/answers"), ("POST", "/submit")):
        answer = api.open(
            f"/api/v1/respond/{acme.token}{path}", method=method, json={"answers": {}}
        )
        assert answer.status_code == 409 and answer.get_json()["detail"]


def test_bad_bodies_are_json_errors_never_500(app: Flask) -> None:
    acme = add_firm(app, "Acme")
    auth = token_for(app, acme.user)
    api = app.test_client()
    cases = [
        ({"data": "{", "content_type": "application/json"}, 400),
        ({"data": "organisation=x"}, 415),
        ({"json": []}, 422),
        ({"json": {"organisation": ""}}, 422),
        ({"json": {"organisation": "x", "employees": 0}}, 422),
        ({"json": {"organisation": "x", "extra": 1}}, 422),
        ({"data": "x" * 300_000, "content_type": "application/json"}, 413),
    ]
    for kwargs, status in cases:
        answer = api.post("/api/v1/clients", headers=auth, **kwargs)  # type: ignore[arg-type]
        assert answer.status_code == status, (kwargs, answer.get_data(as_text=True)[:200])
        assert answer.is_json and answer.get_json()["detail"]
    wrong = api.get(f"/api/v1/assessments/{acme.assessment_id}/results?lang=xx", headers=auth)
    assert wrong.status_code == 400 and wrong.is_json
    assert api.get("/api/v1/nowhere").is_json
