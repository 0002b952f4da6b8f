"""Answers, targets and content files: hostile YAML and JSON is refused quickly, with file and line."""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from pathlib import Path

import pytest

from assessor.domain.yamlsrc import SourceError, parse_yaml, read_document
from tests.security.support import CEO, EXECUTIVE, laughs, run


def test_h1_yaml_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    for levels in (6, 10):  # half a million strings, then a billion
        path = tmp_path / f"laughs{levels}.yaml"
        path.write_text(laughs(levels))
        started = time.perf_counter()
        with pytest.raises(SourceError) as caught:
            read_document(path)
        assert time.perf_counter() - started < 0.5
        assert caught.value.file == str(path)
        assert caught.value.line == 2  # the first alias
        assert "alias" in caught.value.message


def test_h1_alias_bomb_in_answers_and_content_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "laughs.yaml"
    path.write_text(laughs(6))
    scored = run("score", "--questionnaire", EXECUTIVE, "--answers", str(path))
    assert scored.exit_code == 2
    assert f"{path}:2: " in scored.stderr
    checked = run("validate", str(path))
    assert checked.exit_code == 1
    assert f"{path}:2: " in checked.stdout


def test_h1_a_few_aliases_are_still_read() -> None:
    doc = parse_yaml("base: &b [1, 2]\nfirst: *b\nsecond: *b\n", "ok.yaml")
    assert doc.data == {"base": [1, 2], "first": [1, 2], "second": [1, 2]}
    assert doc.line_of(("second", 1)) == 3


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("answers: &a {top-concern: *a}\n", 1),
        ("x: 1\nanswers: {top-concern: &b [*b]}\n", 2),
    ],
)
def test_m3_recursive_alias_is_refused_with_its_line(text: str, line: int) -> None:
    with pytest.raises(SourceError) as caught:
        parse_yaml(text, "r.yaml")
    assert caught.value.line == line
    assert "contains itself" in caught.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: !!float x\n", "invalid value"),
        ("a: 1\nb: !!int x\n", "invalid value"),
        ("a: 1\nb: !!bool x\n", "invalid value"),
        ("a: 1\nb: !!timestamp x\n", "invalid value"),
        ("a: 1\nb: " + "9" * 5000 + "\n", "number"),
        ("a: 1\nb: " + "9" * 4000 + "\n", "number"),
        ("a: 1\nb: " + "[" * 500 + "]" * 500 + "\n", "nest"),
        ('a: 1\nb: "Jane \\ud800"\n', "character"),
    ],
)
def test_m3_reader_refuses_bad_values_with_their_line(text: str, expected: str) -> None:
    with pytest.raises(SourceError) as caught:
        parse_yaml(text, "v.yaml")
    assert caught.value.line == 2
    assert expected in caught.value.message


def _json_answers(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(body)
    return path


def test_l1_json_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    answers = {f"q{i}": "x" * 100 for i in range(25_000)}
    path = _json_answers(tmp_path, json.dumps({"respondent": {}, "answers": answers}))
    result = run("score", "--questionnaire", EXECUTIVE, "--answers", str(path))
    assert result.exit_code == 2
    assert f"{path}:1: file is " in result.stderr
    assert "the limit is 2,000,000 bytes" in result.stderr


def test_l1_json_duplicate_key_is_refused_with_its_line(tmp_path: Path) -> None:
    body = (
        '{\n\t"respondent": {"name": "X", "role": "executive"},\n\t"answers": {\n'
        '\t\t"crm-understanding": 4,\n\t\t"crm-understanding": 1\n\t}\n}\n'
    )
    path = _json_answers(tmp_path, body)
    result = run("score", "--questionnaire", EXECUTIVE, "--answers", str(path))
    assert result.exit_code == 2
    assert f"{path}:5: answers.crm-understanding: duplicate key" in result.stderr


def test_l1_json_problems_name_their_line(tmp_path: Path) -> None:
    body = (
        '{\n\t"respondent": {"name": "X", "role": "executive"},\n\t"answers": {\n'
        '\t\t"crm-vision-written": "written",\n\t\t"crm-understanding": 99\n\t}\n}\n'
    )
    path = _json_answers(tmp_path, body)
    result = run("score", "--questionnaire", EXECUTIVE, "--answers", str(path))
    assert result.exit_code == 2
    assert f"{path}:5:" in result.stderr
    nested = _json_answers(tmp_path, '{"a":\n' + "[" * 100_000 + "]" * 100_000 + "}")
    deep = run("score", "--questionnaire", EXECUTIVE, "--answers", str(nested))
    assert deep.exit_code == 2
    assert f"{nested}:2: " in deep.stderr


def test_l1_json_still_reads_like_before(tmp_path: Path) -> None:
    path = _json_answers(tmp_path, json.dumps({"a": [1, 2.5, True, None, "é\u00e9"], "b": {}}))
    doc = read_document(path)
    assert doc.data == {"a": [1, 2.5, True, None, "éé"], "b": {}}


def _free_after(fifo: Path, seconds: float) -> None:
    """Open the pipe's writing end later, so that a reader stuck on it fails instead of hanging."""
    time.sleep(seconds)
    with contextlib.suppress(OSError):
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


def test_l2_device_files_and_pipes_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    threading.Thread(target=_free_after, args=(fifo, 30.0), daemon=True).start()
    for path in (fifo, Path("/dev/null"), Path("/dev/zero")):
        started = time.perf_counter()
        result = run("score", "--questionnaire", EXECUTIVE, "--answers", str(path))
        assert time.perf_counter() - started < 15.0, "refused at once, not after the pipe opens"
        assert result.exit_code == 2
        assert f"{path}:1: not a regular file" in result.stderr


def test_l2_targets_device_file_is_refused() -> None:
    result = run(
        "score", "--questionnaire", EXECUTIVE, "--answers", str(CEO), "--targets", "/dev/null"
    )
    assert result.exit_code == 2
    assert "/dev/null:1: not a regular file" in result.stderr


def test_l8_yaml_1_1_numbers_and_dates_stay_text() -> None:
    doc = parse_yaml("a: 0x10\nb: 1_000\nc: 1:30\nd: 010\ne: 2026-01-01\nf: 2026-02-30\n", "t.yaml")
    assert doc.data == {
        "a": "0x10",
        "b": "1_000",
        "c": "1:30",
        "d": "010",
        "e": "2026-01-01",
        "f": "2026-02-30",
    }
    numbers = parse_yaml("a: 16\nb: -3\nc: 1.5\nd: 1e3\ne: .5\n", "n.yaml").data
    assert numbers == {"a": 16, "b": -3, "c": 1.5, "d": 1000.0, "e": 0.5}


def test_l8_number_answer_written_as_hex_is_refused(tmp_path: Path) -> None:
    text = CEO.read_text().replace("crm-understanding: 2", "crm-understanding: 0x2")
    path = tmp_path / "hex.yaml"
    path.write_text(text)
    result = run("score", "--questionnaire", EXECUTIVE, "--answers", str(path))
    assert result.exit_code == 2
    assert "crm-understanding" in result.stderr


def test_l8_comment_that_is_a_date_is_text(tmp_path: Path) -> None:
    text = CEO.read_text() + "comments:\n  crm-understanding: 2026-01-01\n"
    path = tmp_path / "dated.yaml"
    path.write_text(text)
    result = run("score", "--questionnaire", EXECUTIVE, "--answers", str(path))
    assert result.exit_code == 0, result.stderr
