"""The content format: one pydantic model per kind of YAML file, unknown keys refused."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    TypeAdapter,
    model_validator,
)

from assessor.domain.text import Text

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
"""A stable id: lower-case words joined by hyphens, e.g. `no-executive-sponsor`."""

DimensionRef = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+/[a-z0-9-]+$")]
"""A dimension named with its framework: `gartner-8/strategy`."""

Scalar = bool | int | float | str
MAX_NUMBER = 1_000_000.0
"""Weights, scores and thresholds stay within this magnitude (finite, so sums cannot overflow)."""
Number = Annotated[float, Field(allow_inf_nan=False, ge=-MAX_NUMBER, le=MAX_NUMBER)]
Weight = Annotated[float, Field(allow_inf_nan=False, ge=0, le=MAX_NUMBER)]
Score0to100 = Annotated[float, Field(ge=0, le=100)]

Audience = Id
"""An audience id the readiness model defines (default: executive, workshop)."""
QuestionType = Literal["scale", "single", "multiple", "yesno", "number", "text"]
Severity = Literal["low", "medium", "high", "critical"]
Level3 = Literal["low", "medium", "high"]
Pillar = Id
"""A risk pillar id the readiness model defines (default: strategy, people, process, ...)."""
Step = Literal["pilot", "rollout"]
"""What an action is in a staged introduction: a pilot, or the rollout that follows one."""

SEVERITY_RANK: dict[str, int] = {"critical": 4, "high": 3, "medium": 2, "low": 1}
CHOICE_TYPES = frozenset({"scale", "single", "multiple", "yesno"})


class Strict(BaseModel):
    """Base of every content model: frozen, unknown keys refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- frameworks -----------------------------------------------------------------------


class Dimension(Strict):
    """One area a framework measures, e.g. a 'strategy' dimension."""

    id: Id
    title: Text
    description: Text
    weight: Weight = 1.0
    depends_on: list[Id] = []
    source: Text | None = None


class MaturityLevel(Strict):
    """A rung of the maturity scale with what it looks like on each dimension."""

    level: Annotated[int, Field(ge=0, le=10)]
    name: Text
    min_score: Score0to100
    summary: Text | None = None
    descriptors: dict[Id, Text]


class ScaleLevel(Strict):
    """A name for a value of a framework's display scale, e.g. 2 "Defined"."""

    value: Number
    name: Text


class DisplayScale(Strict):
    """How a framework's scores are shown: 0 to 100 inside, `min` to `max` on the page, with
    optional names for values of the scale (`levels`), shown beside a score that reaches them."""

    min: Number = 0.0
    max: Number = 100.0
    decimals: Annotated[int, Field(ge=0, le=4)] = 1
    levels: list[ScaleLevel] = Field(
        default=[],
        description="names for values of the scale, e.g. [{value: 0, name: Absent}, ...]",
    )

    @model_validator(mode="after")
    def _rises(self) -> DisplayScale:
        if self.max <= self.min:
            raise ValueError("'max' must be greater than 'min'")
        values = [level.value for level in self.levels]
        for number, value in enumerate(values):
            if not self.min <= value <= self.max:
                raise ValueError(
                    f"levels[{number}].value {value:g} is outside the scale "
                    f"{self.min:g} to {self.max:g}"
                )
            if value in values[:number]:
                raise ValueError(f"levels[{number}].value {value:g} is named twice")
        return self


class Framework(Strict):
    """A framework: ordered dimensions and a maturity scale, with its source."""

    kind: Literal["framework"]
    id: Id
    title: Text
    short_title: Text | None = None
    description: Text
    source: Text
    dimensions: Annotated[list[Dimension], Field(min_length=1)]
    maturity: Annotated[list[MaturityLevel], Field(min_length=2)]
    display: DisplayScale | None = Field(
        default=None,
        description="the scale scores are shown in, e.g. {min: 0, max: 3, decimals: 2}",
    )


# --- questions ------------------------------------------------------------------------


class Option(Strict):
    """One answer a respondent can pick, with the score it earns."""

    value: Scalar
    label: Text
    score: Number
    help: Text | None = None


class AnswerSet(Strict):
    """A reusable list of options (a Likert scale, say) that questions refer to by id."""

    id: Id
    title: Text | None = None
    options: Annotated[list[Option], Field(min_length=2)]


class Mapping(Strict):
    """A framework dimension an answer feeds, and how much it counts there."""

    dimension: DimensionRef
    weight: Weight = 1.0


