"""A radar of dimension scores against targets as a small SVG document, drawn without matplotlib.

Drawn for the workshop's projector screen every few seconds, so it is plain geometry: rings at
20-point steps, the targets dashed, the scores filled; thick lines and large labels for a room.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

WIDTH, HEIGHT = 960, 620
"""Wide, so long dimension names fit beside the radar on either side."""
CENTRE_X, CENTRE_Y = WIDTH / 2, HEIGHT / 2
RADIUS = 190
INK = "#111111"
SCORE = "#0b4f9c"
TARGET = "#b45309"


@dataclass(frozen=True)
class Spoke:
    """One dimension on the radar: its label, score (None when unanswered) and target."""

    label: str
    score: float | None
    target: float


def _point(index: int, count: int, value: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    distance = RADIUS * max(0.0, min(120.0, value)) / 100
    return CENTRE_X + distance * math.cos(angle), CENTRE_Y + distance * math.sin(angle)


def _polygon(points: Sequence[tuple[float, float]], **attributes: str) -> str:
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    extra = " ".join(f'{name.replace("_", "-")}="{value}"' for name, value in attributes.items())
    return f'<polygon points="{path}" {extra}/>'


LINE = 22
"""Distance between the lines of a label, in the SVG's units."""
LABEL_CHARS = 20
"""A label's longest line: about what fits beside the radar at font size 19."""


def wrap_label(label: str, width: int = LABEL_CHARS) -> list[str]:
    """The label broken at spaces into lines of at most `width` characters (a longer word
    keeps its own line whole rather than being cut)."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _label(index: int, count: int, spoke: Spoke) -> str:
    x, y = _point(index, count, 118)
    anchor = "middle" if abs(x - CENTRE_X) < 20 else ("start" if x > CENTRE_X else "end")
    score = "–" if spoke.score is None else f"{spoke.score:.0f}"
    lines = wrap_label(spoke.label)
    if y < CENTRE_Y - 40:  # above the radar: the block grows upwards, its score nearest
        top = y - LINE * len(lines)
    elif y > CENTRE_Y + 40:  # below: it grows downwards
        top = y
    else:  # beside: centred on the spoke
        top = y - LINE * len(lines) / 2
    rows = "".join(
        f'<tspan x="{x:.1f}" y="{top + LINE * i:.1f}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<text text-anchor="{anchor}" font-size="19" fill="{INK}">{rows}'
        f'<tspan x="{x:.1f}" y="{top + LINE * len(lines):.1f}" font-weight="bold">{score}</tspan>'
        "</text>"
    )


def radar_svg(spokes: Sequence[Spoke], title: str) -> str:
    """An SVG document: the radar of the spokes' scores over their targets."""
    count = max(len(spokes), 3)
    rings = [
        _polygon(
            [_point(i, count, level) for i in range(count)],
            fill="none",
            stroke="#9ca3af",
            stroke_width="1",
        )
        for level in (20, 40, 60, 80, 100)
    ]
    axes = [
        f'<line x1="{CENTRE_X}" y1="{CENTRE_Y}" x2="{x:.1f}" y2="{y:.1f}" stroke="#9ca3af"/>'
        for x, y in (_point(i, count, 100) for i in range(count))
    ]
    shapes = []
    if spokes:
        targets = [_point(i, count, min(100.0, s.target)) for i, s in enumerate(spokes)]
        shapes.append(
            _polygon(targets, fill="none", stroke=TARGET, stroke_width="4", stroke_dasharray="10 8")
        )
        scores = [_point(i, count, min(100.0, s.score or 0.0)) for i, s in enumerate(spokes)]
        shapes.append(
            _polygon(scores, fill=SCORE, fill_opacity="0.35", stroke=SCORE, stroke_width="5")
        )
    labels = [_label(i, count, s) for i, s in enumerate(spokes)]
    body = "".join([*rings, *axes, *shapes, *labels])
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" font-family="DejaVu Sans, Arial, sans-serif">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )
