"""Maturity levels, the overall readiness score, its band, and the gates that cap it."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from assessor.domain.results import FrameworkScore, GateResult, Readiness
from assessor.domain.schema import Framework, Gate, MaturityLevel, ReadinessModel
from assessor.domain.stats import weighted_mean


def maturity(framework: Framework, dimension_id: str, score: float | None) -> MaturityLevel | None:
    """The highest maturity level of the framework whose min_score the score reaches."""
    if score is None:
        return None
    reached = [level for level in framework.maturity if level.min_score <= score]
    return max(reached, key=lambda level: level.min_score) if reached else None


def readiness_score(
    model: ReadinessModel, frameworks: Mapping[str, FrameworkScore]
) -> float | None:
    """The weighted mean of the overall frameworks' scores (unscored frameworks left out)."""
    pairs = [
        (scored.score, entry.weight)
        for entry in model.overall
        if (scored := frameworks.get(entry.framework)) is not None and scored.score is not None
    ]
    return weighted_mean(pairs)


def band_index(model: ReadinessModel, score: float | None) -> int:
    """The position of the highest band whose min_score the score reaches (0 if unscored)."""
    if score is None:
        return 0
    reached = [i for i, band in enumerate(model.bands) if band.min_score <= score]
    return max(reached) if reached else 0


def gate_dimensions(
    model: ReadinessModel, gate: Gate, frameworks: Mapping[str, FrameworkScore]
) -> list[str]:
    """The dimension refs a gate checks; `all` means every dimension of the overall frameworks."""
    if gate.dimensions != "all":
        return list(gate.dimensions)
    return [
        f"{entry.framework}/{dimension_id}"
        for entry in model.overall
        if entry.framework in frameworks
        for dimension_id in frameworks[entry.framework].dimensions
    ]


def check_gate(
    model: ReadinessModel,
    gate: Gate,
    frameworks: Mapping[str, FrameworkScore],
    triggered: Collection[str] = (),
) -> GateResult:
    """A gate fails on a dimension below its floor (or unscored), or on a listed risk triggered."""
    failing: dict[str, float | None] = {}
    for ref in gate_dimensions(model, gate, frameworks):
        framework_id, _, dimension_id = ref.partition("/")
        framework = frameworks.get(framework_id)
        dimension = framework.dimensions.get(dimension_id) if framework else None
        score = dimension.score if dimension else None
        if score is None or score < gate.floor:
            failing[ref] = score
    risks = [risk for risk in gate.risks if risk in triggered]
    return GateResult(
        id=gate.id,
        title=gate.title,
        explanation=gate.explanation,
        passed=not failing and not risks,
        floor=gate.floor,
        cap=gate.cap,
        failing=failing,
        risks=risks,
    )


def assess_readiness(
    model: ReadinessModel,
    frameworks: Mapping[str, FrameworkScore],
    triggered: Collection[str] = (),
) -> Readiness:
    """Overall score and band; a failed gate caps the band however high the score."""
    score = readiness_score(model, frameworks)
    order = [band.id for band in model.bands]
    uncapped = band_index(model, score)
    gates = [check_gate(model, gate, frameworks, triggered) for gate in model.gates]
    capped = uncapped
    capped_by: list[str] = []
    for gate in gates:
        if gate.passed or gate.cap not in order:
            continue
        cap = order.index(gate.cap)
        if cap < uncapped:
            capped_by.append(gate.id)
            capped = min(capped, cap)
    band = model.bands[capped]
    return Readiness(
        score=score,
        band=band.id,
        band_title=band.title,
        verdict=band.verdict,
        uncapped_band=order[uncapped],
        capped_by=capped_by,
        gates=gates,
    )
