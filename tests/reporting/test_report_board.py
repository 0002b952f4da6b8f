"""What a board reads: the story on page one, no internal id, roles not names, honest numbers."""

from __future__ import annotations

import re
from contextlib import nullcontext

import pytest
import yaml

from assessor.config import reports_dirs
from assessor.reporting.i18n import load_translator
from assessor.services.workspace import Workspace
from tests.reporting.conftest import DAY
from tests.reporting.support import ACME, ROOT, Rendered, render

T = load_translator(reports_dirs(ROOT))
NAMES = [yaml.safe_load(p.read_text())["respondent"]["name"] for p in ACME]


@pytest.fixture(scope="module")
def acme_named(shipped: Workspace) -> Rendered:
    """The full Acme report with respondents named, at the consultant's choice."""
    return render(
        shipped, questionnaire="consultant-workshop", answers=ACME, template="full",
        client="Acme Industrial Supplies", date=DAY, named=True,
    )  # fmt: skip


def _page_one(rendered: Rendered) -> str:

    assert rendered.report.pdf is not None
    with nullcontext(rendered.plumbed) as pdf:
        return " ".join((pdf.pages[0].extract_text() or "").split())


def test_page_one_tells_the_story(acme_executive: Rendered) -> None:
    one = _page_one(acme_executive)
    assert "Foundations first" in one, "the verdict"
    assert "Direction before technology: CRM strategy (49) is below 50." in one, "a failed gate"
    assert "No critical failure pattern: Technology before strategy." in one
    for finding in (
        "Leadership sees 67, the organisation sees 39.",
        "A second attempt: an earlier CRM was abandoned.",
        "Vendors are being compared before the strategy is written.",
    ):
        assert finding in one, finding
    assert "12 of 12 answered “Has the company tried to introduce CRM before?”" in one, "evidence"
    assert T("story.first", days=90) in one and "· Sponsor" in one, "first actions, owned"
    assert T("story.decisions") in one and "Hold the vendor decision" in one
    assert "To reach “Ready to pilot”: 16 more points; CRM strategy at 50 or more" in one


def test_each_dimension_page_ends_with_its_recommendation(acme_full: Rendered) -> None:
    text = acme_full.text()
    assert text.count(T("dimensions.recommendation")) == 8
    assert "The plan closes it with" in text


def test_the_default_report_names_no_respondent(
    acme_full: Rendered, acme_executive: Rendered
) -> None:
    for rendered in (acme_full, acme_executive):
        text = rendered.text()
        assert [name for name in NAMES if name in text] == []
        assert [name for name in NAMES if name in rendered.report.html] == []
    assert "at least 3 people share it" in _page_one(acme_full)


def test_a_named_report_names_them_and_says_so_on_the_cover(acme_named: Rendered) -> None:
    text = acme_named.text()
    assert all(name in text for name in NAMES)
    assert T("control.named") in _page_one(acme_named)


def test_roles_shared_by_fewer_than_three_are_not_shown_alone(acme_full: Rendered) -> None:
    text = acme_full.text()
    assert "Manager (3)" in text and "Staff (4)" in text and "Other roles (5)" in text
    assert "External (1)" not in text and "IT (2)" not in text


def _content_ids() -> set[str]:
    """Every id of the shipped content: questions, options, dimensions, risks, actions, KPIs,
    frameworks, gates, bands, phases, and their `framework/dimension` refs; less the ids that
    are words the content's own prose uses (a "change-management plan")."""
    ids: set[str] = set()
    prose: list[str] = []
    for path in [*ROOT.glob("frameworks/*.yaml"), *ROOT.glob("questionnaires/**/*.yaml")]:
        data = yaml.safe_load(path.read_text())

        def walk(node: object, parent: str = "", framework: str = str(data.get("id", ""))) -> None:
            if isinstance(node, dict):
                if isinstance(node.get("id"), str):
                    ids.add(node["id"])
                    if parent:
                        ids.add(f"{parent}/{node['id']}")
                for key, value in node.items():
                    if key in ("en", "ru") and isinstance(value, str):
                        prose.append(value)
                    walk(value, framework if key == "dimensions" else "")
            elif isinstance(node, list):
                for item in node:
                    walk(item, parent)

        walk(data)
    words = " ".join(prose).lower()
    return {i for i in ids if not re.search(rf"(?<![\w/-]){re.escape(i)}(?![\w/-])", words)}


