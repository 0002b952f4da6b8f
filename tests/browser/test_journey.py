"""The whole journey in Debian's Chromium against the served app: a consultant sets up and
invites; the respondent answers half on a phone, leaves, resumes, sees a question appear
without a reload, submits; the consultant reads the results and downloads the PDF. axe-core
finds no WCAG 2.1 AA violation on sign-in, the client list, a respondent section and results."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from tests.browser.conftest import EMAIL, PASSWORD, Server, axe_violations, snap

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
UNANSWERED = """() => [...document.querySelectorAll('.question:not([hidden])')]
  .filter(q => ![...q.querySelectorAll('[data-answer]')].some(
      i => (i.type === 'radio' || i.type === 'checkbox') ? i.checked : i.value))
  .map(q => q.dataset.question)"""


def test_the_whole_journey_in_a_browser(server: Server, browser: Any, screens: Path) -> None:
    desk = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = desk.new_page()
    link = consultant_invites(page, server, screens)

    phone = browser.new_context(viewport=PHONE, bypass_csp=True, is_mobile=True)
    respondent = phone.new_page()
    respondent.goto(link)
    respondent.get_by_role("link", name="Start").click()
    assert axe_violations(respondent) == [], "respondent section"
    for index in (1, 2, 3):
        answer_shown(respondent)
        snap(respondent, screens / f"3-phone-section-{index}.png", full_page=True)
        respondent.get_by_role("button", name="Save and continue").click()
        respondent.wait_for_url(f"**/s/{index + 1}")
    phone.close()  # the respondent leaves

    again = browser.new_context(viewport=PHONE, bypass_csp=True, is_mobile=True)
    resumed = again.new_page()
    resumed.goto(link)
    snap(resumed, screens / "4-phone-resume.png", full_page=True)
    resumed.get_by_role("link", name="Continue").click()
    resumed.wait_for_url("**/s/4")
    condition_shows_without_reload(resumed, screens)
    while "/review" not in resumed.url:
        answer_shown(resumed)
        resumed.locator("button[value=next]").click()
        resumed.wait_for_load_state()
    snap(resumed, screens / "6-phone-review.png", full_page=True)
    resumed.get_by_role("button", name="Submit my answers").click()
    resumed.get_by_text("Thank you").first.wait_for()
    snap(resumed, screens / "7-phone-thanks.png")
    again.close()

    verdict = consultant_reads_results(page, screens)
    pdf = download_report(page, screens)
    text = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert verdict in text
    desk.close()


def consultant_invites(page: Any, server: Server, screens: Path) -> str:
    """Sign in, add a client and an assessment, invite a respondent; their link."""
    page.goto(f"{server.url}/signin")
    assert axe_violations(page) == [], "sign-in"
    snap(page, screens / "1-sign-in.png")
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/clients")
    page.get_by_label("Organisation").fill("Globex")
    page.get_by_role("button", name="Add client").click()
    page.wait_for_url("**/clients/*")
    page.goto(f"{server.url}/clients")
    assert axe_violations(page) == [], "client list"
    snap(page, screens / "2-clients.png", full_page=True)
    page.get_by_role("link", name="Globex").click()
    page.get_by_label("Questionnaire").select_option("executive-self-assessment")
    page.get_by_label("Title").fill("Board readiness")
    page.get_by_role("button", name="Create assessment").click()
    page.wait_for_url("**/assessments/*")
    page.get_by_label("Name (optional)").fill("Dana")
    page.get_by_label("Role").select_option("executive")
    page.get_by_role("button", name="Create link").click()
    snap(page, screens / "2-invitation.png")
    link: str = page.locator("#link").input_value()
    assert link.startswith(server.url + "/r/")
    return link


def answer_shown(page: Any) -> None:
    """Answer every shown, unanswered question: first option, lowest number, a sentence."""
    while todo := page.evaluate(UNANSWERED):
        question = page.locator(f"#question-{todo[0]}")
        choice = question.locator("input[type=radio], input[type=checkbox]")
        if choice.count():
            choice.first.check()
        elif question.locator("input[type=number]").count():
            field = question.locator("input[type=number]")
            field.fill(field.get_attribute("min") or "1")
            field.dispatch_event("change")
        else:
            question.locator("textarea[data-answer]").fill("We have a written plan.")
            question.locator("textarea[data-answer]").dispatch_event("change")
        page.wait_for_timeout(50)


def condition_shows_without_reload(page: Any, screens: Path) -> None:
    """A hidden question appears as soon as the answer it depends on is given (no reload)."""
    hidden = page.evaluate(
        "() => [...document.querySelectorAll('[data-show-when]')].filter(q => q.hidden)"
        ".map(q => [q.dataset.question, q.dataset.showWhen, q.dataset.showValues])"
    )
    assert hidden, page.content()[:3000]
    qid, depends, values = hidden[0]
    page.evaluate("() => { window.notReloaded = true; }")
    page.locator(f"[name='q__{depends}'][value='{values.split('|')[0]}']").check()
    page.locator(f"#question-{qid}").wait_for(state="visible")
    assert page.evaluate("() => window.notReloaded === true")
    snap(page, screens / "5-phone-condition-shown.png", full_page=True)


def consultant_reads_results(page: Any, screens: Path) -> str:
    """The results page of the assessment; its readiness band."""
    page.goto(page.url.split("/assessments/")[0] + "/clients")
    page.get_by_role("link", name="Globex").click()
    page.get_by_role("link", name="Board readiness").click()
    page.get_by_role("link", name="See the results").click()
    page.locator(".verdict-band").wait_for()
    assert axe_violations(page) == [], "results"
    snap(page, screens / "8-results.png", full_page=True)
    band: str = page.locator(".verdict-band").inner_text().strip()
    return band


def download_report(page: Any, screens: Path) -> bytes:
    """Order the executive PDF, wait on the progress page, download it."""
    page.get_by_label("Format").select_option("pdf")
    page.get_by_role("button", name="Make the report").click()
    page.wait_for_url("**/reports/*")
    page.locator("#download-link").wait_for(timeout=60_000)
    snap(page, screens / "9-report-ready.png")
    with page.expect_download() as waiting:
        page.locator("#download-link").click()
    saved = waiting.value.path()
    return Path(saved).read_bytes()
