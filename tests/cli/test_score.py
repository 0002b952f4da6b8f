"""`assessor score`: the verdict in a terminal and as JSON; bad input gives a clear error and no output."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from assessor.cli import cli
from assessor.cli.score import render_assessment
from assessor.domain.schema import DisplayScale
from assessor.domain.units import in_units
from assessor.services.assessments import score
from tests.fixtures.scoring.support import ANSWERS_DIR, CONTENT_DIR, QUESTIONNAIRE, respond
from tests.helpers import workspace

ANN = str(ANSWERS_DIR / "ann.yaml")
BO = str(ANSWERS_DIR / "bo.json")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        cli, ["--content", str(CONTENT_DIR), "score", "--questionnaire", "mini-workshop", *args]
    )
    return result.exit_code, result.stdout, result.stderr


def test_json_output_has_the_documented_keys_and_values() -> None:
    code, out, _ = run("--answers", ANN, "--answers", BO, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {"readiness", "frameworks", "risks", "disagreement", "confidence"} <= set(data)
    assert data["readiness"]["band"] == "foundations-first"
    assert data["readiness"]["score"] == 58.125
    vision = data["frameworks"]["mini"]["dimensions"]["vision"]
    assert (vision["score"], vision["level"], vision["level_name"]) == (50.0, 2, "Walk")
    assert vision["spread"] == {"sd": 50.0, "min": 0.0, "max": 100.0}
    assert vision["by_role"] == {"executive": 100.0, "staff": 0.0}
    assert [r["id"] for r in data["risks"]] == ["no-sponsor"]
    assert data["risks"][0]["evidence"] == ["sponsor: 1 of 2 respondents answered 'no'"]
    assert data["disagreement"]["perception_gap"]["flagged"] is True
    assert data["confidence"]["by_respondent"] == {
        "tests/fixtures/scoring/answers/ann.yaml": 1.0,
        "tests/fixtures/scoring/answers/bo.json": 0.875,
    }
    assert [r["id"] for r in data["respondents"]] == list(data["confidence"]["by_respondent"])
    assert [r["name"] for r in data["respondents"]] == ["Ann Exec", "Bo Staff"]


def test_text_output_reads_like_a_verdict() -> None:
    code, out, _ = run("--answers", BO, "--answers", ANN)
    assert code == 0
    assert "READINESS: FOUNDATIONS FIRST (58.1/100)" in out
    assert "Mini framework (mini): 52.5/100" in out
    assert "  Vision       50.0  2 Walk      70   20.0      100%   50.0        4" in out
    assert "[HIGH] No executive sponsor (no-sponsor)" in out
    assert "because sponsor: 1 of 2 respondents answered 'no'" in out
    assert "mini/vision: sd 50.0 (from 0.0 to 100.0)" in out
    assert "Perception gap: executives 90.6, others 0.0, gap +90.6" in out
    assert "Confidence: 94% of the questions asked were answered (17 of 18" in out


def test_a_capping_gate_is_explained(tmp_path: Path) -> None:
    answers = tmp_path / "tech.yaml"
    answers.write_text(
        "respondent: {name: Tess, role: it}\n"
        "answers: {strategy-written: none, crm-status: live, tech-tools: [crm, erp], sponsor: 'yes',\n"
        "  sponsor-time: 5, vision-clear: 5, vision-shared: 'yes', metrics-kpis: 5, tech-budget: 90}\n"
    )
    code, out, _ = run("--answers", str(answers))
    assert code == 0
    assert "Capped from 'ready-to-scale' by gate(s):" in out
    assert (
        "- direction: Direction first: below 50: mini/strategy 33.3 (band at most 'foundations-first')"
        in out
    )
    assert (
        "- critical-risk: No critical failure pattern: risk triggered: tech-before-strategy "
        "(band at most 'foundations-first')"
    ) in out
    assert "[CRITICAL] Technology before strategy (tech-before-strategy)" in out


def test_targets_change_the_gap(tmp_path: Path) -> None:
    targets = tmp_path / "targets.yaml"
    targets.write_text("targets: {mini/vision: 90}\ndefault: 60\n")
    code, out, _ = run("--answers", ANN, "--targets", str(targets), "--format", "json")
    assert code == 0
    dimensions = json.loads(out)["frameworks"]["mini"]["dimensions"]
    assert (dimensions["vision"]["target"], dimensions["vision"]["gap"]) == (90.0, 0.0)
    assert dimensions["people"]["target"] == 60.0


def test_a_bad_answer_names_file_respondent_and_question_and_prints_no_result(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("respondent: {name: Cy, role: staff}\nanswers:\n  vision-clear: 7\n")
    code, out, err = run("--answers", ANN, "--answers", str(bad))
    assert code == 2
    assert out == ""
    assert err.strip() == (
        f"error: {bad}:3: respondent 'Cy', question 'vision-clear': '7' is not one of the options: 1, 2, 3, 4, 5"
    )


def test_a_malformed_file_is_named_with_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("respondent: {name: Cy, role: staff}\nanswers:\n  vision-clear: [5\n")
    code, out, err = run("--answers", str(broken))
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {broken}:4: invalid YAML")
    broken_json = tmp_path / "broken.json"
    broken_json.write_text('{"respondent": {"name": "Cy", "role": "staff"},\n "answers": {,}}\n')
    code, out, err = run("--answers", str(broken_json))
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {broken_json}:2: invalid JSON")


def test_the_same_answers_file_twice_is_refused(tmp_path: Path) -> None:
    code, out, err = run("--answers", ANN, "--answers", str(Path(ANN).parent), "--answers", BO)
    assert (code, out) == (2, "")
    assert "the same answers file is given twice" in err


def test_two_respondents_with_one_name_stay_two_people(tmp_path: Path) -> None:
    first, second = tmp_path / "sam-1.yaml", tmp_path / "sam-2.yaml"
    first.write_text(
        "respondent: {name: Sam, role: executive}\nanswers: {vision-clear: 5, vision-shared: yes}\n"
    )
    second.write_text(
        "respondent: {name: Sam, role: staff}\nanswers: {vision-clear: 1, vision-shared: no}\n"
    )
    code, out, _ = run("--answers", str(first), "--answers", str(second), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [(r["name"], r["role"]) for r in data["respondents"]] == [
        ("Sam", "executive"),
        ("Sam", "staff"),
    ]
    vision = data["frameworks"]["mini"]["dimensions"]["vision"]
    assert sorted(vision["by_respondent"].values()) == [0.0, 100.0]
    assert len(data["confidence"]["by_respondent"]) == 2


def test_a_missing_file_and_an_unknown_questionnaire_are_refused(tmp_path: Path) -> None:
    code, out, err = run("--answers", str(tmp_path / "nobody.yaml"))
    assert (code, out) == (2, "")
    assert f"Invalid value for '--answers': Path '{tmp_path / 'nobody.yaml'}' does not exist" in err
    result = CliRunner().invoke(
        cli, ["--content", str(CONTENT_DIR), "score", "--questionnaire", "nope", "--answers", ANN]
    )
    assert result.exit_code == 2
    assert "unknown questionnaire 'nope'; known: mini-workshop" in result.stderr


def test_answers_may_be_a_folder_or_a_shell_glob() -> None:
    examples = Path(__file__).resolve().parents[2] / "examples" / "acme-workshop"
    files = sorted(str(p) for p in examples.glob("*.yaml"))
    runner = CliRunner()
    base = ["score", "--questionnaire", "consultant-workshop", "--format", "json"]
    by_folder = runner.invoke(cli, [*base, "--answers", str(examples)])
    by_glob = runner.invoke(cli, [*base, "--answers", *files])
    one_by_one = runner.invoke(cli, [*base, *(x for f in files for x in ("--answers", f))])
    assert by_folder.exit_code == 0, by_folder.output
    data = json.loads(by_folder.stdout)
    assert len(data["respondents"]) == 12
    assert by_glob.stdout == by_folder.stdout == one_by_one.stdout


def test_a_framework_shown_on_its_own_scale_keeps_0_to_100_beside_it(tmp_path: Path) -> None:
    """`display: {min: 0, max: 3, decimals: 2}`: JSON and text give 1.58 of 3 beside 52.5."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    mini = root / "frameworks" / "mini.yaml"
    mini.write_text(mini.read_text() + "display: {min: 0, max: 3, decimals: 2}\n")
    args = ["score", "--questionnaire", "mini-workshop", "--answers", ANN, "--answers", BO]
    result = CliRunner().invoke(cli, ["--content", str(root), *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    framework = json.loads(result.stdout)["frameworks"]["mini"]
    assert (framework["score"], framework["score_in_units"]) == (52.5, 1.58)
    assert framework["display"] == {"min": 0.0, "max": 3.0, "decimals": 2}
    vision = framework["dimensions"]["vision"]
    assert (vision["score"], vision["score_in_units"], vision["target_in_units"]) == (
        50.0,
        1.5,
        2.1,
    )
    text = CliRunner().invoke(cli, ["--content", str(root), *args]).stdout
    assert "Mini framework (mini): 52.5/100 = 1.58 of 3" in text
    assert "  Vision       50.0  2 Walk      70   20.0      100%   50.0        4  1.50 of 3" in text
    assert (
        "score_in_units"
        not in json.loads(run("--answers", ANN, "--format", "json")[1])["frameworks"]["mini"]
    )


def test_a_score_converts_to_the_framework_units() -> None:
    """The one conversion every output uses: min + (max - min) x score / 100, rounded."""
    scale = DisplayScale(min=1, max=5, decimals=1)
    assert (in_units(0, scale), in_units(50, scale), in_units(100, scale)) == (1.0, 3.0, 5.0)
    assert in_units(None, scale) is None
    assert in_units(42.0, None) == 42.0


def test_a_score_just_below_a_floor_or_target_is_not_printed_on_it() -> None:
    ws = workspace(CONTENT_DIR)
    assessment = score(ws, QUESTIONNAIRE, [respond("Tess", role="it", strategy_written="none")])
    vision = assessment.frameworks["mini"].dimensions["vision"]
    gate = dataclasses.replace(
        assessment.readiness.gates[0], passed=False, floor=50, failing={"mini/strategy": 49.96}
    )
    nearly = dataclasses.replace(
        assessment,
        readiness=dataclasses.replace(
            assessment.readiness, score=59.96, capped_by=[gate.id], gates=[gate]
        ),
        frameworks={
            "mini": dataclasses.replace(
                assessment.frameworks["mini"],
                dimensions={
                    "vision": dataclasses.replace(vision, score=69.97, target=70, gap=0.03)
                },
            )
        },
    )
    out = render_assessment(nearly, content=ws.content)
    assert "below 50: mini/strategy 49.9 " in out
    assert "(59.9/100)" in out  # the band "ready to pilot" starts at 60
    assert "  69.9  " in out and "  70    0.1  " in out  # below its target of 70 by 0.1 as printed
    assert "50.0" not in out and "60.0" not in out and "70.0" not in out
