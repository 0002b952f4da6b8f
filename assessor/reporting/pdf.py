"""HTML reports to PDF with WeasyPrint: outline, page numbers and metadata come from the HTML."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from assessor.reporting.problems import WATCHED_LOGGERS, reported_problems


@lru_cache(maxsize=1)
def _font_config() -> Any:
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def html_to_pdf(
    html: str, base_url: str | None = None, folders: Sequence[Path] | None = None
) -> bytes:
    """Render report HTML to PDF bytes, loading only `data:` URIs and files inside `folders`
    (by default the base URL's folder); problems are logged in plain words."""
    with reported_problems():
        return print_pdf(html, base_url, folders)


def print_pdf(
    html: str, base_url: str | None = None, folders: Sequence[Path] | None = None
) -> bytes:
    """`html_to_pdf` without catching the problems WeasyPrint reports."""
    from weasyprint import HTML

    from assessor.reporting.fetcher import ConfinedFetcher

    if folders is None:
        folders = [Path(url2pathname(urlsplit(base_url).path))] if base_url else []
    document = HTML(string=html, base_url=base_url, url_fetcher=ConfinedFetcher(folders))
    pdf: bytes = document.write_pdf(font_config=_font_config())
    return pdf


def load_weasyprint() -> None:
    """Import WeasyPrint and set up its fonts, ahead of the first PDF."""
    from weasyprint import HTML  # noqa: F401

    from assessor.reporting.fetcher import ConfinedFetcher  # noqa: F401

    _font_config()


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the message of a warning."""
        self.messages.append(f"{record.name}: {record.getMessage()}")


@contextmanager
def captured_warnings() -> Iterator[list[str]]:
    """Collect the warnings WeasyPrint and fontTools log while rendering."""
    handler = _Collect()
    loggers = [logging.getLogger(name) for name in WATCHED_LOGGERS]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
