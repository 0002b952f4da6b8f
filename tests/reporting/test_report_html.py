"""The HTML report: valid, self-contained, escaped, and shaped by the content it reports on."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from assessor.config import reports_dirs
from assessor.reporting import ReportError
from assessor.services.reports import RenderedReport
from assessor.services.workspace import Workspace
from tests.helpers import report
from tests.reporting.support import FIXTURE_ANSWERS, FIXTURE_ROOT, Rendered, html_problems, outline


@pytest.mark.parametrize("name", ["acme_executive", "acme_full", "small_full"])
def test_html_report_is_valid_with_unique_ids_live_links_and_alt_texts(
    name: str, request: pytest.FixtureRequest
) -> None:
    rendered: Rendered = request.getfixturevalue(name)
    assert html_problems(rendered.report.html) == []


def test_html_check_catches_what_it_is_meant_to() -> None:
    page = (
        "<!DOCTYPE html><html lang=en><head><title>x</title></head><body>"
        '<p id="a">1</p><p id="a">2</p><a href="#b">dead</a><img src="x.png"></body></html>'
    )
    assert html_problems(page) == [
        "duplicate id 'a'",
        "link to missing id '#b'",
        "img without alt: x.png",
    ]
    assert html_problems("<p>no doctype</p>")[0].startswith("parse error")


def test_html_report_stands_alone(acme_full: Rendered) -> None:
    html = acme_full.report.html
    assert "<style>" in html
    assert 'src="data:image/svg+xml;base64,' in html
    assert "<link" not in html and 'src="http' not in html and "src='http" not in html


def test_answers_are_escaped_not_interpreted(small_full: Rendered) -> None:
    html = small_full.report.html
    assert "Fewer spreadsheets &lt;please&gt;." in html
    assert "campaigns &amp; offers" in html
    assert "<please>" not in html


def test_report_shows_the_content_it_is_given_not_fixed_text(small_full: Rendered) -> None:
    text = small_full.text()
    for expected in (
        "Building blocks",  # the fixture's main framework, named in reports/layout.yaml
        "Three bases",
        "Method phases",
        "Organisational collaboration and culture across every department",
        "Foundations first",
        "Lay the foundations before choosing a system.",
        "Technology before strategy",
        "Kale (2004), the first deadly sin",
        "Small & Co",
    ):
        assert expected in text, expected
    assert "Valued customer experience" not in text, "no shipped framework leaks in"


def test_start_date_prints_dates_beside_weeks(small_full: Rendered) -> None:
    assert "It starts on 4 May 2026." in small_full.text()
    assert "weeks 1–2 4 May – 15 May 2026" in small_full.text()


def test_a_single_respondent_report_leaves_out_the_respondents_section(shipped: Workspace) -> None:
    from tests.reporting.support import EXAMPLES, render

    rendered = render(
        shipped,
        questionnaire="executive-self-assessment",
        answers=[EXAMPLES / "executive" / "ceo.yaml"],
        template="full",
    )
    titles = [title for depth, title, _ in outline(rendered.pdf) if depth == 0]
    assert "How respondents see it" not in titles
    assert "chart-heatmap" not in {c.id for c in rendered.report.charts}
    assert rendered.warnings == []
    assert html_problems(rendered.report.html) == []


def _html(ws: Workspace, template: str = "executive", root: Path | None = None) -> RenderedReport:
    """The HTML report of the small content's workshop, with a consultant's reports/ when given."""
    if root is not None:
        ws = dataclasses.replace(ws, root=root, report_dirs=tuple(reports_dirs(root)))
    return report(ws, "workshop", FIXTURE_ANSWERS, template=template, format="html")  # type: ignore[no-any-return]


def test_executive_html_draws_only_the_charts_it_shows(small: Workspace) -> None:
    report = _html(small)
    assert report.pdf is None
    assert sorted(c.id for c in report.charts) == ["chart-radar", "chart-roadmap-phases"]


def _consultant_folder(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "reports" / "sections").mkdir(parents=True)
    (root / "reports" / "i18n").mkdir()
    (root / "reports" / "layout.yaml").write_text(
        (FIXTURE_ROOT / "reports" / "layout.yaml").read_text()
    )
    return root


def test_a_consultants_reports_folder_overrides_templates_wording_and_branding(
    tmp_path: Path, small: Workspace
) -> None:
    root = _consultant_folder(tmp_path)
    (root / "reports" / "sections" / "next-90-days.html.j2").write_text(
        '<section class="section" id="next-90-days"><h1>{{ t("section.next-90-days") }}</h1>'
        "<p>Our own page: {{ next_days.actions | length }} actions.</p></section>\n"
    )
    (root / "reports" / "i18n" / "en.yaml").write_text(
        "section:\n  next-90-days: The first quarter\n"
    )
    (root / "reports" / "branding.yaml").write_text(
        "firm: Harbour Consulting\ncolours: {primary: '#112233'}\n"
    )
    report = _html(small, root=root)
    assert "Our own page: " in report.html
    assert "<h1>The first quarter</h1>" in report.html
    assert "The risks that matter most" in report.html, (
        "other wording falls back to the shipped file"
    )
    assert "--primary: #112233;" in report.html
    assert "--accent: #DDAA33;" in report.html, "colours not given keep the shipped value"
    assert "Harbour Consulting" in report.html
    assert 'class="cover-logo" src="data:image/svg+xml' in report.html, "the shipped logo stays"


def test_a_broken_template_is_reported_with_its_file_and_line(
    tmp_path: Path, small: Workspace
) -> None:
    root = _consultant_folder(tmp_path)
    (root / "reports" / "sections" / "summary.html.j2").write_text("<p>\n{% if %}\n</p>\n")
    with pytest.raises(ReportError, match=r"summary\.html\.j2:2: template error"):
        _html(small, root=root)


def test_a_template_naming_an_unknown_text_says_which(tmp_path: Path, small: Workspace) -> None:
    root = _consultant_folder(tmp_path)
    (root / "reports" / "sections" / "summary.html.j2").write_text(
        '<p>{{ t("summary.nowhere") }}</p>\n'
    )
    with pytest.raises(ReportError, match=r"no report text 'summary\.nowhere'"):
        _html(small, root=root)


def test_unknown_template_lists_the_ones_available(small: Workspace) -> None:
    with pytest.raises(
        ReportError, match="unknown report template 'board'; available: executive, full"
    ):
        _html(small, "board")


def test_a_verdict_held_back_by_a_gate_says_which_gate_and_why(
    tmp_path: Path, small: Workspace
) -> None:
    answers = tmp_path / "strong-but-no-vision.yaml"
    answers.write_text(
        "respondent: {name: Eve Lead, role: executive}\n"
        "answers:\n  vision-written: 1\n  segments: 5\n  objectives: 5\n  sponsor: yes\n"
        "  departments: 5\n  training: [classroom, coaching, manuals]\n  system: shortlist\n  users: 40\n"
    )
    html = report(small, "workshop", [answers], template="executive", format="html").html
    assert "On its score alone the organisation would rate “Ready to pilot”." in html
    assert "<li>Direction first: Vision (0) is below 40.</li>" in html
