"""A consultant's branding: firm, consultant, logo, colours and font, from reports/branding.yaml."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import matplotlib
from pydantic import BaseModel, ConfigDict, StringConstraints, field_validator

from assessor.domain.yamlsrc import MAX_FILE_BYTES
from assessor.reporting import ReportError
from assessor.reporting.charts import DEFAULT_PALETTE, Palette
from assessor.reporting.settings import read_report_yaml, validated

BRANDING_FILE = "branding.yaml"
LOGO_TYPES = {
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}

Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
FontName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9 -]{1,60}$")]


class Colours(BaseModel):
    """The report colours: headings and series, accent, alerts, text, muted text and tints."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    primary: Colour = DEFAULT_PALETTE.primary
    accent: Colour = DEFAULT_PALETTE.secondary
    alert: Colour = DEFAULT_PALETTE.alert
    text: Colour = DEFAULT_PALETTE.ink
    muted: Colour = "#5F6B7A"
    light: Colour = "#EEF2F7"


class BrandingFile(BaseModel):
    """A branding.yaml: who the report comes from and how it looks (every key optional)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    firm: str = ""
    consultant: str = ""
    logo: str | None = None
    colours: Colours = Colours()
    font: FontName = DEFAULT_PALETTE.font
    colormap: str = DEFAULT_PALETTE.colormap

    @field_validator("colormap")
    @classmethod
    def _known_colormap(cls, value: str) -> str:
        if value not in matplotlib.colormaps:
            raise ValueError(f"unknown matplotlib colormap {value!r} (try cividis or viridis)")
        return value

    @property
    def palette(self) -> Palette:
        """The chart palette drawn from these colours."""
        return Palette(
            primary=self.colours.primary,
            secondary=self.colours.accent,
            alert=self.colours.alert,
            ink=self.colours.text,
            colormap=self.colormap,
            font=self.font,
        )


class Branding(BrandingFile):
    """The branding in force, with the logo read into `logo_uri`, ready to embed."""

    logo_uri: str = ""


def load_branding(dirs: Sequence[Path], override: Path | None = None) -> Branding:
    """The branding in force: each branding.yaml, the shipped one first, then a consultant's,
    then the override file, each key of a later file replacing the same key of an earlier one."""
    data: dict[str, Any] = {}
    logo_base: Path | None = None
    found = [
        folder / BRANDING_FILE for folder in reversed(dirs) if (folder / BRANDING_FILE).is_file()
    ]
    sources = [*found, *([override] if override is not None else [])]
    if override is not None and not override.is_file():
        raise ReportError(f"{override}: no such branding file")
    for path in sources:
        doc = read_report_yaml(path)
        validated(BrandingFile, doc)  # each file valid on its own, errors at its own lines
        layer = dict(doc.data)
        if "colours" in layer:
            layer["colours"] = {**data.get("colours", {}), **layer["colours"]}
        if layer.get("logo"):
            logo_base = path.parent
        data.update(layer)
    branding = Branding.model_validate(data)
    if branding.logo and logo_base is not None:
        branding = branding.model_copy(update={"logo_uri": logo_uri(logo_base / branding.logo)})
    return branding


def logo_uri(path: Path) -> str:
    """A logo file as a `data:` URI, so that HTML reports stand alone."""
    mime = LOGO_TYPES.get(path.suffix.lower())
    if mime is None:
        raise ReportError(f"{path}: a logo must be one of {', '.join(LOGO_TYPES)}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportError(f"{path}: cannot read the logo: {exc.strerror}") from exc
    if len(data) > MAX_FILE_BYTES:
        raise ReportError(f"{path}: the logo is larger than {MAX_FILE_BYTES:,} bytes")
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def with_people(branding: Branding, firm: str | None, consultant: str | None) -> Branding:
    """The branding with the firm and consultant given on the command line, if any."""
    update = {k: v for k, v in (("firm", firm), ("consultant", consultant)) if v}
    return branding.model_copy(update=update) if update else branding
