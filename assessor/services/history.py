"""A client's assessments over time: their history, two of them compared, and the trend charts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from assessor.domain.comparison import Comparison
from assessor.domain.results import Assessment, Roadmap
from assessor.domain.text import tr
from assessor.reporting.charts import Chart
from assessor.reporting.progress import Earlier, History
from assessor.reporting.trends import phase_chart, trend_chart
from assessor.services.assessments import plan
from assessor.services.clients import assessment_of, assessments_of, client_of
from assessor.services.progress import compare_assessments
from assessor.services.scored import results_of
from assessor.services.tracking import done_actions, progress_over_time
from assessor.services.workspace import Workspace
from assessor.store.records import AssessmentRecord, ClientRecord, UserRecord
from assessor.store.repositories import AssessmentRepository
from assessor.store.repositories.tracking import TrackingRepository

__all__ = [
    "ClientHistory",
    "HistoryEntry",
    "PairComparison",
    "client_history",
    "compare_pair",
    "report_history",
]

Alt = Callable[[str], str]
"""Words a chart's alt text from a title (the caller's language)."""


@dataclass(frozen=True)
class HistoryEntry:
    """One assessment of the client and its result as kept (None before anyone submitted)."""

    record: AssessmentRecord
    result: Assessment | None


@dataclass(frozen=True)
class ClientHistory:
    """A client's assessments in date order, the dimension trends, and the latest plan's progress."""

    client: ClientRecord
    entries: list[HistoryEntry]
    trends: list[Chart]
    plan_of: AssessmentRecord | None
    plan_chart: Chart | None


@dataclass(frozen=True)
class PairComparison:
    """Two assessments of a client, earlier first, their results as kept, and what moved."""

    before: HistoryEntry
    after: HistoryEntry
    before_result: Assessment
    after_result: Assessment
    roadmap: Roadmap
    comparison: Comparison


def client_history(
    session: Session, ws: Workspace, user: UserRecord, client_id: int, lang: str, alt: Alt
) -> ClientHistory | None:
    """The firm's client's assessments oldest first, with charts; None if not the firm's."""
    client = client_of(session, user, client_id)
    if client is None:
        return None
    records = sorted(assessments_of(session, user, client_id), key=lambda r: r.assessed_on)
    entries = [HistoryEntry(r, _as_kept(session, ws, r)) for r in records]
    plan_of, chart = _plan_progress(session, ws, user, entries, lang, alt)
    return ClientHistory(client, entries, _trends(entries, lang, alt), plan_of, chart)


def compare_pair(
    session: Session,
    ws: Workspace,
    user: UserRecord,
    ids: Sequence[int],
    *,
    rescore: bool = False,
) -> PairComparison | None:
    """Two of the firm's assessments compared, earlier first (both scored again if asked)."""
    records = [assessment_of(session, user, i) for i in ids]
    found = sorted((r for r in records if r is not None), key=lambda r: (r.assessed_on, r.id))
    if len(found) != 2 or found[0].client_id != found[1].client_id or found[0].id == found[1].id:
        return None
    if rescore:
        for record in found:
            results_of(session, ws, record, rescore=True)
    before, after = (HistoryEntry(r, _as_kept(session, ws, r)) for r in found)
    if before.result is None or after.result is None:
        return None
    roadmap = plan(ws, before.result, before.record.assessed_on)
    done = done_actions(session, user, before.record.id)
    comparison = compare_assessments(ws, before.result, after.result, roadmap, done)
    return PairComparison(before, after, before.result, after.result, roadmap, comparison)


def report_history(session: Session, ws: Workspace, record: AssessmentRecord) -> History | None:
    """The earlier assessments of the same client with the same questionnaire (oldest first) and
    the tracked statuses of the last one's plan, for a report; None when there is none."""
    others = AssessmentRepository(session).list_for_client(record.firm_id, record.client_id)
    earlier = sorted(
        (
            r
            for r in others
            if r.questionnaire_id == record.questionnaire_id
            and (r.assessed_on, r.id) < (record.assessed_on, record.id)
        ),
        key=lambda r: (r.assessed_on, r.id),
    )
    kept = [(r, result) for r in earlier if (result := _as_kept(session, ws, r)) is not None]
    if not kept:
        return None
    last = kept[-1][0]
    tracked = TrackingRepository(session).tracked(record.firm_id, last.id)
    return History(
        tuple(Earlier(r.title, r.assessed_on, result) for r, result in kept),
        {action_id: row.status.value for action_id, row in tracked.items()},
    )


def _as_kept(session: Session, ws: Workspace, record: AssessmentRecord) -> Assessment | None:
    """The result as it was scored and kept (on the content of its day), scored now if none is."""
    stored = AssessmentRepository(session).result(record.firm_id, record.id)
    if stored is not None:
        try:
            return Assessment.load(stored.result)
        except ValueError:
            pass
    results = results_of(session, ws, record)
    return results.assessment if results is not None else None


def _trends(entries: list[HistoryEntry], lang: str, alt: Alt) -> list[Chart]:
    scored = [e for e in entries if e.result is not None]
    if len(scored) < 2:
        return []
    charts = []
    frameworks: dict[str, str] = {}
    for entry in scored:
        for fid, kept in entry.result.frameworks.items() if entry.result else ():
            frameworks.setdefault(fid, tr(kept.title, lang))
    for fid, title in frameworks.items():
        series: dict[str, list[float | None]] = {}
        for n, entry in enumerate(scored):
            assert entry.result is not None
            framework = entry.result.frameworks.get(fid)
            for dim in framework.dimensions.values() if framework else ():
                row = series.setdefault(tr(dim.title, lang), [None] * len(scored))
                row[n] = dim.score
        dates = [e.record.assessed_on for e in scored]
        charts.append(trend_chart(f"trend-{fid}", alt(title), dates, series))
    return charts


def _plan_progress(
    session: Session,
    ws: Workspace,
    user: UserRecord,
    entries: list[HistoryEntry],
    lang: str,
    alt: Alt,
) -> tuple[AssessmentRecord | None, Chart | None]:
    """The phase progress over time of the latest plan anyone tracked."""
    repo = TrackingRepository(session)
    for entry in reversed(entries):
        history = repo.history(user.firm_id, entry.record.id)
        if entry.result is None or not history:
            continue
        roadmap = plan(ws, entry.result, entry.record.assessed_on)
        points = progress_over_time(roadmap, history)
        phases = {p.id: tr(p.title, lang) for p in roadmap.phases if p.actions}
        chart = phase_chart("plan-progress", alt(entry.record.title), points, phases)
        return entry.record, chart
    return None, None
