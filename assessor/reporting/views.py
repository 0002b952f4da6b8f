"""Scores and risks turned into what a template shows: localised text, rounded numbers, dicts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assessor.domain.content import Content
from assessor.domain.results import (
    DimensionScore,
    FrameworkScore,
    QuestionSummary,
    Roadmap,
    TriggeredRisk,
)
from assessor.domain.text import tr
from assessor.reporting.i18n import Translator
from assessor.reporting.lookup import Lookup, option_labels
from assessor.reporting.people import shown_notes
from assessor.reporting.wording import word_evidence

View = dict[str, Any]


def status(score: float | None, target: float, amber_gap: float = 15.0) -> str:
    """Red, amber or green against the target: 'on-target', 'near-target' (within `amber_gap`
    points), 'below-target' (further), or 'unscored'."""
    if score is None:
        return "unscored"
    if score >= target:
        return "on-target"
    return "near-target" if target - score <= amber_gap else "below-target"


def points_lost(share: float, score: float | None) -> float:
    """How many of a dimension's 100 points a question costs: its share of what it did not earn."""
    return 0.0 if score is None else share * (100.0 - score)


def dimension_view(dim: DimensionScore, look: Lookup) -> View:
    """One dimension: score, maturity, target and gap, drivers, answers, evidence and comments."""
    t, questions = look.t, look.assessment.questions
    shown = look.thresholds(dim.ref)
    drivers = sorted(
        dim.drivers, key=lambda d: (-points_lost(d.share, d.score), -d.share, d.question)
    )
    summaries = [questions[d.question] for d in drivers if d.question in questions]
    return {
        "ref": dim.ref,
        "id": dim.id,
        "anchor": f"dimension-{dim.framework}-{dim.id}",
        "title": tr(dim.title, t.lang),
        "score": look.score(dim.framework, dim.score, shown),
        "level": dim.level,
        "level_name": tr(dim.level_name, t.lang),
        "descriptor": tr(dim.descriptor, t.lang),
        "target": look.units(dim.framework, dim.target, []),
        "gap": look.gap(dim.framework, dim.gap),
        "status": status(dim.score, dim.target, look.amber_gap),
        "coverage": t.number(dim.coverage * 100),
        "answers": dim.answers,
        "spread": t.number(dim.spread.sd),
        "by_role": [],  # filled in by the context, by the groups the report may show
        "drivers": [
            {
                "question": d.question,
                "text": tr(d.text, t.lang),
                "score": t.number(d.score),
                "share": t.number(d.share * 100),
                "lost": t.number(points_lost(d.share, d.score), 1),
                "answers": d.answers,
            }
            for d in drivers
        ],
        "evidence": shown_notes(
            [i for s in summaries for i in s.evidence], look.assessment, look.named
        ),
        "comments": shown_notes(
            [i for s in summaries for i in s.comments], look.assessment, look.named
        ),
        "actions": [],  # filled in by the context: the planned actions that close this gap
    }


def framework_view(framework: FrameworkScore, look: Lookup) -> View:
    """A framework's score and its dimensions in framework order."""
    return {
        "id": framework.id,
        "title": tr(framework.title, look.t.lang),
        "source": look.source(framework.source),
        "score": look.score(
            framework.id, framework.score, [g.floor for g in look.content.readiness.gates]
        ),
        "dimensions": [dimension_view(d, look) for d in framework.dimensions.values()],
    }


def answer_summary(summary: QuestionSummary, content: Content, t: Translator) -> str:
    """How a question was answered, in one line: 'Agree 5, Neutral 3, not applicable 1'."""
    labels = option_labels(summary.question, content, t.lang)
    parts = [
        t("answers.option", label=labels.get(key, key), count=count)
        for key, count in summary.counts.items()
        if count
    ]
    if summary.numbers:
        numbers = sorted(summary.numbers)
        low, high = f"{numbers[0]:g}", f"{numbers[-1]:g}"
        parts.append(
            t("answers.numbers_same", count=len(numbers), low=low)
            if low == high
            else t("answers.numbers", count=len(numbers), low=low, high=high)
        )
    if summary.texts:
        parts.append(t("answers.texts", count=len(summary.texts)))
    if summary.not_applicable:
        parts.append(t("answers.not_applicable", count=summary.not_applicable))
    if summary.unanswered:
        parts.append(t("answers.unanswered", count=summary.unanswered))
    return t("common.title_separator").join(parts) or t("answers.none")


def question_sections(look: Lookup) -> list[View]:
    """Every question of the questionnaire, section by section, with how it was answered."""
    t, a = look.t, look.assessment
    questionnaire = look.content.questionnaires.get(a.questionnaire)
    if questionnaire is None:
        return []
    sections = []
    for section in questionnaire.sections:
        rows = [
            {
                "id": qid,
                "text": tr(summary.text, t.lang),
                "type": t(f"question_type.{summary.type}"),
                "score": t.number(summary.mean_score),
                "answers": answer_summary(summary, look.content, t),
                "texts": summary.texts,
                "notes": shown_notes([*summary.evidence, *summary.comments], a, look.named),
            }
            for qid in section.questions
            if (summary := a.questions.get(qid)) is not None
        ]
        if rows:
            sections.append({"title": tr(section.title, t.lang), "questions": rows})
    return sections


def likelihood(strength: float, high: float, medium: float) -> str:
    """'high', 'medium' or 'low' from how strongly the evidence shows a risk (0 to 1)."""
    return "high" if strength >= high else "medium" if strength >= medium else "low"


def risk_views(
    risks: Sequence[TriggeredRisk],
    roadmap: Roadmap,
    look: Lookup,
    strengths: Sequence[float] = (),
    tiers: tuple[float, float] = (0.6, 0.3),
) -> list[View]:
    """The triggered risks, most severe first, with their likelihood (from `strengths`), sources
    and mitigating actions."""
    t = look.t
    scheduled = {a.id: a for a in roadmap.actions}
    left_out = {(x.risk, x.action): x for x in roadmap.left_out}
    views: list[View] = []
    for risk in risks:  # the engine orders them, most severe first
        mitigations = []
        for action_id in risk.mitigations:
            placed = scheduled.get(action_id)
            if placed is None:
                when = t("roadmap.not_planned")
            elif placed.start_week == placed.end_week:
                when = t("roadmap.week", week=placed.start_week)
            else:
                when = t("roadmap.weeks", start=placed.start_week, end=placed.end_week)
            reason = left_out.get((risk.id, action_id))
            if reason is not None:  # every mitigation is planned or says why it is not
                why_not = t(f"roadmap.left_out_{reason.reason.replace('-', '_')}")
                when = why_not if placed is None else f"{when}; {why_not}"
            elif placed is None and action_id in roadmap.done:
                when = t("roadmap.left_out_done")
            mitigations.append(
                {"title": look.action(action_id), "when": when, "planned": placed is not None}
            )
        strength = strengths[len(views)] if len(strengths) > len(views) else 0.5
        chance = likelihood(strength, *tiers)
        views.append(
            {
                "number": len(views) + 1,
                "likelihood": chance,
                "likelihood_label": t(f"likelihood.{chance}"),
                "id": risk.id,
                "anchor": f"risk-{risk.id}",
                "title": tr(risk.title, t.lang),
                "explanation": tr(risk.explanation, t.lang),
                "severity": risk.severity,
                "severity_label": t(f"severity.{risk.severity}"),
                "pillar": t.term("pillar", risk.pillar),
                "source": look.source(risk.source),
                "evidence": [word_evidence(fact, look) for fact in risk.evidence],
                "mitigations": mitigations,
            }
        )
    return views
