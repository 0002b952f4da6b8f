"""The report charts, drawn with matplotlib's Figure API (never pyplot) and embedded as data URIs.

One palette for every chart, chosen to stay apart in grey print: series differ in lightness
and also in line style, marker, outline or hatching, never in hue alone. `draw_*` functions
build a figure; `render` turns it into SVG (text kept as text) or PNG bytes. The Gantt chart
is in `gantt.py`.
"""

from __future__ import annotations

import base64
import io
import math
import textwrap
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:  # matplotlib is imported where a chart is drawn, not with this module
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
    from matplotlib.projections.polar import PolarAxes

Translate = Callable[..., str]
MIMES = {"svg": "image/svg+xml", "png": "image/png"}
"""Each chart format and its media type."""
CHART_FORMATS = tuple(MIMES)

_RC: dict[Any, Any] = {
    "svg.fonttype": "none",  # text stays text in the SVG, and so in the PDF
    "svg.hashsalt": "assessor",  # stable ids: the same data gives the same file
    "font.size": 8.0,
    "axes.labelsize": 8.0,
    "legend.fontsize": 7.5,
    "xtick.labelsize": 7.5,
    "ytick.labelsize": 7.5,
    "hatch.linewidth": 0.6,
}
CHAR_WIDTH_IN = 0.075  # a DejaVu Sans character at 7.5 pt, for margins without a draw pass


@dataclass(frozen=True)
class Palette:
    """Chart colours: dark, light and middle series, a neutral, ink, a sequential map, a font."""

    primary: str = "#004488"
    secondary: str = "#DDAA33"
    alert: str = "#BB5566"
    neutral: str = "#BBBBBB"
    ink: str = "#222222"
    colormap: str = "cividis"
    font: str = "DejaVu Sans"


DEFAULT_PALETTE = Palette()


@dataclass(frozen=True)
class Scale:
    """A framework's own units on a chart drawn 0 to 100: tick marks (position, label), the
    label of 0, and how a 0-100 score reads."""

    ticks: list[tuple[float, str]]
    bottom: str
    label: Callable[[float], str]
    axis: str
    """The axis title, e.g. `Score (0–3)`."""


def _value_text(value: float | None, scale: Scale | None) -> str:
    """A score as a chart prints it: in the scale's units, or 0 to 100 without decimals."""
    if value is None:
        return "–"
    return scale.label(value) if scale else f"{value:.0f}"


@dataclass(frozen=True)
class Chart:
    """A rendered chart: an id for the page, alt text, and the image bytes."""

    id: str
    alt: str
    mime: str
    data: bytes

    @property
    def uri(self) -> str:
        """The chart as a `data:` URI for an `<img src>`."""
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"


def wrap(label: str, width: int) -> str:
    """A label broken into lines of at most `width` characters (long words are kept whole)."""
    return "\n".join(textwrap.wrap(label, width, break_long_words=False)) or label


def shorten(label: str, width: int) -> str:
    """A label cut to at most `width` characters, ending in an ellipsis when cut."""
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def longest_line(labels: Sequence[str]) -> int:
    """The length of the longest line of a wrapped label."""
    return max((len(line) for label in labels for line in label.split("\n")), default=0)


def render(fig: Figure, chart_id: str, alt: str, fmt: str = "svg") -> Chart:
    """A figure as SVG (text kept as text) or PNG bytes, with its id and alt text."""
    if fmt not in CHART_FORMATS:
        raise ValueError(f"unknown chart format {fmt!r}; expected one of {CHART_FORMATS}")
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context(_RC):
        if fmt == "svg":
            fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        else:
            fig.savefig(buffer, format="png", dpi=200, metadata={"Software": None})
    return Chart(chart_id, alt, MIMES[fmt], buffer.getvalue())


def figure(**kwargs: Any) -> Figure:
    """A new matplotlib figure (matplotlib is imported on the first)."""
    from matplotlib.figure import Figure

    return Figure(**kwargs)


@contextmanager
def drawing(palette: Palette) -> Iterator[None]:
    """Chart settings in force while artists are created (they keep them when saved)."""
    import matplotlib

    with matplotlib.rc_context({**_RC, "font.family": palette.font}):
        yield


