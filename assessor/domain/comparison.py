"""Two assessments of one client compared: what moved, per dimension, band, risk and action."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from assessor.domain.results import Assessment, Roadmap


@dataclass(frozen=True)
class DimensionChange:
    """A dimension's score before and after, and the change (None where either is unscored)."""

    ref: str
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        """After minus before, in points."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class Comparison:
    """What moved between an earlier and a later assessment.

    `same_content` is False when the two were scored on different content (their fingerprints
    differ): their scores are then not strictly comparable until both are scored again on the
    newer content.
    """

    readiness_before: float | None
    readiness_after: float | None
    band_before: str
    band_after: str
    band_change: int
    """Bands moved: positive up, negative down, by the readiness model's order."""
    dimensions: list[DimensionChange]
    risks_resolved: list[str]
    risks_new: list[str]
    risks_remaining: list[str]
    actions_completed: list[str] = field(default_factory=list)
    actions_open: list[str] = field(default_factory=list)
    same_content: bool = True


def compare(
    before: Assessment,
    after: Assessment,
    bands: Collection[str],
    roadmap: Roadmap | None = None,
    done: Collection[str] = (),
) -> Comparison:
    """Compare an earlier assessment with a later one.

    `bands` is the readiness model's band ids, lowest first. With the earlier assessment's
    `roadmap` and the ids of its actions `done`, the comparison also lists which planned
    actions were completed and which are still open.
    """
    order = list(bands)
    refs = [d.ref for f in after.frameworks.values() for d in f.dimensions.values()] + [
        d.ref
        for f in before.frameworks.values()
        for d in f.dimensions.values()
        if after.dimension(d.ref) is None
    ]
    dimensions = [DimensionChange(ref, _score(before, ref), _score(after, ref)) for ref in refs]
    earlier = [r.id for r in before.risks]
    later = [r.id for r in after.risks]
    planned = [a.id for a in roadmap.actions] if roadmap is not None else []
    return Comparison(
        readiness_before=before.readiness.score,
        readiness_after=after.readiness.score,
        band_before=before.readiness.band,
        band_after=after.readiness.band,
        band_change=_rank(order, after.readiness.band) - _rank(order, before.readiness.band),
        dimensions=dimensions,
        risks_resolved=[r for r in earlier if r not in later],
        risks_new=[r for r in later if r not in earlier],
        risks_remaining=[r for r in later if r in earlier],
        actions_completed=[a for a in planned if a in done],
        actions_open=[a for a in planned if a not in done],
        same_content=before.content_fingerprint == after.content_fingerprint,
    )


def _score(assessment: Assessment, ref: str) -> float | None:
    dimension = assessment.dimension(ref)
    return dimension.score if dimension is not None else None


def _rank(order: list[str], band: str) -> int:
    return order.index(band) if band in order else 0
