"""The PDF reports a consultant hands over: outline, contents, charts, metadata, no warnings."""

from __future__ import annotations

import html
import re

import pytest

from assessor.config import reports_dirs
from assessor.domain.roadmap import plan_roadmap
from assessor.domain.schema import SEVERITY_RANK
from assessor.domain.text import tr
from assessor.reporting.i18n import load_translator
from assessor.services.workspace import Workspace
from tests.helpers import assess
from tests.reporting.support import ACME, ROOT, Rendered, outline, page_text, squash

FRONT_SECTIONS = [
    "executive-summary",
    "scope",
    "summary",
    "top-risks",
    "roadmap-glance",
    "next-90-days",
]
EXECUTIVE_SECTIONS = [*FRONT_SECTIONS, "references"]
FULL_SECTIONS = [
    *FRONT_SECTIONS,
    "dimensions",
    "bases",
    "phases",
    "respondents",
    "themes",
    "risk-register",
    "roadmap",
    "kpis",
    "appendix-answers",
    "appendix-method",
    "references",
]
CHART_TEXT = {  # a text each chart draws, and nothing else on its page would say alone
    "chart-radar": "chart.current",
    "chart-roadmap-phases": "chart.weeks",
    "chart-roadmap": "chart.gantt_critical",
    "chart-roadmap-2": "chart.weeks",  # the Gantt's second part: 60 rows, every label whole
    "chart-heatmap": "chart.score",
    "chart-perception": "chart.executives",
    "chart-phases": "chart.below_target",
}
T = load_translator(reports_dirs(ROOT))


def section_titles(sections: list[str]) -> list[str]:
    return [T(f"section.{s}") for s in sections]


@pytest.fixture(scope="module")
def acme_results(shipped: Workspace):  # type: ignore[no-untyped-def]
    assessment = assess(shipped, "consultant-workshop", ACME)
    return assessment, plan_roadmap(shipped.content, assessment)


@pytest.mark.parametrize(
    ("name", "sections"), [("acme_executive", EXECUTIVE_SECTIONS), ("acme_full", FULL_SECTIONS)]
)
def test_every_section_has_an_outline_entry_in_order(
    name: str, sections: list[str], request: pytest.FixtureRequest
) -> None:
    rendered: Rendered = request.getfixturevalue(name)
    top = [title for depth, title, _ in outline(rendered.pdf) if depth == 0]
    assert top == section_titles(sections)


def test_the_full_report_bookmarks_every_building_block(
    acme_full: Rendered, shipped: Workspace
) -> None:
    entries = outline(acme_full.pdf)
    start = [title for _, title, _ in entries].index(T("section.dimensions"))
    children = [title for depth, title, _ in entries[start + 1 :] if depth == 1][:8]
    assert children == [tr(d.title) for d in shipped.content.frameworks["gartner-8"].dimensions]


@pytest.mark.parametrize("name", ["acme_executive", "acme_full"])
def test_text_names_the_band_the_top_risks_and_every_phase(
    name: str,
    request: pytest.FixtureRequest,
    acme_results,
    shipped: Workspace,  # type: ignore[no-untyped-def]
) -> None:
    rendered: Rendered = request.getfixturevalue(name)
    assessment, roadmap = acme_results
    text = rendered.text()
    assert squash(tr(assessment.readiness.band_title)) in text
    ranked = sorted(assessment.risks, key=lambda r: -SEVERITY_RANK[r.severity])
    top = ranked[: 5 if name == "acme_executive" else None]
    assert top, "the Acme workshop triggers risks"
    for risk in top:
        assert squash(tr(risk.title)) in text, risk.id
    for phase in roadmap.phases:
        assert squash(tr(phase.title)) in text, phase.id


@pytest.mark.parametrize(
    ("name", "charts"),
    [
        ("acme_executive", ["chart-radar", "chart-roadmap-phases"]),
        ("acme_full", sorted(CHART_TEXT)),
    ],
)
def test_the_expected_charts_are_embedded_with_their_text(
    name: str, charts: list[str], request: pytest.FixtureRequest
) -> None:
    rendered: Rendered = request.getfixturevalue(name)
    reader = rendered.pdf
    destinations = reader.named_destinations
    embedded = sorted(d for d in destinations if d.startswith("chart-"))
    # A long plan's Gantt continues in parts of up to a page each: chart-roadmap-2, -3, ...
    parts = sorted(d for d in embedded if re.fullmatch(r"chart-roadmap-\d+", d))
    assert parts == [f"chart-roadmap-{n}" for n in range(2, len(parts) + 2)]
    if "chart-roadmap-2" in charts:
        assert parts, "the full Acme plan needs more than one Gantt part"
        charts = sorted({*charts, *parts})
    assert embedded == sorted(charts)
    assert sorted(c.id for c in rendered.report.charts) == sorted(charts)
    for chart in charts:
        page = reader.get_destination_page_number(destinations[chart]) + 1
        wanted = CHART_TEXT.get(chart, "chart.weeks")  # every Gantt part has a weeks axis
        assert T(wanted) in page_text(reader, page), chart


