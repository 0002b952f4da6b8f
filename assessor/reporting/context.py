"""The template context of a report, built from the assessment, roadmap, branding and wording."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assessor.domain.consensus import Agreement
from assessor.domain.content import Content
from assessor.domain.responses import Response
from assessor.domain.results import Assessment, FrameworkScore, Roadmap
from assessor.domain.text import tr
from assessor.reporting import ReportError
from assessor.reporting.branding import Branding
from assessor.reporting.chart_board import ChartBoard
from assessor.reporting.consensus import consensus_view
from assessor.reporting.figures import ChartInputs, ReportCharts
from assessor.reporting.front import document_control, scope
from assessor.reporting.i18n import Translator, with_content_terms
from assessor.reporting.lookup import Lookup
from assessor.reporting.people import (
    Group,
    group_score,
    person_groups,
    role_counts,
    role_groups,
    themes,
)
from assessor.reporting.plan_views import kpi_views, next_days_view, roadmap_view
from assessor.reporting.progress import ProgressInput, progress_view
from assessor.reporting.rules import FindingRules
from assessor.reporting.settings import PAPER_SIZES, Layout, ReportOptions
from assessor.reporting.story import (
    decisions,
    failed_gates,
    first_actions,
    key_findings,
    next_band,
    risk_strength,
)
from assessor.reporting.views import (
    View,
    framework_view,
    question_sections,
    risk_views,
    status,
)


@dataclass(frozen=True)
class ReportInput:
    """Everything a report is made from."""

    content: Content
    assessment: Assessment
    roadmap: Roadmap
    branding: Branding
    translator: Translator
    layout: Layout = field(default_factory=Layout)
    options: ReportOptions = field(default_factory=ReportOptions)
    rules: FindingRules = field(default_factory=FindingRules)
    responses: tuple[Response, ...] = ()
    """The respondents' own answers (for the spread beside a consensus)."""
    consensus: tuple[Agreement, ...] = ()
    """The answers a workshop agreed, with the facilitator's notes."""
    agreed: Assessment | None = None
    """The assessment scored with the consensus in place of the respondents' answers."""
    progress: ProgressInput | None = None
    """The client's earlier assessments and what moved since the last one."""
    board: ChartBoard | None = None
    """Where the charts are drawn (by default each as the template asks, in this process)."""


