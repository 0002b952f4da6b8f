"""A framework's own units: scores stay 0 to 100 inside and are shown on its declared scale."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from assessor.domain.content import Content
from assessor.domain.schema import DisplayScale

PERCENT = DisplayScale()
"""The scale of a framework that declares none: 0 to 100, one decimal."""


def in_units(score: float | None, display: DisplayScale | None) -> float | None:
    """A 0-100 score on a framework's display scale, rounded half up to its decimals."""
    if score is None:
        return None
    scale = display or PERCENT
    value = Decimal(repr(scale.min + (scale.max - scale.min) * score / 100.0))
    return float(value.quantize(Decimal(1).scaleb(-scale.decimals), rounding=ROUND_HALF_UP))


def display_scales(content: Content) -> dict[str, DisplayScale]:
    """Each framework's declared display scale, by framework id (those that declare one)."""
    return {f.id: f.display for f in content.frameworks.values() if f.display is not None}


def shown_in_units(score: float | None, display: DisplayScale) -> str:
    """A 0-100 score as the framework's units read: `1.26 of 3`, or `-` without a score."""
    value = in_units(score, display)
    if value is None:
        return "-"
    return f"{value:.{display.decimals}f} of {display.max:g}"
