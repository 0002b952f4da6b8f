"""Cross-reference checks of question banks and questionnaires."""

from __future__ import annotations

from collections.abc import Sequence

from assessor.domain.content import Content, LoadedFile
from assessor.domain.crossref.base import (
    Report,
    check_term,
    check_unique,
    dimension_error,
    exists,
)
from assessor.domain.schema import CHOICE_TYPES, Question, QuestionBank, Questionnaire
from assessor.domain.yamlsrc import YamlPath


def check_bank(model: QuestionBank, item: LoadedFile, content: Content, report: Report) -> None:
    """Check a bank: ids, options, scores, mappings and the questions conditions name.

    The order in which a condition's question is asked is the questionnaire's to check, not
    the banks': banks may be split into files in any order.
    """
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
        for j, audience in enumerate(question.audience):
            check_term(content, "audience", audience, item, (*at, "audience", j), report)
        if (
            question.answers is not None
            and question.answers not in sets
            and not exists(content, "answer set", question.answers)
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
            problem = dimension_error(content, mapping.dimension)
            if problem:
                report.add(item, (*at, "maps_to", j, "dimension"), problem)
        if question.condition is not None:
            _check_show_condition(question, content, item, at, report)


def _check_options(values: list[str], item: LoadedFile, at: YamlPath, report: Report) -> None:
    seen: set[str] = set()
    for j, value in enumerate(values):
        if value.lower() in seen:
            report.add(item, (*at, j, "value"), f"duplicate option value '{value}'")
        if value == "n/a":
            report.add(
                item, (*at, j, "value"), "'n/a' is reserved: set 'not_applicable: true' instead"
            )
        if value == "dont-know":
            report.add(
                item, (*at, j, "value"), "'dont-know' is reserved: set 'dont_know: true' instead"
            )
        seen.add(value.lower())


def _check_choice_question(
    question: Question, item: LoadedFile, at: YamlPath, report: Report
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
    content: Content,
    item: LoadedFile,
    at: YamlPath,
    report: Report,
) -> None:
    condition = question.condition
    assert condition is not None
    target = condition.question
    if not exists(content, "question", target):
        report.add(
            item, (*at, "condition", "question"), f"condition names unknown question '{target}'"
        )
    elif target == question.id:
        report.add(
            item,
            (*at, "condition", "question"),
            f"question '{target}' cannot be shown on its own answer",
        )
    elif target in content.questions:
        check_values(
            content.questions[target], condition.accepted(), item, (*at, "condition"), report
        )


def check_values(
    question: Question, values: Sequence[object], item: LoadedFile, at: YamlPath, report: Report
) -> None:
    """Report each value that is not an option of the question."""
    if question.options is None:
        return
    known = {str(o.value).lower() for o in question.options}
    if question.not_applicable:
        known.add("n/a")
    if question.dont_know:
        known.add("dont-know")
    for value in values:
        if str(value).lower() not in known:
            report.add(item, at, f"'{value}' is not an option of question '{question.id}'")


def check_questionnaire(
    model: Questionnaire, item: LoadedFile, content: Content, report: Report
) -> None:
    """Check a questionnaire's frameworks, questions, audience and asking order."""
    check_term(content, "audience", model.audience, item, ("audience",), report)
    for i, framework_id in enumerate(model.frameworks):
        if not exists(content, "framework", framework_id):
            report.add(item, ("frameworks", i), f"unknown framework '{framework_id}'")
    check_unique([s.id for s in model.sections], "section id", item, ("sections",), report)
    position: dict[str, int] = {}
    order = 0
    for i, section in enumerate(model.sections):
        for j, qid in enumerate(section.questions):
            at = ("sections", i, "questions", j)
            question = content.questions.get(qid)
            if question is None:
                if not exists(content, "question", qid):
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
                        "comes later in this questionnaire"
                        if condition.question in model.question_ids()
                        else "this questionnaire does not ask"
                    ),
                )
            position[qid] = order
            order += 1
