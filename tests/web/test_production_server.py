"""The production server (gunicorn, 2 workers): concurrent answers, shared sign-in limits."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from flask import Flask

from assessor.services.clients import invite_respondent
from assessor.services.responding import open_link, saved_answers
from assessor.web.runtime import runtime_of
from tests.web.conftest import make_app
from tests.web.live import Browser, LiveServer, serve
from tests.web.support import PASSWORD, add_firm, good_answer

PARTICIPANTS = 40
ANSWERS_EACH = 5
LIMIT = 10
"""Sign-in attempts allowed a minute from one address (the app's SIGN_IN_LIMIT)."""
BOUND_SECONDS = 60.0
"""The whole burst (40 pages and 200 saves on 2 workers) must be answered within this."""


@dataclass(frozen=True)
class Deployment:
    """The server, and the app in-process on its database (to invite and to check)."""

    app: Flask
    server: LiveServer


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def deployment(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Deployment]:
    """`assessor serve` with 2 workers on a fresh instance and database, stopped after."""
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'assessor.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres").new_database()
    for app in make_app(folder, url):
        with serve(folder / "instance", url) as server:
            yield Deployment(app, server)


def invite_many(app: Flask, count: int) -> list[str]:
    """A firm's assessment with `count` respondents invited through the services: their tokens."""
    firm = add_firm(app, "Crowd")
    runtime = runtime_of(app)
    tokens = [firm.token]
    with runtime.database.unit_of_work() as session:
        for number in range(count - 1):
            made = invite_respondent(
                session, firm.user, firm.assessment_id, role="manager", name=f"P{number}"
            )
            assert made is not None
            tokens.append(made.token)
    return tokens


def planned_answers(app: Flask, participant: int) -> dict[str, str]:
    """Five answers of the first section, different from one participant to the next."""
    ws = runtime_of(app).workspace
    questionnaire = ws.questionnaire("executive-self-assessment")
    chosen = [
        ws.content.questions[qid]
        for qid in questionnaire.sections[0].questions
        if ws.content.questions[qid].condition is None and ws.content.questions[qid].options
    ][:ANSWERS_EACH]
    assert len(chosen) == ANSWERS_EACH
    plan = {}
    for question in chosen:
        value = question.options[participant % len(question.options)].value
        plan[question.id] = (
            str(value).lower() if isinstance(value, bool) else str(value) or good_answer(question)
        )
    return plan


def respond(
    server: LiveServer, token: str, plan: dict[str, str], start: threading.Barrier
) -> list[int]:
    """One participant: open their link, read the CSRF token, save each answer by JSON."""
    browser = Browser(server)
    start.wait(BOUND_SECONDS)
    statuses = [browser.get(f"/r/{token}/s/1").status]
    for question, value in plan.items():
        answer = browser.post_json(f"/r/{token}/answer", {"question": question, "value": value})
        statuses.append(answer.status)
    return statuses


def test_200_answers_from_40_participants_at_once_are_each_stored_once(
    deployment: Deployment,
) -> None:
    setup_app, live = deployment.app, deployment.server
    tokens = invite_many(setup_app, PARTICIPANTS)
    plans = [planned_answers(setup_app, n) for n in range(PARTICIPANTS)]
    start = threading.Barrier(PARTICIPANTS)
    began = time.monotonic()
    with ThreadPoolExecutor(PARTICIPANTS) as pool:
        runs = [pool.submit(respond, live, t, p, start) for t, p in zip(tokens, plans, strict=True)]
        statuses = [run.result(timeout=BOUND_SECONDS) for run in runs]
    took = time.monotonic() - began
    assert all(s == [200] * (ANSWERS_EACH + 1) for s in statuses), statuses
    assert took < BOUND_SECONDS
    stored = 0
    with runtime_of(setup_app).database.unit_of_work() as session:
        for token, plan in zip(tokens, plans, strict=True):
            answers = saved_answers(session, open_link(session, token))
            assert set(answers) == set(plan)
            assert {q: str(a.value).lower() for q, a in answers.items()} == {
                q: v.lower() for q, v in plan.items()
            }
            stored += len(answers)
    assert stored == PARTICIPANTS * ANSWERS_EACH


def sign_in_attempt(server: LiveServer, email: str, password: str) -> int:
    """One visitor's sign-in: the form (for its CSRF token), then the post; the post's status."""
    browser = Browser(server)
    assert browser.get("/signin").status == 200
    return browser.post_form("/signin", {"email": email, "password": password}).status


@pytest.mark.parametrize("deployment", ["sqlite"], indirect=True)
def test_the_11th_sign_in_in_a_minute_is_refused_whichever_worker_answers(
    deployment: Deployment,
) -> None:
    firm = add_firm(deployment.app, "Guarded")
    with ThreadPoolExecutor(LIMIT) as pool:  # at once, so both workers take attempts
        tries = [
            pool.submit(sign_in_attempt, deployment.server, firm.email, "wrong")
            for _ in range(LIMIT)
        ]
        statuses = [t.result(timeout=BOUND_SECONDS) for t in tries]
    assert statuses == [401] * LIMIT
    refused = [sign_in_attempt(deployment.server, firm.email, PASSWORD) for _ in range(3)]
    assert refused == [429] * 3
    page = Browser(deployment.server)
    page.get("/signin")
    answer = page.post_form("/signin", {"email": firm.email, "password": PASSWORD})
    assert answer.status == 429 and b"Too many attempts" in answer.body
