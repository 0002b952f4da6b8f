"""M3: no input file ends in "unexpected failure". A mutation fuzzer over the example files.

Hypothesis mutates real answers, targets and content files (bytes inserted, removed, repeated
or swapped for YAML's and JSON's special tokens) and runs the real commands on them. Every run
must end with exit 0, 1 (invalid content) or 2 (bad input), never 3, and never print a Python
traceback. The budget is fixed so the suite's time stays bounded.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor.cli import cli
from tests.fixtures.scoring.support import ANSWERS_DIR, CONTENT_DIR

EXAMPLES = {
    "ann.yaml": (ANSWERS_DIR / "ann.yaml").read_bytes(),
    "bo.json": (ANSWERS_DIR / "bo.json").read_bytes(),
}
TARGETS = b"targets:\n  mini/vision: 80\n  mini/strategy: 70\ndefault: 60\n"
CONTENT = (CONTENT_DIR / "frameworks" / "mini.yaml").read_bytes()
TOKENS = [
    b"&a ", b"*a", b"!!float ", b"!!python/object ", b"<<: ", b"{", b"}", b"[", b"]", b",",
    b":", b"- ", b"\n", b"  ", b'"', b"'", b"\\u", b"\\ud800", b"2026-02-30", b"1e309",
    b"nan", b".inf", b"9" * 5000, b"0x10", b"1:30", b"~", b"null", b"yes", b"\x00", b"\xff",
    b"\t", b"#", b"%YAML 1.1\n", b"---\n", b"...\n", b"n/a", b"true", b"-1", b"[[[[[[[[",
]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """An original file with a few mutations: inserts, deletions, repeats and token swaps."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "repeat", "bytes"]))
        if kind == "insert":
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif kind == "delete":
            data[at : at + draw(st.integers(1, 20))] = b""
        elif kind == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 30))] * draw(st.integers(2, 5))
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
    return bytes(data)


def run(*args: str) -> tuple[int, str]:
    """Run a command in this process; its exit code and everything it printed."""
    result = CliRunner().invoke(cli, ["--content", str(CONTENT_DIR), *args])
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes else "")


def assert_handled(code: int, output: str) -> None:
    """Exit 0, 1 or 2 with a plain message: never exit 3, never a traceback."""
    assert code in (0, 1, 2), output[-2000:]
    assert "unexpected failure" not in output and "Traceback" not in output, output[-2000:]


FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(name=st.sampled_from(sorted(EXAMPLES)), data=st.data())
def test_m3_mutated_answers_files_never_end_in_an_unexpected_failure(
    name: str, data: st.DataObject, tmp_path_factory: object
) -> None:
    folder = Path(tmp_path_factory.mktemp("fuzz"))
    path = folder / name
    path.write_bytes(data.draw(mutated(EXAMPLES[name])))
    for command in ("score", "roadmap"):
        code, output = run(command, "--questionnaire", "mini-workshop", "--answers", str(path))
        assert_handled(code, output)
        if command == "score" and code == 0:
            json.loads(
                run(
                    "score",
                    "--questionnaire",
                    "mini-workshop",
                    "--answers",
                    str(path),
                    "--format",
                    "json",
                )[1]
            )


@FUZZ
@given(data=st.data())
def test_m3_mutated_targets_and_content_files_never_end_in_an_unexpected_failure(
    data: st.DataObject, tmp_path_factory: object
) -> None:
    folder = Path(tmp_path_factory.mktemp("fuzz"))
    targets = folder / "targets.yaml"
    targets.write_bytes(data.draw(mutated(TARGETS)))
    answers = str(ANSWERS_DIR / "ann.yaml")
    code, output = run(
        "score", "--questionnaire", "mini-workshop", "--answers", answers, "--targets", str(targets)
    )
    assert_handled(code, output)
    content = folder / "mini.yaml"
    content.write_bytes(data.draw(mutated(CONTENT)))
    assert_handled(*run("validate", str(content)))


def test_m3_the_start_date_cannot_overflow_the_calendar(tmp_path: Path) -> None:
    answers = tmp_path / "cy.yaml"
    answers.write_text("respondent: {name: Cy, role: staff}\nanswers: {sponsor: 'no'}\n")
    code, output = run(
        "roadmap",
        "--questionnaire",
        "mini-workshop",
        "--answers",
        str(answers),
        "--start",
        "9999-12-30",
    )
    assert code == 2
    assert "cannot start on 9999-12-30" in output


def test_l8_an_empty_multiple_choice_answer_is_no_answer(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("respondent: {name: Cy, role: staff}\nanswers:\n  tech-tools: []\n")
    code, output = run(
        "score", "--questionnaire", "mini-workshop", "--answers", str(path), "--format", "json"
    )
    assert code == 0
    assert json.loads(output)["confidence"]["answered"] == 0


def test_l5_many_unknown_questions_are_counted_not_all_listed(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    lines = [f"  q-{n}: 1" for n in range(3000)]
    path.write_text("respondent: {name: Cy, role: staff}\nanswers:\n" + "\n".join(lines) + "\n")
    code, output = run("score", "--questionnaire", "mini-workshop", "--answers", str(path))
    assert code == 2
    assert "... and 2800 more problems" in output
    assert output.count("did you mean") <= 20


def test_l7_names_reach_the_terminal_without_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "eve.yaml"
    path.write_text(
        'respondent: {name: "Eve\\u202eMRC\\e[2J", role: staff}\nanswers: {sponsor: "no"}\n'
    )
    code, output = run("score", "--questionnaire", "mini-workshop", "--answers", str(path))
    assert code == 0
    assert "EveMRC[2J (staff)" in output
    assert "\u202e" not in output and "\x1b" not in output
