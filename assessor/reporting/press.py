"""The press: two helper processes that load matplotlib and WeasyPrint while this one reads the
content, scores and words the report, then draw the report's charts and print its PDF.

A fresh `assessor report` would otherwise import matplotlib, draw and import WeasyPrint one after
the other; with the press those imports overlap the scoring, and the charts are drawn on two
processors (the chart helper forks a copy of itself for half of them). Start it before the report is
built (`with Press() as press:`). Problems met there are logged here, in plain words, as drawing
and printing in this process log them. If the press cannot be started (no fork, or this process
runs other threads) or dies, this process draws and prints, and the report is the same.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

from assessor.reporting import ReportError
from assessor.reporting.chart_board import Order, draw_shared
from assessor.reporting.pdf import html_to_pdf, load_weasyprint, print_pdf
from assessor.reporting.problems import collected_problems, log_problems
from assessor.reporting.processes import can_fork


def _load_charts() -> None:
    """matplotlib and the chart modules, loaded and warmed up by drawing a small chart (fonts,
    the polar axes and the SVG writer are ready for the report's charts)."""
    from assessor.reporting import charts, gantt, trends  # noqa: F401

    def key(text: str, **_: Any) -> str:
        return text

    with collected_problems():
        charts.render(charts.draw_radar(["A", "B", "C"], [1, 2, 3], [3, 2, 1], key), "w", "w")


def _work(order: tuple[Any, ...]) -> tuple[str, Any, list[str]]:
    """Do one piece of work: ("print", html, base_url) or ("draw", orders, fmt)."""
    problems: list[str] = []
    helper: list[str] = []
    data: Any = None
    try:
        with collected_problems() as problems:
            if order[0] == "draw":
                data, helper = draw_shared(order[1], order[2])
            else:
                data = print_pdf(order[1], order[2])
    except ReportError as exc:
        return "refused", str(exc), problems
    except Exception as exc:  # told to the caller, which redraws or raises it there
        return "failed", f"{type(exc).__name__}: {exc}", problems
    return "done", data, problems + helper


def _serve(conn: Connection, load: Callable[[], None]) -> None:
    """A helper process: load, then do each piece of work sent until told to stop; then leave
    at once (tearing down what it loaded would keep the command waiting)."""
    gc.freeze()  # what a forking parent made stays out of this process's collections
    try:
        load()
        while (order := conn.recv()) is not None:
            conn.send(_work(order))
    except (EOFError, OSError, KeyboardInterrupt):  # the caller left or was interrupted
        pass
    os._exit(0)


class _Helper:
    """A forked process that loads what `load` loads, then works on request."""

    def __init__(self, name: str, load: Callable[[], None]) -> None:
        self._conn: Connection | None = None
        self.process: Any = None
        try:
            context = multiprocessing.get_context("fork")
            ours, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(theirs, load), name=name, daemon=True)
            process.start()
        except (ValueError, OSError):  # no fork here: the work is done in this process
            return
        theirs.close()
        self._conn, self.process = ours, process

    def ask(self, order: tuple[Any, ...]) -> tuple[str, Any, list[str]] | None:
        """The helper's answer to a piece of work, or None when the helper is gone."""
        if self._conn is None:
            return None
        try:
            self._conn.send(order)
            kind, payload, problems = self._conn.recv()
        except (EOFError, OSError):  # the helper died
            self.close()
            return None
        return kind, payload, problems

    def close(self) -> None:
        """Stop the helper."""
        conn, process, self._conn, self.process = self._conn, self.process, None, None
        if conn is not None:
            with contextlib.suppress(OSError):
                conn.send(None)
            conn.close()
        if process is not None:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join()


class PressFailed(RuntimeError):
    """WeasyPrint failed in the press."""


class Press:
    """Two forked helpers, ready by the time the report's HTML is: one with matplotlib, which
    draws the charts, one with WeasyPrint, which prints. Call it to print a PDF; give it to a
    `ChartBoard` as its drawer."""

    def __init__(self) -> None:
        self._helpers: list[_Helper] = []
        if can_fork():
            self._helpers = [
                _Helper("assessor-charts", _load_charts),
                _Helper("assessor-printer", load_weasyprint),
            ]

    @property
    def processes(self) -> list[Any]:
        """The helpers' processes that are running."""
        return [h.process for h in self._helpers if h.process is not None]

    def _ask(self, which: int, order: tuple[Any, ...]) -> tuple[str, Any, list[str]] | None:
        return self._helpers[which].ask(order) if self._helpers else None

    def draw(self, orders: Sequence[Order], fmt: str) -> dict[str, bytes] | None:
        """Each chart's bytes by id, drawn in the press; None when this process must draw them
        (the press is gone, a chart cannot be sent, or drawing failed there)."""
        try:  # a connection pickles before it writes: what cannot be sent is drawn here
            answer = self._ask(0, ("draw", list(orders), fmt))
        except (pickle.PicklingError, TypeError, AttributeError):
            return None
        if answer is None or answer[0] != "done":
            return None  # this process draws them and meets any problem itself
        log_problems(answer[2])
        data: dict[str, bytes] = answer[1]
        return data

    def __call__(self, html: str, base_url: str | None = None) -> bytes:
        """The PDF of the final HTML (files only from the base URL's folder)."""
        answer = self._ask(1, ("print", html, base_url))
        if answer is None:
            return html_to_pdf(html, base_url)
        kind, payload, problems = answer
        log_problems(problems)
        if kind == "refused":
            raise ReportError(payload)
        if kind == "failed":
            raise PressFailed(payload)
        pdf: bytes = payload
        return pdf

    def close(self) -> None:
        """Stop the helpers."""
        for helper in self._helpers:
            helper.close()

    def __enter__(self) -> Press:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
