"""`assessor schema` and `assessor show`: the shipped schema file and resolved content."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from assessor.cli import cli
from assessor.domain.yamlsrc import read_yaml

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parent.parent / "fixtures" / "content"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_shipped_schema_file_is_in_sync() -> None:
    shipped = json.loads((ROOT / "docs" / "content.schema.json").read_text())
    assert json.loads(run("schema")) == shipped, "run: assessor schema > docs/content.schema.json"


def test_schema_accepts_shipped_content_and_refuses_unknown_keys() -> None:
    schema = json.loads(run("schema"))
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted((ROOT / "frameworks").glob("*.yaml")):
        assert not list(validator.iter_errors(read_yaml(path).data)), path
    bad = read_yaml(FIXTURE / "frameworks" / "kpis.yaml").data
    bad["kpis"][0]["colour"] = "red"
    assert any("colour" in e.message for e in validator.iter_errors(bad))


def test_show_questionnaire_lists_every_question_with_options_and_mappings() -> None:
    data = json.loads(
        run("--content", str(FIXTURE), "show", "questionnaire", "short", "--format", "json")
    )
    questions = [q for s in data["sections"] for q in s["questions"]]
    assert [q["id"] for q in questions] == ["vision-shared", "software", "software-fit"]
    fit = questions[2]
    assert fit["type"] == "single"
    assert fit["options"] == [
        {"value": "after", "label": "After", "score": 1.0},
        {"value": "before", "label": "Before", "score": 0.0},
        {"value": "n/a", "label": "Not applicable", "score": None},
    ]
    assert fit["maps_to"] == [{"dimension": "mini/technology", "weight": 2.0}]
    assert fit["audience"] == ["workshop"]
    assert fit["condition"] == {"question": "software", "equals": "yes"}
    assert questions[0]["options"][1] == {"value": 2, "label": "Agree", "score": 4.0}


def test_show_questionnaire_as_text() -> None:
    text = run("--content", str(FIXTURE), "show", "questionnaire", "short")
    assert "[software-fit] (single, weight 1) Was it chosen after process analysis?" in text
    assert "shown if software = yes" in text
    assert "feeds: mini/technology x2" in text


def test_show_unknown_questionnaire_names_the_known_ones() -> None:
    result = CliRunner().invoke(cli, ["--content", str(FIXTURE), "show", "questionnaire", "nope"])
    assert result.exit_code == 2
    assert "unknown questionnaire 'nope'; known: short" in result.output


def test_show_risks_actions_frameworks_json() -> None:
    risks = json.loads(run("--content", str(FIXTURE), "show", "risks", "--format", "json"))
    assert risks[0]["id"] == "tech-before-strategy"
    assert risks[0]["mitigations"] == ["define-vision"]
    actions = json.loads(run("--content", str(FIXTURE), "show", "actions", "--format", "json"))
    assert [a["id"] for a in actions] == ["define-vision", "pilot"]
    frameworks = json.loads(
        run("--content", str(FIXTURE), "show", "frameworks", "--format", "json")
    )
    assert [d["id"] for d in frameworks[0]["dimensions"]] == ["vision", "technology"]
    text = run("--content", str(FIXTURE), "show", "risks")
    assert "[CRITICAL] tech-before-strategy: Technology before strategy" in text


def test_invalid_content_dir_gives_every_error_and_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "frameworks").mkdir()
    (tmp_path / "frameworks" / "x.yaml").write_text("kind: framework\nid: x\n")
    result = CliRunner().invoke(cli, ["--content", str(tmp_path), "show", "frameworks"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "error: the content is invalid" in result.stderr
    assert f"{tmp_path}/frameworks/x.yaml:1: missing required key 'title'" in result.stderr


def test_show_marks_questions_that_are_not_scored(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    bank = root / "questionnaires" / "bank.yaml"
    text = bank.read_text()
    fact = "    maps_to:\n      - dimension: mini/technology\n  - id: software-fit"
    assert text.count(fact) == 1
    bank.write_text(text.replace(fact, "  - id: software-fit"))
    out = run("--content", str(root), "show", "questionnaire", "short")
    assert "[software] (yesno, not scored) Have you bought software?" in out
    assert "               yes  Yes\n" in out
    assert "[vision-shared] (scale, weight 1) Is the vision shared?" in out


def test_show_frameworks_follows_the_readiness_model_not_file_names(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "scoring" / "content", content)
    (content / "frameworks" / "mini.yaml").rename(content / "frameworks" / "zz-mini.yaml")
    shown = json.loads(run("--content", str(content), "show", "frameworks", "--format", "json"))
    assert [f["id"] for f in shown] == ["mini", "other"], "the order `overall` weighs them in"
