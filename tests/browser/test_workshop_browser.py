"""A live workshop in Debian's Chromium against the served app: a facilitator's screen and five
phones. The phones join by code and answer; the screen's counts and radar follow without a
reload; the facilitator records the room's answer to the most disputed question; the results
and the full report show the spread, and the workshop results and the report the consensus."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from tests.browser.conftest import EMAIL, PASSWORD, Server, snap

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
ROLES = ["executive", "manager", "staff", "it", "staff"]
POLLED = 10_000
"""How long the screen may take to show a change: its script asks every 2.5 s."""
NOTE = "Agreed in the room after a short debate"
RADIOS = """() => [...new Set([...document.querySelectorAll(
  '.question:not([hidden]) input[type=radio][data-answer]')].map(i => i.name))]"""


def test_a_workshop_with_five_phones(server: Server, browser: Any, screens: Path) -> None:
    desk = browser.new_context(viewport=DESKTOP)
    screen = desk.new_page()
    assessment = facilitator_opens(screen, server)
    code = screen.locator(".join-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{6}", code), code
    radar_before = screen.locator("img[data-radar]").get_attribute("src")
    screen.wait_for_timeout(300)
    snap(screen, screens / "workshop-1-before.png", full_page=True)
    screen.evaluate("() => { window.notReloaded = true; }")

    phones = [browser.new_context(viewport=PHONE, is_mobile=True) for _ in ROLES]
    try:
        for n, (context, role) in enumerate(zip(phones, ROLES, strict=True)):
            participant_answers(context.new_page(), server, code, n, role)
        live = screen.locator("[data-live=joined]")
        live.filter(has_text=re.compile(rf"^{len(ROLES)}$")).wait_for(timeout=POLLED)
        submitted = screen.locator("[data-live=submitted]")
        submitted.filter(has_text=re.compile(rf"^{len(ROLES)}$")).wait_for(timeout=POLLED)
        screen.wait_for_function(
            "before => document.querySelector('img[data-radar]').getAttribute('src') !== before"
            " && document.querySelector('img[data-radar]').complete",
            arg=radar_before,
            timeout=POLLED,
        )
        screen.locator(".debate").first.wait_for(timeout=POLLED)
    finally:
        for context in phones:
            context.close()
    assert screen.evaluate("() => window.notReloaded === true"), "the screen reloaded"
    assert screen.locator("[data-live=answering]").inner_text() == str(len(ROLES))
    assert screen.locator("[data-live=readiness_text]").inner_text() != "–"
    snap(screen, screens / "workshop-2-after.png", full_page=True)

    disputed = screen.locator(".debate").first
    question = disputed.locator(".debate-text").inner_text().strip()
    spread = disputed.locator(".debate-range").inner_text()
    assert re.search(r"\d+–\d+", spread), spread
    assert disputed.locator(".by-role li").count() >= 2
    disputed.get_by_role("link", name="Record the agreed answer").click()
    screen.wait_for_url("**/workshop/consensus/*")
    agreed = screen.locator("input[type=radio][data-answer], input[type=radio]").first
    agreed.check()
    answer = screen.locator(f"label[for='{agreed.get_attribute('id')}']").inner_text().strip()
    screen.locator("details summary").last.click()  # the note is folded under its summary
    screen.locator("textarea[data-note]").last.fill(NOTE)
    screen.get_by_role("button", name="Keep the agreed answer").click()
    screen.wait_for_url(f"**/assessments/{assessment}/workshop")
    screen.locator(".badge-agreed").first.wait_for(timeout=POLLED)
    snap(screen, screens / "workshop-3-agreed.png", full_page=True)

    screen.goto(f"{server.url}/assessments/{assessment}/workshop/results")
    results = " ".join(screen.locator("main").inner_text().split())
    assert question in results and answer in results and NOTE in results
    assert "As answered" in results and "With the consensus" in results
    snap(screen, screens / "workshop-4-results.png", full_page=True)

    screen.goto(f"{server.url}/assessments/{assessment}/results")
    page = " ".join(screen.locator("main").inner_text().split())
    assert "disagree" in page.lower()
    report = full_report_text(screen)
    assert "Where respondents disagree" in report
    assert f"{len(ROLES)}" in report
    title = "What the workshop agreed"
    assert report.count(title) >= 2, "in the contents and as a section"
    agreed = report[report.index(title, report.index(title) + 1) :]  # past the contents
    assert answer in agreed and NOTE in agreed, "the consensus beside the spread"
    assert "As answered" in agreed and "With the consensus" in agreed
    desk.close()


def facilitator_opens(page: Any, server: Server) -> str:
    """Sign in, add a client and an assessment, open its workshop; the assessment's id."""
    page.goto(f"{server.url}/signin")
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/clients")
    page.get_by_label("Organisation").fill("Initech")
    page.get_by_role("button", name="Add client").click()
    page.wait_for_url("**/clients/*")
    page.get_by_label("Questionnaire").select_option("executive-self-assessment")
    page.get_by_label("Title").fill("Workshop readiness")
    page.get_by_role("button", name="Create assessment").click()
    page.wait_for_url("**/assessments/*")
    assessment: str = page.url.rstrip("/").split("/")[-1]
    page.goto(f"{server.url}/assessments/{assessment}/workshop")
    page.get_by_role("button", name="Open the workshop").click()
    page.locator(".join-code").wait_for()
    return assessment


def participant_answers(page: Any, server: Server, code: str, n: int, role: str) -> None:
    """A phone: type the code at /w, join with a role, answer the first section, submit."""
    page.goto(f"{server.url}/w")
    page.get_by_label("Workshop code").fill(f"{code[:3].lower()} {code[3:].lower()}")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"**/w/{code}")
    page.get_by_label("Your name").fill(f"Participant {n + 1}")
    page.get_by_label("Your role").select_option(role)
    page.get_by_role("button", name="Join and start").click()
    page.wait_for_url("**/r/*")
    link = page.url
    page.get_by_role("link", name="Start").click()
    page.wait_for_url("**/s/1")
    for name in page.evaluate(RADIOS):
        options = page.locator(f"input[type=radio][name='{name}']")
        options.nth((n * 2) % options.count()).check()  # spread across the scale
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_url("**/s/2")
    page.goto(f"{link}/review")
    page.get_by_role("button", name="Submit my answers").click()
    page.get_by_text("Thank you").first.wait_for()


def full_report_text(page: Any) -> str:
    """Order the full report as PDF from the results page, download it; its text."""
    page.get_by_label("Report", exact=True).select_option("full")
    page.get_by_label("Format").select_option("pdf")
    page.get_by_role("button", name="Make the report").click()
    page.wait_for_url("**/reports/*")
    page.locator("#download-link").wait_for(timeout=60_000)
    with page.expect_download() as waiting:
        page.locator("#download-link").click()
    pdf = Path(waiting.value.path()).read_bytes()
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join("".join(p.extract_text() for p in reader.pages).split())