def build_context(inp: ReportInput) -> dict[str, Any]:
    """The variables every report template sees (documented in docs/reports.md)."""
    inp = dataclasses.replace(inp, translator=with_content_terms(inp.translator, inp.content))
    t, a, layout, named = inp.translator, inp.assessment, inp.layout, inp.options.named
    main, tables, phases = report_frameworks(a, layout)
    look = Lookup(inp.content, a, t, named, layout.amber_gap)
    order = inp.content.role_ids
    groups = role_groups(a, t, 1 if named else layout.min_group, order)
    tiers = (layout.likelihood.high, layout.likelihood.medium)
    risks = risk_views(a.risks, inp.roadmap, look, [risk_strength(r) for r in a.risks], tiers)
    roadmap = roadmap_view(inp.roadmap, look)
    for action in roadmap["actions"]:
        owner = layout.owners.get(action["phase"], layout.default_owner)
        action["owner"] = t(f"owner.{owner}")
    next_days = next_days_view(roadmap, layout.next_days)
    rows = person_groups(a, t, order) if named else groups
    chart_inputs = ChartInputs(inp.content, a, inp.roadmap, main, tuple(phases), tuple(rows))
    report = _report(inp)
    board = inp.board or ChartBoard(inp.options.chart_format)
    questions = question_sections(look)
    context: dict[str, Any] = {
        "t": t,
        "report": report,
        "branding": inp.branding,
        "readiness": _readiness(inp, look),
        "story": {
            "why": failed_gates(look),
            "findings": key_findings(look, inp.rules, layout.key_findings),
            "first_actions": first_actions(next_days, layout.first_actions),
            "decisions": decisions(look, inp.rules, roadmap, next_days),
            "next_band": next_band(look),
        },
        "confidence": {
            "share": t.number(a.confidence.share * 100),
            "answered": a.confidence.answered,
            "expected": a.confidence.expected,
        },
        "main": _framework_view(main, look, groups, inp) if main else None,
        "tables": _part_views(tables, look, "bases"),
        "phase_frameworks": _part_views(phases, look, "phases"),
        "capability": _capability(main, look, groups) if main else None,
        "risks": risks,
        "top_risks": risks[: layout.top_risks],
        "roadmap": roadmap,
        "next_days": next_days,
        "kpis": kpi_views(inp.roadmap, look),
        "respondents": _respondents(inp, look, groups),
        "themes": themes(questions),
        "questions": questions,
        "method": _method(inp, look),
        "control": document_control(report, t, named, layout.min_group),
        "scope": scope(inp.content, a, t, main.id if main else ""),
        "references": look.citations.listed(t.lang),
        "charts": ReportCharts(chart_inputs, t, inp.branding.palette, board),
    }
    context["consensus"] = (
        consensus_view(inp.consensus, inp.responses, inp.agreed, main, look, groups)
        if inp.agreed is not None
        else None
    )
    context["progress"] = (
        progress_view(inp.progress, look, main, inp.branding.palette, board)
        if inp.progress is not None
        else None
    )
    scaled = sum(1 for a in inp.roadmap.actions if a.planned_weeks is not None)
    if scaled:
        context["scope"]["limits"].append(t("scope.scaled", count=scaled))
    context["available"] = available_sections(context)
    return context


def _framework_view(
    framework: FrameworkScore, look: Lookup, groups: list[Group], inp: ReportInput
) -> View:
    """The main framework, each dimension with its score by group and the actions that close it."""
    view = framework_view(framework, look)
    closing: dict[str, list[View]] = {}
    for action in inp.roadmap.actions:
        for reason in action.rationale:
            if reason.kind == "gap":
                closing.setdefault(reason.ref, []).append(
                    {
                        "title": tr(action.title, look.t.lang),
                        "weeks": (
                            look.t("roadmap.week", week=action.start_week)
                            if action.start_week == action.end_week
                            else look.t(
                                "roadmap.weeks", start=action.start_week, end=action.end_week
                            )
                        ),
                    }
                )
    for dim, scored in zip(view["dimensions"], framework.dimensions.values(), strict=True):
        dim["by_role"] = [
            {"role": g.label, "score": look.units(scored.framework, score, [scored.target])}
            for g in groups
            if (score := group_score(scored, g)) is not None
        ]
        dim["actions"] = closing.get(scored.ref, [])
    return view


def _capability(framework: FrameworkScore, look: Lookup, groups: list[Group]) -> View:
    """The red-amber-green capability heat map: each dimension, overall and by group."""
    t = look.t
    rows = []
    for dim in framework.dimensions.values():
        cells = [
            {
                "score": look.units(dim.framework, dim.score, look.thresholds(dim.ref)),
                "status": status(dim.score, dim.target, look.amber_gap),
            }
        ]
        for group in groups:
            score = group_score(dim, group)
            cells.append(
                {
                    "score": look.units(dim.framework, score, look.thresholds(dim.ref)),
                    "status": status(score, dim.target, look.amber_gap),
                }
            )
        rows.append(
            {
                "title": tr(dim.title, t.lang),
                "target": look.units(dim.framework, dim.target, []),
                "cells": cells,
            }
        )
    return {"groups": [g.label for g in groups], "rows": rows, "amber": t.number(look.amber_gap)}


