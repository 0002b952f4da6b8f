"""Answers imported through the API, on SQLite and PostgreSQL: an export's round trip, a CSV with a
mapping, every error."""

from __future__ import annotations

import base64

from flask import Flask

from tests.web.api.support import token_for
from tests.web.api.test_api_progress import demo_token
from tests.web.progress_support import load
from tests.web.support import add_firm

MAPPING = {
    "questionnaire": "executive-self-assessment",
    "name": "Name",
    "role": {"value": "executive"},
    "columns": {"Size": "company-size", "Sponsor": "executive-sponsor-named"},
    "values": {"executive-sponsor-named": {"Yes, named": "yes"}},
}


def csv_body(text: str, mapping: dict[str, object] | None = None) -> dict[str, object]:
    """An import body carrying a CSV file."""
    data = base64.b64encode(text.encode()).decode()
    return {"format": "csv", "data": data, "mapping": mapping or MAPPING}


def test_an_export_imports_into_another_assessment_with_the_same_scores(any_app: Flask) -> None:
    demo = load(any_app)
    auth = demo_token(any_app)
    api = any_app.test_client()
    first, middle, _ = demo.workshops
    document = api.get(f"/api/v1/assessments/{first}/export.json", headers=auth).get_json()
    before = api.get(f"/api/v1/assessments/{first}/results", headers=auth).get_json()
    fresh = api.post(
        f"/api/v1/clients/{demo.client_id}/assessments",
        json={
            "questionnaire": "consultant-workshop",
            "title": "Imported",
            "assessed_on": "2026-11-30",
        },
        headers=auth,
    )
    assert fresh.status_code == 201, fresh.get_json()
    target = fresh.get_json()["id"]
    done = api.post(
        f"/api/v1/assessments/{target}/answers/import",
        json={"format": "export", "document": document},
        headers=auth,
    )
    assert done.status_code == 201, done.get_json()
    assert len(done.get_json()["respondents"]) == len(document["respondents"])
    after = api.get(f"/api/v1/assessments/{target}/results", headers=auth).get_json()
    assert after["readiness"]["score"] == before["readiness"]["score"]
    wrong = api.post(
        f"/api/v1/assessments/{middle}/answers/import",
        json={"format": "export", "document": {"kind": "nonsense"}},
        headers=auth,
    )
    assert wrong.status_code == 422 and "nothing was imported" in wrong.get_json()["detail"]


def test_a_csv_imports_through_its_mapping_and_a_bad_one_imports_nothing(any_app: Flask) -> None:
    acme = add_firm(any_app, "Acme")
    auth = token_for(any_app, acme.user)
    api = any_app.test_client()
    url = f"/api/v1/assessments/{acme.assessment_id}/answers/import"
    good = 'Name,Size,Sponsor\nAnn,medium,"Yes, named"\nBob,small,no\n'
    done = api.post(url, json=csv_body(good), headers=auth)
    assert done.status_code == 201, done.get_json()
    assert len(done.get_json()["respondents"]) == 2

    bad = "Name,Size,Sponsor\nCid,gigantic,yes\nDee,small,perhaps\n"
    refused = api.post(url, json=csv_body(bad), headers=auth)
    assert refused.status_code == 422, refused.get_json()
    messages = [p["message"] for p in refused.get_json()["problems"]]
    assert any(":2" in m and "Size" in m for m in messages), messages
    assert any(":3" in m and "Sponsor" in m for m in messages), messages
    people = api.get(f"/api/v1/assessments/{acme.assessment_id}", headers=auth).get_json()
    assert len(people["respondents"]) == 3, "the invited one and the two imported, nothing more"

    for body in (
        {"format": "csv", "data": "not base64!", "mapping": MAPPING},
        {"format": "csv", "mapping": MAPPING},
        {"format": "xlsx", "data": base64.b64encode(b"PK junk").decode(), "mapping": MAPPING},
        csv_body(good, {**MAPPING, "columns": {"Nope": "company-size"}}),
        csv_body(
            good,
            {
                **MAPPING,
                "questionnaire": "consultant-workshop",
                "columns": {"Size": "company-size"},
            },
        ),
        {"format": "export"},
    ):
        answer = api.post(url, json=body, headers=auth)
        assert answer.status_code == 422, (body, answer.get_json())
    other = token_for(any_app, add_firm(any_app, "Rival").user)
    assert api.post(url, json=csv_body(good), headers=other).status_code == 404
