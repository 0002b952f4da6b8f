"""`assessor roadmap`: the plan as JSON, CSV and text, from answers files."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from assessor.cli import cli

FIXTURE = Path(__file__).parent.parent / "fixtures" / "roadmap"
ANSWERS = FIXTURE / "answers"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(*args: str) -> Result:
    return CliRunner().invoke(
        cli, ["--content", str(FIXTURE), "roadmap", "--questionnaire", "demo-workshop", *args]
    )


def test_json_lists_every_scheduled_action_with_weeks_dates_and_why() -> None:
    result = run(
        "--answers", str(ANSWERS / "tech-first.yaml"), "--start", "2025-01-06", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    actions = {a["id"]: a for a in data["actions"]}
    assert list(actions)[:2] == ["appoint-sponsor", "name-owner-and-team"]
    sponsor = actions["appoint-sponsor"]
    assert {
        k: sponsor[k] for k in ("phase", "start_week", "end_week", "start", "end", "quick_win")
    } == {
        "phase": "mobilise",
        "start_week": 1,
        "end_week": 2,
        "start": "2025-01-06",
        "end": "2025-01-17",
        "quick_win": True,
    }
    assert [r["text"] for r in sponsor["rationale"]] == [
        "demo/sponsorship is 0 against a target of 70",
        "mitigates the risk 'No executive sponsor'",
    ]
    assert actions["crm-rollout"]["prerequisites"] == ["crm-pilot", "pilot-review"]
    assert min(a["start_week"] for a in data["actions"] if a["phase"] == "technology") == 23
    assert data["total_weeks"] == 39
    assert [p["id"] for p in data["phases"] if p["skipped"]] == []


def test_csv_has_one_action_a_row_ready_for_a_spreadsheet() -> None:
    result = run(
        "--answers", str(ANSWERS / "tech-first.yaml"), "--start", "2025-01-06", "--format", "csv"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        "id,title,phase,start_week,end_week,start,end,duration_weeks,effort,impact,"
        "prerequisites,quick_win,critical,rationale,kpis"
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 14
    pilot = next(r for r in rows if r["id"] == "crm-pilot")
    assert pilot == {
        "id": "crm-pilot",
        "title": "Pilot CRM in one unit",
        "phase": "technology",
        "start_week": "23",
        "end_week": "28",
        "start": "2025-06-09",
        "end": "2025-07-18",
        "duration_weeks": "6",
        "effort": "medium",
        "impact": "high",
        "prerequisites": "redesign-processes;clean-data",
        "quick_win": "no",
        "critical": "yes",
        "rationale": "needed before 'Roll CRM out company-wide' (crm-rollout); "
        "needed before 'Review the pilot' (pilot-review)",
        "kpis": "adoption",
    }


def test_csv_without_a_start_date_leaves_the_dates_blank() -> None:
    result = run("--answers", str(ANSWERS / "well-prepared.yaml"), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["id"], r["start"], r["end"]) for r in rows] == [
        ("kpi-dashboard", "", ""),
        ("monthly-review", "", ""),
    ]


def test_text_shows_phases_marks_gantt_and_kpi_plan() -> None:
    result = run("--answers", str(ANSWERS / "tech-first.yaml"))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("ROADMAP: 14 action(s) over 39 week(s)\n")
    assert (
        "== 1. Mobilise (weeks 1-4)\n  [QW][CP] Appoint an executive sponsor (appoint-sponsor)\n"
        in out
    )
    assert "      why: mitigates the risk 'Departmental silos'\n" in out
    assert "crm-rollout         |" + " " * 29 + "#" * 10 + "|\n" in out
    assert "monthly-review      |=" + " " * 38 + "| *\n" in out
    assert (
        "      baseline: ________   target: ________\n      moved by: clean-data, crm-rollout"
        in out
    )


def test_a_well_prepared_company_gets_a_short_plan_and_skipped_phases_say_why() -> None:
    result = run("--answers", str(ANSWERS / "well-prepared.yaml"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ROADMAP: 2 action(s) over 2 week(s)\n")
    assert (
        "== 3. Strategy: skipped\n"
        "   Nothing to do: demo/strategy is at target, and no risk calls for action here.\n"
    ) in result.stdout
    assert "      assumed in place: set-objectives\n" in result.stdout


def test_targets_change_the_plan(tmp_path: Path) -> None:
    targets = tmp_path / "targets.yaml"
    targets.write_text("targets: {demo/metrics: 50}\ndefault: 70\n")
    result = run(
        "--answers",
        str(ANSWERS / "well-prepared.yaml"),
        "--targets",
        str(targets),
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["actions"] == []


def test_a_bad_start_date_is_refused() -> None:
    result = run("--answers", str(ANSWERS / "tech-first.yaml"), "--start", "2025-13-01")
    assert result.exit_code == 2
    assert "Invalid value for '--start'" in result.stderr


def test_bad_answers_give_a_message_naming_the_file_not_a_traceback(tmp_path: Path) -> None:
    answers = tmp_path / "bad.yaml"
    answers.write_text("respondent: {name: Ann, role: staff}\nanswers:\n  q-vision: 9\n")
    result = run("--answers", str(answers))
    assert result.exit_code == 2
    assert str(answers) in result.stderr
    assert "q-vision" in result.stderr
    assert "Traceback" not in result.output


def test_validate_refuses_prerequisites_that_contradict_the_phase_order(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    library = root / "frameworks" / "actions.yaml"
    text = library.read_text()
    old = "    prerequisites: [appoint-sponsor]\n    raises: [demo/vision]\n"
    assert text.count(old) == 1
    library.write_text(
        text.replace(old, old.replace("[appoint-sponsor]", "[appoint-sponsor, clean-data]"))
    )
    result = CliRunner().invoke(
        cli, ["validate", str(root / "frameworks"), str(root / "questionnaires")]
    )
    assert result.exit_code == 1
    line = next(n for n, t in enumerate(library.read_text().splitlines(), 1) if "clean-data]" in t)
    assert result.stdout.splitlines() == [
        f"{library}:{line}: actions[2].prerequisites: prerequisites contradict the phase order: "
        "define-vision waits for clean-data waits for segment-customers waits for set-objectives "
        "waits for define-vision (a phase starts only after the phases in its starts_after have ended)"
    ]


def test_the_shipped_tech_first_example_opens_with_the_sponsor() -> None:
    answers = sorted((EXAMPLES / "tech-first").glob("*.yaml"))
    args = ["roadmap", "--questionnaire", "consultant-workshop", "--format", "csv"]
    for path in answers:
        args += ["--answers", str(path)]
    result = CliRunner().invoke(cli, [*args, "--targets", str(EXAMPLES / "targets.yaml")])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert (rows[0]["id"], rows[0]["phase"], rows[0]["start_week"]) == (
        "appoint-executive-sponsor",
        "mobilise",
        "1",
    )
    first_technology = min(int(r["start_week"]) for r in rows if r["phase"] == "technology")
    assert all(
        int(r["end_week"]) < first_technology
        for r in rows
        if r["phase"] in {"strategy", "organisation"}
    )
