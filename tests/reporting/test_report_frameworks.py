"""Any number of frameworks in a report, each on its own scale, people in the content's order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assessor.reporting.settings import FrameworkPart, Layout
from assessor.services.workspace import open_workspace
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
