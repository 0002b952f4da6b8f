"""A Russian report holds no English: Latin-script words are counted outside an allow-list."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from assessor.services.workspace import Workspace
from tests.reporting.conftest import DAY
from tests.reporting.support import ACME, EXAMPLES, ROOT, Rendered, page_text, render

LATIN = re.compile(r"[A-Za-z][A-Za-z'’]*")
ALLOWED = {  # proper names, acronyms and brand names a Russian text keeps in Latin script
    *[
        "CRM",
        "KPI",
        "NPS",
        "ROI",
        "IT",
        "ERP",
        "SMS",
        "SaaS",
        "SMART",
        "ADKAR",
        "PDF",
        "Gartner",
        "Group",
        "Kale",
        "Forrester",
        "Walton",
        "Gerson",
    ],
    *[
        "Thompson",
        "Xu",
        "Light",
        "Salesforce",
        "Microsoft",
        "Dynamics",
        "SAP",
        "Oracle",
        "HubSpot",
        "Prosci",
        "Hiatt",
    ],
    *["Acme", "Industrial", "Supplies", "Northwind", "Advisory", "Jane", "Adviser"],
}
EXECUTIVE = [EXAMPLES / "executive" / "ceo.yaml"]
CASES = {
    "acme-executive": ("consultant-workshop", ACME, "executive"),
    "acme-full": ("consultant-workshop", ACME, "full"),
    "ceo-executive": ("executive-self-assessment", EXECUTIVE, "executive"),
    "ceo-full": ("executive-self-assessment", EXECUTIVE, "full"),
}


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _words(texts: Iterator[str]) -> set[str]:
    return {word for text in texts for word in LATIN.findall(text)}


def _respondents_words(answers: list[Path]) -> set[str]:
    """Respondents' own words: their names, free-text answers, comments and evidence."""
    return _words(s for path in answers for s in _strings(yaml.safe_load(path.read_text())))


def _references_words() -> set[str]:
    """References keep their original titles, authors and publishers."""
    data = yaml.safe_load((ROOT / "frameworks" / "references.yaml").read_text())
    return _words(
        s
        for entry in data["references"]
        for key in ("authors", "title", "publisher", "url")
        for s in _strings(entry.get(key, ""))
    )


def _untranslated_sources() -> set[str]:
    """The content's `source:` citations that have no Russian form (content work, not wording)."""

    def sources(value: Any) -> Iterator[str]:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "source" and isinstance(item, str):
                    yield item
                else:
                    yield from sources(item)
        elif isinstance(value, list):
            for item in value:
                yield from sources(item)

    paths = [*(ROOT / "frameworks").glob("*.yaml"), *(ROOT / "questionnaires").glob("*.yaml")]
    return _words(s for path in paths for s in sources(yaml.safe_load(path.read_text())))


_RUSSIAN: dict[str, Rendered] = {}


def _russian(shipped: Workspace, case: str) -> Rendered:
    """A case's report in Russian, rendered once per test session."""
    if case not in _RUSSIAN:
        questionnaire, answers, template = CASES[case]
        _RUSSIAN[case] = render(
            shipped, questionnaire=questionnaire, answers=answers, template=template, lang="ru",
            client="Acme Industrial Supplies", date=DAY,
        )  # fmt: skip
    return _RUSSIAN[case]


def _leaks(shipped: Workspace, case: str) -> tuple[Counter[str], Counter[str]]:
    """Latin words of the Russian report outside the allow-list: (the wording's, the content's)."""
    rendered = _russian(shipped, case)
    answers = CASES[case][1]
    allowed = ALLOWED | _respondents_words(answers) | _references_words()
    found = Counter(w for w in LATIN.findall(rendered.text()) if w not in allowed)
    content = _untranslated_sources()
    wording = Counter({w: n for w, n in found.items() if w not in content})
    return wording, found - wording


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_russian_report_has_no_english_wording(shipped: Workspace, case: str) -> None:
    wording, content = _leaks(shipped, case)
    assert sum(wording.values()) == 0, wording.most_common()
    assert sum(content.values()) == 0, (
        "an English-only source is cited by its reference numbers alone in Russian",
        content.most_common(),
    )


def test_the_board_edition_keeps_to_eight_pages_in_russian_too(
    shipped: Workspace, acme_executive: Rendered
) -> None:
    """Russian runs longer than English; in both, what respondents could not say stays on page
    two beside the limitations (it had a near-empty page 3 of its own) and page 3 is readiness at
    a glance."""
    russian = _russian(shipped, "acme-executive").pdf
    assert len(russian.pages) <= 8
    assert "Чего респонденты не знают" in page_text(russian, 2)
    assert page_text(russian, 3).startswith("Готовность в целом 44"), "nothing spills over"
    english = acme_executive.pdf
    assert len(english.pages) <= 8
    assert "What respondents could not say" in page_text(english, 2)
    assert page_text(english, 3).startswith("Readiness at a glance 44"), "nothing spills over"
