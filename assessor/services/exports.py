"""Export the roadmap for the tools a programme runs on: CSV for a spreadsheet or a project
tool, iCalendar for the milestones. Free text never runs as a spreadsheet formula."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from typing import TYPE_CHECKING

from assessor.domain.content import Content
from assessor.domain.errors import InputError
from assessor.domain.results import Roadmap
from assessor.domain.text import tr
from assessor.services.exchange import neutral
from assessor.services.results import describe_rationale

if TYPE_CHECKING:
    from icalendar import Event

CSV_COLUMNS = (
    "id",
    "title",
    "phase",
    "start_week",
    "end_week",
    "start",
    "end",
    "duration_weeks",
    "effort",
    "impact",
    "prerequisites",
    "quick_win",
    "critical",
    "rationale",
    "kpis",
)
"""The CSV header: one action a row, lists separated by semicolons."""


def roadmap_rows(roadmap: Roadmap, content: Content, lang: str = "en") -> list[dict[str, str]]:
    """Every scheduled action as a row of text cells, in plan order, keyed by CSV column."""
    rows = []
    for action in roadmap.actions:
        rows.append(
            {
                "id": action.id,
                "title": neutral(tr(action.title, lang)),
                "phase": action.phase,
                "start_week": str(action.start_week),
                "end_week": str(action.end_week),
                "start": action.start.isoformat() if action.start else "",
                "end": action.end.isoformat() if action.end else "",
                "duration_weeks": str(action.duration_weeks),
                "effort": action.effort,
                "impact": action.impact,
                "prerequisites": ";".join(action.prerequisites),
                "quick_win": "yes" if action.quick_win else "no",
                "critical": "yes" if action.critical else "no",
                "rationale": "; ".join(
                    describe_rationale(why, content) for why in action.rationale
                ),
                "kpis": ";".join(action.kpis),
            }
        )
    return rows


def roadmap_csv(roadmap: Roadmap, content: Content, lang: str = "en") -> str:
    """The roadmap as CSV text with a header row (opens in a spreadsheet, imports into a project tool)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(roadmap_rows(roadmap, content, lang))
    return out.getvalue()


def roadmap_ics(roadmap: Roadmap, lang: str = "en") -> bytes:
    """The roadmap's milestones as iCalendar: each phase's end and each critical action's end.

    The plan needs a start date: an InputError says so when it has none.
    """
    from icalendar import Calendar, Event

    if roadmap.start is None:
        raise InputError("the milestones need dates: give the roadmap a start (--start)")
    calendar = Calendar()
    calendar.add("prodid", "-//Readiness Assessor//roadmap//EN")
    calendar.add("version", "2.0")
    for phase in roadmap.phases:
        ends = [a.end for a in phase.actions if a.end is not None]
        if ends:
            title = tr(phase.title, lang)
            calendar.add_component(_milestone(Event(), f"{title}: phase complete", max(ends)))
        for action in phase.actions:
            if action.critical and action.end is not None:
                calendar.add_component(_milestone(Event(), tr(action.title, lang), action.end))
    return bytes(calendar.to_ical())


def _milestone(event: Event, summary: str, day: dt.date) -> Event:
    """An all-day event on `day` with a stable uid (the same plan gives the same calendar)."""
    digest = hashlib.sha256(f"{summary}|{day.isoformat()}".encode()).hexdigest()[:24]
    event.add("uid", f"{digest}@readiness-assessor")
    event.add("summary", summary)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("dtstamp", dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC))
    return event
