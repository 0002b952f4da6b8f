"""The report of a client's latest assessment, ordered in the web app: it shows the progress
since the last assessment (the demo's client improves over three workshops, the middle plan
half done), and a workshop's consensus beside the spread."""

from __future__ import annotations

import html
import io
import re

from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader

from assessor.store.repositories import AssessmentRepository
from assessor.store.repositories.workshops import WorkshopRepository
from assessor.web.runtime import runtime_of
from tests.web.progress_support import load, signed_in
from tests.web.support import csrf_token


def report_text(
    browser: FlaskClient, assessment_id: int, template: str = "full", fmt: str = "pdf"
) -> str:
    """Order a report of the assessment (rendered at once in tests) and read its text: the
    PDF's, or the HTML's without its tags (the full edition, whose PDF takes half a minute)."""
    answer = browser.post(
        f"/assessments/{assessment_id}/reports",
        data={"template": template, "format": fmt, "csrf_token": csrf_token(browser, "/clients")},
    )
    assert answer.status_code == 302, answer.get_data(as_text=True)
    status = browser.get(f"{answer.headers['Location']}/status").get_json()
    assert status["status"] == "done", status
    data = browser.get(status["download"]).data
    if fmt == "html":
        page = re.sub(r"<(style|script)\b.*?</\1>", " ", data.decode("utf-8"), flags=re.S)
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def test_the_latest_demo_workshop_report_shows_the_progress_since_the_middle_one(
    app: Flask,
) -> None:
    demo = load(app)
    browser, _ = signed_in(app)
    text = report_text(browser, demo.workshops[2], fmt="html")
    assert "Progress since the last assessment" in text
    assert "Compared with “Workshop: strategy under way”" in text
    went = re.search(r"Readiness went from (\d+) to (\d+) \(\+(\d+) points\)", text)
    assert went and int(went.group(1)) < int(went.group(2)), "readiness improved"
    assert int(went.group(2)) - int(went.group(1)) == int(went.group(3)), (
        "the printed figures add up"
    )
    assert re.search(r"The band (rose from “[^”]+” to “[^”]+”|is still “[^”]+”)", text)
    done = re.search(r"(\d+) of the (\d+) actions planned last time are done", text)
    assert done and int(done.group(2)) // 2 == int(done.group(1)), "the middle plan half done"
    assert "each dimension over the 3 assessments" in text, "the trend chart's caption"

    executive = report_text(browser, demo.workshops[2], "executive")
    assert "Progress since the last assessment" in executive
    assert re.search(r"\d+ of the \d+ actions planned last time are done", executive)


def test_the_first_assessment_has_no_progress_section_and_consensus_changes_the_report(
    app: Flask,
) -> None:
    demo = load(app)
    browser, _ = signed_in(app)
    first = demo.workshops[0]
    text = report_text(browser, first, "executive")
    assert "Progress since the last assessment" not in text
    assert "the room agreed" not in text
    runtime = runtime_of(app)
    with runtime.database.unit_of_work() as session:
        record = AssessmentRepository(session).get(1, first)
        assert record is not None
        WorkshopRepository(session).record_consensus(
            1, first, "executive-sponsor-named", "yes", note="Named in the room", user_id=None
        )
    text = report_text(browser, first, fmt="html")
    assert "What the workshop agreed" in text and "Named in the room" in text
    assert "In the workshop the room agreed one answer" in text