def report_frameworks(
    a: Assessment, layout: Layout
) -> tuple[FrameworkScore | None, list[FrameworkScore], list[FrameworkScore]]:
    """The main framework, the frameworks shown as tables and those shown as phases, in the
    layout's order; only scored frameworks, each once. The main one is the layout's, else the
    first scored; a layout naming none shows every other scored framework as a table."""
    first = next(iter(a.frameworks.values()), None)
    parts = layout.framework_parts
    if parts is None:
        return first, [f for f in a.frameworks.values() if f is not first], []
    scored = [(a.frameworks[p.id], p.part) for p in parts if p.id in a.frameworks]
    main = next((f for f, part in scored if part == "main"), first)
    shown = [(f, part) for f, part in scored if f is not main]
    return (
        main,
        [f for f, part in shown if part == "table"],
        [f for f, part in shown if part == "phases"],
    )


def _part_views(frameworks: list[FrameworkScore], look: Lookup, section: str) -> list[View]:
    """A view per framework of a section, with its anchor and heading: the section's title when
    it shows one framework, each framework's title when it shows several."""
    views = []
    for number, framework in enumerate(frameworks):
        view = framework_view(framework, look)
        view["anchor"] = section if number == 0 else f"{section}-{framework.id}"
        view["heading"] = look.t(f"section.{section}") if len(frameworks) == 1 else view["title"]
        view["chart"] = framework.id
        views.append(view)
    return views


def available_sections(context: Mapping[str, Any]) -> set[str]:
    """The sections that have something to show for these results."""
    sections = {
        "executive-summary",
        "scope",
        "summary",
        "top-risks",
        "roadmap-glance",
        "next-90-days",
        "risk-register",
        "roadmap",
        "appendix-answers",
        "appendix-method",
    }
    if context["main"]:
        sections.add("dimensions")
    if context["tables"]:
        sections.add("bases")
    if context["phase_frameworks"]:
        sections.add("phases")
    if context["respondents"]["count"] > 1:
        sections.add("respondents")
    if context["kpis"]:
        sections.add("kpis")
    if context["themes"]:
        sections.add("themes")
    if context["references"]:
        sections.add("references")
    if context.get("consensus"):
        sections.add("consensus")
    if context.get("progress"):
        sections.add("progress")
    return sections


MAX_COVER_CHARS = 200
"""The client, consultant and firm named on the cover may be at most this long."""


def check_cover(client: str, consultant: str, firm: str) -> None:
    """A ReportError if a name for the cover is longer than MAX_COVER_CHARS."""
    for field_name, value in (("client", client), ("consultant", consultant), ("firm", firm)):
        if len(value) > MAX_COVER_CHARS:
            raise ReportError(
                f"the {field_name} name for the cover is {len(value):,} characters long; "
                f"the limit is {MAX_COVER_CHARS}"
            )


def _report(inp: ReportInput) -> View:
    t, b, o = inp.translator, inp.branding, inp.options
    check_cover(o.client, b.consultant, b.firm)
    questionnaire = tr(inp.assessment.questionnaire_title, t.lang)
    client = o.client or t("cover.no_client")
    author = ", ".join(x for x in (b.consultant, b.firm) if x) or t("report.generator")
    return {
        "lang": t.lang,
        "client": client,
        "consultant": b.consultant,
        "firm": b.firm,
        "author": author,
        "date": t.date(o.date),
        "date_iso": o.date.isoformat(),
        "page_size": PAPER_SIZES.get(o.paper, "A4"),
        "questionnaire": questionnaire,
        "subject": t("report.subject", client=client, questionnaire=questionnaire),
        "generator": t("report.generator"),
        "version": o.version,
        "named": o.named,
    }


