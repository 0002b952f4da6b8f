"""Any number of frameworks in a report, each on its own scale, people in the content's order."""

from __future__ import annotations

import base64
import re
import shutil
from pathlib import Path

import pytest

from assessor.domain.units import in_units
from assessor.reporting.settings import FrameworkPart, Layout
from assessor.services.workspace import open_workspace
from tests.helpers import assess
from tests.reporting.support import FIXTURE_ROOT, Rendered, outline, render


def own_content(tmp_path: Path, layout: str | None) -> Path:
    """The report fixture content with the given reports/layout.yaml (None: no layout)."""
    root = tmp_path / "content"
    shutil.copytree(FIXTURE_ROOT, root)
    if layout is None:
        (root / "reports" / "layout.yaml").unlink()
    else:
        (root / "reports" / "layout.yaml").write_text(layout)
    return root


def full_report(root: Path, **fields: object) -> Rendered:
    answers = sorted((root / "answers").glob("*.yaml"))
    ws = open_workspace(root)
    return render(
        ws, questionnaire="workshop", answers=answers, template="full", client="Own", **fields
    )


def top_entries(rendered: Rendered) -> list[str]:
    return [title for depth, title, _ in outline(rendered.pdf) if depth == 0]


THREE = """frameworks:
  - {id: blocks, part: main}
  - {id: phases, part: table}
  - {id: bases, part: table}
"""


def test_a_layout_lists_any_number_of_frameworks_each_in_its_own_section(
    tmp_path: Path,
) -> None:
    rendered = full_report(own_content(tmp_path, THREE))
    top = top_entries(rendered)
    assert "Method phases" in top and "Three bases" in top, top
    assert top.index("Method phases") < top.index("Three bases"), "the layout's order"
    text = rendered.text()
    assert "Building blocks" in text
    assert "Method phases: overall score" in text and "Three bases: overall score" in text
    assert 'href="#bases-bases"' in rendered.report.html, "the contents link each table"


def test_without_a_layout_every_scored_framework_is_in_the_report(tmp_path: Path) -> None:
    rendered = full_report(own_content(tmp_path, None))
    text = rendered.text()
    assert "Building blocks" in text, "the first scored is the main framework"
    assert "Three bases: overall score" in text and "Method phases: overall score" in text


def test_the_older_layout_keys_still_name_the_frameworks() -> None:
    layout = Layout(main_framework="blocks", bases_framework="bases", phases_framework="phases")
    assert layout.framework_parts == [
        FrameworkPart(id="blocks", part="main"),
        FrameworkPart(id="bases", part="table"),
        FrameworkPart(id="phases", part="phases"),
    ]
    with pytest.raises(ValueError, match="not both"):
        Layout(main_framework="blocks", frameworks=[FrameworkPart(id="bases")])


SCALE = """display:
  min: 0
  max: 3
  decimals: 1
  levels:
    - {value: 0, name: {en: Absent, ru: Нет}}
    - {value: 1, name: {en: Initial, ru: Начальный}}
    - {value: 2, name: {en: Defined, ru: Определён}}
    - {value: 3, name: {en: Managed, ru: Управляемый}}
"""


def on_its_scale(tmp_path: Path) -> Path:
    """The fixture content whose main framework (blocks) is shown 0 to 3 with named levels."""
    root = own_content(tmp_path, THREE)
    blocks = root / "frameworks" / "blocks.yaml"
    blocks.write_text(blocks.read_text() + SCALE)
    return root


def chart_svg(rendered: Rendered, chart_id: str) -> str:
    """The SVG of one chart of the report's HTML."""
    html = rendered.report.html
    start = html.index(f'id="{chart_id}"')
    data = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', html[start:])
    assert data is not None
    return base64.b64decode(data.group(1)).decode()


@pytest.mark.parametrize(("lang", "of"), [("en", "of"), ("ru", "из")])
def test_a_framework_on_its_own_scale_is_shown_in_its_units_in_the_pdf(
    tmp_path: Path, lang: str, of: str
) -> None:
    root = on_its_scale(tmp_path)
    rendered = full_report(root, lang=lang)
    ws = open_workspace(root)
    answers = sorted((root / "answers").glob("*.yaml"))
    blocks = assess(ws, "workshop", answers).frameworks["blocks"]
    display = ws.content.frameworks["blocks"].display
    assert display is not None
    text = rendered.text()

    def units(score: float | None) -> str:
        value = in_units(score, display)
        assert value is not None
        return f"{value:.1f}".replace(".", "," if lang == "ru" else ".")

    level = {"en": ["Absent", "Initial", "Defined", "Managed"], "ru": ["Нет", "Начальный", "Определён", "Управляемый"]}  # fmt: skip
    overall = in_units(blocks.score, display)
    assert overall is not None
    named = level[lang][int(overall)]
    assert f"{units(blocks.score)} {of} 3 ({named})" in text, "the framework's score and level"
    vision = blocks.dimensions["vision"]
    assert f"{units(vision.score)} {of} 3" in text, "a dimension's page and table"
    assert units(vision.target) in text
    radar = re.findall(r"<text[^>]*>([^<]*)</text>", chart_svg(rendered, "chart-radar"))
    assert {"1", "2", "3"} <= set(radar), "the radar's rings in units"
    assert not {"20", "40", "60", "80"} & set(radar), "not on 0 to 100"
    assert f"({units(vision.score)})" in radar, "each dimension's score in units"
    bases = assess(ws, "workshop", answers).frameworks["bases"]
    assert f"Three bases: overall score {round(bases.score or 0)}" in text or lang == "ru", (
        "a framework that declares no scale keeps 0 to 100"
    )


OWN_ROLES = """roles:
  - {id: it, title: {en: Technologist, ru: Технолог}}
  - {id: staff, title: {en: Front line, ru: Линия}}
  - {id: executive, title: {en: Board, ru: Правление}, perception: true}
"""


def test_the_report_lists_roles_in_the_order_and_words_of_the_content(tmp_path: Path) -> None:
    root = own_content(tmp_path, THREE)
    models = root / "frameworks" / "models.yaml"
    models.write_text(models.read_text() + OWN_ROLES)
    text = full_report(root).text()
    assert "by role: Technologist: 1, Front line: 1, Board: 1." in text, "the content's order"


def test_appendix_b_gives_each_gates_floor_and_cap(small_full: Rendered) -> None:
    text = small_full.text()
    assert "While a dimension it checks is below 40, the verdict is at most “Not ready”." in text
