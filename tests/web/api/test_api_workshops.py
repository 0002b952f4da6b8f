"""Workshops through the API: open, participants join by code, the room live, consensus kept."""

from __future__ import annotations

from flask import Flask

from tests.web.api.support import token_for
from tests.web.support import add_firm
from tests.web.test_workshop import answer, join


def test_a_workshop_opens_fills_and_records_consensus(app: Flask) -> None:
    acme = add_firm(app, "Acme")
    auth = token_for(app, acme.user)
    api = app.test_client()
    base = f"/api/v1/assessments/{acme.assessment_id}"
    assert api.get(f"{base}/workshop", headers=auth).status_code == 404
    opened = api.post(f"{base}/workshop", json={"days": 3}, headers=auth)
    assert opened.status_code == 201, opened.get_json()
    room = opened.get_json()
    assert (
        room["mode"] == "live" and room["joined"] == 0 and room["join_path"].endswith(room["code"])
    )
    for role, value in (("executive", "small"), ("it", "large"), ("manager", "medium")):
        phone, link = join(app, room["code"], role)
        answer(phone, link, "company-size", value)
    now = api.get(f"{base}/workshop?lang=ru", headers=auth).get_json()
    assert now["joined"] == 3 and now["answers"] >= 3 and now["answering"] >= 3
    assert all(d["by_role"] for d in now["debates"])

    agreed = api.put(
        f"{base}/consensus/company-size", json={"value": "medium", "note": "agreed"}, headers=auth
    )
    assert agreed.status_code == 200, agreed.get_json()
    assert agreed.get_json()["value"] == "medium"
    assert "company-size" in api.get(f"{base}/workshop", headers=auth).get_json()["agreed"]


def test_bad_consensus_and_other_firms_are_refused_in_json(app: Flask) -> None:
    acme = add_firm(app, "Acme")
    rival = add_firm(app, "Rival")
    auth = token_for(app, acme.user)
    api = app.test_client()
    base = f"/api/v1/assessments/{acme.assessment_id}"
    bad = api.put(f"{base}/consensus/company-size", json={"value": "huge"}, headers=auth)
    assert bad.status_code == 422 and bad.get_json()["problems"][0]["question"] == "company-size"
    assert api.put(f"{base}/consensus/nope", json={"value": "x"}, headers=auth).status_code == 404
    assert api.post(f"{base}/workshop", json={"days": 0}, headers=auth).status_code == 422
    other = token_for(app, rival.user)
    assert api.post(f"{base}/workshop", json={}, headers=other).status_code == 404
    assert api.get(f"{base}/workshop", headers=other).status_code == 404
    refused = api.put(f"{base}/consensus/company-size", json={"value": "small"}, headers=other)
    assert refused.status_code == 404 and refused.is_json
    assert api.get(f"{base}/workshop").status_code == 401
