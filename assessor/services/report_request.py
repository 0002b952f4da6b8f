"""What a report request says: template, format, language, paper, cover, branding, start.

Kept apart from services.reports so that commands can name their choices without importing
the charting and PDF libraries that rendering needs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from assessor.domain.text import DEFAULT_LANGUAGE
from assessor.reporting import ReportError
from assessor.reporting.settings import PAPER_SIZES, ReportOptions

OutputFormat = Literal["pdf", "html"]
OUTPUT_FORMATS: dict[str, OutputFormat] = {".pdf": "pdf", ".html": "html", ".htm": "html"}
PAPERS = tuple(PAPER_SIZES)
"""The paper sizes a report can be printed on."""

__all__ = [
    "OUTPUT_FORMATS",
    "PAPERS",
    "OutputFormat",
    "ReportOptions",
    "ReportRequest",
    "output_format",
]


@dataclass(frozen=True)
class ReportRequest:
    """What kind of report, for whom, and how it looks."""

    template: str = "executive"
    format: OutputFormat = "pdf"
    lang: str = DEFAULT_LANGUAGE
    options: ReportOptions = field(default_factory=ReportOptions)
    consultant: str | None = None
    firm: str | None = None
    branding: Path | None = None
    start: dt.date | None = None


def output_format(path: Path) -> OutputFormat:
    """'pdf' or 'html' from the output file's suffix; a ReportError for anything else."""
    fmt = OUTPUT_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ReportError(f"{path}: the output must end in .pdf or .html")
    return fmt
