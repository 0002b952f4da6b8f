"""Cross-reference checks across content files: ids, references, cycles, ordering."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from assessor.domain.content import Content, LoadedFile, display_name
from assessor.domain.errors import ContentError
from assessor.domain.schedule import phase_order_conflict
from assessor.domain.schema import (
    CHOICE_TYPES,
    ActionLibrary,
    AllOf,
    AnswerTest,
    AnyOf,
    Condition,
    DimensionTest,
    ExceedsTest,
    Framework,
    KpiCatalogue,
    NotOf,
    Question,
    QuestionBank,
    Questionnaire,
    ReadinessModel,
    RiskCatalogue,
    RoadmapModel,
)
from assessor.domain.yamlsrc import YamlPath, format_path


class _Report:
    """Collects errors at locations inside loaded files."""

    def __init__(self) -> None:
        self.errors: list[ContentError] = []

    def add(self, item: LoadedFile, path: YamlPath, message: str) -> None:
        self.errors.append(
            ContentError(item.doc.file, item.doc.line_of(path), format_path(path), message)
        )


def check_content(content: Content, roots: Sequence[Path] = ()) -> list[ContentError]:
    """Every cross-reference error in the content, each at its file and line."""
    report = _Report()
    _check_duplicates(content, report)
    earlier_questions: set[str] = set()
    for item in content.files:
        model = item.model
        if isinstance(model, Framework):
            _check_framework(model, item, report)
        elif isinstance(model, QuestionBank):
            _check_bank(model, item, content, report, earlier_questions)
        elif isinstance(model, Questionnaire):
            _check_questionnaire(model, item, content, report)
        elif isinstance(model, RiskCatalogue):
            _check_risks(model, item, content, report)
        elif isinstance(model, ActionLibrary):
            _check_actions(model, item, content, report)
        elif isinstance(model, ReadinessModel):
            _check_readiness(model, item, content, report)
        elif isinstance(model, RoadmapModel):
            _check_roadmap(model, item, report)
    where = ", ".join(display_name(Path(r)) for r in roots) or "content"
    for kind, found in (
        ("readiness-model", content.readiness_models),
        ("roadmap-model", content.roadmap_models),
    ):
        if not found and content.files:
            report.errors.append(ContentError(where, 0, "", f"no {kind} file found"))
    return report.errors


# --- ids -----------------------------------------------------------------------------------


def _ids(content: Content) -> Iterator[tuple[str, str, LoadedFile, YamlPath]]:
    """Every globally unique id: (kind, id, file, path)."""
    for item in content.files:
        model = item.model
        if isinstance(model, QuestionBank):
            for i, question in enumerate(model.questions):
                yield "question", question.id, item, ("questions", i, "id")
            for i, answer_set in enumerate(model.answer_sets):
                yield "answer set", answer_set.id, item, ("answer_sets", i, "id")
        elif isinstance(model, RiskCatalogue):
            for i, risk in enumerate(model.risks):
                yield "risk", risk.id, item, ("risks", i, "id")
        elif isinstance(model, ActionLibrary):
            for i, action in enumerate(model.actions):
                yield "action", action.id, item, ("actions", i, "id")
        elif isinstance(model, KpiCatalogue):
            for i, kpi in enumerate(model.kpis):
                yield "KPI", kpi.id, item, ("kpis", i, "id")
        else:
            yield model.kind.replace("-", " "), model.id, item, ("id",)


def _check_duplicates(content: Content, report: _Report) -> None:
    seen: dict[tuple[str, str], tuple[LoadedFile, YamlPath]] = {}
    for kind, ident, item, path in _ids(content):
        if (kind, ident) in seen:
            first, first_path = seen[(kind, ident)]
            where = f"{first.doc.file}:{first.doc.line_of(first_path)}"
            report.add(item, path, f"duplicate {kind} id '{ident}' (first defined at {where})")
        else:
            seen[(kind, ident)] = (item, path)


def _check_unique(
    values: Sequence[str], what: str, item: LoadedFile, path: YamlPath, report: _Report
) -> None:
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen:
            report.add(item, (*path, i), f"duplicate {what} '{value}'")
        seen.add(value)


def _check_cycles(
    graph: dict[str, list[str]],
    what: str,
    item: LoadedFile,
    locate: dict[str, YamlPath],
    report: _Report,
) -> None:
    """Report each node that sits on a cycle of `graph`, once per cycle."""
    state: dict[str, int] = {}
    reported: set[frozenset[str]] = set()

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        trail.append(node)
        for nxt in graph.get(node, []):
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                cycle = [*trail[trail.index(nxt) :], nxt]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    report.add(item, locate[cycle[0]], f"{what} cycle: {' -> '.join(cycle)}")
            elif nxt not in state:
                visit(nxt, trail)
        trail.pop()
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node, [])


# --- frameworks ----------------------------------------------------------------------------


def _check_framework(model: Framework, item: LoadedFile, report: _Report) -> None:
    ids = [d.id for d in model.dimensions]
    _check_unique(ids, "dimension id", item, ("dimensions",), report)
    if sum(d.weight for d in model.dimensions) <= 0:
        report.add(item, ("dimensions",), "dimension weights sum to zero")
    graph: dict[str, list[str]] = {}
    locate: dict[str, YamlPath] = {}
    for i, dimension in enumerate(model.dimensions):
        graph[dimension.id] = list(dimension.depends_on)
        locate[dimension.id] = ("dimensions", i, "depends_on")
        for j, dep in enumerate(dimension.depends_on):
            if dep not in ids:
                report.add(
                    item,
                    ("dimensions", i, "depends_on", j),
                    f"unknown dimension '{dep}' in framework '{model.id}'",
                )
    _check_cycles(graph, "depends_on", item, locate, report)
    levels = [m.level for m in model.maturity]
    if levels != list(range(levels[0], levels[0] + len(levels))):
        report.add(item, ("maturity",), "maturity levels must be numbered consecutively")
    if model.maturity[0].min_score != 0:
        report.add(item, ("maturity", 0, "min_score"), "the first maturity level must start at 0")
    for i in range(1, len(model.maturity)):
        if model.maturity[i].min_score <= model.maturity[i - 1].min_score:
            report.add(
                item, ("maturity", i, "min_score"), "min_score must rise from level to level"
            )
    for i, level in enumerate(model.maturity):
        for key in level.descriptors:
            if key not in ids:
                report.add(
                    item,
                    ("maturity", i, "descriptors", key),
                    f"unknown dimension '{key}' in framework '{model.id}'",
                )
        missing = [d for d in ids if d not in level.descriptors]
        if missing:
            report.add(
                item,
                ("maturity", i, "descriptors"),
                f"no descriptor for dimension(s): {', '.join(missing)}",
            )


# --- questions and questionnaires -------------------------------------------------------------


def _exists(content: Content, kind: str, ident: str) -> bool:
    """Whether an id is defined, or defined in a file that already failed its schema check."""
    collections: dict[str, Mapping[str, object]] = {
        "question": content.questions,
        "action": content.actions,
        "risk": content.risks,
        "KPI": content.kpis,
        "framework": content.frameworks,
    }
    known = ident in collections.get(kind, {})
    return known or ident in content.unverified.get(kind, set())


def _dimension_error(content: Content, ref: str) -> str | None:
    framework_id, _, dimension_id = ref.partition("/")
    if framework_id in content.unverified.get("framework", set()):
        if ref in content.unverified.get("dimension", set()):
            return None
        return f"unknown dimension '{dimension_id}' in framework '{framework_id}'"
    if framework_id not in content.frameworks:
        return f"unknown framework '{framework_id}' in '{ref}'"
    if content.dimension(ref) is None:
        return f"unknown dimension '{dimension_id}' in framework '{framework_id}'"
    return None


def _check_bank(
    model: QuestionBank, item: LoadedFile, content: Content, report: _Report, earlier: set[str]
) -> None:
    """Check a bank; `earlier` holds the questions of the banks loaded before it."""
    sets = {
        answer_set.id
        for loaded in content.files
        if isinstance(loaded.model, QuestionBank)
        for answer_set in loaded.model.answer_sets
    }
    for i, answer_set in enumerate(model.answer_sets):
        _check_options(
            [str(o.value) for o in answer_set.options], item, ("answer_sets", i, "options"), report
        )
    for i, question in enumerate(model.questions):
        at = ("questions", i)
        if (
            question.answers is not None
            and question.answers not in sets
            and not _exists(content, "answer set", question.answers)
        ):
            report.add(item, (*at, "answers"), f"unknown answer set '{question.answers}'")
        resolved = content.questions.get(question.id, question)
        if question.options is not None:
            _check_options([str(o.value) for o in question.options], item, (*at, "options"), report)
        if resolved.options is not None:
            _check_choice_question(resolved, item, at, report)
        if question.maps_to and sum(m.weight for m in question.maps_to) <= 0:
            report.add(item, (*at, "maps_to"), "maps_to weights sum to zero")
        for j, mapping in enumerate(question.maps_to):
            problem = _dimension_error(content, mapping.dimension)
            if problem:
                report.add(item, (*at, "maps_to", j, "dimension"), problem)
        if question.condition is not None:
            _check_show_condition(question, earlier, content, item, at, report)
        earlier.add(question.id)


def _check_options(values: list[str], item: LoadedFile, at: YamlPath, report: _Report) -> None:
    seen: set[str] = set()
    for j, value in enumerate(values):
        if value.lower() in seen:
            report.add(item, (*at, j, "value"), f"duplicate option value '{value}'")
        if value == "n/a":
            report.add(
                item, (*at, j, "value"), "'n/a' is reserved: set 'not_applicable: true' instead"
            )
        seen.add(value.lower())


def _check_choice_question(
    question: Question, item: LoadedFile, at: YamlPath, report: _Report
) -> None:
    options = question.options or []
    if question.type == "yesno" and sorted(str(o.value) for o in options) != ["no", "yes"]:
        report.add(item, at, "a yesno question has exactly the options 'yes' and 'no'")
    if question.scored and question.type in CHOICE_TYPES:
        scores = [o.score for o in options]
        if question.type == "multiple":
            if sum(s for s in scores if s > 0) <= 0:
                report.add(item, at, "option scores sum to zero: the question cannot score")
        elif max(scores) == min(scores):
            report.add(item, at, "every option has the same score: the question cannot score")


def _check_show_condition(
    question: Question,
    earlier: set[str],
    content: Content,
    item: LoadedFile,
    at: YamlPath,
    report: _Report,
) -> None:
    condition = question.condition
    assert condition is not None
    target = condition.question
    if not _exists(content, "question", target):
        report.add(
            item, (*at, "condition", "question"), f"condition names unknown question '{target}'"
        )
    elif target not in earlier and target in content.questions:
        report.add(
            item,
            (*at, "condition", "question"),
            f"condition names question '{target}', which comes later",
        )
    else:
        _check_values(
            content.questions[target], condition.accepted(), item, (*at, "condition"), report
        )


def _check_values(
    question: Question, values: Sequence[object], item: LoadedFile, at: YamlPath, report: _Report
) -> None:
    if question.options is None:
        return
    known = {str(o.value).lower() for o in question.options}
    if question.not_applicable:
        known.add("n/a")
    for value in values:
        if str(value).lower() not in known:
            report.add(item, at, f"'{value}' is not an option of question '{question.id}'")


def _check_questionnaire(
    model: Questionnaire, item: LoadedFile, content: Content, report: _Report
) -> None:
    for i, framework_id in enumerate(model.frameworks):
        if not _exists(content, "framework", framework_id):
            report.add(item, ("frameworks", i), f"unknown framework '{framework_id}'")
    _check_unique([s.id for s in model.sections], "section id", item, ("sections",), report)
    position: dict[str, int] = {}
    order = 0
    for i, section in enumerate(model.sections):
        for j, qid in enumerate(section.questions):
            at = ("sections", i, "questions", j)
            question = content.questions.get(qid)
            if question is None:
                if not _exists(content, "question", qid):
                    report.add(item, at, f"unknown question '{qid}'")
                continue
            if qid in position:
                report.add(item, at, f"question '{qid}' is asked twice")
                continue
            if model.audience not in question.audience:
                report.add(
                    item, at, f"question '{qid}' is not meant for the {model.audience} audience"
                )
            condition = question.condition
            if condition is not None and condition.question not in position:
                report.add(
                    item,
                    at,
                    f"question '{qid}' is shown on '{condition.question}', which "
                    + (
                        "comes later"
                        if condition.question in model.question_ids()
                        else "is not asked"
                    ),
                )
            position[qid] = order
            order += 1


# --- risks, actions, readiness, roadmap ------------------------------------------------------------


def _check_condition(
    condition: Condition, content: Content, item: LoadedFile, at: YamlPath, report: _Report
) -> None:
    if isinstance(condition, AllOf | AnyOf):
        children = condition.all if isinstance(condition, AllOf) else condition.any
        key = "all" if isinstance(condition, AllOf) else "any"
        for i, child in enumerate(children):
            _check_condition(child, content, item, (*at, key, i), report)
    elif isinstance(condition, NotOf):
        _check_condition(condition.not_, content, item, (*at, "not"), report)
    elif isinstance(condition, DimensionTest):
        problem = _dimension_error(content, condition.dimension)
        if problem:
            report.add(item, (*at, "dimension"), problem)
    elif isinstance(condition, ExceedsTest):
        for key in ("dimension", "over"):
            problem = _dimension_error(content, getattr(condition.exceeds, key))
            if problem:
                report.add(item, (*at, "exceeds", key), problem)
    elif isinstance(condition, AnswerTest):
        question = content.questions.get(condition.answer)
        if question is None and not _exists(content, "question", condition.answer):
            report.add(item, (*at, "answer"), f"unknown question '{condition.answer}'")
        elif question is not None and (condition.equals is not None or condition.in_ is not None):
            values = [condition.equals] if condition.in_ is None else condition.in_
            _check_values(question, values, item, at, report)


def _check_risks(model: RiskCatalogue, item: LoadedFile, content: Content, report: _Report) -> None:
    for i, risk in enumerate(model.risks):
        _check_condition(risk.when, content, item, ("risks", i, "when"), report)
        for j, action_id in enumerate(risk.mitigations):
            if not _exists(content, "action", action_id):
                report.add(item, ("risks", i, "mitigations", j), f"unknown action '{action_id}'")


def _check_actions(
    model: ActionLibrary, item: LoadedFile, content: Content, report: _Report
) -> None:
    phases = {p.id for roadmap in content.roadmap_models.values() for p in roadmap.phases}
    graph: dict[str, list[str]] = {}
    locate: dict[str, YamlPath] = {}
    for i, action in enumerate(model.actions):
        at = ("actions", i)
        graph[action.id] = list(action.prerequisites)
        locate[action.id] = (*at, "prerequisites")
        if content.roadmap_models and action.phase not in phases | content.unverified.get(
            "phase", set()
        ):
            report.add(item, (*at, "phase"), f"unknown phase '{action.phase}'")
        for j, prerequisite in enumerate(action.prerequisites):
            if not _exists(content, "action", prerequisite):
                report.add(item, (*at, "prerequisites", j), f"unknown action '{prerequisite}'")
        for j, ref in enumerate(action.raises):
            problem = _dimension_error(content, ref)
            if problem:
                report.add(item, (*at, "raises", j), problem)
        for j, kpi in enumerate(action.kpis):
            if not _exists(content, "KPI", kpi):
                report.add(item, (*at, "kpis", j), f"unknown KPI '{kpi}'")
    _check_cycles(graph, "prerequisite", item, locate, report)
    if content.roadmap_models:
        cycle = phase_order_conflict(model.actions, content.roadmap.phases)
        if cycle:
            report.add(
                item,
                locate[cycle[0]],
                f"prerequisites contradict the phase order: {' waits for '.join(cycle)} "
                "(a phase starts only after the phases in its starts_after have ended)",
            )


def _check_readiness(
    model: ReadinessModel, item: LoadedFile, content: Content, report: _Report
) -> None:
    for i, entry in enumerate(model.overall):
        if not _exists(content, "framework", entry.framework):
            report.add(item, ("overall", i, "framework"), f"unknown framework '{entry.framework}'")
    if sum(e.weight for e in model.overall) <= 0:
        report.add(item, ("overall",), "framework weights sum to zero")
    bands = [b.id for b in model.bands]
    _check_unique(bands, "band id", item, ("bands",), report)
    if model.bands[0].min_score != 0:
        report.add(item, ("bands", 0, "min_score"), "the first band must start at 0")
    for i in range(1, len(model.bands)):
        if model.bands[i].min_score <= model.bands[i - 1].min_score:
            report.add(item, ("bands", i, "min_score"), "min_score must rise from band to band")
    for i, gate in enumerate(model.gates):
        if gate.cap not in bands:
            report.add(item, ("gates", i, "cap"), f"unknown band '{gate.cap}'")
        for j, risk_id in enumerate(gate.risks):
            if not _exists(content, "risk", risk_id):
                report.add(item, ("gates", i, "risks", j), f"unknown risk '{risk_id}'")
        if gate.dimensions != "all":
            for j, ref in enumerate(gate.dimensions):
                problem = _dimension_error(content, ref)
                if problem:
                    report.add(item, ("gates", i, "dimensions", j), problem)


def _check_roadmap(model: RoadmapModel, item: LoadedFile, report: _Report) -> None:
    ids = [p.id for p in model.phases]
    _check_unique(ids, "phase id", item, ("phases",), report)
    for i, phase in enumerate(model.phases):
        for j, before in enumerate(phase.starts_after):
            if before not in ids:
                report.add(item, ("phases", i, "starts_after", j), f"unknown phase '{before}'")
            elif ids.index(before) >= i:
                report.add(
                    item,
                    ("phases", i, "starts_after", j),
                    f"phase '{phase.id}' cannot start after '{before}', which comes later",
                )
