"""The engine's newer facts worded in the PDF: unknowns, don't know, left-out areas and
mitigations, actions shown done, recurring work."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from assessor.domain.results import SkipReason
from assessor.reporting.gantt import GanttBar, draw_gantt
from assessor.reporting.i18n import load_translator
from assessor.reporting.lookup import Lookup
from assessor.reporting.rules import FindingRules
from assessor.reporting.story import key_findings
from assessor.reporting.wording import word_skip
from assessor.services.workspace import Workspace
from tests.helpers import assess
from tests.reporting.support import ACME, Rendered, render

REPORTS = Path(__file__).resolve().parents[2] / "reports"
UNSURE = "management-knows-support"


@pytest.fixture(scope="module")
def unsure(shipped: Workspace, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The Acme executive report where half the respondents do not know management's support."""
    folder = tmp_path_factory.mktemp("unsure")
    for number, path in enumerate(ACME):
        text = path.read_text(encoding="utf-8")
        if number % 2 == 0:
            text = re.sub(rf"(?m)^  {UNSURE}: .*$", f"  {UNSURE}: dont-know", text)
        (folder / path.name).write_text(text, encoding="utf-8")
    return render(
        shipped,
        questionnaire="consultant-workshop",
        answers=sorted(folder.glob("*.yaml")),
        template="executive",
        client="Acme",
        date=dt.date(2026, 4, 20),
    )


def test_many_dont_know_answers_are_a_finding_and_a_limitation(
    shipped: Workspace, unsure: Rendered
) -> None:
    text = unsure.text()
    assert "What respondents could not say" in text
    assert re.search(r"“[^”]+”: 6 of 12 did not know", text)
    assert re.search(r"\d+ answers were “don't know”: counted as answered, never scored", text)


def test_every_listed_mitigation_is_planned_or_says_why_not(acme_full: Rendered) -> None:
    text = acme_full.text()
    assert "not planned: for a risk this severe the plan takes only its first mitigations" in text
    assert "(not in this plan)" not in text


def test_actions_the_evidence_shows_done_are_named_as_done(acme_full: Rendered) -> None:
    assert "Not recommended, because the answers show them done:" in acme_full.text()


def test_recurring_work_reads_as_recurring_with_its_cadence(acme_full: Rendered) -> None:
    text = acme_full.text()
    assert re.search(r"recurring, every \d+ weeks to the end of the plan", text)


def test_the_gantt_draws_recurring_work_as_marks_at_its_cadence() -> None:
    t = load_translator([REPORTS])
    once = draw_gantt([GanttBar("Review", 1, 2)], 40, t)
    again = draw_gantt([GanttBar("Review", 1, 2, every=13, until=40)], 40, t)
    assert len(again.axes[0].patches) == len(once.axes[0].patches) + 2  # weeks 15 and 28


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_phase_below_target_never_says_nothing_to_do(shipped: Workspace, lang: str) -> None:
    t = load_translator([REPORTS], lang)
    look = Lookup(shipped.content, assess(shipped, "consultant-workshop", ACME), t, False, 15.0)
    skip = SkipReason(below_target={"gartner-8/vision": 12.4}, done=["appoint-executive-sponsor"])
    words = word_skip(skip, look)
    if lang == "ru":
        assert "Действий нет" not in words and "ниже цели" in words and "выполнено" in words
        return
    assert "Nothing to do" not in words
    assert "still below target" in words and "CRM vision (12 points short)" in words
    assert "already done, as the answers show: Appoint an executive sponsor" in words


def test_a_question_many_could_not_answer_is_a_candidate_finding(
    shipped: Workspace, tmp_path: Path
) -> None:
    for number, path in enumerate(ACME):
        text = path.read_text(encoding="utf-8")
        if number % 2 == 0:
            text = re.sub(rf"(?m)^  {UNSURE}: .*$", f"  {UNSURE}: dont-know", text)
        (tmp_path / path.name).write_text(text, encoding="utf-8")
    t = load_translator([REPORTS])
    assessment = assess(shipped, "consultant-workshop", sorted(tmp_path.glob("*.yaml")))
    found = key_findings(Lookup(shipped.content, assessment, t, False, 15.0), FindingRules(), 50)
    unknown = [f for f in found if f.id == f"unknown:{UNSURE}"]
    assert unknown and unknown[0].title.startswith("Many cannot say:")
    assert "6 of 12 answered “don't know” to" in unknown[0].evidence[0]
