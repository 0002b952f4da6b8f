"""Progress since the last assessment, for a report: readiness and band then and now, each
dimension's change, risks resolved and new, the last plan's actions done, and the trend chart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any

from assessor.domain.comparison import Comparison
from assessor.domain.results import Assessment, FrameworkScore, Roadmap
from assessor.domain.text import tr
from assessor.reporting.chart_board import ChartBoard, PendingChart
from assessor.reporting.charts import Chart, Palette
from assessor.reporting.consensus import signed
from assessor.reporting.lookup import Lookup
from assessor.reporting.trends import draw_dimension_trend

View = dict[str, Any]
DONE = "done"
UNDER_WAY = "in-progress"


@dataclass(frozen=True)
class Earlier:
    """An earlier assessment of the same client: its title, date and result as kept."""

    title: str
    assessed_on: dt.date
    result: Assessment


@dataclass(frozen=True)
class History:
    """The client's earlier assessments, oldest first, and the tracked status of each action of
    the last one's plan (by action id: not-started, in-progress, done, blocked)."""

    earlier: tuple[Earlier, ...]
    statuses: Mapping[str, str] = field(default_factory=dict)

    @property
    def last(self) -> Earlier:
        """The assessment this one is compared with: the latest earlier one."""
        return self.earlier[-1]


@dataclass(frozen=True)
class ProgressInput:
    """What moved since the last assessment, that assessment's plan, and the history."""

    history: History
    comparison: Comparison
    roadmap: Roadmap
    today: dt.date


class TrendChart:
    """The main framework's dimensions over every assessment, drawn only when a template asks."""

    def __init__(
        self,
        series: View,
        dates: list[dt.date],
        alt: str,
        palette: Palette,
        board: ChartBoard,
    ) -> None:
        self._series, self._dates, self._alt = series, dates, alt
        self._palette, self._board = palette, board

    @cached_property
    def chart(self) -> Chart | PendingChart:
        """The trend, drawn by the report's board with its other charts."""
        draw = partial(draw_dimension_trend, self._dates, self._series, self._palette)
        return self._board.chart("chart-trend", self._alt, draw)


def progress_view(
    inp: ProgressInput,
    look: Lookup,
    main: FrameworkScore | None,
    palette: Palette,
    board: ChartBoard,
) -> View:
    """The progress section's facts, worded in the report's language."""
    t, c = look.t, inp.comparison
    before = inp.history.last
    floors = [b.min_score for b in look.content.readiness.bands]
    bands = {b.id: tr(b.title, t.lang) for b in look.content.readiness.bands}
    refs = [d.ref for d in main.dimensions.values()] if main else []
    changes = {d.ref: d for d in c.dimensions}
    dimensions = [
        _dimension_row(look, ref, changes[ref].before, changes[ref].after)
        for ref in refs
        if ref in changes
    ]
    planned = [a.id for a in inp.roadmap.actions]
    done = [a for a in planned if inp.history.statuses.get(a) == DONE]
    under_way = [a for a in planned if inp.history.statuses.get(a) == UNDER_WAY]
    change = t.score_change(c.readiness_before, c.readiness_after, floors)
    return {
        "since": before.title,
        "since_date": t.date(before.assessed_on),
        "count": len(inp.history.earlier) + 1,
        "readiness_before": t.score(c.readiness_before, floors),
        "readiness_after": t.score(c.readiness_after, floors),
        "readiness_change": signed(change, t.number),
        "band_before": bands.get(c.band_before, c.band_before),
        "band_after": bands.get(c.band_after, c.band_after),
        "band_move": "up" if c.band_change > 0 else "down" if c.band_change < 0 else "same",
        "framework": tr(main.title, t.lang) if main else "",
        "dimensions": dimensions,
        "improved": sum(1 for d in dimensions if d["direction"] == "up"),
        "declined": sum(1 for d in dimensions if d["direction"] == "down"),
        "risks_resolved": [look.risk(r) for r in c.risks_resolved],
        "risks_new": [look.risk(r) for r in c.risks_new],
        "actions_planned": len(planned),
        "actions_done": [look.action(a) for a in done],
        "actions_under_way": len(under_way),
        "same_content": c.same_content,
        "trend": _trend(inp, look, main, palette, board) if main else None,
    }


def _trend(
    inp: ProgressInput,
    look: Lookup,
    main: FrameworkScore,
    palette: Palette,
    board: ChartBoard,
) -> TrendChart:
    assessments = [*(e.result for e in inp.history.earlier), look.assessment]
    dates = [*(e.assessed_on for e in inp.history.earlier), inp.today]
    series: View = {}
    for dim in main.dimensions.values():
        series[tr(dim.title, look.t.lang)] = [
            d.score if (d := a.dimension(dim.ref)) is not None else None for a in assessments
        ]
    alt = look.t("progress.trend_alt", framework=tr(main.title, look.t.lang))
    return TrendChart(series, dates, alt, palette, board)


def _dimension_row(look: Lookup, ref: str, before: float | None, after: float | None) -> View:
    """A dimension's scores then and now as printed, and the change between the two printed."""
    t, marks = look.t, look.thresholds(ref)
    change = t.score_change(before, after, marks)
    return {
        "title": look.dimension(ref),
        "before": t.score(before, marks),
        "after": t.score(after, marks),
        "change": signed(change, t.number),
        "direction": _direction(change),
    }


def _direction(change: float | None) -> str:
    if change is None or round(change) == 0:
        return "same"
    return "up" if change > 0 else "down"
