"""The API token page: issue (shown once), replace, revoke; CSRF-protected; the token works."""

from __future__ import annotations

import re

from flask import Flask

from tests.web.support import add_firm, sign_in

SHOWN = re.compile(r'id="issued-token" type="text" readonly value="([^"]+)"')


def test_a_consultant_issues_replaces_and_revokes_their_api_token(app: Flask) -> None:
    acme = add_firm(app, "Acme")
    browser = app.test_client()
    token = sign_in(browser, acme.email)
    assert "You hold no API token." in browser.get("/account/token").get_data(as_text=True)

    issued = browser.post("/account/token", data={"csrf_token": token, "action": "issue"})
    first = SHOWN.search(issued.get_data(as_text=True))
    assert issued.status_code == 200 and first is not None
    assert issued.headers["Cache-Control"] == "no-store"
    api = app.test_client()
    bearer = {"Authorization": f"Bearer {first.group(1)}"}
    assert api.get("/api/v1/clients", headers=bearer).status_code == 200

    later = browser.get("/account/token").get_data(as_text=True)
    assert first.group(1) not in later and "You hold an API token." in later

    rotated = browser.post("/account/token", data={"csrf_token": token, "action": "issue"})
    second = SHOWN.search(rotated.get_data(as_text=True))
    assert second is not None and second.group(1) != first.group(1)
    assert api.get("/api/v1/clients", headers=bearer).status_code == 401
    bearer = {"Authorization": f"Bearer {second.group(1)}"}
    assert api.get("/api/v1/clients", headers=bearer).status_code == 200

    revoked = browser.post("/account/token", data={"csrf_token": token, "action": "revoke"})
    assert revoked.status_code == 302
    assert api.get("/api/v1/clients", headers=bearer).status_code == 401
    assert "You hold no API token." in browser.get("/account/token").get_data(as_text=True)


def test_the_token_page_refuses_a_post_without_its_csrf_token(app: Flask) -> None:
    acme = add_firm(app, "Acme")
    browser = app.test_client()
    sign_in(browser, acme.email)
    refused = browser.post("/account/token", data={"action": "issue"})
    assert refused.status_code == 400
    assert SHOWN.search(refused.get_data(as_text=True)) is None
    assert "You hold no API token." in browser.get("/account/token").get_data(as_text=True)


def test_the_token_page_needs_sign_in(app: Flask) -> None:
    answer = app.test_client().get("/account/token")
    assert answer.status_code == 302 and answer.headers["Location"].startswith("/signin")
