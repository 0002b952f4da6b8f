"""The roadmap turned into what a template shows: phases, actions and why, the KPI plan."""

from __future__ import annotations

from collections.abc import Sequence

from assessor.domain.planning import rule_answer
from assessor.domain.results import Rationale, Roadmap, ScheduledAction
from assessor.domain.text import tr
from assessor.reporting.i18n import Translator
from assessor.reporting.lookup import Lookup
from assessor.reporting.views import View
from assessor.reporting.wording import word_skip

SCALE_BASES = ("size", "users", "data")
"""The duration rules a report words by name (others read 'longer than the library's')."""


def weeks(t: Translator, start: int, end: int) -> str:
    """'week 3' or 'weeks 3–8'."""
    return (
        t("roadmap.week", week=start) if start == end else t("roadmap.weeks", start=start, end=end)
    )


def why(rationale: Sequence[Rationale], look: Lookup, most: int = 3) -> list[str]:
    """Why an action is planned, one short line per kind: the gaps it closes (the `most` first
    named), the risks it reduces, the actions it is needed for."""
    t = look.t
    gaps, risks, needed_by, follows = [], [], [], []
    for reason in rationale:
        if reason.kind == "gap":
            gaps.append(look.dimension(reason.ref))
        elif reason.kind == "risk":
            risks.append(look.risk(reason.ref))
        elif reason.kind == "prerequisite":
            needed_by.append(look.action(reason.ref))
        else:
            follows.append(t("roadmap.why_follows", pilot=look.action(reason.ref)))
    gaps = list(dict.fromkeys(gaps))  # two frameworks may name a dimension alike
    separator = t("common.title_separator")
    lines = []
    if gaps:
        named = separator.join(gaps[:most])
        if len(gaps) > most:
            named += t("roadmap.and_more", count=len(gaps) - most)
        lines.append(t("roadmap.why_gaps", items=named))
    if risks:
        lines.append(t("roadmap.why_risks", items=separator.join(risks)))
    if needed_by:
        lines.append(t("roadmap.why_needed", items=separator.join(needed_by)))
    return lines + follows


def scaled_note(action: ScheduledAction, look: Lookup) -> str:
    """Why an action lasts longer or shorter than the library says: 'longer for 101 to 500
    users' (empty when its duration is the library's)."""
    if action.planned_weeks is None:
        return ""
    model = look.content.roadmap
    basis = action.scaled_by or "size"
    rule = model.duration_scale if basis == "size" else model.scale_by.get(basis)
    value = rule_answer(rule, look.assessment) if rule is not None else None
    longer = "longer" if action.duration_weeks > action.planned_weeks else "shorter"
    if rule is None or value is None or basis not in SCALE_BASES:
        return look.t(f"roadmap.scaled_{longer}", weeks=action.planned_weeks)
    label = look.option(rule.question, value)
    answer = label[:1].lower() + label[1:]  # inside a sentence: "longer for up to 20 users"
    return look.t(f"roadmap.scaled_{longer}_{basis}", answer=answer, weeks=action.planned_weeks)


def action_view(action: ScheduledAction, phase_title: str, look: Lookup) -> View:
    """A scheduled action: what, when, effort and impact, why, prerequisites, KPIs, deliverables."""
    t = look.t
    return {
        "id": action.id,
        "anchor": f"action-{action.id}",
        "title": tr(action.title, t.lang),
        "description": tr(action.description, t.lang),
        "phase": action.phase,
        "phase_title": phase_title,
        "effort": t(f"level.{action.effort}"),
        "impact": t(f"level.{action.impact}"),
        "start_week": action.start_week,
        "end_week": action.end_week,
        "weeks": weeks(t, action.start_week, action.end_week),
        "dates": t.dates(action.start, action.end) if action.start and action.end else "",
        "why": why(action.rationale, look),
        "prerequisites": [look.action(p) for p in action.prerequisites],
        "kpis": [look.kpi(k) for k in action.kpis],
        "deliverables": [tr(d, t.lang) for d in action.deliverables],
        "quick_win": action.quick_win,
        "critical": action.critical,
        "every_weeks": action.every_weeks,
        "recurring": t("roadmap.recurring", count=action.every_weeks) if action.every_weeks else "",
        "scaled": scaled_note(action, look),
        "source": look.source(action.source),
    }


def roadmap_view(roadmap: Roadmap, look: Lookup) -> View:
    """The roadmap phase by phase, skipped phases with their reason, and its critical path."""
    t = look.t
    phases: list[View] = []
    for phase in roadmap.phases:
        title = tr(phase.title, t.lang)
        span = "" if phase.skipped else weeks(t, phase.start_week or 0, phase.end_week or 0)
        phases.append(
            {
                "id": phase.id,
                "title": title,
                "description": tr(phase.description, t.lang),
                "skipped": phase.skipped,
                "reason": word_skip(phase.skip, look),
                "weeks": span,
                "actions": [action_view(a, title, look) for a in phase.actions],
            }
        )
    return {
        "start": t.date(roadmap.start) if roadmap.start else "",
        "total_weeks": roadmap.total_weeks,
        "phases": phases,
        "actions": [a for p in phases for a in p["actions"]],
        "critical_path": [look.action(a) for a in roadmap.critical_path],
        "quick_wins": [look.action(a) for a in roadmap.quick_wins],
        "done": [look.action(a) for a in roadmap.done],
    }


def next_days_view(roadmap: View, days: int) -> View:
    """The actions that start within the first `days` days, earliest first."""
    weeks = -(-days // 7)
    actions = [a for a in roadmap["actions"] if a["start_week"] <= weeks]
    return {"days": days, "weeks": weeks, "actions": sorted(actions, key=lambda a: a["start_week"])}


def kpi_views(roadmap: Roadmap, look: Lookup) -> list[View]:
    """The KPI plan: what to measure, how, which way is better, and which actions move it."""
    t = look.t
    return [
        {
            "id": kpi.id,
            "title": tr(kpi.title, t.lang),
            "measures": tr(kpi.measures, t.lang),
            "how": tr(kpi.how, t.lang),
            "unit": tr(kpi.unit, t.lang),
            "direction": t(f"kpis.direction_{kpi.direction}"),
            "baseline": "" if kpi.baseline is None else f"{kpi.baseline:g}",
            "target": "" if kpi.target is None else f"{kpi.target:g}",
            "moved_by": [look.action(a) for a in kpi.moved_by],
        }
        for kpi in roadmap.kpi_plan
    ]
