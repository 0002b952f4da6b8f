"""Results for tools and terminals: the documented JSON, and facts as plain English lines.

Reports word the same facts in the report's language (reporting/); the command line and the
JSON keep the plain English below, with ids, as they have always printed it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from assessor.domain.content import Content
from assessor.domain.results import (
    Assessment,
    Evidence,
    LeftOut,
    Rationale,
    Roadmap,
    SkipReason,
    UnknownAnswers,
    to_plain,
)
from assessor.domain.schema import DisplayScale
from assessor.domain.text import tr
from assessor.domain.units import in_units, shown_against

SHOWN_IN_REASON = 3
"""How many areas a skipped phase's reason names before counting the rest."""


def number(value: float, thresholds: Sequence[float] = ()) -> str:
    """A score or threshold as a consultant reads it: `50`, `32.5`; a score never printed on or
    past a threshold it is compared with and has not reached (49.96 below 50 reads `49.9`)."""
    shown = shown_against(value, thresholds)
    return str(int(shown)) if float(shown).is_integer() else f"{shown:.1f}"


def describe_evidence(fact: Evidence) -> str:
    """One fact behind a risk, as the command line and the JSON print it."""
    if fact.kind == "unscored":
        return f"{fact.ref} has no score"
    if fact.kind == "unanswered":
        return f"{fact.ref}: no respondent answered"
    if fact.kind == "together":
        return (
            f"{fact.matched} of {fact.of} respondents gave every one of these answers at once: "
            + ", ".join(fact.values)
        )
    score, threshold = fact.score or 0.0, fact.threshold or 0.0
    if fact.kind == "dimension":
        if fact.relation == "below":
            relation = f"{'below' if fact.held else 'not below'} {number(threshold)}"
        else:
            relation = f"{'at least' if fact.held else 'below'} {number(threshold)}"
        return f"{fact.ref} scored {number(score, [threshold])} ({relation})"
    if fact.kind == "exceeds":
        other = fact.other_score or 0.0
        lead = score - other
        direction = "ahead" if lead >= 0 else "behind"
        return (
            f"{fact.ref} scored {number(score)} against {number(other)} for {fact.other} "
            f"({direction} by {number(abs(lead), [threshold] if lead >= 0 else [])}; "
            f"threshold {number(threshold)})"
        )
    verb = "scored" if fact.by_score else "answered"
    return f"{fact.ref}: {fact.matched} of {fact.of} respondents {verb} {_wanted(fact)}"


def _wanted(fact: Evidence) -> str:
    if fact.relation == "equals":
        return f"'{fact.values[0]}'" if fact.values else "''"
    if fact.relation == "in":
        return "one of " + ", ".join(f"'{v}'" for v in fact.values)
    word = "below" if fact.relation == "below" else "at least"
    return f"{word} {number(fact.threshold or 0.0)}"


def describe_rationale(why: Rationale, content: Content) -> str:
    """Why an action is planned, as the command line and the JSON print it."""
    if why.kind == "gap":
        target = [] if why.target is None else [why.target]
        return (
            f"{why.ref} is {_points(why.score, target)} against a target of {_points(why.target)}"
        )
    if why.kind == "risk":
        risk = content.risks.get(why.ref)
        return f"mitigates the risk '{tr(risk.title) if risk else why.ref}'"
    action = content.actions.get(why.ref)
    title = tr(action.title) if action else why.ref
    if why.kind == "prerequisite":
        return f"needed before '{title}' ({why.ref})"
    return f"rolls out, step by step, what '{title}' ({why.ref}) proved"


def _points(value: float | None, thresholds: Sequence[float] = ()) -> str:
    return "-" if value is None else f"{shown_against(value, thresholds):g}"


def describe_skip(skip: SkipReason | None) -> str:
    """Why a phase has nothing to do, as the command line and the JSON print it."""
    if skip is None:
        return ""
    if skip.no_actions:
        return "Nothing to do: the action library has no action for this phase."
    parts = []
    if skip.at_target:
        verb = "is" if len(skip.at_target) == 1 else "are"
        parts.append(f"{_some(skip.at_target)} {verb} at target")
    if skip.unassessed:
        verb = "was" if len(skip.unassessed) == 1 else "were"
        parts.append(f"{_some(skip.unassessed)} {verb} not assessed")
    if skip.below_target or skip.done:
        return _left_out_phase(skip, parts)
    return f"Nothing to do: {'; '.join(parts)}, and no risk calls for action here."


