"""The roadmap's Gantt chart: phases and actions over weeks, critical ones and quick wins marked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # matplotlib is imported where a chart is drawn, not with this module
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

from assessor.reporting.charts import (
    CHAR_WIDTH_IN,
    DEFAULT_PALETTE,
    Palette,
    Translate,
    drawing,
    figure,
    fit_left_margin,
    longest_line,
    style_axes,
    wrap,
)

WIDE_PITCH, PITCH = 0.3, 0.22
"""Inches a row takes: a few rows get 7.5 pt labels; many rows get 6.5 pt labels of two lines."""
FRAME = 0.95
"""Inches above and below the rows: the key and the week axis."""


@dataclass(frozen=True)
class GanttBar:
    """One row of a Gantt chart: a label and weeks from `start` to `end` (inclusive)."""

    label: str
    start: int
    end: int
    kind: str = "action"  # "phase" | "action" | "critical" | "quick-win"
    every: int | None = None
    """Recurring work: after its first weeks, a one-week mark every this many weeks."""
    until: int = 0
    """The last week a recurring action repeats in (the plan's end)."""


_GANTT_STYLES = {  # told apart in grey by lightness, height and outline (hatching draws slowly)
    "phase": ("ink", "ink", 0.3, 0.5),
    "action": ("primary", "primary", 0.7, 0.5),
    "critical": ("alert", "ink", 0.7, 1.2),
    "quick-win": ("secondary", "ink", 0.7, 0.5),
}


def rows_fitting(height: float) -> int:
    """How many rows of two-line labels a Gantt chart `height` inches tall holds."""
    return max(2, int((height - FRAME) / PITCH))


def split_gantt(
    bars: Sequence[GanttBar], first_height: float, next_height: float
) -> list[list[GanttBar]]:
    """Rows cut into charts that fit their heights; a phase cut in two is named again at the top.

    The first chart is at most `first_height` inches tall, the others `next_height`. A phase
    row never ends a chart alone.
    """
    parts: list[list[GanttBar]] = [[]]
    phase: GanttBar | None = None
    for bar in bars:
        height = first_height if len(parts) == 1 else next_height
        room = rows_fitting(height) - len(parts[-1])
        if parts[-1] and room < (2 if bar.kind == "phase" else 1):
            parts.append([phase] if phase is not None and bar.kind != "phase" else [])
        if bar.kind == "phase":
            phase = bar
        parts[-1].append(bar)
    return parts


def _two_line_width(labels: Sequence[str], width: int) -> int:
    """The narrowest wrapping width, from `width` characters up, that keeps labels to two lines."""
    while any(len(wrap(label, width).split("\n")) > 2 for label in labels):
        width += 2
    return width


def draw_gantt(
    bars: Sequence[GanttBar],
    total_weeks: int,
    t: Translate,
    palette: Palette = DEFAULT_PALETTE,
    max_height: float = 7.0,
) -> Figure:
    """A Gantt chart of phases and actions over weeks, critical ones and quick wins marked.

    Every label is shown whole: when the rows would not fit `max_height` inches at the wide
    pitch, labels are set smaller and wrapped onto two lines (`split_gantt` first cuts a plan
    too long for one chart).
    """
    wide = FRAME + WIDE_PITCH * len(bars) <= max_height
    pitch, size = (WIDE_PITCH, 7.5) if wide else (PITCH, 6.5)
    width_chars = _two_line_width([b.label for b in bars], 40)
    labels = [wrap(b.label, width_chars) for b in bars]
    width, height = 6.7, FRAME + pitch * len(bars)
    left = min(3.35, 0.25 + longest_line(labels) * CHAR_WIDTH_IN * size / 7.5)
    with drawing(palette):
        fig = figure(figsize=(width, height))
        ax = fig.add_axes(
            (left / width, 0.5 / height, 1 - (left + 0.15) / width, 1 - FRAME / height)
        )
        _draw_bars(ax, bars, labels, size, palette)
        ax.set_ylim(len(bars) - 0.5, -0.5)
        ax.set_xlim(0.5, max(total_weeks, 1) + 0.5)
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(nbins=12, integer=True, min_n_ticks=1))
        ax.set_xlabel(t("chart.weeks"))
        ax.grid(axis="x", color="#cccccc", linewidth=0.5)
        ax.set_axisbelow(True)
        style_axes(ax, palette)
        ax.tick_params(axis="y", labelsize=size, length=2)
        fit_left_margin(ax)
        kinds = [k for k in _GANTT_STYLES if any(b.kind == k for b in bars)]
        if len(kinds) > 1:  # one kind of bar needs no key
            handles = [_gantt_key(kind, palette, t) for kind in kinds]
            fig.legend(handles=handles, loc="upper right", ncols=len(handles), frameon=False,
                       bbox_to_anchor=(0.99, 1.0))  # fmt: skip
    return fig


def _draw_bars(
    ax: Axes, bars: Sequence[GanttBar], labels: Sequence[str], size: float, palette: Palette
) -> None:
    """One bar per row, styled by kind, with its label; phase labels in bold."""
    for row, bar in enumerate(bars):
        fill, edge, thickness, line = _GANTT_STYLES.get(bar.kind, _GANTT_STYLES["action"])
        ax.barh(row, bar.end - bar.start + 1, left=bar.start - 0.5, height=thickness,
                color=getattr(palette, fill), edgecolor=getattr(palette, edge), linewidth=line)  # fmt: skip
        if bar.every:  # recurring: short marks at its cadence, not one long bar
            repeats = range(bar.end + bar.every, bar.until + 1, bar.every)
            ax.barh([row] * len(repeats), 0.6, left=[w - 0.3 for w in repeats],
                    height=thickness, color=getattr(palette, fill),
                    edgecolor=getattr(palette, edge), linewidth=line)  # fmt: skip
    ax.set_yticks(range(len(bars)), labels, fontsize=size, linespacing=1.0)
    for tick, bar in zip(ax.get_yticklabels(), bars, strict=True):
        if bar.kind == "phase":
            tick.set_fontweight("bold")


def _gantt_key(kind: str, palette: Palette, t: Translate) -> Patch:
    from matplotlib.patches import Patch

    fill, edge, _, line = _GANTT_STYLES[kind]
    return Patch(
        facecolor=getattr(palette, fill),
        edgecolor=getattr(palette, edge),
        linewidth=line,
        label=t(f"chart.gantt_{kind.replace('-', '_')}"),
    )
