"""The whole self-assessment by link, on SQLite and PostgreSQL: invite, answer half, leave,
resume on another device, review, submit, thank-you; then results and a PDF with the verdict."""

from __future__ import annotations

import io
import re

from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader

from assessor.web.runtime import runtime_of
from tests.web.support import csrf_token, good_answer, sign_in

LINK = re.compile(r'value="http://localhost(/r/[^"]+)"')


def consultant_invites(client: FlaskClient) -> str:
    """Sign up a firm by the pages: client, assessment, invitation; the respondent's path."""
    token = csrf_token(client, "/clients")
    answer = client.post("/clients", data={"organisation": "Globex", "csrf_token": token})
    client_page = answer.headers["Location"]
    answer = client.post(
        client_page,
        data={
            "questionnaire": "executive-self-assessment",
            "title": "Board readiness",
            "assessed_on": "2026-06-01",
            "csrf_token": token,
        },
    )
    assessment_page = answer.headers["Location"]
    answer = client.post(
        f"{assessment_page}/invitations",
        data={"name": "Dana", "role": "executive", "valid_days": "14", "csrf_token": token},
    )
    assert answer.status_code == 201
    found = LINK.search(answer.get_data(as_text=True))
    assert found, "the invitation page shows the link"
    return found.group(1)


def answer_section(app: Flask, browser: FlaskClient, path: str, index: int) -> str:
    """Fill every question shown in a section with a valid answer and save; where it led."""
    page = browser.get(f"{path}/s/{index}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert token
    content = runtime_of(app).workspace.content
    shown = re.findall(r'id="question-([a-z0-9-]+)" data-question="[^"]+"(?![^>]*hidden)', page)
    data = {"csrf_token": token.group(1), "go": "next"}
    data.update({f"q__{qid}": good_answer(content.questions[qid]) for qid in shown})
    answer = browser.post(f"{path}/s/{index}", data=data)
    assert answer.status_code == 302, answer.get_data(as_text=True)[:2000]
    return answer.headers["Location"]


def test_a_respondent_answers_by_link_and_the_consultant_gets_the_pdf(any_app: Flask) -> None:
    consultant = any_app.test_client()
    sign_in(consultant, _admin(any_app))
    path = consultant_invites(consultant)
    sections = len(
        runtime_of(any_app).workspace.questionnaire("executive-self-assessment").sections
    )

    phone = any_app.test_client()
    assert "0 of" in phone.get(path).get_data(as_text=True)
    for index in range(1, sections // 2 + 1):
        answer_section(any_app, phone, path, index)
    del phone  # the respondent closes the browser

    laptop = any_app.test_client()  # and comes back on another device with the same link
    start = laptop.get(path).get_data(as_text=True)
    assert "Continue" in start and "0 of" not in start
    where = f"{path}/s/{sections // 2 + 1}"
    while "/review" not in where:
        index = int(where.rsplit("/", 1)[1].split("#")[0])
        where = answer_section(any_app, laptop, path, index)
    review = laptop.get(f"{path}/review").get_data(as_text=True)
    assert "Submit my answers" in review and "Not answered" not in review
    token = csrf_token(laptop, f"{path}/review")
    assert laptop.post(f"{path}/submit", data={"csrf_token": token}).status_code == 302

    after = laptop.get(path).get_data(as_text=True)
    assert "Thank you" in after and "Dana" not in after
    assert laptop.get(f"{path}/review").get_data(as_text=True).count("Thank you") >= 1

    assessment = re.search(r"/assessments/(\d+)", _assessment_link(consultant)).group(1)
    results = consultant.get(f"/assessments/{assessment}/results").get_data(as_text=True)
    verdict = re.search(r'<p class="verdict-band">([^<]+)</p>', results)
    assert verdict, "the results page shows the readiness band"
    assert '<img src="data:image/svg+xml;base64,' in results  # the radar

    pdf = order_pdf(consultant, assessment)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert verdict.group(1).strip() in " ".join(text.split())
    again = consultant.post(
        f"/assessments/{assessment}/reports",
        data={
            "template": "executive",
            "format": "pdf",
            "csrf_token": csrf_token(consultant, "/clients"),
        },
    )
    job_page = consultant.get(again.headers["Location"]).get_data(as_text=True)
    assert "The report is ready" in job_page  # kept from the first time, no render


def order_pdf(consultant: FlaskClient, assessment: str) -> bytes:
    """Order the executive PDF and download it once the queue has rendered it."""
    token = csrf_token(consultant, "/clients")
    ordered = consultant.post(
        f"/assessments/{assessment}/reports",
        data={"template": "executive", "format": "pdf", "csrf_token": token},
    )
    job = ordered.headers["Location"]
    status = consultant.get(f"{job}/status").get_json()
    assert status["status"] == "done", status
    download = consultant.get(status["download"])
    assert download.mimetype == "application/pdf"
    return download.data


def _admin(app: Flask) -> str:
    from assessor.services import accounts

    with runtime_of(app).database.unit_of_work() as session:
        made = accounts.create_account(
            session, "lead@globex.example", "Globex Advisory", "correct horse battery", admin=True
        )
    return made.user.email


def _assessment_link(consultant: FlaskClient) -> str:
    clients = consultant.get("/clients").get_data(as_text=True)
    client_link = re.search(r'href="(/clients/\d+)"', clients).group(1)
    page = consultant.get(client_link).get_data(as_text=True)
    return re.search(r'href="(/assessments/\d+)"', page).group(1)


def test_a_respondents_pages_set_the_session_cookie_once_and_no_other(app: Flask) -> None:
    consultant = app.test_client()
    sign_in(consultant, _admin(app))
    path = consultant_invites(consultant)
    phone = app.test_client()
    first = phone.get(f"{path}/s/1")
    assert [c.split("=", 1)[0] for c in first.headers.getlist("Set-Cookie")] == ["session"]
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', first.get_data(True))
    assert token
    saved = phone.post(
        f"{path}/answer",
        json={"question": "company-size", "value": "medium"},
        headers={"X-CSRFToken": token.group(1)},
    )
    again = phone.get(f"{path}/s/1")
    assert saved.status_code == 200 and again.status_code == 200
    assert saved.headers.getlist("Set-Cookie") == [] and again.headers.getlist("Set-Cookie") == []
    assert "Sign out" not in again.get_data(as_text=True), "no consultant's menu for a respondent"
    clients = consultant.get("/clients").get_data(as_text=True)
    assert "Sign out" in clients, "the consultant's own pages keep their menu"
