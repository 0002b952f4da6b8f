"""Page one's story, chosen from the facts: why the verdict, the findings that matter most,
what to do first, the decisions asked of the board, and the distance to the next band."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from assessor.domain.results import Assessment, GateResult, TriggeredRisk
from assessor.domain.text import tr
from assessor.reporting.lookup import Lookup
from assessor.reporting.rules import AnswerRule, Condition, FindingRules
from assessor.reporting.views import View
from assessor.reporting.wording import word_evidence

SHOWN_FAILING = 3
"""How many areas below a gate's floor page one names before counting the rest."""


@dataclass(frozen=True)
class Finding:
    """A candidate for page one: what it is, how much it matters (0-100), and its evidence."""

    id: str
    importance: float
    title: str
    evidence: tuple[str, ...]


def key_findings(look: Lookup, rules: FindingRules, count: int) -> list[Finding]:
    """The `count` findings that matter most, the most important first."""
    found = [
        *_perception(look, rules),
        *(f for rule in rules.answers if (f := _answers(rule, look)) is not None),
        *(_risk(risk, look, rules) for risk in look.assessment.risks),
        *_unknowns(look, rules),
    ]
    return sorted(found, key=lambda f: (-f.importance, f.id))[:count]


def fired_rules(look: Lookup, rules: FindingRules) -> set[str]:
    """The ids of the answer rules whose facts hold."""
    return {rule.id for rule in rules.answers if _answers(rule, look) is not None}


def _perception(look: Lookup, rules: FindingRules) -> list[Finding]:
    t, gap = look.t, look.assessment.disagreement.perception_gap
    if not gap.flagged or gap.gap is None:
        return []
    strength = min(1.0, abs(gap.gap) / rules.perception_gap_full)
    values = {
        "executive": t.number(gap.executive),
        "others": t.number(gap.others),
        "gap": t.number(abs(gap.gap)),
        "threshold": t.number(look.content.readiness.disagreement.perception_gap),
    }
    return [
        Finding(
            "perception-gap",
            rules.perception_gap * strength,
            t("findings.perception_gap", **values),
            (t("findings.perception_gap_evidence", **values),),
        )
    ]


def _unknowns(look: Lookup, rules: FindingRules) -> list[Finding]:
    """Questions many could not answer ("don't know"): not knowing is itself a finding."""
    t = look.t
    return [
        Finding(
            f"unknown:{u.question}",
            rules.unknowns * u.share,
            t("findings.unknown", question=tr(u.text, t.lang)),
            (
                t(
                    "findings.unknown_evidence",
                    matched=u.dont_know,
                    of=u.answered,
                    question=tr(u.text, t.lang),
                ),
            ),
        )
        for u in look.assessment.unknowns
        if u.flagged
    ]


def _answers(rule: AnswerRule, look: Lookup) -> Finding | None:
    t, a = look.t, look.assessment
    summary = a.questions.get(rule.question)
    if summary is None:
        return None
    if rule.at_least is not None:
        of = len(summary.numbers)
        matched = sum(1 for n in summary.numbers if n >= rule.at_least)
    else:
        of = sum(summary.counts.values())
        matched = sum(summary.counts.get(v, 0) for v in rule.values)
    if not of or matched / of < rule.min_share:
        return None
    question = look.question(rule.question)
    if rule.at_least is not None:
        evidence = [
            t(
                "findings.numbers",
                matched=matched,
                of=of,
                question=question,
                threshold=t.number(rule.at_least),
            )
        ]
    else:
        labels = t("evidence.or").join(look.option(rule.question, v) for v in rule.values)
        evidence = [t("findings.answers", matched=matched, of=of, question=question, values=labels)]
    if rule.while_below is not None:
        dim = a.dimension(rule.while_below.dimension)
        floor = rule.while_below.floor
        if dim is None or dim.score is None or dim.score >= floor:
            return None
        evidence.append(
            t(
                "evidence.dimension_below",
                dimension=look.dimension(dim.ref),
                score=t.score(dim.score, [floor]),
                threshold=t.number(floor),
            )
        )
    title = t(f"findings.rule.{rule.id}", matched=matched, of=of)
    return Finding(rule.id, rule.weight * matched / of, title, tuple(evidence))


def risk_strength(risk: TriggeredRisk) -> float:
    """How strongly the evidence shows a risk, 0 to 1: the widest share of respondents, or
    how far a dimension falls below its threshold (a fall of half the threshold counts in full)."""
    shares = []
    for fact in risk.evidence:
        if not fact.held:
            continue
        if fact.kind == "answers" and fact.of:
            shares.append(fact.matched / fact.of)
        elif fact.kind == "dimension" and fact.threshold and fact.score is not None:
            shares.append(min(1.0, 2 * abs(fact.threshold - fact.score) / fact.threshold))
        else:
            shares.append(0.5)
    return max(shares, default=0.5)


