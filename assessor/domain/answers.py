"""Read answers and targets, checking every value against the questionnaire.

The same checks serve a file (each problem at its line) and a web form (each problem beside
its field): problems are `AnswerProblem`s with a kind, a respondent and a question.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from assessor.domain.content import Content
from assessor.domain.errors import AnswerProblem, InputError, ProblemKind
from assessor.domain.responses import (
    DONT_KNOW,
    DONT_KNOW_SPELLINGS,
    NOT_APPLICABLE,
    ROLES,
    AnswerValue,
    Respondent,
    Response,
    value_key,
)
from assessor.domain.schema import Question
from assessor.domain.yamlsrc import SourceDoc, YamlPath

ANSWER_KEYS = ("respondent", "questionnaire", "answers", "evidence", "comments")
RESPONDENT_KEYS = ("name", "role")
TARGET_KEYS = ("targets", "default")
MAX_SUGGESTED_ID = 80
"""Unknown ids are compared with the known ones on their first characters only (difflib is
quadratic in the length of what it compares)."""
MAX_SUGGESTIONS = 20
"""Only the first unknown question ids of a document get a "did you mean" suggestion."""
MAX_PROBLEMS = 200
"""Past this many problems in one document, the rest are counted, not listed."""


class AnswerInvalid(ValueError):
    """One bad answer value, with the kind of problem; the caller adds where it is."""

    def __init__(self, kind: ProblemKind, message: str) -> None:
        super().__init__(message)
        self.kind: ProblemKind = kind
        self.message = message


@dataclass
class Problems:
    """Collects every problem of one document or form before giving up."""

    doc: SourceDoc | None = None
    respondent: str | None = None
    found: list[AnswerProblem] = field(default_factory=list)

    def add(
        self,
        path: YamlPath,
        message: str,
        question: str | None = None,
        kind: ProblemKind = "invalid",
        value: Any = None,
    ) -> None:
        """Record a problem at a place in the document, for this respondent and question."""
        self.found.append(
            AnswerProblem(
                message=message,
                kind=kind,
                respondent=self.respondent,
                question=question,
                value=value,
                file=self.doc.file if self.doc else None,
                line=self.doc.line_of(path) if self.doc else None,
            )
        )

    def raise_any(self) -> None:
        """Raise one InputError listing the problems recorded (the first MAX_PROBLEMS), if any."""
        if len(self.found) > MAX_PROBLEMS:
            rest = len(self.found) - MAX_PROBLEMS
            first = self.found[0]
            self.found[MAX_PROBLEMS:] = [
                AnswerProblem(f"... and {rest} more problems", file=first.file, line=None)
            ]
        if self.found:
            raise InputError(self.found)


def parse_response(doc: SourceDoc, content: Content, questionnaire_id: str) -> Response:
    """An answers document checked against the questionnaire; InputError lists every problem."""
    problems = Problems(doc)
    data = doc.data
    if not isinstance(data, dict):
        problems.add((), "an answers file must be a mapping with 'respondent' and 'answers'")
        problems.raise_any()
    respondent = _respondent(data.get("respondent"), doc, problems, content.role_ids)
    for key in data:
        if key not in ANSWER_KEYS:
            problems.add(
                (key,),
                f"unknown key '{key}'; expected: {', '.join(ANSWER_KEYS)}",
                kind="unknown-key",
            )
    claimed = data.get("questionnaire")
    if claimed is not None and claimed != questionnaire_id:
        problems.add(
            ("questionnaire",),
            f"the answers are for questionnaire '{claimed}', not '{questionnaire_id}'",
            kind="unknown-questionnaire",
            value=claimed,
        )
    asked = {q.id: q for q in content.questionnaire_questions(questionnaire_id)}
    answers = _answers(data, asked, questionnaire_id, problems)
    evidence = _notes(data, "evidence", asked, questionnaire_id, problems)
    comments = _notes(data, "comments", asked, questionnaire_id, problems)
    problems.raise_any()
    return Response(respondent=respondent, answers=answers, evidence=evidence, comments=comments)


def _respondent(
    value: Any, doc: SourceDoc, problems: Problems, roles: Sequence[str] = ROLES
) -> Respondent:
    if not isinstance(value, dict):
        problems.add(
            ("respondent",), "missing 'respondent: {name: ..., role: ...}'", kind="missing"
        )
        return Respondent(id=doc.file, name="", role="", source=doc.file)
    name = value.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.add(("respondent", "name"), "the respondent needs a 'name'", kind="missing")
        name = ""
    problems.respondent = name.strip() or None
    for key in value:
        if key not in RESPONDENT_KEYS:
            problems.add(
                ("respondent", key),
                f"unknown respondent key '{key}'; expected: name, role",
                kind="unknown-key",
            )
    role = value.get("role")
    if role not in roles:
        problems.add(
            ("respondent", "role"),
            f"role {_shown(role)} is not one of: {', '.join(roles)}",
            kind="bad-role",
            value=role,
        )
    return Respondent(id=doc.file, name=name.strip(), role=str(role), source=doc.file)


def _answers(
    data: dict[str, Any], asked: Mapping[str, Question], questionnaire_id: str, problems: Problems
) -> dict[str, AnswerValue]:
    given = data.get("answers")
    if not isinstance(given, dict):
        if "answers" in data:
            problems.add(("answers",), "'answers' must map question ids to answers")
        else:
            problems.add(("answers",), "missing 'answers'", kind="missing")
        return {}
    return check_answers(given, asked, questionnaire_id, problems)


def check_answers(
    given: Mapping[Any, Any],
    asked: Mapping[str, Question],
    questionnaire_id: str,
    problems: Problems,
) -> dict[str, AnswerValue]:
    """Each given answer in its stored form; every bad one recorded as a problem, by question."""
    answers: dict[str, AnswerValue] = {}
    unknown = 0
    for qid, raw in given.items():
        question = asked.get(qid)
        if question is None:
            unknown += 1
            problems.add(
                ("answers", qid),
                _unknown(qid, questionnaire_id, asked, suggest=unknown <= MAX_SUGGESTIONS),
                question=str(qid),
                kind="unknown-question",
                value=raw,
            )
            continue
        try:
            value = parse_answer(question, raw)
        except AnswerInvalid as exc:
            problems.add(("answers", qid), exc.message, question=qid, kind=exc.kind, value=raw)
            continue
        if value is not None:
            answers[qid] = value
    return answers


def parse_answers(
    content: Content, questionnaire_id: str, given: Mapping[str, Any], respondent: str | None = None
) -> tuple[dict[str, AnswerValue], list[AnswerProblem]]:
    """Answers from a form (question id to raw value): the good ones and every problem."""
    problems = Problems(respondent=respondent)
    asked = {q.id: q for q in content.questionnaire_questions(questionnaire_id)}
    answers = check_answers(given, asked, questionnaire_id, problems)
    return answers, problems.found


def _unknown(
    qid: str, questionnaire_id: str, asked: Mapping[str, Question], suggest: bool = True
) -> str:
    close = (
        difflib.get_close_matches(str(qid)[:MAX_SUGGESTED_ID], list(asked), n=1) if suggest else []
    )
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown question: '{qid}' is not asked in questionnaire '{questionnaire_id}'{hint}"


def _notes(
    data: dict[str, Any],
    key: str,
    asked: Mapping[str, Question],
    questionnaire_id: str,
    problems: Problems,
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
            problems.add(
                (key, qid),
                _unknown(qid, questionnaire_id, asked),
                question=str(qid),
                kind="unknown-question",
            )
        elif not isinstance(text, str | int | float) or isinstance(text, bool):
            problems.add((key, qid), f"{key} must be text", question=qid, kind="not-text")
        elif str(text).strip():
            notes[qid] = str(text).strip()
    return notes


def parse_answer(question: Question, raw: Any) -> AnswerValue | None:
    """One answer in its stored form; None when left blank. Raises AnswerInvalid when invalid."""
    if raw is None or raw == [] or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, str) and raw.strip().lower() == NOT_APPLICABLE:
        if question.not_applicable:
            return NOT_APPLICABLE
        if question.type != "text":
            raise AnswerInvalid(
                "not-applicable",
                "'n/a' is not allowed here: the question has no 'not applicable' answer",
            )
    if isinstance(raw, str) and raw.strip().lower() in DONT_KNOW_SPELLINGS:
        if question.dont_know:
            return DONT_KNOW
        if question.type != "text":
            raise AnswerInvalid(
                "dont-know",
                "'dont-know' is not allowed here: the question has no \"don't know\" answer",
            )
    if question.type == "number":
        return _number(question, raw)
    if question.type == "text":
        if isinstance(raw, bool) or not isinstance(raw, str | int | float):
            raise AnswerInvalid("not-text", f"expected text, got {_shown(raw)}")
        return str(raw).strip()
    options = {value_key(o.value).lower(): value_key(o.value) for o in question.options or []}
    if question.type == "multiple":
        items = raw if isinstance(raw, list) else [raw]
        chosen = [_option(options, item) for item in items]
        return tuple(dict.fromkeys(chosen))
    if isinstance(raw, list | dict):
        raise AnswerInvalid(
            "not-an-option",
            f"expected one option ({', '.join(options.values())}), got {_shown(raw)}",
        )
    return _option(options, raw)


def _option(options: Mapping[str, str], raw: Any) -> str:
    if isinstance(raw, str | int | float | bool):
        found = options.get(value_key(raw).strip().lower())
        if found is not None:
            return found
    raise AnswerInvalid(
        "not-an-option", f"{_shown(raw)} is not one of the options: {', '.join(options.values())}"
    )


def _number(question: Question, raw: Any) -> float:
    """A number answer; text such as "3" or " 2.5 " (as a form sends it) is read as a number."""
    if isinstance(raw, str):
        try:
            raw = float(raw.strip())
        except ValueError:
            raise AnswerInvalid("not-a-number", f"expected a number, got {_shown(raw)}") from None
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise AnswerInvalid("not-a-number", f"expected a number, got {_shown(raw)}")
    value = float(raw)
    if not math.isfinite(value):
        raise AnswerInvalid("not-a-number", f"expected a finite number, got {_shown(raw)}")
    low, high = question.min, question.max
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = f"{_bound(low, 'any')} to {_bound(high, 'any')}"
        raise AnswerInvalid("out-of-range", f"{value_key(value)} is out of range ({bounds})")
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
    problems = Problems(doc)
    data = doc.data
    if not isinstance(data, dict):
        problems.add(
            (), "a targets file must be a mapping with 'targets' and an optional 'default'"
        )
        problems.raise_any()
    for key in data:
        if key not in TARGET_KEYS:
            problems.add(
                (key,), f"unknown key '{key}'; expected: targets, default", kind="unknown-key"
            )
    given = data.get("targets", {})
    if not isinstance(given, dict):
        problems.add(("targets",), "'targets' must map framework/dimension to a score 0-100")
        given = {}
    targets = check_targets(content, given, data.get("default"), problems)
    problems.raise_any()
    return targets


def check_targets(
    content: Content,
    given: Mapping[Any, Any],
    default: Any = None,
    problems: Problems | None = None,
) -> dict[str, float]:
    """The target of every dimension from a mapping; unknown dimensions and bad scores refused.

    Raises InputError listing every problem unless a `problems` collector is given.
    """
    collector = problems if problems is not None else Problems()
    fallback = content.readiness.default_target
    if default is not None:
        fallback = _target(default, ("default",), collector, fallback)
    targets = dict.fromkeys(content.dimension_refs(), fallback)
    for ref, raw in given.items():
        if ref not in targets:
            collector.add(
                ("targets", ref),
                f"unknown dimension '{ref}' (write framework/dimension)",
                kind="unknown-dimension",
                value=ref,
            )
            continue
        targets[ref] = _target(raw, ("targets", ref), collector, fallback)
    if problems is None:
        collector.raise_any()
    return targets


def _target(raw: Any, path: YamlPath, problems: Problems, fallback: float) -> float:
    if (
        isinstance(raw, bool)
        or not isinstance(raw, int | float)
        or not math.isfinite(raw)
        or not 0 <= raw <= 100
    ):
        problems.add(
            path,
            f"a target is a score from 0 to 100, got {_shown(raw)}",
            kind="out-of-range",
            value=raw,
        )
        return fallback
    return float(raw)
