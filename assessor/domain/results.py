"""The results of an assessment and of a roadmap: plain frozen data, JSON-ready."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assessor.domain.text import tr

Text = str | dict[str, str]
ROLES = ("executive", "manager", "staff", "it", "external")


def to_plain(value: Any, lang: str = "en") -> Any:
    """Turn result dataclasses into JSON-ready dicts, lists, numbers and text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name), lang) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        if value and all(isinstance(k, str) for k in value) and _is_text(value):
            return tr(value, lang)  # type: ignore[arg-type]
        return {str(k): to_plain(v, lang) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(v, lang) for v in value]
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _is_text(value: Mapping[str, Any]) -> bool:
    return (
        "en" in value
        and all(isinstance(v, str) for v in value.values())
        and all(len(k) in (2, 5) for k in value)
    )


# --- input ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Respondent:
    """Who answered: name, role, and the file the answers came from."""

    name: str
    role: str
    source: str


@dataclass(frozen=True)
class Response:
    """One respondent's answers, already checked against the questionnaire.

    Values: an option value as text, a tuple of option values (multiple choice),
    a float (number), free text, or `NOT_APPLICABLE`.
    """

    respondent: Respondent
    answers: Mapping[str, str | float | tuple[str, ...]]
    evidence: Mapping[str, str] = field(default_factory=dict)
    comments: Mapping[str, str] = field(default_factory=dict)


# --- scores ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spread:
    """How far respondents' scores lie apart (population standard deviation)."""

    sd: float | None
    min: float | None
    max: float | None


@dataclass(frozen=True)
class Driver:
    """A question's contribution to a dimension score."""

    question: str
    text: Text
    score: float | None
    weight: float
    share: float
    answers: int


@dataclass(frozen=True)
class DimensionScore:
    """A dimension's score, maturity, target and gap, and how respondents saw it."""

    framework: str
    id: str
    title: Text
    score: float | None
    level: int | None
    level_name: Text | None
    descriptor: Text | None
    target: float
    gap: float | None
    answers: int
    coverage: float
    spread: Spread
    by_role: dict[str, float]
    drivers: list[Driver]
    by_respondent: dict[str, float] = field(default_factory=dict)

    @property
    def ref(self) -> str:
        """The dimension as `framework/dimension`."""
        return f"{self.framework}/{self.id}"


@dataclass(frozen=True)
class FrameworkScore:
    """A framework's weighted score and its dimensions in framework order."""

    id: str
    title: Text
    source: Text
    score: float | None
    dimensions: dict[str, DimensionScore]


@dataclass(frozen=True)
class GateResult:
    """Whether a gating rule passed, which dimensions failed its floor, which risks it caught."""

    id: str
    title: Text
    explanation: Text
    passed: bool
    floor: float
    cap: str
    failing: dict[str, float | None]
    risks: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Readiness:
    """The overall verdict: score 0-100, band (capped by gates) and why."""

    score: float | None
    band: str
    band_title: Text
    verdict: Text
    uncapped_band: str
    capped_by: list[str]
    gates: list[GateResult]


@dataclass(frozen=True)
class TriggeredRisk:
    """A failure risk whose condition holds, with the evidence that triggered it."""

    id: str
    title: Text
    explanation: Text
    severity: str
    pillar: str
    source: Text
    evidence: list[str]
    mitigations: list[str]


@dataclass(frozen=True)
class QuestionSpread:
    """A question on which respondents diverge."""

    question: str
    text: Text
    sd: float
    min: float
    max: float
    respondents: int


@dataclass(frozen=True)
class DimensionSpread:
    """A dimension on which respondents diverge."""

    dimension: str
    sd: float
    min: float
    max: float


@dataclass(frozen=True)
class PerceptionGap:
    """Executives' scores against everyone else's, per dimension and overall."""

    executive: float | None
    others: float | None
    gap: float | None
    flagged: bool
    dimensions: dict[str, float]


