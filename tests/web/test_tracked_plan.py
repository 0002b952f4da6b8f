"""The tracked roadmap: statuses, owners and dates set on the page, phase progress, history, XLSX."""

from __future__ import annotations

import io
import re

from flask import Flask
from openpyxl import load_workbook

from tests.web.progress_support import load, signed_in
from tests.web.support import add_firm, sign_in

FIRST_ACTION = re.compile(r'id="action-([\w.-]+)"')
PERCENT = re.compile(r"(\d+)% done")


def test_a_consultant_tracks_an_action_and_sees_progress_history_and_export(
    any_app: Flask,
) -> None:
    demo = load(any_app)
    browser, token = signed_in(any_app)
    latest = demo.workshops[0]
    page = browser.get(f"/assessments/{latest}/plan").get_data(as_text=True)
    assert "No changes yet." in page, "the first workshop's plan is untouched"
    assert set(PERCENT.findall(page)) == {"0"}
    action = FIRST_ACTION.search(page)
    assert action
    aid = action.group(1)
    posted = browser.post(
        f"/assessments/{latest}/plan/{aid}",
        data={
            "csrf_token": token,
            f"{aid}-status": "done",
            f"{aid}-owner": "Maria (sales ops)",
            f"{aid}-starts_on": "2026-01-05",
            f"{aid}-due_on": "2026-02-27",
            f"{aid}-notes": "Signed off by the board",
        },
    )
    assert posted.status_code == 302
    page = browser.get(f"/assessments/{latest}/plan").get_data(as_text=True)
    assert "Maria (sales ops)" in page and "due 2026-02-27" in page
    assert int(PERCENT.findall(page)[0]) > 0, "the first phase shows progress"
    history = page.split('id="history"')[1]
    assert history.count("<tr>") == 6, "status, owner, two dates and notes: each kept"
    assert "Demo" in history or "demo" in history, "who changed it"
    assert "Not started" in history and "Done" in history
    sheet = load_workbook(io.BytesIO(browser.get(f"/assessments/{latest}/export.xlsx").data))
    progress = list(sheet["Progress"].iter_rows(values_only=True))
    assert progress[1][2] == 1, "the export's Progress sheet counts the done action"


def test_the_demo_plan_is_half_done_and_a_bad_action_is_not_found(app: Flask) -> None:
    demo = load(app)
    browser, token = signed_in(app)
    page = browser.get(f"/assessments/{demo.workshops[1]}/plan").get_data(as_text=True)
    done, total = page.count("status-done"), len(FIRST_ACTION.findall(page))
    assert total and done == total // 2, "half the middle workshop's plan is done"
    assert "status-in-progress" in page and "Project office" in page
    missing = browser.post(
        f"/assessments/{demo.workshops[1]}/plan/no-such-action",
        data={"csrf_token": token, "no-such-action-status": "done"},
    )
    assert missing.status_code == 404


def test_another_firm_cannot_see_or_change_the_plan(app: Flask) -> None:
    demo = load(app)
    rival = add_firm(app, "Rival")
    outsider = app.test_client()
    token = sign_in(outsider, rival.email)
    latest = demo.workshops[-1]
    assert outsider.get(f"/assessments/{latest}/plan").status_code == 404
    assert outsider.get(f"/assessments/{latest}/export.xlsx").status_code == 404
    refused = outsider.post(
        f"/assessments/{latest}/plan/any", data={"csrf_token": token, "any-status": "done"}
    )
    assert refused.status_code == 404
