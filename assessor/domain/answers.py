"""Read answers and targets documents, checking every value against the questionnaire."""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assessor.domain.content import NOT_APPLICABLE, Content
from assessor.domain.errors import InputError
from assessor.domain.results import ROLES, Respondent, Response
from assessor.domain.schema import Question
from assessor.domain.sheet import AnswerValue, value_key
from assessor.domain.yamlsrc import SourceDoc, YamlPath

ANSWER_KEYS = ("respondent", "questionnaire", "answers", "evidence", "comments")
RESPONDENT_KEYS = ("name", "role")
TARGET_KEYS = ("targets", "default")


class _Invalid(ValueError):
    """One bad value; the caller adds the file, line, respondent and question."""


@dataclass
class _Problems:
    """Collects every problem in one document before giving up."""

    doc: SourceDoc
    respondent: str | None = None
    lines: list[str] = field(default_factory=list)

    def add(self, path: YamlPath, message: str, question: str | None = None) -> None:
        """Record a problem at a place in the document, for this respondent and question."""
        where = [f"respondent '{self.respondent}'"] if self.respondent else []
        if question:
            where.append(f"question '{question}'")
        prefix = ", ".join(where)
        self.lines.append(
            f"{self.doc.file}:{self.doc.line_of(path)}: {prefix + ': ' if prefix else ''}{message}"
        )

    def raise_any(self) -> None:
        """Raise one InputError listing every problem recorded, if any."""
        if self.lines:
            raise InputError("\n".join(self.lines))


def parse_response(doc: SourceDoc, content: Content, questionnaire_id: str) -> Response:
    """An answers document checked against the questionnaire; InputError lists every problem."""
    problems = _Problems(doc)
    data = doc.data
    if not isinstance(data, dict):
        problems.add((), "an answers file must be a mapping with 'respondent' and 'answers'")
        problems.raise_any()
    respondent = _respondent(data.get("respondent"), doc, problems)
    for key in data:
        if key not in ANSWER_KEYS:
            problems.add((key,), f"unknown key '{key}'; expected: {', '.join(ANSWER_KEYS)}")
    claimed = data.get("questionnaire")
    if claimed is not None and claimed != questionnaire_id:
        problems.add(
            ("questionnaire",),
            f"the answers are for questionnaire '{claimed}', not '{questionnaire_id}'",
        )
    asked = {q.id: q for q in content.questionnaire_questions(questionnaire_id)}
    answers = _answers(data, asked, questionnaire_id, problems)
    evidence = _notes(data, "evidence", asked, questionnaire_id, problems)
    comments = _notes(data, "comments", asked, questionnaire_id, problems)
    problems.raise_any()
    return Response(respondent=respondent, answers=answers, evidence=evidence, comments=comments)


def _respondent(value: Any, doc: SourceDoc, problems: _Problems) -> Respondent:
    if not isinstance(value, dict):
        problems.add(("respondent",), "missing 'respondent: {name: ..., role: ...}'")
        return Respondent(name="", role="", source=doc.file)
    name = value.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.add(("respondent", "name"), "the respondent needs a 'name'")
        name = ""
    problems.respondent = name.strip() or None
    for key in value:
        if key not in RESPONDENT_KEYS:
            problems.add(
                ("respondent", key), f"unknown respondent key '{key}'; expected: name, role"
            )
    role = value.get("role")
    if role not in ROLES:
        problems.add(
            ("respondent", "role"), f"role {_shown(role)} is not one of: {', '.join(ROLES)}"
        )
    return Respondent(name=name.strip(), role=str(role), source=doc.file)


def _answers(
    data: dict[str, Any], asked: Mapping[str, Question], questionnaire_id: str, problems: _Problems
) -> dict[str, AnswerValue]:
    given = data.get("answers")
    if not isinstance(given, dict):
        message = "'answers' must map question ids to answers"
        problems.add(("answers",), message if "answers" in data else "missing 'answers'")
        return {}
    answers: dict[str, AnswerValue] = {}
    for qid, raw in given.items():
        question = asked.get(qid)
        if question is None:
            problems.add(("answers", qid), _unknown(qid, questionnaire_id, asked), question=qid)
            continue
        try:
            value = parse_answer(question, raw)
        except _Invalid as exc:
            problems.add(("answers", qid), str(exc), question=qid)
            continue
        if value is not None:
            answers[qid] = value
    return answers


