"""Where a report's charts are drawn: each as the template asks for it, or all of them after the
template, shared between two processes.

Drawing is most of the work of a report before WeasyPrint (the roadmap's Gantt charts alone
measure hundreds of labels). A board that defers gives the template a placeholder for each chart
it asks for, and `finish` draws them, on a forked second process as well as this one when the
machine has two processors, and puts each in the page where its placeholder is. Either way the
HTML is byte for byte the same, and each chart is drawn once.
"""

from __future__ import annotations

import os
import pickle
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from matplotlib.figure import Figure

from assessor.reporting import charts
from assessor.reporting.charts import CHART_FORMATS, MIMES, Chart
from assessor.reporting.problems import collected_problems, log_problems, reported_problems
from assessor.reporting.processes import can_fork

Draw = Callable[[], "Figure"]


@dataclass(frozen=True)
class PendingChart:
    """A chart the template asked for, drawn after it: its id, alt text and a placeholder."""

    id: str
    alt: str
    placeholder: str

    @property
    def uri(self) -> str:
        """Where the chart's `data:` URI goes once it is drawn."""
        return self.placeholder


@dataclass(frozen=True)
class Order:
    """A chart to draw after the template: its placeholder, how to draw it, and its work."""

    pending: PendingChart
    draw: Draw
    weight: int


class Drawer(Protocol):
    """Draws a board's charts elsewhere (another process, with matplotlib already loaded)."""

    def draw(self, orders: Sequence[Order], fmt: str) -> dict[str, bytes] | None:
        """Each chart's bytes by id, or None when they could not be drawn there."""


class ChartBoard:
    """A report's charts in the order the template asked for them (`drawn`)."""

    def __init__(self, fmt: str = "svg", workers: int = 1, drawer: Drawer | None = None) -> None:
        """Charts drawn as the template asks, or, with a `drawer` or more than one worker,
        deferred to `finish`."""
        if fmt not in MIMES:
            raise ValueError(f"unknown chart format {fmt!r}; expected one of {CHART_FORMATS}")
        self.fmt = fmt
        self.deferred = drawer is not None or workers > 1
        self.workers = workers
        self.drawer = drawer
        self.drawn: list[Chart] = []
        self._orders: list[Order] = []
        self._nonce = secrets.token_hex(8)

    def chart(self, chart_id: str, alt: str, draw: Draw, weight: int = 1) -> Chart | PendingChart:
        """The chart `draw` makes: drawn now, or a placeholder when the board defers. `weight` is
        the work it takes against a simple chart's 1, to share the drawing evenly."""
        if not self.deferred:
            chart = charts.render(draw(), chart_id, alt, self.fmt)
            self.drawn.append(chart)
            return chart
        pending = PendingChart(chart_id, alt, f"chart-{self._nonce}-{len(self._orders)}")
        self._orders.append(Order(pending, draw, weight))
        return pending

    def finish(self, html: str) -> str:
        """Draw the charts the template asked for and put each where its placeholder is."""
        orders, self._orders = self._orders, []
        if not orders:
            return html
        data = self.drawer.draw(orders, self.fmt) if self.drawer else None
        if data is None:
            helper: list[str] = []
            with reported_problems():
                if self.workers > 1:
                    data, helper = draw_shared(orders, self.fmt)
                else:
                    data = _draw(orders, self.fmt)
            log_problems(helper)
        for order in orders:
            chart = Chart(
                order.pending.id, order.pending.alt, MIMES[self.fmt], data[order.pending.id]
            )
            self.drawn.append(chart)
            html = html.replace(order.pending.placeholder, chart.uri)
        return html


def _draw(orders: Sequence[Order], fmt: str) -> dict[str, bytes]:
    """Draw charts in this process (their problems logged here)."""
    return {
        o.pending.id: charts.render(o.draw(), o.pending.id, o.pending.alt, fmt).data for o in orders
    }


def _shares(orders: Sequence[Order]) -> tuple[list[Order], list[Order]]:
    """Two shares of about equal work: the heaviest chart first, each to the lighter share."""
    ours: list[Order] = []
    theirs: list[Order] = []
    for order in sorted(orders, key=lambda o: -o.weight):
        lighter = min((ours, theirs), key=lambda share: sum(o.weight for o in share))
        lighter.append(order)
    return ours, theirs


def draw_shared(orders: Sequence[Order], fmt: str) -> tuple[dict[str, bytes], list[str]]:
    """Draw a share of the charts in a forked process while this one draws the rest: the
    drawings, and the problems the other process met (this one's are caught by the caller). If
    the other process fails, this one draws its share too (and meets the same problem itself)."""
    ours, theirs = _shares(orders)
    if not theirs or not can_fork():
        return _draw(orders, fmt), []
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # the second process: draw, send the drawings and the problems, leave
        status = 1
        try:
            os.close(reading)
            with collected_problems() as problems:
                drawn = _draw(theirs, fmt)
            with os.fdopen(writing, "wb") as out:
                pickle.dump((drawn, problems), out, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)
    os.close(writing)
    try:
        data = _draw(ours, fmt)
    finally:
        with os.fdopen(reading, "rb") as received:
            payload = received.read()
        _, status = os.waitpid(pid, 0)
    if status != 0 or not payload:
        data.update(_draw(theirs, fmt))
        return data, []
    drawn, problems = pickle.loads(payload)
    data.update(drawn)
    return data, problems