@pytest.mark.parametrize("name", ["acme_executive", "acme_full", "small_full"])
def test_rendering_logs_no_warning(name: str, request: pytest.FixtureRequest) -> None:
    rendered: Rendered = request.getfixturevalue(name)
    assert rendered.warnings == []


@pytest.mark.parametrize(
    ("name", "low", "high"), [("acme_executive", 4, 8), ("acme_full", 15, 44)]
)  # since issues 9 and 10: Acme shows 20 risks; the full report gained its deliverable parts
def test_page_count_is_what_the_reader_expects(
    name: str, low: int, high: int, request: pytest.FixtureRequest
) -> None:
    rendered: Rendered = request.getfixturevalue(name)
    assert low <= len(rendered.pdf.pages) <= high


def test_metadata_names_title_author_and_subject(acme_full: Rendered) -> None:
    meta = acme_full.pdf.metadata
    assert meta is not None
    assert meta.title == f"{T('report.title_full')}: Acme Industrial Supplies"
    assert meta.author == "Jane Adviser, Northwind Advisory"
    assert meta.subject is not None and "Acme Industrial Supplies" in meta.subject


def test_pages_carry_numbers_and_a_running_header(acme_executive: Rendered) -> None:
    reader = acme_executive.pdf
    total = len(reader.pages)
    for number in range(1, total + 1):
        text = page_text(reader, number)
        assert f"{number} / {total}" in text
        assert "Acme Industrial Supplies" in text
    assert not page_text(reader, 1).startswith("Acme"), "page one has no running header"


def test_contents_list_the_page_each_section_starts_on(acme_full: Rendered) -> None:
    reader = acme_full.pdf
    contents = page_text(reader, 2)
    for depth, title, page in outline(reader):
        if depth == 0 and page > 1:
            assert re.search(re.escape(squash(title)) + r"[ .]*" + str(page) + r"\b", contents), (
                title
            )


def test_paper_size_follows_the_option(acme_full: Rendered, small_full: Rendered) -> None:
    a4 = acme_full.pdf.pages[0].mediabox
    letter = small_full.pdf.pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)


def test_tables_repeat_their_header_on_every_page_they_span(acme_full: Rendered) -> None:
    reader = acme_full.pdf
    pages = [p for d, t, p in outline(reader) if d == 0]
    start = pages[FULL_SECTIONS.index("appendix-answers")]
    end = pages[FULL_SECTIONS.index("appendix-method")]
    assert end - start >= 2, "the appendix spans pages"
    header = f"{T('table.question')} {T('table.answers')} {T('table.score')}"
    for number in range(start, end):
        assert header in page_text(reader, number), number


def _drawn_texts(rendered: Rendered, prefix: str) -> list[str]:
    """The texts drawn in the report's charts whose id is `prefix` or `prefix-<part number>`."""
    found = [
        html.unescape(text)
        for chart in rendered.report.charts
        if re.fullmatch(rf"{prefix}(-\d+)?", chart.id)
        for text in re.findall(r"<text[^>]*>(.*?)</text>", chart.data.decode(), re.S)
    ]
    assert found, prefix
    return found


def test_the_gantt_names_every_action_whole(acme_full: Rendered, acme_results) -> None:  # type: ignore[no-untyped-def]
    _, roadmap = acme_results
    texts = _drawn_texts(acme_full, "chart-roadmap")
    assert not [text for text in texts if "…" in text]
    drawn = "".join(
        "".join(texts).split()
    )  # a label on two lines is two texts, one after the other
    planned = [a for p in roadmap.phases if not p.skipped for a in p.actions]
    assert len(planned) > 40
    for action in planned:
        assert "".join(tr(action.title).split()) in drawn, action.id


def test_the_phase_chart_keys_only_the_bars_it_draws(acme_full: Rendered, acme_results) -> None:  # type: ignore[no-untyped-def]
    assessment, _ = acme_results
    phases = assessment.frameworks["methodology"]
    below = [d.score is None or d.score < d.target for d in phases.dimensions.values()]
    texts = _drawn_texts(acme_full, "chart-phases")
    assert (T("chart.on_target") in texts) == (not all(below))
    assert (T("chart.below_target") in texts) == any(below)
