"""Report settings read from reports/ folders: which framework plays which part of a report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assessor.domain.yamlsrc import SourceDoc, SourceError, format_path, read_yaml
from assessor.reporting import ReportError

LAYOUT_FILE = "layout.yaml"
PAPER_SIZES = {"a4": "A4", "letter": "letter"}
"""Paper the PDF is printed on: option value to CSS page size."""
M = TypeVar("M", bound=BaseModel)


class Likelihood(BaseModel):
    """The share of the evidence from which a risk's likelihood counts as high or medium."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    high: Annotated[float, Field(gt=0, le=1)] = 0.6
    medium: Annotated[float, Field(gt=0, le=1)] = 0.3


class Layout(BaseModel):
    """Which framework feeds the radar, the ten-bases table and the phase chart, and how much to list."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    main_framework: str | None = None
    """The radar, a page per dimension, the heatmap, the perception gap (None: the first scored)."""
    bases_framework: str | None = None
    """A second framework shown as its own score table (None: no such section)."""
    phases_framework: str | None = None
    """A framework whose dimensions are phases, shown as bars against targets (None: none)."""
    top_risks: Annotated[int, Field(ge=1, le=20)] = 5
    next_days: Annotated[int, Field(ge=7, le=365)] = 90
    key_findings: Annotated[int, Field(ge=1, le=6)] = 3
    first_actions: Annotated[int, Field(ge=1, le=10)] = 4
    min_group: Annotated[int, Field(ge=1, le=50)] = 3
    amber_gap: Annotated[float, Field(ge=0, le=100)] = 15.0
    likelihood: Likelihood = Likelihood()
    owners: dict[str, str] = {}
    """Who owns each roadmap phase's actions, by phase id (worded by `owner.<role>`)."""
    default_owner: str = "programme-lead"


@dataclass(frozen=True)
class ReportOptions:
    """Who the report is for and how it is printed."""

    client: str = ""
    date: dt.date = field(default_factory=dt.date.today)
    paper: str = "a4"
    chart_format: str = "svg"
    named: bool = False
    """Name respondents (the consultant's explicit choice); by default the report shows roles."""
    version: str = "1.0"
    """The document's version, for document control."""


def read_report_yaml(path: Path) -> SourceDoc:
    """Read a reports/ YAML file; a problem becomes a ReportError naming the file and line."""
    try:
        doc = read_yaml(path, str(path))
    except SourceError as exc:
        raise ReportError(str(exc)) from exc
    if not isinstance(doc.data, dict):
        raise ReportError(f"{path}:1: expected a mapping of keys to values")
    return doc


def validated(model: type[M], doc: SourceDoc) -> M:
    """Validate a report YAML document against a model, naming file and line of each error."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            path = tuple(error["loc"])
            message = error["msg"].removeprefix("Value error, ")
            if error["type"] == "extra_forbidden":
                message = "unknown key"
            problems.append(f"{doc.file}:{doc.line_of(path)}: {format_path(path)}: {message}")
        raise ReportError("\n".join(problems)) from exc


def find_file(dirs: Sequence[Path], name: str) -> Path | None:
    """The first reports folder's file of that name (a consultant's own before the shipped one)."""
    return next((folder / name for folder in dirs if (folder / name).is_file()), None)


def load_layout(dirs: Sequence[Path]) -> Layout:
    """The layout in force: the first layout.yaml found, else the defaults."""
    path = find_file(dirs, LAYOUT_FILE)
    return Layout() if path is None else validated(Layout, read_report_yaml(path))
