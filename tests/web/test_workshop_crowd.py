"""Forty participants answering at once through a real server of the test's own lose nothing,
on SQLite and PostgreSQL; and every facilitator route is closed to strangers."""

from __future__ import annotations

import http.cookiejar
import json
import re
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from flask import Flask
from werkzeug.serving import make_server

from assessor.services.workshops import open_workshop
from assessor.web.runtime import runtime_of
from tests.web.support import add_firm, csrf_token, sign_in

PARTICIPANTS = 40
QUESTIONS = {
    "walton-test": "some-ideas",
    "internal-marketing-vision": "3",
    "executive-sponsor-named": "yes",
    "incentives-aligned": "partly",
}
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


@pytest.fixture
def server(any_app: Flask) -> Iterator[str]:
    """The app served on a free port of 127.0.0.1 by threads, for this test only."""
    served = make_server("127.0.0.1", 0, any_app, threaded=True)
    thread = threading.Thread(target=served.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{served.server_port}"
    served.shutdown()
    thread.join(timeout=10)


def participant(base: str, code: str, n: int) -> int:
    """One phone: join, then save every answer as the page's script does; answers saved."""
    browser = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    page = browser.open(f"{base}/w/{code}", timeout=60).read().decode()
    token = TOKEN.search(page)
    assert token
    form = urllib.parse.urlencode({"csrf_token": token.group(1), "role": "staff", "name": f"P{n}"})
    joined = browser.open(f"{base}/w/{code}", data=form.encode(), timeout=60)
    link = urllib.parse.urlparse(joined.geturl()).path
    saved = 0
    for question, value in QUESTIONS.items():
        request = urllib.request.Request(
            f"{base}{link}/answer",
            data=json.dumps({"question": question, "value": value}).encode(),
            headers={"Content-Type": "application/json", "X-CSRFToken": token.group(1)},
        )
        saved += bool(json.loads(browser.open(request, timeout=60).read())["saved"])
    return saved


def test_forty_participants_answering_at_once_lose_nothing(any_app: Flask, server: str) -> None:
    acme = add_firm(any_app, "Acme")
    with runtime_of(any_app).database.unit_of_work() as session:
        opened = open_workshop(session, acme.user, acme.assessment_id, prework=False, days=1)
        assert opened is not None
    with ThreadPoolExecutor(max_workers=PARTICIPANTS) as pool:
        saved = list(pool.map(lambda n: participant(server, opened.code, n), range(PARTICIPANTS)))
    assert saved == [len(QUESTIONS)] * PARTICIPANTS
    facilitator = any_app.test_client()
    sign_in(facilitator, acme.email)
    live = facilitator.get(f"/assessments/{acme.assessment_id}/workshop/live").get_json()
    assert live["joined"] == PARTICIPANTS
    assert live["answers"] == PARTICIPANTS * len(QUESTIONS)


def test_every_facilitator_route_refuses_strangers_and_every_join_route_is_open(app: Flask) -> None:
    acme = add_firm(app, "Acme")
    rival = add_firm(app, "Rival")
    with runtime_of(app).database.unit_of_work() as session:
        opened = open_workshop(session, acme.user, acme.assessment_id, prework=False, days=1)
        assert opened is not None
    outsider = app.test_client()
    outsider_token = sign_in(outsider, rival.email)
    anonymous = app.test_client()
    anonymous_token = csrf_token(anonymous)
    routes = [r for r in app.url_map.iter_rules() if r.endpoint.startswith("workshop.")]
    assert len(routes) >= 7
    for rule in routes:
        url = rule.rule.replace("<int:assessment_id>", str(acme.assessment_id))
        url = url.replace("<question_id>", "walton-test")
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            data = {"csrf_token": anonymous_token, "mode": "closed", "q__walton-test": "some-ideas"}
            seen = anonymous.open(url, method=method, data=data)
            assert seen.status_code == 302 and seen.headers["Location"].startswith("/signin")
            data["csrf_token"] = outsider_token
            assert outsider.open(url, method=method, data=data).status_code == 404, url
    assert app.test_client().get(f"/w/{opened.code}").status_code == 200
    assert app.test_client().get("/w").status_code == 200