def _looks_like_an_id(token: str) -> bool:
    """Ids a reader could mistake for words are left out: those with no hyphen or slash."""
    return "-" in token or "/" in token


@pytest.mark.parametrize("name", ["acme_executive", "acme_full"])
def test_no_internal_id_reaches_the_reader(name: str, request: pytest.FixtureRequest) -> None:
    rendered: Rendered = request.getfixturevalue(name)
    text = rendered.text()
    ids = sorted(i for i in _content_ids() if _looks_like_an_id(i))
    assert len(ids) > 100
    found = [i for i in ids if re.search(rf"(?<![\w/-]){re.escape(i)}(?![\w/-])", text)]
    assert found == []


def test_nothing_claims_it_was_not_typed_by_hand(acme_full: Rendered) -> None:
    assert "typed in by hand" not in acme_full.text()


@pytest.mark.parametrize("name", ["acme_executive", "acme_full"])
def test_no_count_reads_wrong(name: str, request: pytest.FixtureRequest) -> None:
    text: str = request.getfixturevalue(name).text()
    assert (
        re.findall(r"\b1 (?:respondents|people|actions|answers|risks|areas|numbers)\b", text) == []
    )
    assert "All 1 " not in text and "and 1 more" not in text


def test_the_verdict_box_stays_inside_the_margins(acme_executive: Rendered) -> None:

    assert acme_executive.report.pdf is not None
    with nullcontext(acme_executive.plumbed) as pdf:
        for page in pdf.pages:
            width = float(page.width)
            for rect in page.rects:
                assert rect["x1"] <= width - 16 * 72 / 25.4 + 0.5, (page.page_number, rect)


def test_running_header_names_the_section_on_its_page(acme_full: Rendered) -> None:

    from tests.reporting.support import outline

    starts: dict[int, list[str]] = {}
    for depth, title, page in outline(acme_full.pdf):
        if depth == 0:
            starts.setdefault(page, []).append(title)
    assert acme_full.report.pdf is not None
    current: list[str] = []
    with nullcontext(acme_full.plumbed) as pdf:
        for page in pdf.pages[1:]:
            header = page.crop((0, 0, page.width, 20 * 72 / 25.4)).extract_text() or ""
            here = starts.get(page.page_number, [])
            body = " ".join(
                (
                    page.crop((0, 20 * 72 / 25.4, page.width, page.height)).extract_text() or ""
                ).split()
            )
            expected = here[:1] if here and body.startswith(here[0]) else current[-1:]
            assert all(title in " ".join(header.split()) for title in expected), (
                page.page_number,
                expected,
                header,
            )
            current += here


def test_the_example_docs_count_is_what_the_report_says(acme_full: Rendered) -> None:
    doc = (ROOT / "docs" / "reports.md").read_text()
    planned = re.search(r"holds (\d+) actions", acme_full.text())
    assert planned, "the roadmap says how many actions it holds"
    assert f"{planned.group(1)} planned actions" in doc


def test_a_single_self_assessment_warns_the_reader(shipped: Workspace) -> None:
    from tests.helpers import report

    answers = sorted((ROOT / "examples" / "executive").glob("*.yaml"))
    html = report(
        shipped, "executive-self-assessment", answers, template="executive", format="html"
    ).html
    assert (
        "single person&#39;s self-assessment" in html or "single person's self-assessment" in html
    )
    assert "1 respondents" not in html and "1 people" not in html