def _unknown(qid: str, questionnaire_id: str, asked: Mapping[str, Question]) -> str:
    close = difflib.get_close_matches(str(qid), list(asked), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown question: '{qid}' is not asked in questionnaire '{questionnaire_id}'{hint}"


def _notes(
    data: dict[str, Any],
    key: str,
    asked: Mapping[str, Question],
    questionnaire_id: str,
    problems: _Problems,
) -> dict[str, str]:
    given = data.get(key)
    if given is None:
        return {}
    if not isinstance(given, dict):
        problems.add((key,), f"'{key}' must map question ids to text")
        return {}
    notes: dict[str, str] = {}
    for qid, text in given.items():
        if qid not in asked:
            problems.add((key, qid), _unknown(qid, questionnaire_id, asked), question=qid)
        elif not isinstance(text, str | int | float) or isinstance(text, bool):
            problems.add((key, qid), f"{key} must be text", question=qid)
        elif str(text).strip():
            notes[qid] = str(text).strip()
    return notes


def parse_answer(question: Question, raw: Any) -> AnswerValue | None:
    """One answer in its stored form; None when left blank. Raises ValueError when invalid."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, str) and raw.strip().lower() == NOT_APPLICABLE:
        if question.not_applicable:
            return NOT_APPLICABLE
        if question.type != "text":
            raise _Invalid("'n/a' is not allowed here: the question has no 'not applicable' answer")
    if question.type == "number":
        return _number(question, raw)
    if question.type == "text":
        if isinstance(raw, bool) or not isinstance(raw, str | int | float):
            raise _Invalid(f"expected text, got {_shown(raw)}")
        return str(raw).strip()
    options = {value_key(o.value).lower(): value_key(o.value) for o in question.options or []}
    if question.type == "multiple":
        items = raw if isinstance(raw, list) else [raw]
        chosen = [_option(options, item) for item in items]
        return tuple(dict.fromkeys(chosen))
    if isinstance(raw, list | dict):
        raise _Invalid(f"expected one option ({', '.join(options.values())}), got {_shown(raw)}")
    return _option(options, raw)


def _option(options: Mapping[str, str], raw: Any) -> str:
    if isinstance(raw, str | int | float | bool):
        found = options.get(value_key(raw).strip().lower())
        if found is not None:
            return found
    raise _Invalid(f"{_shown(raw)} is not one of the options: {', '.join(options.values())}")


def _number(question: Question, raw: Any) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise _Invalid(f"expected a number, got {_shown(raw)}")
    value = float(raw)
    if not math.isfinite(value):
        raise _Invalid(f"expected a finite number, got {_shown(raw)}")
    low, high = question.min, question.max
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = f"{_bound(low, 'any')} to {_bound(high, 'any')}"
        raise _Invalid(f"{value_key(value)} is out of range ({bounds})")
    return value


def _bound(value: float | None, default: str) -> str:
    return default if value is None else value_key(value)


def _shown(raw: Any) -> str:
    if raw is None:
        return "nothing"
    if isinstance(raw, list):
        return "a list"
    if isinstance(raw, dict):
        return "a mapping"
    return f"'{value_key(raw)}'" if isinstance(raw, str | int | float | bool) else repr(raw)


def parse_targets(doc: SourceDoc, content: Content) -> dict[str, float]:
    """The target score of every dimension: the file's own, else its default, else the model's."""
    problems = _Problems(doc)
    data = doc.data
    if not isinstance(data, dict):
        problems.add(
            (), "a targets file must be a mapping with 'targets' and an optional 'default'"
        )
        problems.raise_any()
    for key in data:
        if key not in TARGET_KEYS:
            problems.add((key,), f"unknown key '{key}'; expected: targets, default")
    default = content.readiness.default_target
    if "default" in data:
        default = _target(data["default"], ("default",), problems, default)
    refs = content.dimension_refs()
    targets = dict.fromkeys(refs, default)
    given = data.get("targets", {})
    if not isinstance(given, dict):
        problems.add(("targets",), "'targets' must map framework/dimension to a score 0-100")
        given = {}
    for ref, raw in given.items():
        if ref not in targets:
            problems.add(("targets", ref), f"unknown dimension '{ref}' (write framework/dimension)")
            continue
        targets[ref] = _target(raw, ("targets", ref), problems, default)
    problems.raise_any()
    return targets


def _target(raw: Any, path: YamlPath, problems: _Problems, fallback: float) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not 0 <= raw <= 100:
        problems.add(path, f"a target is a score from 0 to 100, got {_shown(raw)}")
        return fallback
    return float(raw)