@dataclass(frozen=True)
class Disagreement:
    """Where respondents diverge beyond the thresholds, and the executive perception gap."""

    dimension_threshold: float
    question_threshold: float
    dimensions: list[DimensionSpread]
    questions: list[QuestionSpread]
    perception_gap: PerceptionGap


@dataclass(frozen=True)
class Confidence:
    """The share of the questionnaire answered (n/a counts as answered, not as scored)."""

    share: float
    answered: int
    expected: int
    by_respondent: dict[str, float]


@dataclass(frozen=True)
class QuestionSummary:
    """Every answer to one question, for the appendix and the dimension pages."""

    question: str
    text: Text
    type: str
    mean_score: float | None
    counts: dict[str, int]
    numbers: list[float]
    texts: list[str]
    not_applicable: int
    unanswered: int
    evidence: list[str]
    comments: list[str]


@dataclass(frozen=True)
class Assessment:
    """Everything scored from one questionnaire and its respondents."""

    questionnaire: str
    questionnaire_title: Text
    respondents: list[Respondent]
    readiness: Readiness
    frameworks: dict[str, FrameworkScore]
    risks: list[TriggeredRisk]
    disagreement: Disagreement
    confidence: Confidence
    questions: dict[str, QuestionSummary]

    def dimension(self, ref: str) -> DimensionScore | None:
        """The score of `framework/dimension`, or None if not scored here."""
        framework_id, _, dimension_id = ref.partition("/")
        framework = self.frameworks.get(framework_id)
        return framework.dimensions.get(dimension_id) if framework else None

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """The documented JSON: readiness, frameworks, risks, disagreement, confidence."""
        plain = to_plain(self, lang)
        return {
            "questionnaire": plain["questionnaire"],
            "respondents": plain["respondents"],
            "readiness": plain["readiness"],
            "frameworks": plain["frameworks"],
            "risks": plain["risks"],
            "disagreement": plain["disagreement"],
            "confidence": plain["confidence"],
        }


# --- roadmap ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rationale:
    """Why an action is in the plan: a gap, a risk, being a prerequisite, or following a pilot."""

    kind: str  # "gap" | "risk" | "prerequisite" | "follow-up"
    ref: str
    text: str


@dataclass(frozen=True)
class ScheduledAction:
    """An action placed in the schedule (weeks are 1-based and inclusive)."""

    id: str
    title: Text
    description: Text
    phase: str
    effort: str
    impact: str
    duration_weeks: int
    start_week: int
    end_week: int
    start: dt.date | None
    end: dt.date | None
    prerequisites: list[str]
    rationale: list[Rationale]
    kpis: list[str]
    deliverables: list[Text]
    quick_win: bool
    critical: bool
    source: Text
    assumed_in_place: list[str] = field(default_factory=list)
    """Prerequisites left out of the plan because their areas are at target (see docs/roadmap.md)."""


@dataclass(frozen=True)
class PhasePlan:
    """A methodology phase with its actions, or the reason it is skipped."""

    id: str
    title: Text
    description: Text
    skipped: bool
    reason: str
    start_week: int | None
    end_week: int | None
    actions: list[ScheduledAction]


@dataclass(frozen=True)
class KpiPlanItem:
    """A KPI to track: what it measures, how, and blanks for baseline and target."""

    id: str
    title: Text
    measures: Text
    how: Text
    unit: Text
    direction: str
    baseline: float | None
    target: float | None
    moved_by: list[str]


@dataclass(frozen=True)
class Roadmap:
    """The phased plan: phases in methodology order, schedule, quick wins, KPI plan."""

    start: dt.date | None
    total_weeks: int
    phases: list[PhasePlan]
    critical_path: list[str]
    quick_wins: list[str]
    kpi_plan: list[KpiPlanItem]

    @property
    def actions(self) -> list[ScheduledAction]:
        """Every scheduled action, phase by phase."""
        return [action for phase in self.phases for action in phase.actions]

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """The documented JSON of the roadmap."""
        plain = to_plain(self, lang)
        plain["actions"] = [to_plain(a, lang) for a in self.actions]
        return dict(plain)
