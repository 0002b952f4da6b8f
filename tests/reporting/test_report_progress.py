"""A workshop's consensus and the progress since the last assessment, as the report shows them:
the agreed answer beside the respondents' spread by role group, each dimension scored both ways,
and each dimension's change and the band change since the earlier assessment."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

import html5lib
import pytest

from assessor.config import reports_dirs
from assessor.domain.consensus import Agreement, with_consensus
from assessor.domain.results import Assessment
from assessor.reporting.i18n import load_translator
from assessor.reporting.lookup import Lookup
from assessor.reporting.progress import Earlier, History
from assessor.services.assessments import plan, score
from assessor.services.files import read_responses
from assessor.services.workspace import Workspace
from tests.helpers import assess, report
from tests.reporting.support import ACME, EXAMPLES

QUESTIONNAIRE = "consultant-workshop"
TECH_FIRST = sorted((EXAMPLES / "tech-first").glob("*.yaml"))
AGREED = (
    Agreement("executive-sponsor-named", "yes", "The CFO chairs the steering group"),
    Agreement("past-crm-attempt", "abandoned"),
)
NAMES = ("Helen Marsh", "Priya Nair", "Kenji Sato", "Carlos Mendes")


def printed(ws: Workspace, now: Assessment, ref: str, then: float, later: float) -> list[str]:
    """A dimension's row as a reader sees it: each score rounded but kept off a level, target or
    floor it has not reached (54.6 under a level from 55 reads 54), the change between those."""
    t = load_translator(reports_dirs(ws.root))
    marks = Lookup(ws.content, now, t).thresholds(ref)
    first, last = t.shown_score(then, marks), t.shown_score(later, marks)
    assert first is not None and last is not None
    change = last - first
    sign = "+" if change > 0 else "−" if change < 0 else ""
    return [str(first), str(last), f"{sign}{abs(change)}"]


def html(ws: Workspace, **fields: Any) -> str:
    """The full report of the Acme workshop as HTML."""
    fields.setdefault("template", "full")
    rendered = report(ws, QUESTIONNAIRE, ACME, format="html", client="Acme", **fields)
    return str(rendered.html)


def section(page: str, section_id: str) -> Any:
    """One section of the report's HTML, parsed."""
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    found = tree.find(f".//section[@id='{section_id}']")
    assert found is not None, f"no section {section_id}"
    return found


def text_of(element: Any) -> str:
    return " ".join(" ".join(element.itertext()).split())


def rows(table: Any) -> list[list[str]]:
    return [[text_of(c) for c in tr] for tr in table.find("tbody").findall("tr")]


@pytest.fixture(scope="module")
def consensus_page(shipped: Workspace) -> str:
    return html(shipped, consensus=AGREED)


def test_each_agreed_answer_is_shown_with_its_note_beside_the_spread_by_role(
    consensus_page: str,
) -> None:
    found = section(consensus_page, "consensus")
    answers = rows(found.find(".//table[@class='consensus-answers']"))
    sponsor, attempt = answers
    assert sponsor[0].startswith("Is a named member of the executive team the sponsor")
    assert sponsor[1] == "Yes Facilitator's note: The CFO chairs the steering group"
    assert sponsor[2].startswith("Yes (8); No (4)"), "all twelve respondents' answers"
    assert re.search(r"Managers? \(3\): Yes \(\d\)", sponsor[2]), "by role group"
    assert attempt[1] == "Yes, and it was abandoned or failed"
    assert all(name not in text_of(found) for name in NAMES), "roles, never names"


def test_the_role_groups_respect_the_minimum_group_size(consensus_page: str) -> None:
    found = text_of(section(consensus_page, "consensus"))
    assert "Executive" not in found, "two executives are fewer than the minimum group"
    assert "Other roles (5)" in found, "the small roles pooled"