def _readiness(inp: ReportInput, look: Lookup) -> View:
    t, r = inp.translator, inp.assessment.readiness
    bands = {b.id: tr(b.title, t.lang) for b in inp.content.readiness.bands}
    gates = [
        {
            "id": g.id,
            "title": tr(g.title, t.lang),
            "explanation": tr(g.explanation, t.lang),
            "passed": g.passed,
            "floor": t.number(g.floor),
            "cap": bands.get(g.cap, g.cap),
            "failing": [
                {"title": look.dimension(ref), "score": t.score(score, [g.floor])}
                for ref, score in g.failing.items()
            ],
        }
        for g in r.gates
    ]
    floors = [b.min_score for b in inp.content.readiness.bands]
    return {
        "score": t.score(r.score, floors),
        "band": r.band,
        "band_title": tr(r.band_title, t.lang),
        "verdict": tr(r.verdict, t.lang),
        "capped": bool(r.capped_by),
        "uncapped_band_title": bands.get(r.uncapped_band, r.uncapped_band),
        "capped_by": [g for g in gates if g["id"] in r.capped_by],
        "gates": gates,
    }


def _respondents(inp: ReportInput, look: Lookup, groups: list[Group]) -> View:
    t, a, named = inp.translator, inp.assessment, inp.options.named
    gap = a.disagreement.perception_gap
    order, compared = inp.content.role_ids, inp.content.perception_roles
    others = sum(1 for p in a.respondents if p.role not in compared)
    return {
        "count": len(a.respondents),
        "people": [{"name": p.name, "role": t.term("role", p.role)} for p in a.respondents]
        if named
        else [],
        "roles": [
            {"role": t.term("role", r), "count": n} for r, n in role_counts(a, order).items()
        ],
        "groups": [g.label for g in groups],
        "perception": {
            "executive": t.number(gap.executive),
            "others": t.number(gap.others),
            "gap": t.number(gap.gap),
            "flagged": gap.flagged,
            "measured": gap.gap is not None and (named or others >= inp.layout.min_group),
        },
        "diverging_dimensions": [
            {
                "title": look.dimension(d.dimension),
                "sd": t.number(d.sd),
                "low": t.number(d.min),
                "high": t.number(d.max),
            }
            for d in a.disagreement.dimensions
        ],
        "diverging_questions": [
            {
                "text": tr(q.text, t.lang),
                "sd": t.number(q.sd),
                "low": t.number(q.min),
                "high": t.number(q.max),
                "respondents": q.respondents,
            }
            for q in a.disagreement.questions
        ],
        "dimension_threshold": t.number(a.disagreement.dimension_threshold),
        "question_threshold": t.number(a.disagreement.question_threshold),
    }


def _method(inp: ReportInput, look: Lookup) -> View:
    t, model = inp.translator, inp.content.readiness
    titles = {f.id: tr(f.title, t.lang) for f in inp.content.frameworks.values()}
    bands = {b.id: tr(b.title, t.lang) for b in model.bands}
    scored = report_frameworks(inp.assessment, inp.layout)[0]
    main = inp.content.frameworks.get(scored.id) if scored else None
    return {
        "default_target": t.number(model.default_target),
        "frameworks": [
            {"title": titles.get(e.framework, e.framework), "weight": f"{e.weight:g}"}
            for e in model.overall
        ],
        "bands": [
            {
                "title": tr(b.title, t.lang),
                "min_score": t.number(b.min_score),
                "verdict": tr(b.verdict, t.lang),
            }
            for b in model.bands
        ],
        "gates": [
            {
                "title": tr(g.title, t.lang),
                "explanation": tr(g.explanation, t.lang),
                "source": look.source(g.source),
                "rule": " ".join(
                    [t("method.gate_floor", floor=t.number(g.floor), band=bands[g.cap])]
                    * bool(g.dimensions)
                    + [t("method.gate_cap", band=bands[g.cap])] * bool(g.risks)
                ),
            }
            for g in model.gates
        ],
        "maturity": [
            {
                "level": m.level,
                "name": tr(m.name, t.lang),
                "min_score": t.number(m.min_score),
                "summary": tr(m.summary, t.lang),
            }
            for m in main.maturity
        ]
        if main
        else [],
        "thresholds": {k: t.number(v) for k, v in model.disagreement.model_dump().items()},
        "source": look.source(model.source),
    }
