"""The roadmap's Gantt chart: phases and actions over weeks, critical ones and quick wins marked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from assessor.reporting.charts import (
    CHAR_WIDTH_IN,
    DEFAULT_PALETTE,
    Palette,
    Translate,
    drawing,
    fit_left_margin,
    longest_line,
    shorten,
    style_axes,
    wrap,
)


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


def draw_gantt(
    bars: Sequence[GanttBar],
    total_weeks: int,
    t: Translate,
    palette: Palette = DEFAULT_PALETTE,
    max_height: float = 7.0,
) -> Figure:
    """A Gantt chart of phases and actions over weeks, critical ones and quick wins marked.

    Rows shrink (and labels with them) so that the chart stays within `max_height` inches.
    """
    pitch = min(0.3, (max_height - 0.95) / max(len(bars), 1))
    size = min(7.5, pitch * 72 * 0.78)  # a label's line never taller than its row
    wide = pitch >= 0.28
    labels = [wrap(b.label, 40) if wide else shorten(b.label, 56) for b in bars]
    width, height = 6.7, 0.95 + pitch * len(bars)
    left = min(3.2, 0.25 + longest_line(labels) * CHAR_WIDTH_IN * size / 7.5)
    with drawing(palette):
        fig = Figure(figsize=(width, height))
        ax = fig.add_axes(
            (left / width, 0.5 / height, 1 - (left + 0.15) / width, 1 - 0.95 / height)
        )
        _draw_bars(ax, bars, labels, size, palette)
        ax.set_ylim(len(bars) - 0.5, -0.5)
        ax.set_xlim(0.5, max(total_weeks, 1) + 0.5)
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
    ax.set_yticks(range(len(bars)), labels, fontsize=size)
    for tick, bar in zip(ax.get_yticklabels(), bars, strict=True):
        if bar.kind == "phase":
            tick.set_fontweight("bold")


def _gantt_key(kind: str, palette: Palette, t: Translate) -> Patch:
    fill, edge, _, line = _GANTT_STYLES[kind]
    return Patch(
        facecolor=getattr(palette, fill),
        edgecolor=getattr(palette, edge),
        linewidth=line,
        label=t(f"chart.gantt_{kind.replace('-', '_')}"),
    )