def test_each_dimension_is_scored_as_answered_and_with_the_consensus(
    shipped: Workspace, consensus_page: str
) -> None:
    responses = read_responses(shipped, QUESTIONNAIRE, ACME)
    answered = score(shipped, QUESTIONNAIRE, responses, None)
    agreed = score(
        shipped,
        QUESTIONNAIRE,
        with_consensus(responses, {a.question: a.value for a in AGREED}),
        None,
    )
    table = rows(
        section(consensus_page, "consensus").find(".//table[@class='diverging consensus-scores']")
    )
    readiness = table[0]
    assert readiness[1:3] == [f"{answered.readiness.score:.0f}", f"{agreed.readiness.score:.0f}"]
    vision = next(r for r in table if r[0] == "CRM vision")
    before = answered.dimension("gartner-8/vision")
    after = agreed.dimension("gartner-8/vision")
    assert before and after and before.score and after.score
    assert after.score > before.score, "the agreed sponsor raises the vision"
    assert vision[1:] == printed(shipped, answered, "gartner-8/vision", before.score, after.score)
    scope = text_of(section(consensus_page, "scope"))
    assert "the room agreed 2 answers" in scope


def history(shipped: Workspace) -> tuple[History, Assessment, Assessment]:
    """Tech-first as the earlier assessment, half its plan done; and Acme's result now."""
    before = assess(shipped, QUESTIONNAIRE, TECH_FIRST)
    actions = [a.id for a in plan(shipped, before, dt.date(2025, 10, 20)).actions]
    done = {a: "done" for a in actions[: len(actions) // 2]}
    earlier = History((Earlier("Workshop one", dt.date(2025, 10, 20), before),), done)
    return earlier, before, assess(shipped, QUESTIONNAIRE, ACME)


def test_progress_shows_each_dimensions_change_and_the_band_change(shipped: Workspace) -> None:
    earlier, before, now = history(shipped)
    page = html(shipped, history=earlier)
    found = section(page, "progress")
    lead = text_of(found.find("p"))
    assert lead.startswith("Compared with “Workshop one” of 20 October 2025.")
    assert f"Readiness went from {before.readiness.score:.0f} to {now.readiness.score:.0f}" in lead
    assert before.readiness.band != now.readiness.band
    assert "The band rose from “Not ready” to “Foundations first”." in lead
    table = rows(found.find(".//table"))
    assert table[0][0] == "Readiness (all frameworks)"
    for ref, title in (
        ("gartner-8/vision", "CRM vision"),
        ("gartner-8/information", "CRM information"),
    ):
        then, later = before.dimension(ref), now.dimension(ref)
        assert then and later and then.score is not None and later.score is not None
        row = next(r for r in table if r[0] == title)
        assert row[1:] == printed(shipped, now, ref, then.score, later.score)
    words = text_of(found)
    total = len(plan(shipped, before, dt.date(2025, 10, 20)).actions)
    assert f"{total // 2} of the {total} actions planned last time are done" in words
    assert "Resolved since then: " in words and "New since then: " in words
    assert found.find(".//img[@alt]") is not None, "the trend chart"
    assert "The questionnaire or frameworks changed" not in words, "same content: no callout"


def test_the_executive_report_keeps_progress_short(shipped: Workspace) -> None:
    earlier, _, _ = history(shipped)
    found = text_of(section(html(shipped, history=earlier, template="executive"), "progress"))
    assert "The band rose from" in found and "actions planned last time are done" in found
    assert "Risks resolved: " in found


def test_without_an_earlier_assessment_or_consensus_neither_section_is_shown(
    shipped: Workspace,
) -> None:
    page = html(shipped, history=History(()))
    assert 'id="progress"' not in page and 'id="consensus"' not in page
    assert "Progress since the last assessment" not in page


def test_the_progress_section_reads_in_russian(shipped: Workspace) -> None:
    earlier, _, _ = history(shipped)
    page = html(shipped, history=earlier, consensus=AGREED, lang="ru")
    progress = text_of(section(page, "progress"))
    assert progress.startswith(
        "Что изменилось с прошлой оценки Сравнение с оценкой «Workshop one» ("
    )
    assert "Уровень готовности вырос" in progress
    consensus = text_of(section(page, "consensus"))
    assert "Комментарий ведущего: The CFO chairs the steering group" in consensus


def test_a_change_of_content_between_the_two_is_said(shipped: Workspace) -> None:
    earlier, before, _ = history(shipped)
    older = dataclasses.replace(before, content_fingerprint="older content")
    changed = History((Earlier("Workshop one", dt.date(2025, 10, 20), older),), earlier.statuses)
    words = text_of(section(html(shipped, history=changed, template="executive"), "progress"))
    assert "The questionnaire or frameworks changed between the two assessments" in words
