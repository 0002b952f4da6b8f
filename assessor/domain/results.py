"""The results of an assessment and of a roadmap: plain frozen data, JSON-ready."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import TypeAdapter

from assessor.domain.responses import Respondent
from assessor.domain.roadmap_results import (  # re-exported: roadmap results live there
    KpiPlanItem as KpiPlanItem,
)
from assessor.domain.roadmap_results import (
    LeftOut as LeftOut,
)
from assessor.domain.roadmap_results import (
    PhasePlan as PhasePlan,
)
from assessor.domain.roadmap_results import (
    Rationale as Rationale,
)
from assessor.domain.roadmap_results import (
    RationaleKind as RationaleKind,
)
from assessor.domain.roadmap_results import (
    Roadmap as Roadmap,
)
from assessor.domain.roadmap_results import (
    ScheduledAction as ScheduledAction,
)
from assessor.domain.roadmap_results import (
    SkipReason as SkipReason,
)
from assessor.domain.schema import Pillar, Severity
from assessor.domain.text import is_translated, tr
from assessor.domain.version import ENGINE_VERSION

Text = str | dict[str, str]
"""A text of the content as a result carries it: English, or every language it has."""


def to_plain(value: Any, lang: str = "en") -> Any:
    """Turn result dataclasses into JSON-ready dicts, lists, numbers and text in one language."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name), lang) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        if is_translated(value):
            return tr(value, lang)  # type: ignore[arg-type]
        return {str(k): to_plain(v, lang) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(v, lang) for v in value]
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


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
    """Each respondent's own score of the dimension, by respondent id."""

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


EvidenceKind = Literal["dimension", "unscored", "exceeds", "answers", "unanswered", "together"]
Relation = Literal["below", "at_least", "equals", "in"]


@dataclass(frozen=True)
class Evidence:
    """One fact behind a risk's verdict: a test of a dimension score or of respondents' answers.

    - `dimension`: `ref` scored `score`, tested `relation` (below, at_least) `threshold`;
    - `unscored`: `ref` (a dimension) has no score;
    - `exceeds`: `ref` scored `score` against `other_score` for `other`; `threshold` is the
      lead that counts;
    - `answers`: of the `of` respondents who answered question `ref`, `matched` gave an answer
      that is `relation` `values` (equals, in) or scored `relation` `threshold` (below,
      at_least; `by_score` when the answer's 0-100 score was compared, not a number);
    - `unanswered`: nobody answered question `ref`;
    - `together`: of the `of` respondents whose answers to the questions `values` can tell,
      `matched` met every test of an `all:` at once (it holds from the share `threshold`).

    `held` says whether this test held. The words are the report's and the command line's.
    """

    kind: EvidenceKind
    ref: str
    held: bool
    score: float | None = None
    other: str | None = None
    other_score: float | None = None
    threshold: float | None = None
    relation: Relation | None = None
    values: tuple[str, ...] = ()
    matched: int = 0
    of: int = 0
    by_score: bool = False


@dataclass(frozen=True)
class TriggeredRisk:
    """A failure risk whose condition holds, with the evidence that triggered it."""

    id: str
    title: Text
    explanation: Text
    severity: Severity
    pillar: Pillar
    source: Text
    evidence: list[Evidence]
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
    """The gap (executives minus others) of each dimension both groups scored."""
    executive_by_dimension: dict[str, float | None] = field(default_factory=dict)
    """Executives' mean own score of every dimension (None where none scored it)."""
    others_by_dimension: dict[str, float | None] = field(default_factory=dict)
    """Everyone else's mean own score of every dimension (None where none scored it)."""


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
    """The share each respondent answered, by respondent id."""
    unknown: int = 0
    """Answers that were "don't know": counted as answered, never scored."""


@dataclass(frozen=True)
class UnknownAnswers:
    """How many respondents said "don't know" to one question; flagged past the model's share.

    Not knowing is itself a finding: many who cannot say how something is done, or whether
    it exists, is evidence about that topic.
    """

    question: str
    text: Text
    dont_know: int
    answered: int
    share: float
    flagged: bool


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
    dont_know: int = 0


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
    content_fingerprint: str = ""
    """The fingerprint of the content it was scored with."""
    engine_version: str = ENGINE_VERSION
    """The version of the engine that scored it."""
    unknowns: list[UnknownAnswers] = field(default_factory=list)
    """Questions some respondents could not answer ("don't know"), most unknown first."""
    done_actions: list[str] = field(default_factory=list)
    """Roadmap actions whose `done_when` holds: the evidence shows them done."""

    def dimension(self, ref: str) -> DimensionScore | None:
        """The score of `framework/dimension`, or None if not scored here."""
        framework_id, _, dimension_id = ref.partition("/")
        framework = self.frameworks.get(framework_id)
        return framework.dimensions.get(dimension_id) if framework else None

    def dump(self) -> dict[str, Any]:
        """Everything, in every language, as JSON-ready data that `load` reads back equal."""
        return dict(_ASSESSMENT.dump_python(self, mode="json"))

    @staticmethod
    def load(data: Any) -> Assessment:
        """An assessment from the data `dump` wrote; ValueError when it is not one."""
        return _ASSESSMENT.validate_python(data)


_ASSESSMENT: TypeAdapter[Assessment] = TypeAdapter(Assessment)
