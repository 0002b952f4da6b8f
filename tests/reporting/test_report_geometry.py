"""Page fill, measured on the PDF: no page of the full report is more than a third empty unless
a chapter ends there."""

from __future__ import annotations

import itertools
import re
from contextlib import nullcontext

import pdfplumber

from assessor.config import reports_dirs
from assessor.domain.text import tr
from assessor.reporting.i18n import load_translator
from assessor.services.workspace import Workspace
from tests.reporting.support import ROOT, Rendered, outline, page_text, squash

MM = 72 / 25.4
TOP, BOTTOM, SIDE = 20 * MM, 17 * MM, 16 * MM
"""The page margins of reports/css/report.css (the running header and footer sit in them)."""
T = load_translator(reports_dirs(ROOT))


def _empty_share(page: pdfplumber.page.Page) -> float:
    """How much of the page's body lies empty below its last word, rule or picture."""
    top, bottom = TOP, page.height - BOTTOM
    lows = [w["bottom"] for w in page.extract_words() if top < w["top"] < bottom]
    lows += [o["bottom"] for o in (*page.rects, *page.images) if top < o["top"] < bottom]
    return max(0.0, (bottom - max(lows, default=top)) / (bottom - top))


def test_no_page_is_a_third_empty_unless_a_chapter_ends_there(acme_full: Rendered) -> None:
    assert acme_full.report.pdf is not None
    chapters = {page for depth, _, page in outline(acme_full.pdf) if depth == 0}
    with nullcontext(acme_full.plumbed) as pdf:
        last = len(pdf.pages)
        gaps = [
            (number, round(_empty_share(page), 2))
            for number, page in enumerate(pdf.pages, 1)
            if number != last and number + 1 not in chapters
        ]
    assert [(n, share) for n, share in gaps if share > 1 / 3] == []


def _tile_rows(page: pdfplumber.page.Page) -> list[list[dict[str, float]]]:
    """Rows of four or more boxes of one height side by side with gaps between (the KPI tiles)."""
    rows: dict[tuple[float, float], list[dict[str, float]]] = {}
    for rect in page.rects:
        if rect["height"] > 30 and rect["width"] < page.width / 3:
            rows.setdefault((round(rect["top"], 1), round(rect["height"], 1)), []).append(rect)
    tiles = []
    for boxes in rows.values():
        boxes.sort(key=lambda r: r["x0"])
        gaps = [b["x0"] - a["x1"] for a, b in itertools.pairwise(boxes)]
        if len(boxes) >= 4 and all(gap > 3 for gap in gaps):
            tiles.append(boxes)
    return tiles


def test_kpi_tiles_fill_the_text_width_exactly(acme_full: Rendered) -> None:
    assert acme_full.report.pdf is not None
    with nullcontext(acme_full.plumbed) as pdf:
        left, right = SIDE, pdf.pages[0].width - SIDE
        rows = [(n, row) for n, page in enumerate(pdf.pages, 1) for row in _tile_rows(page)]
    assert len(rows) >= 8, "a row of tiles on each building block's page"
    for number, row in rows:
        assert abs(row[0]["x0"] - left) <= 1, (number, row[0]["x0"], left)
        assert abs(row[-1]["x1"] - right) <= 1, (number, row[-1]["x1"], right)


def test_a_phase_continued_on_a_new_page_is_named_at_its_top(
    acme_full: Rendered, shipped: Workspace
) -> None:
    reader = acme_full.pdf
    chapters = {title: page for depth, title, page in outline(reader) if depth == 0}
    first, end = chapters[T("section.roadmap")], chapters[T("section.kpis")]
    header = " ".join(T(f"table.{column}") for column in ("action", "weeks", "owner", "why"))
    phases = [squash(tr(phase.title)) for phase in shipped.content.roadmap.phases]
    continued = [n for n in range(first, end) if header in page_text(reader, n)]
    assert len(continued) >= 3, "the action table runs over several pages"
    for number in continued:
        after = page_text(reader, number).split(header, 1)[1].strip()
        assert any(after.startswith(phase) for phase in phases), (number, after[:80])


def test_the_capability_heat_map_is_coloured_as_its_key_says(acme_executive: Rendered) -> None:
    css = (ROOT / "reports" / "css" / "report.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"\.rag-([a-z-]+) \{ background: #([0-9a-f]{6}); \}", css))
    assert sorted(colours) == ["below-target", "near-target", "on-target"]
    assert acme_executive.report.pdf is not None
    with nullcontext(acme_executive.plumbed) as pdf:
        fills = {
            "".join(f"{round(c * 255):02x}" for c in rect["non_stroking_color"])
            for page in pdf.pages
            for rect in page.rects
            if isinstance(rect["non_stroking_color"], tuple | list)
            and len(rect["non_stroking_color"]) == 3
        }
    shown = set(re.findall(r'<td class="num rag rag-([a-z-]+)"', acme_executive.report.html))
    assert shown, "the heat map has cells"
    assert {colours[status] for status in shown} <= fills