class ShowCondition(Strict):
    """Show a question only when an earlier answer has one of the given values."""

    question: Id
    equals: Scalar | None = None
    in_: Annotated[list[Scalar] | None, Field(alias="in")] = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_test(self) -> ShowCondition:
        if (self.equals is None) == (self.in_ is None):
            raise ValueError("give exactly one of 'equals' or 'in'")
        return self

    def accepted(self) -> list[Scalar]:
        """The values of the earlier answer that show the question."""
        return [self.equals] if self.in_ is None else list(self.in_)  # type: ignore[list-item]


class NumberBand(Strict):
    """For number questions: answers from `min` upwards earn `score`."""

    min: Number
    score: Number


class Question(Strict):
    """A question of the bank: how it is asked, scored and mapped to frameworks."""

    id: Id
    text: Text
    help: Text | None = None
    type: QuestionType
    options: list[Option] | None = None
    answers: Id | None = Field(default=None, description="id of an answer set to use as options")
    not_applicable: bool = False
    dont_know: bool = False
    weight: Weight = 1.0
    audience: Annotated[list[Audience], Field(min_length=1)]
    maps_to: list[Mapping] = []
    condition: ShowCondition | None = None
    evidence: Text | None = None
    min: Number | None = None
    max: Number | None = None
    unit: Text | None = None
    score_bands: list[NumberBand] | None = None
    source: Text | None = None

    @model_validator(mode="after")
    def _shape_fits_type(self) -> Question:
        if self.type in CHOICE_TYPES:
            if self.options is None and self.answers is None:
                raise ValueError(f"a {self.type} question needs 'options' or 'answers'")
            if self.options is not None and self.answers is not None:
                raise ValueError("give 'options' or 'answers', not both")
        elif self.options is not None or self.answers is not None:
            raise ValueError(f"a {self.type} question takes no options")
        if self.type != "number" and (
            self.score_bands or self.min is not None or self.max is not None
        ):
            raise ValueError("'min', 'max' and 'score_bands' belong to number questions")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("'min' is greater than 'max'")
        if self.type == "text" and self.maps_to:
            raise ValueError("a text question is not scored and cannot map to dimensions")
        if self.type == "number" and self.maps_to and not self.score_bands:
            raise ValueError("a scored number question needs 'score_bands'")
        return self

    @property
    def scored(self) -> bool:
        """Whether answers to this question feed dimension scores."""
        return bool(self.maps_to)


class QuestionBank(Strict):
    """A file of questions and answer sets; any question may use any bank's answer sets."""

    kind: Literal["question-bank"]
    id: Id
    title: Text
    answer_sets: list[AnswerSet] = []
    questions: list[Question] = []

    @model_validator(mode="after")
    def _holds_something(self) -> QuestionBank:
        if not self.questions and not self.answer_sets:
            raise ValueError("a question bank needs 'questions' or 'answer_sets'")
        return self


class Section(Strict):
    """A titled group of questions in a questionnaire, asked in this order."""

    id: Id
    title: Text
    description: Text | None = None
    questions: Annotated[list[Id], Field(min_length=1)]


class Questionnaire(Strict):
    """Which questions are asked, in which sections and order, for which audience."""

    kind: Literal["questionnaire"]
    id: Id
    title: Text
    description: Text
    audience: Audience
    duration_minutes: Annotated[int, Field(ge=1)]
    frameworks: Annotated[list[Id], Field(min_length=1)]
    sections: Annotated[list[Section], Field(min_length=1)]

    def question_ids(self) -> list[str]:
        """Every question id in asking order."""
        return [qid for section in self.sections for qid in section.questions]


# --- conditions over scores and answers ------------------------------------------------


class DimensionTest(Strict):
    """True when a dimension's score is below, or at least, a threshold."""

    dimension: DimensionRef
    below: Score0to100 | None = None
    at_least: Score0to100 | None = None

    @model_validator(mode="after")
    def _one_test(self) -> DimensionTest:
        if (self.below is None) == (self.at_least is None):
            raise ValueError("give exactly one of 'below' or 'at_least'")
        return self


