"""Report settings read from reports/ folders: which framework plays which part of a report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

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


FrameworkRole = Literal["main", "table", "phases"]
"""What a framework is in a report: `main` (the radar, a page per dimension, the heatmap, the
perception gap; at most one), `table` (its own section with a score table), `phases` (its own
section with a bar chart and table: its dimensions are phases)."""
OLD_KEYS: dict[str, FrameworkRole] = {
    "main_framework": "main",
    "bases_framework": "table",
    "phases_framework": "phases",
}
"""The layout keys that named one framework per part before `frameworks:` listed any number."""


class FrameworkPart(BaseModel):
    """One framework of a report and the part it plays."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    part: FrameworkRole = "table"


class Layout(BaseModel):
    """Which frameworks the report shows and in what part, and how much to list."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    frameworks: list[FrameworkPart] | None = None
    """The frameworks shown, in order, each with its part (None: the first scored is the main
    framework and every other scored framework gets a table)."""
    main_framework: str | None = None
    """Older form of `frameworks: [{id: ..., part: main}]`, still read."""
    bases_framework: str | None = None
    """Older form of `frameworks: [{id: ..., part: table}]`, still read."""
    phases_framework: str | None = None
    """Older form of `frameworks: [{id: ..., part: phases}]`, still read."""
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

    @field_validator("frameworks")
    @classmethod
    def _one_main(cls, parts: list[FrameworkPart] | None) -> list[FrameworkPart] | None:
        mains = [p.id for p in parts or () if p.part == "main"]
        if len(mains) > 1:
            raise ValueError(f"only one framework can be the main one: {', '.join(mains)}")
        return parts

    @model_validator(mode="after")
    def _one_form(self) -> Layout:
        if self.frameworks is not None and any(getattr(self, key) for key in OLD_KEYS):
            raise ValueError(f"give 'frameworks' or the older {', '.join(OLD_KEYS)}, not both")
        return self

    @property
    def framework_parts(self) -> list[FrameworkPart] | None:
        """The frameworks the layout names with their parts, the older keys read as a list;
        None when it names none (the report then chooses, see reporting.context)."""
        if self.frameworks is not None:
            return list(self.frameworks)
        named = [
            FrameworkPart(id=value, part=part)
            for key, part in OLD_KEYS.items()
            if (value := getattr(self, key))
        ]
        return named or None


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


def problems_of(model: type[M], doc: SourceDoc) -> list[tuple[int, str, str]]:
    """Each reason a report YAML document fails its model: (line, path, message)."""
    try:
        model.model_validate(doc.data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            path = tuple(error["loc"])
            message = error["msg"].removeprefix("Value error, ")
            if error["type"] == "extra_forbidden":
                message = "unknown key"
            problems.append((doc.line_of(path), format_path(path), message))
        return problems
    return []


def validated(model: type[M], doc: SourceDoc) -> M:
    """Validate a report YAML document against a model, naming file and line of each error."""
    problems = problems_of(model, doc)
    if problems:
        raise ReportError(
            "\n".join(f"{doc.file}:{line}: {path}: {message}" for line, path, message in problems)
        )
    return model.model_validate(doc.data)


def find_file(dirs: Sequence[Path], name: str) -> Path | None:
    """The first reports folder's file of that name (a consultant's own before the shipped one)."""
    return next((folder / name for folder in dirs if (folder / name).is_file()), None)


def load_layout(dirs: Sequence[Path]) -> Layout:
    """The layout in force: the first layout.yaml found, else the defaults."""
    path = find_file(dirs, LAYOUT_FILE)
    return Layout() if path is None else validated(Layout, read_report_yaml(path))
