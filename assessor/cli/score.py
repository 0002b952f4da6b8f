"""`assessor score`: the verdict on one assessment, for a terminal or as JSON."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Mapping, Sequence

import click

from assessor.cli.options import AssessmentInput, assessment_options
from assessor.domain.content import Content
from assessor.domain.results import Assessment, DimensionScore, FrameworkScore, GateResult
from assessor.domain.schema import DisplayScale
from assessor.domain.text import clean_display, tr
from assessor.domain.units import display_scales, shown_against, shown_in_units
from assessor.services.results import assessment_json, describe_evidence, describe_unknown

WIDTH = 100
"""Wrap long texts (verdicts) at this width."""
NAME_LIMIT = 60
"""A respondent's name is cut past this many characters in the terminal."""


@click.command()
@assessment_options
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_context
def score(ctx: click.Context, assessment_input: AssessmentInput, fmt: str) -> None:
    """Score answers: readiness band, dimension scores, the risks triggered, disagreement."""
    assessment = assessment_input.assess(ctx.obj)
    lang = assessment_input.lang
    content = ctx.obj.workspace().content
    scales = display_scales(content)
    if fmt == "json":
        shown = assessment_json(assessment, lang, scales)
        click.echo(json.dumps(shown, indent=2, ensure_ascii=False))
    else:
        click.echo(render_assessment(assessment, lang, scales, content))


def _num(value: float | None, width: int = 5) -> str:
    return f"{'-':>{width}}" if value is None else f"{value:{width}.1f}"


def _out_of_100(value: float | None, thresholds: Sequence[float] = ()) -> str:
    return "no score" if value is None else f"{shown_against(value, thresholds):.1f}/100"


def render_assessment(
    assessment: Assessment,
    lang: str = "en",
    scales: Mapping[str, DisplayScale] | None = None,
    content: Content | None = None,
) -> str:
    """The assessment as a consultant reads it in a terminal, in each framework's units too;
    with the content, no score is printed across a band, level, target or floor it is read
    against."""
    bands = [b.min_score for b in content.readiness.bands] if content else []
    sections = [
        _readiness_lines(assessment, lang, bands),
        *(
            _framework_lines(f, lang, (scales or {}).get(f.id), _levels(content, f.id))
            for f in assessment.frameworks.values()
        ),
        _risk_lines(assessment, lang),
        _disagreement_lines(assessment, lang),
    ]
    if assessment.unknowns:
        sections.append(_unknown_lines(assessment, lang))
    return "\n\n".join("\n".join(lines) for lines in sections)


def _levels(content: Content | None, framework_id: str) -> list[float]:
    """The scores where a framework's maturity levels start (none without the content)."""
    framework = content.frameworks.get(framework_id) if content else None
    return [m.min_score for m in framework.maturity] if framework else []


def _readiness_lines(assessment: Assessment, lang: str, bands: Sequence[float]) -> list[str]:
    readiness = assessment.readiness
    people = ", ".join(
        f"{clean_display(r.name, NAME_LIMIT)} ({r.role})" for r in assessment.respondents
    )
    confidence = assessment.confidence
    score = _out_of_100(readiness.score, bands)
    lines = [
        f"{tr(assessment.questionnaire_title, lang)}: {len(assessment.respondents)} respondent(s): "
        f"{people}",
        f"READINESS: {tr(readiness.band_title, lang).upper()} ({score})",
        textwrap.fill(
            tr(readiness.verdict, lang), WIDTH, initial_indent="  ", subsequent_indent="  "
        ),
    ]
    if readiness.capped_by:
        lines.append(f"  Capped from '{readiness.uncapped_band}' by gate(s):")
    else:
        status = ", ".join(f"{g.id} {'passed' if g.passed else 'failed'}" for g in readiness.gates)
        lines.append(f"  Gates: {status or 'none'}")
    lines.extend(
        f"    - {gate.id}: {tr(gate.title, lang)}: {_gate_reasons(gate)} (band at most '{gate.cap}')"
        for gate in readiness.gates
        if gate.id in readiness.capped_by
    )
    lines.append(
        f"Confidence: {confidence.share:.0%} of the questions asked were answered "
        f"({confidence.answered} of {confidence.expected}; n/a counts as answered)"
        + (f'; {confidence.unknown} "don\'t know" (not scored)' if confidence.unknown else "")
    )
    return lines


def _gate_reasons(gate: GateResult) -> str:
    reasons = []
    if gate.failing:
        scores = ", ".join(
            f"{ref} {'no score' if value is None else f'{shown_against(value, [gate.floor]):.1f}'}"
            for ref, value in gate.failing.items()
        )
        reasons.append(f"below {gate.floor:g}: {scores}")
    if gate.risks:
        reasons.append(f"risk triggered: {', '.join(gate.risks)}")
    return "; ".join(reasons)