def style_axes(ax: Axes, palette: Palette) -> None:
    """Give axes the report's grid, spines and label style."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(palette.ink)
    ax.tick_params(colors=palette.ink)


def draw_radar(
    labels: Sequence[str],
    current: Sequence[float | None],
    target: Sequence[float],
    t: Translate,
    palette: Palette = DEFAULT_PALETTE,
    scale: Scale | None = None,
) -> Figure:
    """A radar of dimension scores (solid, filled) against their targets (dashed), 0 to 100;
    with a `scale`, its ticks and scores are labelled in the framework's units."""
    count = len(labels)
    angles = [2 * math.pi * i / count for i in range(count)]
    closed = [*angles, angles[0]]
    now = [0.0 if v is None else v for v in current]
    with drawing(palette):
        style = _radar_style(labels)
        fig = figure(figsize=(6.3, style.height))
        ax = cast("PolarAxes", fig.add_axes(style.box, projection="polar"))
        ax.set_theta_offset(math.pi / 2)
        ax.set_theta_direction(-1)
        ink, primary = palette.ink, palette.primary
        ax.plot(closed, [*target, target[0]], color=ink, linestyle="--", linewidth=1.2, marker="s",
                markersize=3.5, label=t("chart.target"))  # fmt: skip
        ax.fill(closed, [*now, now[0]], color=primary, alpha=0.18)
        ax.plot(closed, [*now, now[0]], color=primary, linewidth=2.0, marker="o", markersize=4.5,
                label=t("chart.current"))  # fmt: skip
        ax.set_ylim(0, 100)
        ticks = scale.ticks if scale else [(float(r), str(r)) for r in RINGS]
        ax.set_yticks([p for p, _ in ticks], [""] * len(ticks))
        _ring_numbers(ax, angles, [now, list(target)], ticks, style.ring_size)
        ax.set_xticks(angles, [""] * count)
        ax.grid(color="#999999", linewidth=0.5)
        shown = [_value_text(v, scale) for v in current]
        _radar_labels(ax, angles, labels, shown, palette, style)
        fig.legend(loc="upper left", bbox_to_anchor=(0.01, 0.99), frameon=False, fontsize=10)
    return fig


RINGS = (20, 40, 60, 80, 100)


def _chord_radius(inner: float, outer: float, half_angle: float) -> float:
    """How far from the centre a straight line between two spokes crosses the angle between them."""
    if inner <= 0 or outer <= 0:
        return 0.0
    return 2 * inner * outer * math.cos(half_angle) / (inner + outer)


def _ring_numbers(
    ax: PolarAxes,
    angles: Sequence[float],
    polygons: Sequence[Sequence[float]],
    ticks: Sequence[tuple[float, str]],
    size: float,
) -> None:
    """The ring values, on white, along the gap between spokes that the polygons cross farthest
    from any ring, so that no line runs through a number."""
    half = math.pi / len(angles)

    def clearance(gap: int) -> float:
        crossings = [
            _chord_radius(polygon[gap], polygon[(gap + 1) % len(angles)], half)
            for polygon in polygons
        ]
        return min(abs(ring - crossing) for ring, _ in ticks for crossing in crossings)

    gap = max(range(len(angles)), key=clearance)
    for ring, text in ticks:
        ax.text(angles[gap] + half, ring, text, ha="center", va="center", fontsize=size,
                color="#555555", zorder=5,
                bbox={"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none"})  # fmt: skip


@dataclass(frozen=True)
class RadarStyle:
    """How a radar is laid out for its names: wrap width and font sizes, figure and axes."""

    wrap: int
    label_size: float
    ring_size: float
    height: float
    box: tuple[float, float, float, float]


LARGE_RADAR = RadarStyle(16, 11.0, 8.0, 4.1, (0.27, 0.1, 0.46, 0.8))
"""Names of up to three short lines (the usual case): the page shows the radar at about 60% of
the text width, so 11 pt prints at about 7 pt."""
COMPACT_RADAR = RadarStyle(18, 7.5, 6.5, 4.6, (0.22, 0.09, 0.56, 0.8))
"""Names that would take more lines: smaller type and a larger circle."""


def _radar_style(labels: Sequence[str]) -> RadarStyle:
    if any(wrap(label, LARGE_RADAR.wrap).count("\n") >= 3 for label in labels):
        return COMPACT_RADAR
    return LARGE_RADAR


def _radar_labels(
    ax: PolarAxes,
    angles: Sequence[float],
    labels: Sequence[str],
    shown: Sequence[str],
    palette: Palette,
    style: RadarStyle,
) -> None:
    """Each dimension's name and score outside the circle, aligned away from the centre."""
    for angle, label, score in zip(angles, labels, shown, strict=True):
        across, up = math.sin(angle), math.cos(angle)  # clockwise from the top
        ha = "center" if abs(across) < 0.2 else ("left" if across > 0 else "right")
        va = "bottom" if up > 0.2 else ("top" if up < -0.2 else "center")
        ax.text(angle, 110, f"{wrap(label, style.wrap)}\n({score})", ha=ha, va=va, fontsize=style.label_size,
                color=palette.ink, linespacing=1.1)  # fmt: skip


