"""Every answer to every question, gathered for the report's appendix."""

from __future__ import annotations

from assessor.domain.responses import DONT_KNOW, UNSCORED_ANSWERS, value_key
from assessor.domain.results import QuestionSummary
from assessor.domain.sheet import AnswerSheet, QuestionPlan


def summarise_question(
    sheet: AnswerSheet, plan: QuestionPlan, evidence: list[str], comments: list[str]
) -> QuestionSummary:
    """How respondents answered one question: counts, numbers, texts, notes and mean score."""
    question = plan.question
    counts = {value_key(o.value): 0 for o in question.options or []}
    spelling = {key.lower(): key for key in counts}
    values = sheet.values[plan.index]
    given = [values[respondent] for respondent in sorted(values)]
    answered = [value for value in given if value not in UNSCORED_ANSWERS]
    dont_know = sum(1 for value in given if value == DONT_KNOW)
    numbers = [value for value in answered if isinstance(value, float)]
    texts = (
        [value for value in answered if isinstance(value, str)] if question.type == "text" else []
    )
    if question.options:
        for value in answered:
            for chosen in value if isinstance(value, tuple) else (value,):
                key = chosen if chosen in counts else spelling.get(str(chosen).lower(), str(chosen))
                counts[key] = counts.get(key, 0) + 1
    return QuestionSummary(
        question=plan.id,
        text=question.text,
        type=question.type,
        mean_score=sheet.question_mean(plan.index),
        counts=counts,
        numbers=numbers,
        texts=texts,
        not_applicable=len(given) - len(answered) - dont_know,
        unanswered=sheet.applicable[plan.index] - len(values),
        evidence=evidence,
        comments=comments,
        dont_know=dont_know,
    )


def respondent_notes(sheet: AnswerSheet, kind: str) -> dict[str, list[str]]:
    """Each question's evidence or comments, as `Name: text`, respondents in sheet order."""
    notes: dict[str, list[str]] = {}
    for response in sheet.responses:
        texts = response.evidence if kind == "evidence" else response.comments
        for question_id, text in texts.items():
            notes.setdefault(question_id, []).append(f"{response.respondent.name}: {text}")
    return notes


def summarise_questions(sheet: AnswerSheet) -> dict[str, QuestionSummary]:
    """A summary of every question of the questionnaire, in asking order."""
    evidence = respondent_notes(sheet, "evidence")
    comments = respondent_notes(sheet, "comments")
    return {
        plan.id: summarise_question(
            sheet, plan, evidence.get(plan.id, []), comments.get(plan.id, [])
        )
        for plan in sheet.plan.questions
    }
