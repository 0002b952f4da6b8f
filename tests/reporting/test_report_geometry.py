"""Page fill, measured on the PDF: no page of the full report is more than a third empty unless
a chapter ends there."""

from __future__ import annotations

import io

import pdfplumber

from tests.reporting.support import Rendered, outline

MM = 72 / 25.4
TOP, BOTTOM = 20 * MM, 17 * MM
"""The page margins of reports/css/report.css (the running header and footer sit in them)."""


def _empty_share(page: pdfplumber.page.Page) -> float:
    """How much of the page's body lies empty below its last word, rule or picture."""
    top, bottom = TOP, page.height - BOTTOM
    lows = [w["bottom"] for w in page.extract_words() if top < w["top"] < bottom]
    lows += [o["bottom"] for o in (*page.rects, *page.images) if top < o["top"] < bottom]
    return max(0.0, (bottom - max(lows, default=top)) / (bottom - top))


def test_no_page_is_a_third_empty_unless_a_chapter_ends_there(acme_full: Rendered) -> None:
    assert acme_full.report.pdf is not None
    chapters = {page for depth, _, page in outline(acme_full.pdf) if depth == 0}
    with pdfplumber.open(io.BytesIO(acme_full.report.pdf)) as pdf:
        last = len(pdf.pages)
        gaps = [
            (number, round(_empty_share(page), 2))
            for number, page in enumerate(pdf.pages, 1)
            if number != last and number + 1 not in chapters
        ]
    assert [(n, share) for n, share in gaps if share > 1 / 3] == []
