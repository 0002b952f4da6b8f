"""A framework's own units: scores stay 0 to 100 inside and are shown on its declared scale."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from assessor.domain.content import Content
from assessor.domain.schema import DisplayScale, ScaleLevel

PERCENT = DisplayScale()
"""The scale of a framework that declares none: 0 to 100, one decimal."""


def in_units(score: float | None, display: DisplayScale | None) -> float | None:
    """A 0-100 score on a framework's display scale, rounded half up to its decimals."""
    if score is None:
        return None
    scale = display or PERCENT
    value = Decimal(repr(scale.min + (scale.max - scale.min) * score / 100.0))
    return float(value.quantize(Decimal(1).scaleb(-scale.decimals), rounding=ROUND_HALF_UP))


def shown_against(value: float, thresholds: Sequence[float] = (), decimals: int = 1) -> float:
    """A number rounded for print, never onto or across a threshold it has not reached (49.96
    against 50 reads 49.9) nor below one it has reached (the rule the reports follow too)."""
    step = 10.0**-decimals
    shown = round(value, decimals)
    for threshold in thresholds:
        if value < threshold <= shown:
            shown = (math.ceil(round(threshold / step, 9)) - 1) * step
        elif shown < threshold <= value:
            shown = math.ceil(round(threshold / step, 9)) * step
    return round(shown, decimals)


def display_scales(content: Content) -> dict[str, DisplayScale]:
    """Each framework's declared display scale, by framework id (those that declare one)."""
    return {f.id: f.display for f in content.frameworks.values() if f.display is not None}


def shown_in_units(score: float | None, display: DisplayScale) -> str:
    """A 0-100 score as the framework's units read: `1.26 of 3`, or `-` without a score."""
    value = in_units(score, display)
    if value is None:
        return "-"
    return f"{value:.{display.decimals}f} of {display.max:g}"


def gap_in_units(gap: float | None, display: DisplayScale) -> float | None:
    """A distance in 0-100 points as a distance on the framework's scale, rounded the same way."""
    if gap is None:
        return None
    value = Decimal(repr((display.max - display.min) * gap / 100.0))
    return float(value.quantize(Decimal(1).scaleb(-display.decimals), rounding=ROUND_HALF_UP))


def level_reached(value: float | None, display: DisplayScale) -> ScaleLevel | None:
    """The named level of the scale a value (in units) has reached: the highest at or below it."""
    if value is None:
        return None
    reached = [level for level in display.levels if level.value <= value]
    return max(reached, key=lambda level: level.value) if reached else None


def unit_ticks(display: DisplayScale, most: int = 6) -> list[tuple[float, float]]:
    """Tick marks for a chart drawn 0 to 100: (position 0-100, value in units), at whole units
    when at most `most` fit, else at `most` even steps; the bottom of the scale left out."""
    span = display.max - display.min
    whole = span == int(span) and span <= most
    steps = int(span) if whole else most - 1
    values = [display.min + span * i / steps for i in range(1, steps + 1)]
    return [((v - display.min) * 100.0 / span, v) for v in values]
