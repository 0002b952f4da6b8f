"""`assessor export`, `assessor import-answers` and the roadmap's calendar, as a consultant uses them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from assessor.cli import cli
from tests.fixtures.scoring.support import ANSWERS_DIR, CONTENT_DIR

ANN, BO = str(ANSWERS_DIR / "ann.yaml"), str(ANSWERS_DIR / "bo.json")
HEADER = ["Timestamp", "Your name", "Your role", "Is our vision clear?", "Sponsor?", "Tools"]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--content", str(CONTENT_DIR), *args])
    return result.exit_code, result.stdout, result.stderr


def form_export(path: Path, rows: list[list[str]]) -> Path:
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *rows])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def mapping(path: Path) -> Path:
    path.write_text(
        "questionnaire: mini-workshop\nname: Your name\nrole: Your role\n"
        "roles: {CEO: executive, Sales: staff}\n"
        "columns: {'Is our vision clear?': vision-clear, 'Sponsor?': sponsor, Tools: tech-tools}\n"
        "values: {sponsor: {'Yes, named': 'yes', 'Not yet': 'no'}}\n"
    )
    return path


def test_json_export_then_import_scores_the_same(tmp_path: Path) -> None:
    exported = tmp_path / "assessment.json"
    code, _, err = invoke("export", "--questionnaire", "mini-workshop", "--answers", ANN,
                          "--answers", BO, "--format", "json", "--output", str(exported))  # fmt: skip
    assert code == 0, err
    folder = tmp_path / "back"
    code, _, err = invoke("import-answers", str(exported), "--output-dir", str(folder))
    assert code == 0, err
    assert len(list(folder.glob("*.yaml"))) == 2
    before = json.loads(invoke("score", "--questionnaire", "mini-workshop", "--answers", ANN,
                               "--answers", BO, "--format", "json")[1])  # fmt: skip
    after = json.loads(invoke("score", "--questionnaire", "mini-workshop", "--answers",
                              str(folder), "--format", "json")[1])  # fmt: skip
    for key in ("readiness", "frameworks", "risks", "disagreement"):
        if key == "frameworks":
            for framework in (before, after):
                for f in framework[key].values():
                    for d in f["dimensions"].values():
                        d.pop("by_respondent")
        assert after[key] == before[key], key


def test_a_forms_export_is_imported_through_a_reusable_mapping(tmp_path: Path) -> None:
    source = form_export(
        tmp_path / "form.csv",
        [
            ["2026-11-30 10:00", "Ann Exec", "CEO", "5", "Yes, named", "email; crm"],
            ["2026-11-30 10:05", "", "Sales", "2", "Not yet", "spreadsheet"],
        ],
    )
    folder = tmp_path / "answers"
    code, _, err = invoke("import-answers", str(source), "--mapping",
                          str(mapping(tmp_path / "map.yaml")), "--output-dir", str(folder))  # fmt: skip
    assert code == 0, err
    files = sorted(folder.glob("*.yaml"))
    first, second = (yaml.safe_load(f.read_text()) for f in files)
    assert first["respondent"] == {"name": "Ann Exec", "role": "executive"}
    assert first["answers"] == {
        "vision-clear": "5",
        "sponsor": "yes",
        "tech-tools": ["email", "crm"],
    }
    assert second["respondent"] == {"name": "Respondent 2", "role": "staff"}
    code, out, _ = invoke("score", "--questionnaire", "mini-workshop", "--answers", str(folder))
    assert code == 0 and "2 respondent(s)" in out


def test_every_bad_row_and_value_is_named_and_nothing_is_imported(tmp_path: Path) -> None:
    source = form_export(
        tmp_path / "form.csv",
        [
            ["2026-11-30 10:00", "Ann Exec", "Chairman", "5", "Yes, named", "email"],
            ["2026-11-30 10:05", "Bo", "Sales", "seven", "Maybe", "email"],
        ],
    )
    folder = tmp_path / "answers"
    code, _, err = invoke("import-answers", str(source), "--mapping",
                          str(mapping(tmp_path / "map.yaml")), "--output-dir", str(folder))  # fmt: skip
    assert code == 2
    assert f"{source}:2: column 'Your role': role 'chairman' is not one of" in err
    assert f"{source}:3: column 'Is our vision clear?': 'seven' is not one of the options" in err
    assert f"{source}:3: column 'Sponsor?': 'Maybe' is not one of the options" in err
    assert not folder.exists()


def test_a_first_mapping_is_guessed_from_the_headers(tmp_path: Path) -> None:
    source = form_export(tmp_path / "form.csv", [])
    guessed = tmp_path / "map.yaml"
    code, _, err = invoke("import-answers", str(source), "--questionnaire", "mini-workshop",
                          "--guess-mapping", str(guessed))  # fmt: skip
    assert code == 0, err
    spec = yaml.safe_load(guessed.read_text())
    assert (spec["name"], spec["role"]) == ("Your name", "Your role")
    assert "Timestamp" in spec["unmapped"]


def test_the_roadmap_milestones_as_a_calendar(tmp_path: Path) -> None:
    code, out, _ = invoke("roadmap", "--questionnaire", "mini-workshop", "--answers", BO,
                          "--start", "2027-01-04", "--format", "ics")  # fmt: skip
    assert code == 0
    assert out.startswith("BEGIN:VCALENDAR") and out.count("BEGIN:VEVENT") >= 1
    assert "phase complete" in out and "DTSTART;VALUE=DATE:2027" in out
    code, _, err = invoke("roadmap", "--questionnaire", "mini-workshop", "--answers", BO,
                          "--format", "ics")  # fmt: skip
    assert code == 2 and "give the roadmap a start (--start)" in err


def test_compare_two_exports_as_stored_or_rescored_after_a_content_change(tmp_path: Path) -> None:
    import shutil

    first, second = tmp_path / "q1.json", tmp_path / "q2.json"
    code, _, err = invoke("export", "--questionnaire", "mini-workshop", "--answers", BO,
                          "--format", "json", "--output", str(first))  # fmt: skip
    assert code == 0, err
    changed = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, changed)
    mini = changed / "frameworks" / "mini.yaml"
    mini.write_text(mini.read_text().replace("weight: 2", "weight: 3", 1))
    result = CliRunner().invoke(
        cli, ["--content", str(changed), "export", "--questionnaire", "mini-workshop",
              "--answers", ANN, "--format", "json", "--output", str(second)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    code, out, _ = invoke("compare", str(first), str(second))
    assert code == 0
    assert "The content changed between the two" in out and "--rescore" in out
    assert "RISKS RESOLVED: tech-before-strategy, no-sponsor" in out
    code, out, _ = invoke("compare", str(first), str(second), "--rescore", "--format", "json")
    data = json.loads(out)
    assert data["same_content"] is True, "both scored again on the content in force"
    assert data["band_change"] >= 1


def test_roles_the_content_defines_come_in_from_a_form(tmp_path: Path) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    readiness = content / "frameworks" / "readiness.yaml"
    readiness.write_text(
        readiness.read_text()
        + "roles:\n  - {id: architect, title: Architect}\n  - {id: executive, title: Executive}\n"
    )
    source = form_export(
        tmp_path / "form.csv",
        [["2026-11-30 10:00", "Ann", "Architect", "5", "Yes, named", "email"],
         ["2026-11-30 10:05", "Bo", "Staff", "4", "Not yet", "email"]],
    )  # fmt: skip
    spec = mapping(tmp_path / "map.yaml")
    spec.write_text(spec.read_text().replace("roles: {CEO: executive, Sales: staff}", "roles: {}"))
    result = CliRunner().invoke(
        cli, ["--content", str(content), "import-answers", str(source), "--mapping", str(spec),
              "--output-dir", str(tmp_path / "answers")],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "role 'staff' is not one of: architect, executive" in result.stderr
    assert "role 'architect'" not in result.stderr