def _risk(risk: TriggeredRisk, look: Lookup, rules: FindingRules) -> Finding:
    weight = rules.risks.get(risk.severity, 0.0)
    evidence = tuple(word_evidence(f, look) for f in risk.evidence if f.held)
    return Finding(
        f"risk-{risk.id}", weight * risk_strength(risk), tr(risk.title, look.t.lang), evidence
    )


def failed_gates(look: Lookup) -> list[str]:
    """Each gate the verdict failed, in words: the areas below its floor or the risks it caught."""
    return [_word_gate(g, look) for g in look.assessment.readiness.gates if not g.passed]


def _word_gate(gate: GateResult, look: Lookup) -> str:
    t = look.t
    title = tr(gate.title, t.lang)
    if gate.failing:
        areas = sorted(
            {look.dimension(ref): score for ref, score in gate.failing.items()}.items(),
            key=lambda item: (item[1] is None, item[1] or 0.0),
        )
        frameworks = {ref.partition("/")[0] for ref in gate.failing}
        unit = frameworks.pop() if len(frameworks) == 1 else ""  # one framework: its units
        named = [f"{name} ({look.units(unit, score, [gate.floor])})" for name, score in areas]
        shown = named if len(named) <= SHOWN_FAILING + 1 else named[:SHOWN_FAILING]
        return t(
            "story.gate_areas",
            count=len(named),
            gate=title,
            floor=look.units(unit, gate.floor, []),
            areas=t("common.list_separator").join(shown),
            rest_text=t("story.rest", count=len(named) - len(shown))
            if len(named) > len(shown)
            else "",
        )
    risks = t("common.title_separator").join(look.risk(r) for r in gate.risks)
    return t("story.gate_risks", gate=title, risks=risks)


def next_band(look: Lookup) -> View | None:
    """The next band up and what it takes: points, areas to lift, risks to deal with."""
    t, r = look.t, look.assessment.readiness
    bands = sorted(look.content.readiness.bands, key=lambda b: b.min_score)
    rank = {b.id: i for i, b in enumerate(bands)}
    if r.band not in rank or rank[r.band] + 1 >= len(bands):
        return None
    target = bands[rank[r.band] + 1]
    needs = []
    if r.score is not None and r.score < target.min_score:
        needs.append(t("story.next_points", count=math.ceil(target.min_score - r.score)))
    for gate in r.gates:
        if gate.passed or rank.get(gate.cap, len(bands)) >= rank[target.id]:
            continue
        for ref in gate.failing:
            needs.append(
                t("story.next_floor", area=look.dimension(ref), floor=t.number(gate.floor))
            )
        needs.extend(t("story.next_risk", risk=look.risk(risk)) for risk in gate.risks)
    return {"band": tr(target.title, t.lang), "needs": list(dict.fromkeys(needs))}


def holds(when: Condition, assessment: Assessment, fired: set[str]) -> bool:
    """Whether every test of a decision's condition holds for these results."""
    r = assessment.readiness
    failed = {g.id for g in r.gates if not g.passed}
    return (
        (when.gates_failed is None or when.gates_failed == bool(failed))
        and (not when.failed_gates or bool(failed & set(when.failed_gates)))
        and (not when.findings or bool(fired & set(when.findings)))
        and (not when.bands or r.band in when.bands)
    )


def decisions(look: Lookup, rules: FindingRules, roadmap: View, next_days: View) -> list[str]:
    """The decisions asked of the board, worded, in the order the rules give them."""
    t, a = look.t, look.assessment
    fired = fired_rules(look, rules)
    failed = [tr(g.title, t.lang) for g in a.readiness.gates if not g.passed]
    values = {
        "days": next_days["days"],
        "weeks": next_days["weeks"],
        "count": len(next_days["actions"]),
        "total_weeks": roadmap["total_weeks"],
        "gates": t("common.title_separator").join(failed),
    }
    return [t(f"decisions.{d.id}", **values) for d in rules.decisions if holds(d.when, a, fired)]


def first_actions(next_days: View, count: int) -> Sequence[View]:
    """The first actions of the plan: critical ones first within each week, earliest first."""
    ordered = sorted(next_days["actions"], key=lambda x: (x["start_week"], not x["critical"]))
    return ordered[:count]
