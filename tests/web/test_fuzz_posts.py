"""Hypothesis posts malformed forms and JSON bodies to every route that takes one: a clear 4xx."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.web.runtime import runtime_of
from tests.web.api.support import token_for
from tests.web.conftest import make_app
from tests.web.fuzz import Route, check_answer, form_bodies, json_bodies
from tests.web.support import Firm, add_firm, csrf_token, sign_in

SECTION_QUESTIONS = ("company-size", "executive-sponsor-named", "crm-vision-written")
ROUTES = [
    Route(
        "POST",
        "/r/{token}/s/1",
        "form",
        ("go", *(f"{p}__{q}" for q in SECTION_QUESTIONS for p in ("q", "e", "na"))),
        examples=60,
    ),
    Route("POST", "/r/{token}/answer", "json", ("question", "value", "note"), examples=80),
    Route("POST", "/signin", "form", ("email", "password"), examples=5),
    Route("POST", "/clients", "form", ("organisation", "sector", "size")),
    Route("POST", "/clients/{client}", "form", ("questionnaire", "title", "assessed_on", "target")),
    Route("POST", "/assessments/{assessment}/invitations", "form", ("name", "role", "valid_days")),
    Route("POST", "/assessments/{assessment}/reports", "form", ("template", "format")),
    Route(
        "POST", "/assessments/{assessment}/import", "form", ("table", "saved", "mapping", "save_as")
    ),
    Route("POST", "/team", "form", ("email", "name", "password", "is_admin"), examples=20),
    Route(
        "PATCH",
        "/api/v1/assessments/{assessment}/plan/{action}",
        "json",
        ("status", "owner", "starts_on", "due_on", "notes"),
    ),
    Route("POST", "/api/v1/assessments/{assessment}/workshop", "json", ("prework", "days")),
    Route(
        "POST",
        "/api/v1/assessments/{assessment}/answers/import",
        "json",
        ("format", "document", "data", "mapping", "mapping_id"),
    ),
    Route("POST", "/api/v1/mappings", "json", ("name", "mapping")),
    Route(
        "PUT", "/api/v1/assessments/{assessment}/consensus/company-size", "json", ("value", "note")
    ),
]
"""The pages' posts; the JSON API's routes join this list (or call `check_answer`) as they land."""
REAL_VALUES = (*SECTION_QUESTIONS, "medium", "yes", "no", "executive", "pdf", "html", "2026-05-04",
               "done", "in-progress", "export", "csv", "xlsx")  # fmt: skip


@pytest.fixture
def fuzz_app(tmp_path: Path) -> Iterator[Flask]:
    """The app on SQLite with sign-in limits off, so every example reaches the form."""
    yield from make_app(tmp_path, f"sqlite:///{tmp_path / 'fuzz.sqlite3'}", RATELIMIT_ENABLED=False)


def visitor(app: Flask, firm: Firm, route: Route) -> tuple[FlaskClient, str]:
    """A browser for the route (a signed-in consultant unless it is a respondent's or sign-in)."""
    browser = app.test_client()
    if route.path.startswith("/r/"):
        return browser, csrf_token(browser, f"/r/{firm.token}/s/1")
    if route.path == "/signin":
        return browser, csrf_token(browser)
    if route.path.startswith("/api/"):
        browser.environ_base["HTTP_AUTHORIZATION"] = token_for(app, firm.user)["Authorization"]
        return browser, ""
    return browser, sign_in(browser, firm.email)


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method} {r.path}")
def test_malformed_posts_get_a_clear_4xx_never_a_server_error(
    fuzz_app: Flask, route: Route
) -> None:
    firm = add_firm(fuzz_app, "Fuzz")
    path = route.path.format(
        token=firm.token, client=firm.client_id, assessment=firm.assessment_id, action="x"
    )
    browser, token = visitor(fuzz_app, firm, route)
    strategy = (
        form_bodies(route.fields, REAL_VALUES)
        if route.body == "form"
        else json_bodies(route.fields, REAL_VALUES)
    )

    @settings(
        max_examples=route.examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(body=strategy, with_token=st.sampled_from([True, True, True, False]),
           media=st.sampled_from(["application/json", "application/json", "text/plain"]))  # fmt: skip
    def post(body: object, with_token: bool, media: str) -> None:
        if route.body == "form":
            assert isinstance(body, dict)
            fields = {**body, "csrf_token": token} if with_token else body
            answer = browser.open(path, method=route.method, data=fields)
        else:
            headers = {"Content-Type": media, **({"X-CSRFToken": token} if with_token else {})}
            answer = browser.open(path, method=route.method, data=body, headers=headers)
        check_answer(answer)

    post()
    assert runtime_of(fuzz_app).database.check() is None  # the database is still whole


def test_a_body_over_256_kb_is_refused_with_413_and_says_too_large(fuzz_app: Flask) -> None:
    firm = add_firm(fuzz_app, "Big")
    browser = fuzz_app.test_client()
    token = csrf_token(browser, f"/r/{firm.token}/s/1")
    note = "x" * (300 * 1024)
    saved = browser.post(
        f"/r/{firm.token}/answer",
        data=f'{{"question": "company-size", "value": "medium", "note": "{note}"}}',
        headers={"X-CSRFToken": token, "Content-Type": "application/json"},
    )
    assert saved.status_code == 413 and saved.get_json()["error"] == "Too large"
    form = browser.post(f"/r/{firm.token}/s/1", data={"csrf_token": token, "e__company-size": note})
    assert form.status_code == 413 and "What was sent is too large." in form.get_data(as_text=True)
