"""Report jobs: checked once, keyed by their inputs, rendered in a worker, served from a cache."""

from __future__ import annotations

import dataclasses
import datetime as dt

import matplotlib
import pytest

from assessor.domain.consensus import Agreement
from assessor.reporting import ReportError
from assessor.reporting.progress import Earlier, History
from assessor.services.assessments import score
from assessor.services.report_request import ReportOptions, ReportRequest
from assessor.services.reports import (
    MemoryReportCache,
    cached_report,
    prepare_report,
    render_in_worker,
    render_report,
)
from assessor.services.workspace import Workspace
from tests.fixtures.scoring.support import PREPARED, QUESTIONNAIRE, respond

HTML = ReportRequest(template="executive", format="html", options=ReportOptions(client="Ann & Co"))


def responses() -> list:  # type: ignore[type-arg]
    return [respond("Ann", "executive", **PREPARED), respond("Bo", sponsor="no")]


def test_a_request_is_checked_before_any_work(ws: Workspace) -> None:
    with pytest.raises(ReportError, match="unknown report template 'board'; available: "):
        prepare_report(
            ws, QUESTIONNAIRE, responses(), None, dataclasses.replace(HTML, template="board")
        )
    bad_paper = dataclasses.replace(HTML, options=ReportOptions(paper="a3"))
    with pytest.raises(ReportError, match="unknown paper size 'a3'"):
        prepare_report(ws, QUESTIONNAIRE, responses(), None, bad_paper)
    with pytest.raises(ReportError, match="no report translation for language 'xx'"):
        prepare_report(ws, QUESTIONNAIRE, responses(), None, dataclasses.replace(HTML, lang="xx"))


def test_the_key_changes_with_answers_targets_and_options_only(ws: Workspace) -> None:
    key = prepare_report(ws, QUESTIONNAIRE, responses(), None, HTML).key
    assert prepare_report(ws, QUESTIONNAIRE, responses(), None, HTML).key == key
    other_answers = [respond("Ann", "executive", **PREPARED), respond("Bo", sponsor="yes")]
    assert prepare_report(ws, QUESTIONNAIRE, other_answers, None, HTML).key != key
    assert prepare_report(ws, QUESTIONNAIRE, responses(), {"mini/vision": 50.0}, HTML).key != key
    russian = dataclasses.replace(HTML, lang="ru")
    assert prepare_report(ws, QUESTIONNAIRE, responses(), None, russian).key != key


def test_a_report_is_rendered_once_then_served_from_the_cache(ws: Workspace) -> None:
    job = prepare_report(ws, QUESTIONNAIRE, responses(), None, HTML)
    cache = MemoryReportCache()
    first = cached_report(job, cache, in_worker=False)
    assert b"Ann &amp; Co" in first
    cache.put(job.key, b"kept")
    assert cached_report(job, cache, in_worker=False) == b"kept", "not rendered again"


def test_a_worker_renders_the_pdf_and_leaves_this_process_untouched(ws: Workspace) -> None:
    before = dict(matplotlib.rcParams)
    job = prepare_report(
        ws, QUESTIONNAIRE, responses(), None, dataclasses.replace(HTML, format="pdf")
    )
    rendered = render_in_worker(job)
    assert rendered.pdf is not None and rendered.pdf.startswith(b"%PDF-")
    assert dict(matplotlib.rcParams) == before


def test_rendering_in_process_and_in_a_worker_give_the_same_html(ws: Workspace) -> None:
    job = prepare_report(ws, QUESTIONNAIRE, responses(), None, HTML)
    assert render_report(job, ws).html == render_report(job).html


def test_the_key_changes_with_the_consensus_and_the_earlier_assessments(ws: Workspace) -> None:
    key = prepare_report(ws, QUESTIONNAIRE, responses(), None, HTML).key
    agreed = [Agreement("sponsor", "yes", "named in the room")]
    with_consensus = prepare_report(ws, QUESTIONNAIRE, responses(), None, HTML, consensus=agreed)
    assert with_consensus.key != key
    renoted = [Agreement("sponsor", "yes", "named by the board")]
    assert prepare_report(
        ws, QUESTIONNAIRE, responses(), None, HTML, consensus=renoted
    ).key not in (
        key,
        with_consensus.key,
    ), "a changed note renders again"
    before = score(ws, QUESTIONNAIRE, [respond("Ann", "executive", sponsor="no")], None)
    history = History((Earlier("First look", dt.date(2026, 1, 5), before),))
    with_history = prepare_report(ws, QUESTIONNAIRE, responses(), None, HTML, history=history)
    assert with_history.key != key
    progressed = History(history.earlier, {"some-action": "done"})
    assert (
        prepare_report(ws, QUESTIONNAIRE, responses(), None, HTML, history=progressed).key
        != with_history.key
    ), "an action marked done since renders again"
    empty = prepare_report(ws, QUESTIONNAIRE, responses(), None, HTML, history=History(()))
    assert empty.key == key and empty.history is None, "no earlier assessment, no section"
