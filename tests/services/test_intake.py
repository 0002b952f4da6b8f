"""Taking answers in: documents and forms, each problem structured with its place and kind."""

from __future__ import annotations

import pytest

from assessor.domain.errors import InputError
from assessor.domain.sheet import scoring_plan, shown_questions
from assessor.domain.yamlsrc import parse_yaml
from assessor.services.intake import (
    answers_from_form,
    responses_from_documents,
    shown_question_ids,
    targets_from_mapping,
)
from assessor.services.workspace import Workspace
from tests.fixtures.scoring.support import QUESTIONNAIRE


def test_a_form_sends_numbers_as_text_and_they_are_read_as_numbers(ws: Workspace) -> None:
    answers, problems = answers_from_form(
        ws, QUESTIONNAIRE, {"tech-budget": " 250 ", "vision-clear": "4", "tech-tools": ["crm"]}
    )
    assert problems == []
    assert answers == {"tech-budget": 250.0, "vision-clear": "4", "tech-tools": ("crm",)}


def test_each_bad_answer_is_a_problem_beside_its_question(ws: Workspace) -> None:
    answers, problems = answers_from_form(
        ws,
        QUESTIONNAIRE,
        {"tech-budget": "lots", "strategy-written": "maybe", "metrics-kpis": "3", "nope": 1},
        respondent="Ann",
    )
    assert answers == {"metrics-kpis": "3"}, "the good answer is kept"
    found = {(p.question, p.kind, p.value) for p in problems}
    assert found == {
        ("tech-budget", "not-a-number", "lots"),
        ("strategy-written", "not-an-option", "maybe"),
        ("nope", "unknown-question", 1),
    }
    assert all(p.respondent == "Ann" and p.file is None for p in problems)
    budget = next(p for p in problems if p.question == "tech-budget")
    assert str(budget) == "respondent 'Ann', question 'tech-budget': expected a number, got 'lots'"


def test_out_of_range_and_not_applicable_are_their_own_kinds(ws: Workspace) -> None:
    _, problems = answers_from_form(
        ws, QUESTIONNAIRE, {"tech-budget": "5000", "strategy-written": "n/a"}
    )
    assert {(p.question, p.kind) for p in problems} == {
        ("tech-budget", "out-of-range"),
        ("strategy-written", "not-applicable"),
    }


def test_a_document_names_file_line_respondent_and_question(ws: Workspace) -> None:
    doc = parse_yaml(
        "respondent: {name: Cy, role: staff}\nanswers:\n  vision-clear: 5\n  tech-budget: -3\n",
        "cy.yaml",
    )
    with pytest.raises(InputError) as caught:
        responses_from_documents(ws, QUESTIONNAIRE, [doc])
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.respondent, problem.question, problem.kind) == (
        "cy.yaml",
        4,
        "Cy",
        "tech-budget",
        "out-of-range",
    )
    assert str(caught.value) == (
        "cy.yaml:4: respondent 'Cy', question 'tech-budget': -3 is out of range (0 to 1000)"
    )


def test_documents_become_responses_with_the_document_as_respondent_id(ws: Workspace) -> None:
    docs = [
        parse_yaml("respondent: {name: Sam, role: staff}\nanswers: {vision-clear: 2}\n", "a.yaml"),
        parse_yaml("respondent: {name: Sam, role: it}\nanswers: {vision-clear: 4}\n", "b.yaml"),
    ]
    responses = responses_from_documents(ws, QUESTIONNAIRE, docs)
    assert [(r.respondent.id, r.respondent.name) for r in responses] == [
        ("a.yaml", "Sam"),
        ("b.yaml", "Sam"),
    ]


def test_targets_from_a_mapping_are_checked(ws: Workspace) -> None:
    targets = targets_from_mapping(ws, {"mini/vision": 90}, default=60)
    assert targets["mini/vision"] == 90.0 and targets["mini/strategy"] == 60.0
    with pytest.raises(InputError) as caught:
        targets_from_mapping(ws, {"mini/visoin": 90, "mini/strategy": 140})
    assert {p.kind for p in caught.value.problems} == {"unknown-dimension", "out-of-range"}


def test_a_conditional_question_is_shown_only_when_its_condition_holds(ws: Workspace) -> None:
    everyone = shown_question_ids(ws, QUESTIONNAIRE, {})
    assert "sponsor-name" not in everyone and "sponsor-time" not in everyone
    with_sponsor = shown_question_ids(ws, QUESTIONNAIRE, {"sponsor": "yes"})
    assert {"sponsor-name", "sponsor-time"} <= set(with_sponsor)
    assert with_sponsor.index("sponsor") < with_sponsor.index("sponsor-name")
    assert "sponsor-name" not in shown_question_ids(ws, QUESTIONNAIRE, {"sponsor": "no"})


def test_an_answer_to_a_hidden_question_does_not_open_the_next_one(ws: Workspace) -> None:
    """A chain: b is asked when a is yes, c when b is yes. With a = no, a stale b = yes does
    not open c, in the form's rule and in scoring alike."""
    import dataclasses

    from assessor.domain.schema import Question
    from assessor.domain.sheet import ScoringPlan, build_sheet, plan_question
    from tests.fixtures.scoring.support import respond

    def yesno(qid: str, after: str | None) -> Question:
        spec: dict[str, object] = {
            "id": qid,
            "text": qid,
            "type": "yesno",
            "audience": ["workshop"],
            "options": [
                {"value": "yes", "label": "Yes", "score": 1},
                {"value": "no", "label": "No", "score": 0},
            ],
            "maps_to": [{"dimension": "mini/vision", "weight": 1}],
        }
        if after:
            spec["condition"] = {"question": after, "equals": "yes"}
        return Question.model_validate(spec)

    questions = tuple(
        plan_question(i, q)
        for i, q in enumerate([yesno("a", None), yesno("b", "a"), yesno("c", "b")])
    )
    plan = ScoringPlan("chain", questions, {"mini/vision": ((0, 1.0), (1, 1.0), (2, 1.0))})
    stale = {"a": "no", "b": "yes", "c": "yes"}
    assert [q.id for q in shown_questions(plan, stale)] == ["a"]
    assert [q.id for q in shown_questions(plan, {**stale, "a": "yes"})] == ["a", "b", "c"]
    sheet = build_sheet(plan, [dataclasses.replace(respond("Ann"), answers=stale)])
    assert sheet.expected == (1,) and sheet.values[2] == {}
    assert scoring_plan(ws.content, QUESTIONNAIRE) is scoring_plan(ws.content, QUESTIONNAIRE)
