"""Progress over time, drawn with matplotlib's Figure API: dimension trends and phase progress.

Series differ in line style and marker as well as colour, so they stay apart in grey print.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from itertools import cycle
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # matplotlib is imported where a chart is drawn, not with this module
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

from assessor.reporting.charts import (
    DEFAULT_PALETTE,
    Chart,
    Palette,
    drawing,
    figure,
    render,
    shorten,
    style_axes,
)

STYLES = ("-", "--", "-.", ":")
MARKERS = ("o", "s", "^", "D", "v", "P", "X")


def _colours(palette: Palette) -> list[str]:
    return [palette.primary, palette.secondary, palette.alert, palette.ink, "#6699CC"]


def draw_dimension_trend(
    dates: Sequence[dt.date],
    series: Mapping[str, Sequence[float | None]],
    palette: Palette = DEFAULT_PALETTE,
) -> Figure:
    """One line per dimension: its score (0-100) at each assessment's date."""
    with drawing(palette):
        fig = figure(figsize=(7.0, 3.4), layout="constrained")
        ax = fig.add_subplot()
        looks = zip(cycle(STYLES), cycle(MARKERS), cycle(_colours(palette)), strict=False)
        for (label, scores), (style, marker, colour) in zip(series.items(), looks, strict=False):
            points = [(d, s) for d, s in zip(dates, scores, strict=True) if s is not None]
            ax.plot(
                [d.toordinal() for d, _ in points],
                [s for _, s in points],
                linestyle=style,
                marker=marker,
                color=colour,
                linewidth=1.4,
                label=shorten(label, 32),
            )
        _finish(ax, palette, sorted(set(dates)))
        ax.set_ylim(0, 100)
        fig.legend(loc="outside right upper", frameon=False)
    return fig


def draw_phase_progress(
    points: Sequence[tuple[dt.datetime, Mapping[str, int]]],
    phases: Mapping[str, str],
    palette: Palette = DEFAULT_PALETTE,
) -> Figure:
    """One step line per phase: the share of its actions done (percent) after each change."""
    with drawing(palette):
        fig = figure(figsize=(7.0, 3.0), layout="constrained")
        ax = fig.add_subplot()
        looks = zip(cycle(STYLES), cycle(MARKERS), cycle(_colours(palette)), strict=False)
        for (phase_id, title), (style, marker, colour) in zip(phases.items(), looks, strict=False):
            ax.step(
                [_day(when) for when, _ in points],
                [shares.get(phase_id, 0) for _, shares in points],
                where="post",
                linestyle=style,
                marker=marker,
                markersize=3.5,
                color=colour,
                linewidth=1.4,
                label=shorten(title, 32),
            )
        days = sorted({when.date() for when, _ in points})
        _finish(ax, palette, days[:: max(1, len(days) // 6)])
        ax.set_ylim(0, 105)
        fig.legend(loc="outside right upper", frameon=False)
    return fig


def trend_chart(
    chart_id: str,
    alt: str,
    dates: Sequence[dt.date],
    series: Mapping[str, Sequence[float | None]],
) -> Chart:
    """The dimension trend as an SVG chart with its alt text."""
    return render(draw_dimension_trend(dates, series), chart_id, alt)


def phase_chart(
    chart_id: str,
    alt: str,
    points: Sequence[tuple[dt.datetime, Mapping[str, int]]],
    phases: Mapping[str, str],
) -> Chart:
    """The phase progress as an SVG chart with its alt text."""
    return render(draw_phase_progress(points, phases), chart_id, alt)


def _day(when: dt.datetime) -> float:
    return when.toordinal() + (when.hour * 60 + when.minute) / 1440


def _finish(ax: Axes, palette: Palette, ticks: Sequence[dt.date]) -> None:
    style_axes(ax, palette)
    ax.grid(axis="y", color=palette.neutral, linewidth=0.5)
    ax.set_xticks([d.toordinal() for d in ticks], [d.isoformat() for d in ticks])
    if len(ticks) == 1:
        ax.set_xlim(ticks[0].toordinal() - 30, ticks[0].toordinal() + 30)