def _framework_lines(
    framework: FrameworkScore,
    lang: str,
    scale: DisplayScale | None = None,
    levels: Sequence[float] = (),
) -> list[str]:
    dimensions = list(framework.dimensions.values())
    names = [tr(d.title, lang) for d in dimensions]
    level_names = [_level(d, lang) for d in dimensions]
    name_width = max(len("Dimension"), *(len(n) for n in names))
    level_width = max(len("Level"), *(len(level) for level in level_names))
    header = (
        f"  {'Dimension':<{name_width}}  Score  {'Level':<{level_width}}  Target    Gap"
        "  Coverage     SD  Answers"
    )
    title = f"{tr(framework.title, lang)} ({framework.id}): {_out_of_100(framework.score)}"
    if scale is not None:
        title += f" = {shown_in_units(framework.score, scale)}"
        header += "  Units"
    lines = [title, header]
    for dimension, name, level in zip(dimensions, names, level_names, strict=True):
        shown = _shown_score(dimension, levels)
        row = (
            f"  {name:<{name_width}}  {_num(shown)}  {level:<{level_width}}  "
            f"{dimension.target:6.0f}  {_num(_shown_gap(dimension, shown))}  "
            f"{dimension.coverage:8.0%}  "
            f"{_num(dimension.spread.sd)}  {dimension.answers:7d}"
        )
        if scale is not None:
            row += f"  {shown_in_units(dimension.score, scale)}"
        lines.append(row)
    return lines


def _shown_score(dimension: DimensionScore, levels: Sequence[float]) -> float | None:
    """A dimension's score as printed: on neither side of its target or a level it is not on."""
    if dimension.score is None:
        return None
    return shown_against(dimension.score, [*levels, dimension.target])


def _shown_gap(dimension: DimensionScore, shown: float | None) -> float | None:
    """The gap as the printed score and target make it (49.96 against 50 reads 0.1, not 0.0)."""
    if dimension.gap is None or shown is None or dimension.gap <= 0:
        return dimension.gap
    return round(dimension.target - shown, 1)


def _level(dimension: DimensionScore, lang: str) -> str:
    if dimension.level is None:
        return "-"
    return f"{dimension.level} {tr(dimension.level_name, lang)}"


def _risk_lines(assessment: Assessment, lang: str) -> list[str]:
    if not assessment.risks:
        return ["RISKS: none triggered"]
    lines = [f"RISKS ({len(assessment.risks)}, most severe first):"]
    for risk in assessment.risks:
        lines.append(f"  [{risk.severity.upper()}] {tr(risk.title, lang)} ({risk.id})")
        lines.extend(f"      because {describe_evidence(fact)}" for fact in risk.evidence)
        lines.append(f"      mitigate with: {', '.join(risk.mitigations)}")
    return lines


def _disagreement_lines(assessment: Assessment, lang: str) -> list[str]:
    disagreement = assessment.disagreement
    lines = ["DISAGREEMENT:"]
    if disagreement.dimensions:
        lines.append(
            f"  Dimensions where respondents diverge (sd > {disagreement.dimension_threshold:g}):"
        )
        lines.extend(
            f"    {d.dimension}: sd {d.sd:.1f} (from {d.min:.1f} to {d.max:.1f})"
            for d in disagreement.dimensions
        )
    if disagreement.questions:
        lines.append(
            f"  Questions where respondents diverge (sd > {disagreement.question_threshold:g}):"
        )
        lines.extend(
            f"    {q.question}: sd {q.sd:.1f} (from {q.min:.1f} to {q.max:.1f}, "
            f"{q.respondents} respondents): {tr(q.text, lang)}"
            for q in disagreement.questions
        )
    if not disagreement.dimensions and not disagreement.questions:
        lines.append("  respondents broadly agree")
    gap = disagreement.perception_gap
    if gap.gap is None:
        lines.append("  Perception gap: needs at least one executive and one other respondent")
    else:
        flag = "  <- executives rate the company higher" if gap.flagged else ""
        lines.append(
            f"  Perception gap: executives {_num(gap.executive, 1)}, others {_num(gap.others, 1)}, "
            f"gap {gap.gap:+.1f}{flag}"
        )
    return lines


def _unknown_lines(assessment: Assessment, lang: str) -> list[str]:
    flagged = [u for u in assessment.unknowns if u.flagged]
    lines = [f"DON'T KNOW ({len(flagged)} question(s) where many could not say):"]
    lines.extend(
        f"  {'! ' if u.flagged else '  '}{describe_unknown(u)}: {tr(u.text, lang)}"
        for u in assessment.unknowns
    )
    return lines


COMMANDS = [score]
