"""The rules that choose page one's findings and the board's decisions (reports/findings.yaml)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from assessor.reporting.settings import find_file, read_report_yaml, validated

FINDINGS_FILE = "findings.yaml"
Weight = Annotated[float, Field(ge=0, le=100)]


class Strict(BaseModel):
    """A rule: unknown keys refused, frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Floor(Strict):
    """A dimension (`framework/dimension`) below a floor."""

    dimension: str
    floor: float


class AnswerRule(Strict):
    """A finding when at least `min_share` of those who answered `question` chose one of
    `values` (or gave a number of `at_least`), optionally only while a dimension is below a floor."""

    id: str
    question: str
    values: list[str] = []
    at_least: float | None = None
    min_share: Annotated[float, Field(gt=0, le=1)] = 0.5
    weight: Weight
    while_below: Floor | None = None


class Condition(Strict):
    """When a decision is asked: every given test holds (a list holds when any member does)."""

    gates_failed: bool | None = None
    failed_gates: list[str] = []
    findings: list[str] = []
    bands: list[str] = []


class Decision(Strict):
    """A decision asked of the board (worded by `decisions.<id>`) and when it is asked."""

    id: str
    when: Condition = Condition()


class FindingRules(Strict):
    """How much each kind of finding matters (0-100) and which decisions follow from the facts."""

    perception_gap: Weight = 100.0
    perception_gap_full: Annotated[float, Field(gt=0)] = 30.0
    """The gap (points) at which the perception-gap finding counts in full."""
    risks: dict[str, Weight] = {"critical": 70.0, "high": 45.0, "medium": 25.0, "low": 10.0}
    unknowns: Weight = 40.0
    """A question many answered "don't know" (times the share who did)."""
    answers: list[AnswerRule] = []
    decisions: list[Decision] = []


def load_rules(dirs: Sequence[Path]) -> FindingRules:
    """The finding rules in force: the first findings.yaml found, else the defaults."""
    path = find_file(dirs, FINDINGS_FILE)
    return FindingRules() if path is None else validated(FindingRules, read_report_yaml(path))
