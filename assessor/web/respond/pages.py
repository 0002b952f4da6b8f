"""What a respondent's pages show: sections, the questions shown in each, answers worded."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from flask_babel import gettext as _

from assessor.domain.errors import AnswerProblem
from assessor.domain.responses import NOT_APPLICABLE, AnswerValue, value_key
from assessor.domain.schema import Question, Questionnaire, Section
from assessor.domain.text import tr
from assessor.services.responding import MAX_NOTE
from assessor.services.workspace import Workspace
from assessor.web.respond.fields import CHOICE_WIDGETS, choices


@dataclass(frozen=True)
class Asked:
    """A question on a section page, and whether it is shown now."""

    question: Question
    shown: bool
    condition_here: bool
    """Whether the question it depends on is on the same page (the script can show it)."""

    @property
    def widget(self) -> str:
        """'radio', 'checkbox', 'number' or 'text'."""
        return CHOICE_WIDGETS.get(self.question.type, self.question.type)

    @property
    def show_values(self) -> str:
        """The values of the earlier answer that show this question, for the script."""
        condition = self.question.condition
        if condition is None:
            return ""
        return "|".join(value_key(v).lower() for v in condition.accepted())


def asked_in(ws: Workspace, section: Section, shown: Sequence[str]) -> list[Asked]:
    """The questions of a section to put on its page: shown ones, and ones the script may show."""
    visible = set(shown)
    found = []
    for qid in section.questions:
        question = ws.content.questions[qid]
        here = question.condition is not None and question.condition.question in section.questions
        if qid in visible or here:
            found.append(Asked(question, qid in visible, here))
    return found


def section_at(questionnaire: Questionnaire, index: int) -> Section | None:
    """The section at a 1-based index, or None."""
    if 1 <= index <= len(questionnaire.sections):
        return questionnaire.sections[index - 1]
    return None


def answer_text(question: Question, value: AnswerValue, lang: str) -> str:
    """An answer as the respondent reads it on the review page."""
    if value == NOT_APPLICABLE:
        return str(_("Not applicable"))
    labels = dict(choices(question, lang))
    if isinstance(value, tuple):
        return ", ".join(labels.get(v, v) for v in value)
    if isinstance(value, float):
        unit = tr(question.unit, lang)
        return f"{value_key(value)} {unit}".strip()
    return labels.get(value, value)


def problem_text(problem: AnswerProblem, question: Question | None) -> str:
    """A problem with an answer, in the respondent's language."""
    if problem.kind == "out-of-range" and question is not None:
        low = "" if question.min is None else value_key(question.min)
        high = "" if question.max is None else value_key(question.max)
        return str(_("Enter a number from %(low)s to %(high)s.", low=low or "…", high=high or "…"))
    words = {
        "not-an-option": _("Choose one of the options."),
        "not-a-number": _("Enter a number."),
        "not-applicable": _("“Not applicable” is not an answer to this question."),
        "missing": _("Give an answer to keep this note."),
        "not-text": _("Enter text."),
        "unknown-question": _("This question is not part of the questionnaire."),
        "invalid": _("At most %(count)d characters.", count=MAX_NOTE),
    }
    return str(words.get(problem.kind, problem.message))


def errors_by_question(
    problems: Sequence[AnswerProblem], questions: Mapping[str, Question]
) -> dict[str, str]:
    """The first problem of each question, worded."""
    found: dict[str, str] = {}
    for problem in problems:
        qid = problem.question or ""
        found.setdefault(qid, problem_text(problem, questions.get(qid)))
    return found
