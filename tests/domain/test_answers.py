"""Reading answers and targets: valid documents become Responses, bad ones name file, respondent, question."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessor.domain.answers import parse_answer, parse_response, parse_targets
from assessor.domain.errors import InputError
from assessor.domain.responses import NOT_APPLICABLE
from assessor.domain.yamlsrc import SourceDoc, parse_yaml
from tests.fixtures.scoring.support import QUESTIONNAIRE, mini_content


def doc(text: str, name: str = "ann.yaml") -> SourceDoc:
    return parse_yaml(textwrap.dedent(text), name)


def answers_doc(answers: str, respondent: str = "{name: Ann, role: executive}") -> SourceDoc:
    body = textwrap.indent(textwrap.dedent(answers), "  ")
    return doc(f"respondent: {respondent}\nanswers:\n{body}")


def parse(source: SourceDoc) -> object:
    return parse_response(source, mini_content(), QUESTIONNAIRE)


def error_of(source: SourceDoc) -> str:
    with pytest.raises(InputError) as caught:
        parse(source)
    return str(caught.value)


def test_a_valid_document_becomes_a_response_in_stored_form() -> None:
    response = parse_response(
        doc(
            """\
            respondent: {name: " Ann Lee ", role: executive}
            questionnaire: mini-workshop
            answers:
              vision-clear: 5
              vision-shared: "YES"
              strategy-written: Approved
              tech-tools: [crm, email, crm]
              tech-budget: 12
              sponsor: "yes"
              sponsor-name: 2024
              metrics-kpis: N/A
              crm-status:
            evidence: {strategy-written: Board minutes}
            comments: {tech-tools: "  Mostly spreadsheets  "}
            """
        ),
        mini_content(),
        QUESTIONNAIRE,
    )
    assert response.respondent.name == "Ann Lee"
    assert response.respondent.role == "executive"
    assert response.respondent.source == "ann.yaml"
    assert dict(response.answers) == {
        "vision-clear": "5",
        "vision-shared": "yes",
        "strategy-written": "approved",
        "tech-tools": ("crm", "email"),
        "tech-budget": 12.0,
        "sponsor": "yes",
        "sponsor-name": "2024",
        "metrics-kpis": NOT_APPLICABLE,
    }
    assert response.evidence == {"strategy-written": "Board minutes"}
    assert response.comments == {"tech-tools": "Mostly spreadsheets"}


def test_an_unknown_question_names_file_line_respondent_and_question() -> None:
    message = error_of(answers_doc("vision-clear: 5\nvision-blurry: 3\nzebra: 1\n"))
    assert message.splitlines() == [
        "ann.yaml:4: respondent 'Ann', question 'vision-blurry': unknown question: "
        "'vision-blurry' is not asked in questionnaire 'mini-workshop'; did you mean 'vision-clear'?",
        "ann.yaml:5: respondent 'Ann', question 'zebra': unknown question: "
        "'zebra' is not asked in questionnaire 'mini-workshop'",
    ]


def test_a_value_that_is_not_an_option_lists_the_options() -> None:
    message = error_of(answers_doc("strategy-written: maybe\n"))
    assert message == (
        "ann.yaml:3: respondent 'Ann', question 'strategy-written': "
        "'maybe' is not one of the options: none, draft, approved"
    )


def test_a_number_out_of_range_is_refused() -> None:
    message = error_of(answers_doc("tech-budget: 1200\n"))
    assert (
        message
        == "ann.yaml:3: respondent 'Ann', question 'tech-budget': 1200 is out of range (0 to 1000)"
    )


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        ("tech-budget: lots", "expected a number, got 'lots'"),
        ("tech-budget: true", "expected a number, got 'true'"),
        ("tech-budget: .nan", "expected a finite number"),
        ("vision-clear: [1, 2]", "expected one option (1, 2, 3, 4, 5), got a list"),
        ("vision-clear: 6", "'6' is not one of the options: 1, 2, 3, 4, 5"),
        ("tech-tools: [crm, fax]", "'fax' is not one of the options: email, spreadsheet, crm, erp"),
        ("sponsor: true", "'true' is not one of the options: yes, no"),
        ("strategy-written: n/a", "'n/a' is not allowed here"),
        ("sponsor-name: {first: Ann}", "expected text, got a mapping"),
    ],
)
def test_bad_values_are_named(answer: str, problem: str) -> None:
    question = answer.partition(":")[0]
    message = error_of(answers_doc(answer + "\n"))
    assert message.startswith(f"ann.yaml:3: respondent 'Ann', question '{question}': {problem}")


def test_every_problem_in_a_file_is_reported_at_once() -> None:
    message = error_of(answers_doc("vision-clear: 9\ntech-budget: -1\nsponsor: perhaps\n"))
    lines = message.splitlines()
    assert [line.split(": ")[1] for line in lines] == [
        "respondent 'Ann', question 'vision-clear'",
        "respondent 'Ann', question 'tech-budget'",
        "respondent 'Ann', question 'sponsor'",
    ]
    assert [line.split(":")[1] for line in lines] == ["3", "4", "5"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("answers: {}\n", "ann.yaml:1: missing 'respondent: {name: ..., role: ...}'"),
        ("respondent: {role: staff}\nanswers: {}\n", "ann.yaml:1: the respondent needs a 'name'"),
        (
            "respondent: {name: Ann, role: boss}\nanswers: {}\n",
            "ann.yaml:1: respondent 'Ann': role 'boss' is not one of: executive, manager, staff, it, external",
        ),
        ("respondent: {name: Ann, role: it}\n", "ann.yaml:1: respondent 'Ann': missing 'answers'"),
        (
            "respondent: {name: Ann, role: it}\nanswers: [1]\n",
            "ann.yaml:2: respondent 'Ann': 'answers' must map question ids to answers",
        ),
        (
            "respondent: {name: Ann, role: it}\nquestionnaire: other\nanswers: {}\n",
            "ann.yaml:2: respondent 'Ann': the answers are for questionnaire 'other', not 'mini-workshop'",
        ),
        (
            "respondent: {name: Ann, role: it}\nanswers: {}\nnotes: hi\n",
            "ann.yaml:3: respondent 'Ann': unknown key 'notes'",
        ),
        (
            "respondent: {name: Ann, role: it}\nanswers: {}\ncomments: {nope: hi}\n",
            "ann.yaml:3: respondent 'Ann', question 'nope': unknown question",
        ),
        ("- just a list\n", "ann.yaml:1: an answers file must be a mapping"),
    ],
)
def test_a_malformed_document_is_named(text: str, problem: str) -> None:
    assert error_of(doc(text)).startswith(problem)


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
        ),
        max_leaves=6,
    )
)
def test_any_value_is_either_stored_or_refused_with_a_clear_error(raw: object) -> None:
    for question in mini_content().questionnaire_questions(QUESTIONNAIRE):
        try:
            value = parse_answer(question, raw)
        except ValueError as exc:
            assert str(exc)
            continue
        assert value is None or isinstance(value, str | float | tuple)
        if isinstance(value, float):
            assert question.type == "number"


def test_targets_fill_every_dimension_from_the_file_its_default_or_the_model() -> None:
    content = mini_content()
    targets = parse_targets(doc("targets: {mini/technology: 60}\ndefault: 80\n", "t.yaml"), content)
    assert targets == {
        "mini/vision": 80.0,
        "mini/strategy": 80.0,
        "mini/technology": 60.0,
        "mini/people": 80.0,
        "other/metrics": 80.0,
    }
    assert parse_targets(doc("targets: {}\n", "t.yaml"), content)["mini/vision"] == 70.0


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "targets: {mini/nope: 60}\n",
            "t.yaml:1: unknown dimension 'mini/nope' (write framework/dimension)",
        ),
        ("targets: {mini/vision: 160}\n", "t.yaml:1: a target is a score from 0 to 100, got '160'"),
        ("default: high\n", "t.yaml:1: a target is a score from 0 to 100, got 'high'"),
        ("goals: {}\n", "t.yaml:1: unknown key 'goals'; expected: targets, default"),
        ("targets: [60]\n", "t.yaml:1: 'targets' must map framework/dimension to a score 0-100"),
    ],
)
def test_bad_targets_are_named(text: str, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_targets(doc(text, "t.yaml"), mini_content())
    assert str(caught.value) == problem
