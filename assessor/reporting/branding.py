"""A consultant's branding: firm, consultant, logo, colours and font, from reports/branding.yaml."""

from __future__ import annotations

import base64
import io
import warnings
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

from PIL import Image
from pydantic import BaseModel, ConfigDict, StringConstraints, field_validator

from assessor.domain.yamlsrc import SourceError, read_limited
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

MAX_LOGO_BYTES = 1_000_000
"""A logo file may be at most this large."""
MAX_LOGO_PIXELS = 4096 * 4096
"""A PNG or JPEG logo may have at most this many pixels."""
_PILLOW_FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG"}
_SVG_ROOT = "{http://www.w3.org/2000/svg}svg"

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
        if value == DEFAULT_PALETTE.colormap:  # known without importing matplotlib
            return value
        import matplotlib

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
    logo_from: tuple[Path, str] | None = None  # the branding file's folder, and file:line
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
            logo_from = (path.parent, f"{path}:{doc.line_of(('logo',))}")
        data.update(layer)
    branding = Branding.model_validate(data)
    if branding.logo and logo_from is not None:
        folder, place = logo_from
        try:
            uri = logo_uri(folder, branding.logo)
        except ReportError as exc:
            raise ReportError(f"{place}: logo: {exc}") from exc
        branding = branding.model_copy(update={"logo_uri": uri})
    return branding


def logo_uri(folder: Path, name: str) -> str:
    """A logo file in `folder`, checked to be an image of bounded size, as a `data:` URI."""
    mime = LOGO_TYPES.get(Path(name).suffix.lower())
    if mime is None:
        raise ReportError(f"'{name}': a logo must be one of {', '.join(LOGO_TYPES)}")
    path = (folder / name).resolve()
    if Path(name).is_absolute() or not path.is_relative_to(folder.resolve()):
        raise ReportError(f"'{name}' leads outside {folder}; put the logo beside the branding file")
    try:
        data = read_limited(path, name, MAX_LOGO_BYTES)
    except SourceError as exc:
        raise ReportError(f"{name}: cannot read the logo ({exc.message})") from exc
    problem = _svg_problem(data) if mime == "image/svg+xml" else _bitmap_problem(data, mime)
    if problem:
        raise ReportError(f"'{name}' {problem}")
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _svg_problem(data: bytes) -> str | None:
    """Why SVG bytes are not a plain SVG image (no DOCTYPE, so no entities), or None."""
    if b"<!doctype" in data.lower() or b"<!entity" in data.lower():
        return "is not an SVG image this report accepts (it has a DOCTYPE or entities)"
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return "is not an SVG image (it is not well-formed XML)"
    return None if root.tag == _SVG_ROOT else "is not an SVG image"


def _bitmap_problem(data: bytes, mime: str) -> str | None:
    """Why PNG or JPEG bytes are not a sound image of bounded pixels, or None."""
    kind = _PILLOW_FORMATS[mime]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[kind]) as image:
                width, height = image.size
                if width * height > MAX_LOGO_PIXELS:
                    return f"has {width}x{height} pixels; the limit is {MAX_LOGO_PIXELS:,} pixels"
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return f"has too many pixels; the limit is {MAX_LOGO_PIXELS:,} pixels"
    except (OSError, SyntaxError, ValueError):
        return f"is not a {kind} image"
    return None


def with_people(branding: Branding, firm: str | None, consultant: str | None) -> Branding:
    """The branding with the firm and consultant given on the command line, if any."""
    update = {k: v for k, v in (("firm", firm), ("consultant", consultant)) if v}
    return branding.model_copy(update=update) if update else branding
