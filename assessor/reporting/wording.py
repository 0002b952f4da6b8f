"""The engine's facts worded in the report's language: risk evidence and why a phase rests."""

from __future__ import annotations

from collections.abc import Sequence

from assessor.domain.results import Evidence, SkipReason
from assessor.reporting.lookup import Lookup

SHOWN_AREAS = 3
"""How many areas a resting phase's reason names before counting the rest."""


def word_evidence(fact: Evidence, look: Lookup) -> str:
    """One fact behind a risk, in words a board member reads: titles and labels, never ids."""
    t = look.t
    if fact.kind == "unscored":
        return t("evidence.unscored", dimension=look.dimension(fact.ref))
    if fact.kind == "unanswered":
        return t("evidence.unanswered", question=look.question(fact.ref))
    if fact.kind == "together":
        questions = t("evidence.and").join(
            t("evidence.quoted", question=look.question(q)) for q in fact.values
        )
        return t("evidence.together", matched=fact.matched, of=fact.of, questions=questions)
    threshold = t.number(fact.threshold)
    if fact.kind == "dimension":
        wording = {
            ("below", True): "dimension_below",
            ("below", False): "dimension_not_below",
            ("at_least", True): "dimension_at_least",
            ("at_least", False): "dimension_under",
        }[(fact.relation or "below", fact.held)]
        return t(
            f"evidence.{wording}",
            dimension=look.dimension(fact.ref),
            score=t.number(fact.score),
            threshold=threshold,
        )
    if fact.kind == "exceeds":
        lead = abs((fact.score or 0.0) - (fact.other_score or 0.0))
        return t(
            "evidence.exceeds",
            dimension=look.dimension(fact.ref),
            score=t.number(fact.score),
            other=look.dimension(fact.other or ""),
            other_score=t.number(fact.other_score),
            lead=t.number(lead),
            threshold=threshold,
        )
    counts = {"matched": fact.matched, "of": fact.of, "question": look.question(fact.ref)}
    if fact.relation in ("equals", "in"):
        labels = [look.option(fact.ref, value) for value in fact.values]
        return t("evidence.answers_values", values=t("evidence.or").join(labels), **counts)
    kind = "answers" if fact.by_score else "numbers"
    relation = "below" if fact.relation == "below" else "at_least"
    return t(f"evidence.{kind}_{relation}", threshold=threshold, **counts)


def word_skip(skip: SkipReason | None, look: Lookup) -> str:
    """Why a phase has nothing to do, in the report's language."""
    t = look.t
    if skip is None:
        return ""
    if skip.no_actions:
        return t("roadmap.skip_no_actions")
    parts = []
    if skip.at_target:
        parts.append(t("roadmap.skip_at_target", areas=_areas(skip.at_target, look)))
    if skip.unassessed:
        parts.append(t("roadmap.skip_unassessed", areas=_areas(skip.unassessed, look)))
    separator = t("common.title_separator")
    if not skip.below_target and not skip.done:
        return t("roadmap.skip_reason", parts=separator.join(parts))
    left = []  # an area below target: never "nothing to do", say what was left out and why
    if skip.below_target:
        gaps = [
            t("roadmap.area_gap", area=look.dimension(ref), gap=t.number(gap))
            for ref, gap in skip.below_target.items()
        ]
        left.append(t("roadmap.skip_below_target", areas=_named(gaps, look)))
    if skip.done:
        done = [look.action(a) for a in skip.done]
        left.append(t("roadmap.skip_done", actions=_named(done, look)))
    return t("roadmap.skip_left_out", parts=separator.join(left + parts))


def _areas(refs: Sequence[str], look: Lookup) -> str:
    return _named([look.dimension(ref) for ref in refs], look)


def _named(items: Sequence[str], look: Lookup) -> str:
    titles = list(dict.fromkeys(items))
    named = look.t("common.list_separator").join(titles[:SHOWN_AREAS])
    if len(titles) <= SHOWN_AREAS:
        return named
    return look.t("roadmap.skip_more", shown=named, count=len(titles) - SHOWN_AREAS)
