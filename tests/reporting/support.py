"""Helpers for the report tests: render once, read the PDF, check the HTML."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import html5lib
from pypdf import PdfReader

from assessor.reporting.pdf import captured_warnings
from assessor.services.reports import RenderedReport
from assessor.services.workspace import Workspace
from tests.helpers import report

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
ACME = sorted((EXAMPLES / "acme-workshop").glob("*.yaml"))
FIXTURE_ROOT = Path(__file__).resolve().parent / "fixtures" / "content"
FIXTURE_ANSWERS = sorted((FIXTURE_ROOT / "answers").glob("*.yaml"))


@dataclass(frozen=True)
class Rendered:
    """A rendered report with its PDF opened, its text and the warnings logged meanwhile."""

    fields: dict[str, Any]
    report: RenderedReport
    warnings: list[str]

    @cached_property
    def pdf(self) -> PdfReader:
        """The PDF, opened with pypdf (once: its pages are parsed on first use and kept)."""
        assert self.report.pdf is not None
        return PdfReader(io.BytesIO(self.report.pdf))

    @cached_property
    def plumbed(self) -> Any:
        """The PDF opened with pdfplumber once, for every test that reads its geometry (each
        page is parsed on first use and kept)."""
        import pdfplumber

        assert self.report.pdf is not None
        return pdfplumber.open(io.BytesIO(self.report.pdf))

    def text(self) -> str:
        """Every page's text with whitespace runs collapsed."""
        return self._text

    @cached_property
    def _text(self) -> str:
        return " ".join(" ".join(page.extract_text().split()) for page in self.pdf.pages)


def render(ws: Workspace, **fields: Any) -> Rendered:
    """Render a report as PDF, collecting WeasyPrint's and fontTools' warnings."""
    with captured_warnings() as warnings:
        rendered = report(ws, **dict(fields))
    return Rendered(fields, rendered, list(warnings))


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """The PDF outline as (depth, title, 1-based page) in document order."""
    entries: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                entries.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return entries


def page_text(reader: PdfReader, number: int) -> str:
    """One page's text (1-based) with whitespace runs collapsed."""
    return " ".join(reader.pages[number - 1].extract_text().split())


def html_problems(html: str) -> list[str]:
    """What is wrong with a report's HTML: parse errors, duplicate ids, dead links, missing alt."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    problems: list[str] = []
    try:
        tree = parser.parse(html)
    except html5lib.html5parser.ParseError as exc:
        return [f"parse error: {exc}"]
    ids = [e.get("id") for e in tree.iter() if e.get("id")]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    problems += [f"duplicate id {i!r}" for i in duplicates]
    for link in tree.iter("a"):
        href = link.get("href", "")
        if href.startswith("#") and href[1:] not in ids:
            problems.append(f"link to missing id {href!r}")
    problems += [
        f"img without alt: {img.get('src', '')[:40]}"
        for img in tree.iter("img")
        if not img.get("alt")
    ]
    return problems


def squash(text: str) -> str:
    """Text with whitespace runs collapsed, to compare with PDF text."""
    return re.sub(r"\s+", " ", text).strip()