def draw_heatmap(
    rows: Sequence[str],
    columns: Sequence[str],
    values: Sequence[Sequence[float | None]],
    t: Translate,
    palette: Palette = DEFAULT_PALETTE,
) -> Figure:
    """A heatmap of scores (0 to 100) by respondent and dimension, with the number in each cell."""
    row_labels = [wrap(label, 30) for label in rows]
    left = 0.3 + longest_line(row_labels) * CHAR_WIDTH_IN
    width, right = 6.7, 1.0  # the colour bar sits in the right margin
    col_labels = _upright_labels(columns, (width - left - right) / max(len(columns), 1))
    top = 0.25 + longest_line(col_labels) * CHAR_WIDTH_IN * 7 / 7.5
    height = top + 0.35 + 0.26 * len(rows)
    import matplotlib

    cmap = matplotlib.colormaps[palette.colormap].with_extremes(bad="#eeeeee")
    with drawing(palette):
        fig = figure(figsize=(width, height))
        ax = fig.add_axes(
            (left / width, 0.2 / height, 1 - (left + right) / width, 1 - top / height)
        )
        grid = [[math.nan if v is None else v for v in row] for row in values]
        image = ax.imshow(grid, cmap=cmap, vmin=0, vmax=100, aspect="auto")
        for r, row in enumerate(values):
            for c, value in enumerate(row):
                shade = cmap(math.nan if value is None else value / 100)
                ax.text(
                    c,
                    r,
                    "–" if value is None else f"{value:.0f}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color=text_colour(shade),
                )
        ax.set_xticks(range(len(columns)), col_labels, fontsize=7, rotation=90, va="bottom",
                      multialignment="left")  # fmt: skip
        ax.xaxis.tick_top()
        ax.set_yticks(range(len(rows)), row_labels, fontsize=7)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        fit_left_margin(ax, pad=0.08)
        bar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
        bar.set_label(t("chart.score"))
        bar.ax.tick_params(labelsize=7)
    return fig