class AnswerTest(Strict):
    """True when at least `share` of respondents gave a matching answer."""

    answer: Id
    equals: Scalar | None = None
    in_: Annotated[list[Scalar] | None, Field(alias="in")] = None
    below: Number | None = None
    at_least: Number | None = None
    share: Annotated[float, Field(gt=0, le=1)] = 0.5

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_test(self) -> AnswerTest:
        given = [x for x in (self.equals, self.in_, self.below, self.at_least) if x is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of 'equals', 'in', 'below' or 'at_least'")
        return self


class Exceeds(Strict):
    """The two dimensions compared by an `exceeds` test."""

    dimension: DimensionRef
    over: DimensionRef
    by: Annotated[float, Field(allow_inf_nan=False, ge=0, le=100)] = 0


class ExceedsTest(Strict):
    """True when one dimension scores more than another by at least `by` points."""

    exceeds: Exceeds


class AllOf(Strict):
    """True when every condition holds.

    When it tests answers, it is judged per respondent: it holds when at least `share` of the
    respondents whose answers can tell meet every test at once (a test of a dimension score
    holds or fails for everyone alike).
    """

    all: Annotated[list[Condition], Field(min_length=1)]
    share: Annotated[float, Field(gt=0, le=1)] = 0.5


class AnyOf(Strict):
    """True when at least one condition holds."""

    any: Annotated[list[Condition], Field(min_length=1)]


class NotOf(Strict):
    """True when the condition does not hold."""

    not_: Annotated[Condition, Field(alias="not")]

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


CONDITION_KEYS = ("all", "any", "not", "dimension", "answer", "exceeds")


def _condition_kind(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        return {
            AllOf: "all",
            AnyOf: "any",
            NotOf: "not",
            DimensionTest: "dimension",
            AnswerTest: "answer",
            ExceedsTest: "exceeds",
        }.get(type(value))
    if isinstance(value, dict):
        for key in CONDITION_KEYS:
            if key in value:
                return key
    return None


Condition = Annotated[
    Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[NotOf, Tag("not")]
    | Annotated[DimensionTest, Tag("dimension")]
    | Annotated[AnswerTest, Tag("answer")]
    | Annotated[ExceedsTest, Tag("exceeds")],
    Discriminator(
        _condition_kind,
        custom_error_type="condition",
        custom_error_message="a condition starts with one of: " + ", ".join(CONDITION_KEYS),
    ),
]
"""A declarative test over dimension scores and answers (never evaluated as code)."""


# --- risks, actions, KPIs ----------------------------------------------------------------


class Risk(Strict):
    """A classic way projects fail, when it is triggered, and what mitigates it."""

    id: Id
    title: Text
    explanation: Text
    source: Text
    severity: Severity
    pillar: Pillar
    when: Condition
    mitigations: Annotated[list[Id], Field(min_length=1)]


class RiskCatalogue(Strict):
    """The failure-risk catalogue."""

    kind: Literal["risk-catalogue"]
    id: Id
    title: Text
    risks: Annotated[list[Risk], Field(min_length=1)]


class Recurrence(Strict):
    """Recurring work: after its first `duration_weeks`, it repeats every `every_weeks`."""

    every_weeks: Annotated[int, Field(ge=1, le=52)]


class Action(Strict):
    """A roadmap action: what to do, in which phase, how long, and what it raises.

    `done_when` is a condition over the answers (the risk condition language): when it holds,
    the evidence shows the action done and it is never recommended. `scales` says whether its
    duration follows the roadmap model's `duration_scale` (company size). `step` declares a
    pilot or a rollout: a planned rollout brings back the way to its pilot (see RoadmapModel).
    """

    id: Id
    title: Text
    description: Text
    phase: Id
    effort: Level3
    impact: Level3
    duration_weeks: Annotated[int, Field(ge=1, le=104)]
    prerequisites: list[Id] = []
    raises: Annotated[list[DimensionRef], Field(min_length=1)]
    kpis: list[Id] = []
    deliverables: list[Text] = []
    source: Text
    done_when: Condition | None = None
    recurring: Recurrence | None = None
    scales: bool = False
    scales_by: Id | None = Field(
        default=None,
        description="the roadmap model's `scale_by` rule whose answer sets this action's duration",
    )
    side_work: bool = Field(
        default=False,
        description=(
            "work that runs beside the phases after its own: their phase gates do not wait for it"
        ),
    )
    step: Step | None = Field(
        default=None,
        description="'pilot' or 'rollout': a planned rollout brings back the way to its pilot",
    )


class ActionLibrary(Strict):
    """The library of roadmap actions."""

    kind: Literal["action-library"]
    id: Id
    title: Text
    actions: Annotated[list[Action], Field(min_length=1)]


class Kpi(Strict):
    """A programme KPI: what it measures, how, and which way is better."""

    id: Id
    title: Text
    measures: Text
    how: Text
    unit: Text
    direction: Literal["up", "down"]
    source: Text


class KpiCatalogue(Strict):
    """The KPIs a roadmap's KPI plan draws on."""

    kind: Literal["kpi-catalogue"]
    id: Id
    title: Text
    kpis: Annotated[list[Kpi], Field(min_length=1)]


# --- readiness and roadmap models ---------------------------------------------------------


class FrameworkWeight(Strict):
    """How much a framework's overall score counts in the readiness score."""

    framework: Id
    weight: Weight = 1.0


class Band(Strict):
    """A readiness band, reached from `min_score` upwards unless a gate caps it."""

    id: Id
    title: Text
    min_score: Score0to100
    verdict: Text


class Gate(Strict):
    """A gating rule: while a listed dimension is below `floor`, or a listed risk is
    triggered, the band is at most `cap`."""

    id: Id
    title: Text
    explanation: Text
    source: Text
    dimensions: list[DimensionRef] | Literal["all"] = []
    floor: Score0to100 = 0
    risks: list[Id] = []
    cap: Id

    @model_validator(mode="after")
    def _tests_something(self) -> Gate:
        if not self.dimensions and not self.risks:
            raise ValueError("a gate needs 'dimensions' (with a 'floor') or 'risks'")
        return self


class Thresholds(Strict):
    """When respondents are said to disagree, in score points."""

    dimension_sd: Annotated[float, Field(allow_inf_nan=False, gt=0, le=100)] = 20.0
    question_sd: Annotated[float, Field(allow_inf_nan=False, gt=0, le=100)] = 30.0
    perception_gap: Annotated[float, Field(allow_inf_nan=False, gt=0, le=100)] = 15.0
    dont_know_share: Annotated[float, Field(allow_inf_nan=False, gt=0, le=1)] = 0.3
    """A question is flagged when at least this share of its answers are "don't know"."""


class Term(Strict):
    """An audience or a risk pillar the content defines: an id and how it reads."""

    id: Id
    title: Text | None = None


class RoleTerm(Strict):
    """A respondent role; `perception` marks the roles compared with everyone else."""

    id: Id
    title: Text
    perception: bool = Field(
        default=False,
        description="its respondents' scores are compared with everyone else's (perception gap)",
    )


DEFAULT_ROLES: list[RoleTerm] = [
    RoleTerm(id="executive", title={"en": "Executive", "ru": "Руководитель"}, perception=True),
    RoleTerm(id="manager", title={"en": "Manager", "ru": "Менеджер"}),
    RoleTerm(id="staff", title={"en": "Staff", "ru": "Сотрудник"}),
    RoleTerm(id="it", title={"en": "IT", "ru": "ИТ"}),
    RoleTerm(id="external", title={"en": "External", "ru": "Внешний участник"}),
]
"""The roles when the readiness model names none: today's five, executives compared."""
DEFAULT_AUDIENCES: list[Term] = [
    Term(id="executive", title={"en": "Executives", "ru": "Руководители"}),
    Term(id="workshop", title={"en": "Workshop", "ru": "Рабочая сессия"}),
]
DEFAULT_PILLARS: list[Term] = [
    Term(id="strategy", title={"en": "Strategy", "ru": "Стратегия"}),
    Term(id="people", title={"en": "People", "ru": "Люди"}),
    Term(id="process", title={"en": "Process", "ru": "Процессы"}),
    Term(id="technology", title={"en": "Technology", "ru": "Технологии"}),
    Term(id="data", title={"en": "Data", "ru": "Данные"}),
]


class ReadinessModel(Strict):
    """How dimension scores become a readiness score, band and gates."""

    kind: Literal["readiness-model"]
    id: Id
    title: Text
    source: Text
    default_target: Score0to100 = 70.0
    overall: Annotated[list[FrameworkWeight], Field(min_length=1)]
    bands: Annotated[list[Band], Field(min_length=2)]
    gates: list[Gate] = []
    disagreement: Thresholds = Thresholds()
    roles: Annotated[list[RoleTerm], Field(min_length=1)] = DEFAULT_ROLES
    audiences: Annotated[list[Term], Field(min_length=1)] = DEFAULT_AUDIENCES
    pillars: Annotated[list[Term], Field(min_length=1)] = DEFAULT_PILLARS


class Phase(Strict):
    """A roadmap phase, in methodology order, and the phases that must end before it starts."""

    id: Id
    title: Text
    description: Text
    source: Text
    starts_after: list[Id] = []


class QuickWinRule(Strict):
    """Which actions count as quick wins."""

    effort: list[Level3] = ["low"]
    impact: list[Level3] = ["high"]
    within_days: Annotated[int, Field(ge=1)] = 90


class GapAllowance(Strict):
    """A dimension whose gap is at least `min_gap` points gets `actions` actions."""

    min_gap: Annotated[float, Field(ge=0, le=100)]
    actions: Annotated[int, Field(ge=1, le=20)]


class SelectionRule(Strict):
    """How many actions a gap or a triggered risk brings into the roadmap."""

    actions_per_gap: Annotated[list[GapAllowance], Field(min_length=1)] = [
        GapAllowance(min_gap=0, actions=1),
        GapAllowance(min_gap=15, actions=2),
        GapAllowance(min_gap=30, actions=3),
    ]
    mitigations_per_risk: dict[Severity, Annotated[int, Field(ge=0, le=20)]] = {
        "critical": 3,
        "high": 2,
        "medium": 1,
        "low": 1,
    }

    @model_validator(mode="after")
    def _ascending(self) -> SelectionRule:
        gaps = [a.min_gap for a in self.actions_per_gap]
        if gaps[0] != 0 or gaps != sorted(set(gaps)):
            raise ValueError("actions_per_gap must start at min_gap 0 and rise")
        return self

    def actions_for_gap(self, gap: float) -> int:
        """How many actions a dimension with this gap should get."""
        return max(a.actions for a in self.actions_per_gap if a.min_gap <= gap)


class DurationScale(Strict):
    """How the answers to a context question (company size) stretch or shrink durations.

    The most common answer among respondents picks the factor; an action that `scales` lasts
    `max(1, round(duration_weeks x factor))` weeks. No answer: factor 1.
    """

    question: Id
    factors: dict[str, Annotated[float, Field(gt=0, le=10)]]


class RoadmapModel(Strict):
    """The methodology phases a roadmap follows and its planning rules."""

    kind: Literal["roadmap-model"]
    id: Id
    title: Text
    source: Text
    phases: Annotated[list[Phase], Field(min_length=1)]
    quick_wins: QuickWinRule = QuickWinRule()
    selection: SelectionRule = SelectionRule()
    duration_scale: DurationScale | None = None
    scale_by: dict[Id, DurationScale] = Field(
        default={},
        description=(
            "named rules (users, data volume) an action picks with `scales_by`; when their"
            " question is unanswered, `duration_scale` (company size) stands in"
        ),
    )
    rollout_path: list[Id] = Field(
        default=[],
        description=(
            "phases whose actions lie on the way from a rollout back to its pilot: "
            "a planned rollout brings them in"
        ),
    )


# --- references ------------------------------------------------------------------------------

CITATION = r"\[([a-z0-9]+(?:-[a-z0-9]+)*)\]"
"""A citation inside a `source:` text: a reference id in square brackets, `[kale-2003]`."""


class Reference(Strict):
    """A publication a client can look up: who wrote it, what, when, where, in which language."""

    id: Id
    authors: Annotated[list[str], Field(min_length=1)]
    title: str
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    publisher: str | None = None
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
    url: str | None = None
    note: Text | None = None


class ReferenceList(Strict):
    """The publications the content's `source:` fields cite."""

    kind: Literal["references"]
    id: Id
    title: Text
    references: Annotated[list[Reference], Field(min_length=1)]


ContentModel = (
    Framework
    | QuestionBank
    | Questionnaire
    | RiskCatalogue
    | ActionLibrary
    | KpiCatalogue
    | ReadinessModel
    | RoadmapModel
    | ReferenceList
)

KINDS: dict[str, type[Strict]] = {
    "framework": Framework,
    "question-bank": QuestionBank,
    "questionnaire": Questionnaire,
    "risk-catalogue": RiskCatalogue,
    "action-library": ActionLibrary,
    "kpi-catalogue": KpiCatalogue,
    "readiness-model": ReadinessModel,
    "roadmap-model": RoadmapModel,
    "references": ReferenceList,
}

ContentFile = Annotated[
    Annotated[Framework, Tag("framework")]
    | Annotated[QuestionBank, Tag("question-bank")]
    | Annotated[Questionnaire, Tag("questionnaire")]
    | Annotated[RiskCatalogue, Tag("risk-catalogue")]
    | Annotated[ActionLibrary, Tag("action-library")]
    | Annotated[KpiCatalogue, Tag("kpi-catalogue")]
    | Annotated[ReadinessModel, Tag("readiness-model")]
    | Annotated[RoadmapModel, Tag("roadmap-model")]
    | Annotated[ReferenceList, Tag("references")],
    Discriminator("kind"),
]


def content_json_schema() -> dict[str, Any]:
    """The JSON Schema of a content file, for editors that check YAML as you type."""
    schema = TypeAdapter(ContentFile).json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://crm-readiness-assessor.invalid/content.schema.json"
    schema["title"] = "Readiness Assessor content file"
    return schema


AllOf.model_rebuild()
AnyOf.model_rebuild()
NotOf.model_rebuild()
Risk.model_rebuild()
