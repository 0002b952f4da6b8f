"""The charts of a report, drawn from the results only when a template asks for them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, partial

from assessor.domain.content import Content
from assessor.domain.results import Assessment, FrameworkScore, Roadmap
from assessor.domain.schema import DisplayScale
from assessor.domain.text import clean_display, tr
from assessor.domain.units import in_units, unit_ticks
from assessor.reporting import charts
from assessor.reporting.chart_board import ChartBoard, Draw, PendingChart
from assessor.reporting.charts import Chart, Palette, Scale
from assessor.reporting.gantt import GanttBar, draw_gantt, split_gantt
from assessor.reporting.i18n import Translator
from assessor.reporting.people import Group, group_score

HEATMAP_ROWS = 25
"""Respondents in one heatmap: one that fits a page; more continue in the next heatmap."""
GANTT_FIRST, GANTT_NEXT = 7.8, 9.2
"""Inches of the full roadmap's Gantt: under the chapter's opening, then a page of its own."""

AnyChart = Chart | PendingChart
"""A chart drawn, or one the report's board draws after the template."""


def _gantt_weight(bars: list[GanttBar]) -> int:
    """A Gantt chart's drawing work against a simple chart's: it measures every row's label."""
    return max(1, len(bars) // 10)


@dataclass(frozen=True)
class UnitLabel:
    """A 0-100 score as a framework's own units print it (a chart's tick or value label)."""

    t: Translator
    display: DisplayScale

    def __call__(self, score: float) -> str:
        """The score in the display's units and decimals."""
        return self.t.number(in_units(score, self.display), self.display.decimals)


@dataclass(frozen=True)
class ChartInputs:
    """What the charts are drawn from."""

    content: Content
    assessment: Assessment
    roadmap: Roadmap
    main: FrameworkScore | None
    phases: tuple[FrameworkScore, ...]
    """The frameworks whose dimensions are phases, each drawn as bars against targets."""
    groups: tuple[Group, ...] = ()
    """The rows of the heatmap: roles (the default) or named people, as the report shows them."""


class ReportCharts:
    """The report's charts; each is drawn on first use, so a report draws only what it shows."""

    def __init__(
        self, inputs: ChartInputs, t: Translator, palette: Palette, board: ChartBoard
    ) -> None:
        self._in = inputs
        self._t = t
        self._palette = palette
        self._board = board
        self._phase_bars: dict[str, AnyChart | None] = {}

    @property
    def drawn(self) -> list[Chart]:
        """The charts drawn so far, in the order the template asked for them."""
        return self._board.drawn

    def _keep(self, chart_id: str, alt_key: str, draw: Draw, weight: int = 1) -> AnyChart:
        return self._board.chart(chart_id, self._t(alt_key), draw, weight)

    def _scale(self, framework: FrameworkScore) -> Scale | None:
        """The framework's own units on a chart, or None for 0 to 100."""
        declared = self._in.content.frameworks.get(framework.id)
        display = declared.display if declared else None
        if display is None:
            return None
        label = UnitLabel(self._t, display)
        digits = 0 if all(v == int(v) for _, v in unit_ticks(display)) else display.decimals
        ticks = [(p, self._t.number(v, digits)) for p, v in unit_ticks(display)]
        bottom, top = self._t.number(display.min, digits), self._t.number(display.max, digits)
        axis = self._t("chart.score_units", min=bottom, max=top)
        return Scale(ticks, bottom, label, axis)

    def _labels(self, framework: FrameworkScore) -> list[str]:
        return [tr(d.title, self._t.lang) for d in framework.dimensions.values()]

    @cached_property
    def radar(self) -> AnyChart | None:
        """Current against target for every dimension of the main framework."""
        main = self._in.main
        if main is None or len(main.dimensions) < 3:
            return None
        dims = list(main.dimensions.values())
        labels, scale = self._labels(main), self._scale(main)
        scores, targets = [d.score for d in dims], [d.target for d in dims]
        draw = partial(charts.draw_radar, labels, scores, targets, self._t, self._palette, scale)
        return self._keep("chart-radar", "chart.radar_alt", draw)

    @cached_property
    def phases(self) -> AnyChart | None:
        """Readiness by phase against target, for the first phases framework."""
        return self.phase_bars(self._in.phases[0].id) if self._in.phases else None

    def phase_bars(self, framework_id: str) -> AnyChart | None:
        """Readiness by phase against target, for one of the phases frameworks (drawn once)."""
        if framework_id in self._phase_bars:
            return self._phase_bars[framework_id]
        phases = next((f for f in self._in.phases if f.id == framework_id), None)
        if phases is None:
            return None
        dims = list(phases.dimensions.values())
        labels, scale = self._labels(phases), self._scale(phases)
        scores, targets = [d.score for d in dims], [d.target for d in dims]
        first = framework_id == self._in.phases[0].id
        chart_id = "chart-phases" if first else f"chart-phases-{framework_id}"
        draw = partial(
            charts.draw_score_bars, labels, scores, targets, self._t, self._palette, scale
        )
        self._phase_bars[framework_id] = self._keep(chart_id, "chart.phases_alt", draw)
        return self._phase_bars[framework_id]

    @cached_property
    def roadmap_phases(self) -> AnyChart | None:
        """The roadmap at a glance: one bar per planned phase."""
        bars = [
            GanttBar(tr(p.title, self._t.lang), p.start_week, p.end_week, "action")
            for p in self._in.roadmap.phases
            if not p.skipped and p.start_week is not None and p.end_week is not None
        ]
        if not bars:
            return None
        weeks = self._in.roadmap.total_weeks
        draw = partial(draw_gantt, bars, weeks, self._t, self._palette)
        return self._keep("chart-roadmap-phases", "chart.glance_alt", draw, _gantt_weight(bars))

    @cached_property
    def roadmap(self) -> list[AnyChart]:
        """The full roadmap: each phase's span, then its actions, critical ones and quick wins
        marked, in as many charts as it takes to show every action's whole title."""
        bars: list[GanttBar] = []
        for phase in self._in.roadmap.phases:
            if phase.skipped or phase.start_week is None or phase.end_week is None:
                continue
            bars.append(
                GanttBar(tr(phase.title, self._t.lang), phase.start_week, phase.end_week, "phase")
            )
            for action in phase.actions:
                kind = (
                    "critical" if action.critical else "quick-win" if action.quick_win else "action"
                )
                title = tr(action.title, self._t.lang)
                if action.every_weeks:
                    every = self._t("chart.every", count=action.every_weeks)
                    title = f"{title} ({every})"
                bars.append(
                    GanttBar(
                        title,
                        action.start_week,
                        action.end_week,
                        kind,
                        action.every_weeks,
                        self._in.roadmap.total_weeks,
                    )
                )
        drawn: list[AnyChart] = []
        weeks = self._in.roadmap.total_weeks
        for part, rows in enumerate(split_gantt(bars, GANTT_FIRST, GANTT_NEXT), start=1):
            if not rows:
                continue
            height = GANTT_FIRST if part == 1 else GANTT_NEXT
            chart_id = "chart-roadmap" if part == 1 else f"chart-roadmap-{part}"
            draw = partial(draw_gantt, rows, weeks, self._t, self._palette, max_height=height)
            drawn.append(self._keep(chart_id, "chart.gantt_alt", draw, _gantt_weight(rows)))
        return drawn

    @cached_property
    def heatmaps(self) -> list[AnyChart]:
        """Each group's (role's, or named person's) score of each main-framework dimension,
        HEATMAP_ROWS rows to a chart, so that every row is shown however many there are."""
        main, groups = self._in.main, self._in.groups
        if main is None or len(groups) < 2:
            return []
        dims = list(main.dimensions.values())
        rows = [clean_display(g.label) for g in groups]
        values = [[group_score(d, g) for d in dims] for g in groups]
        drawn: list[AnyChart] = []
        for part, first in enumerate(range(0, len(groups), HEATMAP_ROWS), start=1):
            last = first + HEATMAP_ROWS
            draw = partial(
                charts.draw_heatmap,
                rows[first:last],
                self._labels(main),
                values[first:last],
                self._t,
                self._palette,
            )
            chart_id = "chart-heatmap" if part == 1 else f"chart-heatmap-{part}"
            drawn.append(self._keep(chart_id, "chart.heatmap_alt", draw))
        return drawn

    @cached_property
    def perception(self) -> AnyChart | None:
        """Executives' scores against everyone else's, per main-framework dimension."""
        main = self._in.main
        gap = self._in.assessment.disagreement.perception_gap
        if main is None or gap.gap is None:
            return None
        refs = [d.ref for d in main.dimensions.values()]
        draw = partial(
            charts.draw_gap,
            self._labels(main),
            [gap.executive_by_dimension.get(ref) for ref in refs],
            [gap.others_by_dimension.get(ref) for ref in refs],
            self._t,
            self._palette,
        )
        return self._keep("chart-perception", "chart.perception_alt", draw)
