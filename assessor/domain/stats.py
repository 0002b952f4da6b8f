"""The few statistics the engine uses: means, weighted means and the population spread."""

from __future__ import annotations

from collections.abc import Sequence
from math import fsum, sqrt


def mean(values: Sequence[float]) -> float | None:
    """The arithmetic mean, or None for no values."""
    return fsum(values) / len(values) if values else None


def weighted_mean(pairs: Sequence[tuple[float, float]]) -> float | None:
    """The weighted mean of (value, weight) pairs, or None when nothing weighs."""
    total = fsum(weight for _, weight in pairs)
    if total <= 0:
        return None
    return fsum(value * weight for value, weight in pairs) / total


def population_sd(values: Sequence[float]) -> float | None:
    """The population standard deviation, or None for no values."""
    centre = mean(values)
    if centre is None:
        return None
    return sqrt(fsum((v - centre) ** 2 for v in values) / len(values))
