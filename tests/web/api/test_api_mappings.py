"""Saved import mappings through the API: save once, import with `mapping_id` as with the mapping
itself, names unique in a firm, checked against the content, invisible to another firm."""

from __future__ import annotations

import base64

from flask import Flask

from tests.web.api.support import token_for
from tests.web.api.test_api_import import MAPPING
from tests.web.support import add_firm

FORM = 'Name,Size,Sponsor\nAnn,medium,"Yes, named"\nBob,small,no\n'
DATA = base64.b64encode(FORM.encode()).decode()


def test_a_saved_mapping_imports_as_the_mapping_itself_and_round_trips(app: Flask) -> None:
    acme = add_firm(app, "Acme")
    auth = token_for(app, acme.user)
    api = app.test_client()
    saved = api.post("/api/v1/mappings", json={"name": "Spring form", "mapping": MAPPING},
                     headers=auth)  # fmt: skip
    assert saved.status_code == 201, saved.get_json()
    body = saved.get_json()
    assert body["name"] == "Spring form" and body["questionnaire"] == MAPPING["questionnaire"]
    assert body["mapping"] == {"roles": {}, **MAPPING}  # with the defaults filled in
    assert api.get(f"/api/v1/mappings/{body['id']}", headers=auth).get_json() == body
    listed = api.get("/api/v1/mappings", headers=auth).get_json()["mappings"]
    assert listed == [body]

    url = f"/api/v1/assessments/{acme.assessment_id}/answers/import"
    by_id = api.post(url, json={"format": "csv", "data": DATA, "mapping_id": body["id"]},
                     headers=auth)  # fmt: skip
    assert by_id.status_code == 201, by_id.get_json()
    inline = api.post(url, json={"format": "csv", "data": DATA, "mapping": MAPPING}, headers=auth)
    assert inline.status_code == 201
    people = api.get(f"/api/v1/assessments/{acme.assessment_id}", headers=auth).get_json()
    imported = [r for r in people["respondents"] if r["id"] in by_id.get_json()["respondents"]]
    again = [r for r in people["respondents"] if r["id"] in inline.get_json()["respondents"]]
    assert [(r["name"], r["role"]) for r in imported] == [
        ("Ann", "executive"),
        ("Bob", "executive"),
    ]
    assert [(r["name"], r["role"]) for r in again] == [(r["name"], r["role"]) for r in imported]

    gone = api.delete(f"/api/v1/mappings/{body['id']}", headers=auth)
    assert gone.status_code == 204 and not gone.data
    assert api.get(f"/api/v1/mappings/{body['id']}", headers=auth).status_code == 404
    assert api.get("/api/v1/mappings", headers=auth).get_json() == {"mappings": []}
    late = api.post(url, json={"format": "csv", "data": DATA, "mapping_id": body["id"]},
                    headers=auth)  # fmt: skip
    assert late.status_code == 404 and late.get_json()["detail"] == "no such mapping"


def test_a_mapping_is_checked_and_its_name_is_unique_in_the_firm(app: Flask) -> None:
    acme = add_firm(app, "Acme")
    auth = token_for(app, acme.user)
    api = app.test_client()
    first = api.post("/api/v1/mappings", json={"name": "Form", "mapping": MAPPING}, headers=auth)
    assert first.status_code == 201
    twice = api.post("/api/v1/mappings", json={"name": "Form", "mapping": MAPPING}, headers=auth)
    assert (
        twice.status_code == 409
        and "already has a mapping named 'Form'" in twice.get_json()["detail"]
    )
    unknown = {**MAPPING, "columns": {"Size": "no-such-question"}}
    bad = api.post("/api/v1/mappings", json={"name": "Bad", "mapping": unknown}, headers=auth)
    assert bad.status_code == 422, bad.get_json()
    assert "unknown question 'no-such-question'" in bad.get_json()["problems"][0]["message"]
    stranger = {**MAPPING, "questionnaire": "no-such-questionnaire"}
    worse = api.post("/api/v1/mappings", json={"name": "Worse", "mapping": stranger}, headers=auth)
    assert worse.status_code == 422 and "no-such-questionnaire" in str(worse.get_json())
    names = [m["name"] for m in api.get("/api/v1/mappings", headers=auth).get_json()["mappings"]]
    assert names == ["Form"]

    url = f"/api/v1/assessments/{acme.assessment_id}/answers/import"
    both = {"format": "csv", "data": DATA, "mapping": MAPPING, "mapping_id": first.get_json()["id"]}
    neither = {"format": "csv", "data": DATA}
    for body in (both, neither):
        answer = api.post(url, json=body, headers=auth)
        assert answer.status_code == 422 and "mapping or mapping_id" in answer.get_json()["detail"]


def test_another_firm_neither_sees_nor_uses_nor_deletes_a_mapping(app: Flask) -> None:
    acme, rival = add_firm(app, "Acme"), add_firm(app, "Rival")
    owner, outsider = token_for(app, acme.user), token_for(app, rival.user)
    api = app.test_client()
    made = api.post("/api/v1/mappings", json={"name": "Form", "mapping": MAPPING}, headers=owner)
    mapping_id = made.get_json()["id"]
    assert api.get("/api/v1/mappings", headers=outsider).get_json() == {"mappings": []}
    assert api.get(f"/api/v1/mappings/{mapping_id}", headers=outsider).status_code == 404
    assert api.delete(f"/api/v1/mappings/{mapping_id}", headers=outsider).status_code == 404
    url = f"/api/v1/assessments/{rival.assessment_id}/answers/import"
    used = api.post(url, json={"format": "csv", "data": DATA, "mapping_id": mapping_id},
                    headers=outsider)  # fmt: skip
    assert used.status_code == 404
    people = api.get(f"/api/v1/assessments/{rival.assessment_id}", headers=outsider).get_json()
    assert len(people["respondents"]) == 1, "only the invited one: nothing was imported"
    same_name = api.post("/api/v1/mappings", json={"name": "Form", "mapping": MAPPING},
                         headers=outsider)  # fmt: skip
    assert same_name.status_code == 201, "names are unique per firm, not across firms"
    assert api.get(f"/api/v1/mappings/{mapping_id}", headers=owner).status_code == 200