def _upright_labels(labels: Sequence[str], spacing: float) -> list[str]:
    """Labels set upright, in at most two lines (when two fit side by side `spacing` inches apart)."""
    lines = 2 if spacing >= 0.25 else 1
    longest = max((len(label) for label in labels), default=1)
    width = max(14, -(-longest // lines) + 3)
    return [wrap(label, width) for label in labels]


def _luminance(colour: Sequence[float]) -> float:
    """WCAG relative luminance of an RGB(A) colour with channels from 0 to 1."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in colour[:3]]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: Sequence[float], second: Sequence[float]) -> float:
    """WCAG contrast ratio of two RGB(A) colours (1 to 21)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_colour(background: Sequence[float]) -> str:
    """Black or white, whichever stands out more on `background` (never below 4.5:1)."""
    on_black = contrast(background, (0.0, 0.0, 0.0))
    return "black" if on_black >= contrast(background, (1.0, 1.0, 1.0)) else "white"


def _horizontal_axes(fig: Figure, labels: Sequence[str], width: float, height: float) -> Axes:
    left = 0.25 + longest_line(labels) * CHAR_WIDTH_IN
    return fig.add_axes((left / width, 0.55 / height, 1 - (left + 0.35) / width, 1 - 0.95 / height))


def draw_gap(
    labels: Sequence[str],
    executives: Sequence[float | None],
    others: Sequence[float | None],
    t: Translate,
    palette: Palette = DEFAULT_PALETTE,
) -> Figure:
    """Paired bars per dimension: executives (dark, solid) against everyone else (light, hatched)."""
    wrapped = [wrap(label, 26) for label in labels]
    width, height = 6.3, 1.1 + 0.36 * len(labels)
    series = (
        (executives, -0.19, palette.primary, None, t("chart.executives")),
        (others, 0.19, palette.secondary, "////", t("chart.others")),
    )
    with drawing(palette):
        fig = figure(figsize=(width, height))
        ax = _horizontal_axes(fig, wrapped, width, height)
        for values, offset, colour, hatch, name in series:
            rows = [r + offset for r in range(len(labels))]
            ax.barh(
                rows,
                [v or 0.0 for v in values],
                height=0.36,
                color=colour,
                edgecolor=palette.ink,
                hatch=hatch,
                linewidth=0.5,
                label=name,
            )
            for row, value in zip(rows, values, strict=True):
                text = "–" if value is None else f"{value:.0f}"
                ax.text((value or 0.0) + 1.5, row, text, va="center", fontsize=6.5)
        _finish_horizontal(ax, wrapped, palette, t)
        fig.legend(loc="upper right", ncols=2, frameon=False, bbox_to_anchor=(0.99, 1.0))
    return fig


def draw_score_bars(
    labels: Sequence[str],
    scores: Sequence[float | None],
    targets: Sequence[float],
    t: Translate,
    palette: Palette = DEFAULT_PALETTE,
    scale: Scale | None = None,
) -> Figure:
    """Bars of scores against target marks; bars short of their target are hatched. With a
    `scale`, the axis and the scores are labelled in the framework's units."""
    wrapped = [wrap(label, 26) for label in labels]
    width, height = 6.3, 1.1 + 0.34 * len(labels)
    with drawing(palette):
        fig = figure(figsize=(width, height))
        ax = _horizontal_axes(fig, wrapped, width, height)
        for row, (score, target) in enumerate(zip(scores, targets, strict=True)):
            short = score is None or score < target
            ax.barh(
                row,
                score or 0.0,
                height=0.55,
                edgecolor=palette.ink,
                linewidth=0.5,
                color=palette.alert if short else palette.primary,
                hatch="////" if short else None,
            )
            ax.plot([target, target], [row - 0.38, row + 0.38], color=palette.ink, linewidth=2.0)
            ax.text(
                (score or 0.0) + 1.5,
                row,
                _value_text(score, scale),
                va="center",
                fontsize=6.5,
            )
        _finish_horizontal(ax, wrapped, palette, t)
        if scale:
            ax.set_xticks(
                [0.0, *(p for p, _ in scale.ticks)], [scale.bottom, *(x for _, x in scale.ticks)]
            )
            ax.set_xlabel(scale.axis)
        from matplotlib.lines import Line2D

        handles = [*_score_keys(scores, targets, palette, t), Line2D([], [], color=palette.ink,
                   linewidth=2.0, label=t("chart.target"))]  # fmt: skip
        fig.legend(
            handles=handles,
            loc="upper right",
            ncols=len(handles),
            frameon=False,
            bbox_to_anchor=(0.99, 1.0),
        )
    return fig


def _score_keys(
    scores: Sequence[float | None], targets: Sequence[float], palette: Palette, t: Translate
) -> list[Patch]:
    """The key of the score bars: a bar on target, a bar short of it, each only if one is drawn."""
    from matplotlib.patches import Patch

    short = [score is None or score < target for score, target in zip(scores, targets, strict=True)]
    keys = []
    if not all(short):
        keys.append(
            Patch(facecolor=palette.primary, edgecolor=palette.ink, label=t("chart.on_target"))
        )
    if any(short):
        keys.append(Patch(facecolor=palette.alert, edgecolor=palette.ink, hatch="////",
                          label=t("chart.below_target")))  # fmt: skip
    return keys


SVG_TEXT_WIDENING = 1.1
"""WeasyPrint draws SVG text letter by letter, without kerning: a label comes out about 7%
wider than matplotlib measures it (seen on a 3-inch label: 0.2 inch wider). Margins allow 10%."""


def fit_left_margin(ax: Axes, pad: float = 0.12, most: float = 0.5) -> None:
    """Move the axes' left edge so that its y labels, measured as drawn, fit on the figure.

    The first layout guesses label widths from their length; wide letters ('W', 'm') can make
    a label longer than the guess, and the figure's edge would clip it. The right edge stays.
    Widths allow for SVG_TEXT_WIDENING; `pad` (inches) leaves room for the ticks; the margin
    never exceeds `most` of the width.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = ax.get_figure()
    assert isinstance(fig, Figure)
    renderer = FigureCanvasAgg(fig).get_renderer()  # type: ignore[no-untyped-call]
    labels = [label for label in ax.get_yticklabels() if label.get_text()]
    if not labels:
        return
    measured = max(label.get_window_extent(renderer).width for label in labels) / fig.dpi
    widest = measured * SVG_TEXT_WIDENING
    left = min(most, (widest + pad) / fig.get_figwidth())
    box = ax.get_position()
    ax.set_position((left, box.y0, box.x1 - left, box.height))


def _finish_horizontal(ax: Axes, labels: Sequence[str], palette: Palette, t: Translate) -> None:
    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.set_xlim(0, 108)
    ax.set_xticks([0, 20, 40, 60, 80, 100])
    ax.set_xlabel(t("chart.score"))
    ax.grid(axis="x", color="#cccccc", linewidth=0.5)
    ax.set_axisbelow(True)
    style_axes(ax, palette)
    fit_left_margin(ax)