def _left_out_phase(skip: SkipReason, parts: list[str]) -> str:
    """A phase with no action although an area it covers is below target: what and why."""
    gaps = [f"{ref} (gap {number(round(gap, 1))})" for ref, gap in skip.below_target.items()]
    said = []
    if gaps:
        said.append(
            f"No action planned here, but {_some(gaps)} "
            f"{'is' if len(gaps) == 1 else 'are'} below target: the plan's allowance for "
            "these gaps went to actions of other phases"
        )
    if skip.done:
        said.append(f"the evidence shows {', '.join(skip.done)} done")
    return "; ".join([*said, *parts]) + "."


def describe_left_out(left: LeftOut) -> str:
    """Why a risk's mitigation is not in the plan (or not in time), as the CLI and JSON print it."""
    if left.reason == "done":
        return f"{left.action} (for {left.risk}): not planned, the evidence shows it done"
    if left.reason == "unknown-action":
        return f"{left.action} (for {left.risk}): not in the action library"
    if left.reason == "late":
        return (
            f"{left.action} (for critical {left.risk}): planned, but cannot start before "
            f"week {left.start_week}; bring it forward"
        )
    return (
        f"{left.action} (for {left.risk}): not in this plan, past the mitigations planned "
        "for the risk's severity; add it if the first ones are not enough"
    )


def _some(refs: Sequence[str], shown: int = SHOWN_IN_REASON) -> str:
    """`a`, `a and b`, `a, b and c`, or `a, b, c and 4 other areas`."""
    if len(refs) == 1:
        return refs[0]
    if len(refs) <= shown:
        return f"{', '.join(refs[:-1])} and {refs[-1]}"
    rest = len(refs) - shown
    return f"{', '.join(refs[:shown])} and {rest} other area{'s' if rest > 1 else ''}"


def describe_unknown(unknown: UnknownAnswers) -> str:
    """A question many could not answer, as the command line and the JSON print it."""
    people = "respondent" if unknown.answered == 1 else "respondents"
    finding = "; not knowing is itself a finding" if unknown.flagged else ""
    return (
        f"{unknown.question}: {unknown.dont_know} of {unknown.answered} {people} "
        f'answered "don\'t know"{finding}'
    )


def assessment_json(
    assessment: Assessment, lang: str = "en", scales: Mapping[str, DisplayScale] | None = None
) -> dict[str, Any]:
    """The documented JSON: readiness, frameworks, risks, disagreement, confidence, unknowns.

    A framework with a declared display scale (`scales`, see units.display_scales) also gets
    `display`, `score_in_units`, and per dimension `score_in_units` and `target_in_units`.
    """
    plain = to_plain(assessment, lang)
    for framework_id, scale in (scales or {}).items():
        shown = plain["frameworks"].get(framework_id)
        framework = assessment.frameworks.get(framework_id)
        if shown is None or framework is None:
            continue
        shown["display"] = {"min": scale.min, "max": scale.max, "decimals": scale.decimals}
        shown["score_in_units"] = in_units(framework.score, scale)
        for dimension_id, dimension in framework.dimensions.items():
            shown["dimensions"][dimension_id]["score_in_units"] = in_units(dimension.score, scale)
            shown["dimensions"][dimension_id]["target_in_units"] = in_units(dimension.target, scale)
    for unknown, shown in zip(assessment.unknowns, plain["unknowns"], strict=True):
        shown["finding"] = describe_unknown(unknown)
    for risk, shown in zip(assessment.risks, plain["risks"], strict=True):
        shown["evidence"] = [describe_evidence(fact) for fact in risk.evidence]
        shown["facts"] = to_plain(risk.evidence, lang)
    return {
        "questionnaire": plain["questionnaire"],
        "respondents": plain["respondents"],
        "readiness": plain["readiness"],
        "frameworks": plain["frameworks"],
        "risks": plain["risks"],
        "disagreement": plain["disagreement"],
        "confidence": plain["confidence"],
        "unknowns": plain["unknowns"],
        "content_fingerprint": plain["content_fingerprint"],
        "engine_version": plain["engine_version"],
    }


def roadmap_json(roadmap: Roadmap, content: Content, lang: str = "en") -> dict[str, Any]:
    """The documented JSON of the roadmap: phases, every action with why, the KPI plan."""
    plain = to_plain(roadmap, lang)
    for phase, shown in zip(roadmap.phases, plain["phases"], strict=True):
        shown["reason"] = describe_skip(phase.skip)
        for action, shown_action in zip(phase.actions, shown["actions"], strict=True):
            _explain_action(action.rationale, shown_action, content)
    plain["actions"] = [action for phase in plain["phases"] for action in phase["actions"]]
    for left, shown_left in zip(roadmap.left_out, plain["left_out"], strict=True):
        shown_left["text"] = describe_left_out(left)
    return dict(plain)


def _explain_action(
    rationale: Sequence[Rationale], shown: dict[str, Any], content: Content
) -> None:
    for why, entry in zip(rationale, shown["rationale"], strict=True):
        entry["text"] = describe_rationale(why, content)
