"""`assessor template` and `assessor import`: a question bank started from a spreadsheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from assessor.cli import cli
from assessor.services.authoring import COLUMNS
from assessor.services.authoring_actions import ACTION_COLUMNS
from tests.fixtures.scoring.support import CONTENT_DIR

ROWS = [
    ["id", "text", "text_ru", "type", "options", "weight", "audience", "maps_to", "condition"],
    [
        "vision-written",
        "Our vision is written down.",
        "Наше видение записано.",
        "single",
        "yes = Yes = 1; no = No = 0",
        "2",
        "executive; workshop",
        "mini/vision * 2; other/metrics",
        "",
    ],
    [
        "vision-known",
        "Everyone knows it.",
        "",
        "single",
        "yes = Yes = 1; no = No = 0",
        "",
        "workshop",
        "mini/vision",
        "vision-written = yes",
    ],
]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--content", str(CONTENT_DIR), *args])
    return result.exit_code, result.stdout, result.stderr


def import_bank(source: Path, output: Path) -> tuple[int, str, str]:
    """Import a spreadsheet as the bank 'visions' into `output`."""
    return invoke(
        "import", "question-bank", str(source), "--id", "visions", "--title", "Visions",
        "--output", str(output),
    )  # fmt: skip


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_the_template_has_every_column_and_an_example(tmp_path: Path) -> None:
    for name in ("bank.csv", "bank.xlsx"):
        code, _, err = invoke("template", "question-bank", "--output", str(tmp_path / name))
        assert code == 0, err
    with (tmp_path / "bank.csv").open(encoding="utf-8") as stream:
        header, example = list(csv.reader(stream))
    assert header == list(COLUMNS)
    assert example[0] == "sponsor-named"
    sheet = load_workbook(tmp_path / "bank.xlsx").active
    assert sheet is not None
    assert [cell.value for cell in sheet[1]] == list(COLUMNS)


def test_a_csv_becomes_a_valid_bank_with_translations_mappings_and_conditions(
    tmp_path: Path,
) -> None:
    source = write_csv(tmp_path / "questions.csv", ROWS)
    output = tmp_path / "bank.yaml"
    code, _, err = import_bank(source, output)
    assert code == 0, err
    assert "wrote" in err and "(2 questions)" in err
    bank = yaml.safe_load(output.read_text(encoding="utf-8"))
    first, second = bank["questions"]
    assert first["text"] == {"en": "Our vision is written down.", "ru": "Наше видение записано."}
    assert first["maps_to"] == [
        {"dimension": "mini/vision", "weight": 2},
        {"dimension": "other/metrics", "weight": 1},
    ]
    assert second["condition"] == {"question": "vision-written", "equals": "yes"}
    assert second["text"] == "Everyone knows it."
    folders = [str(CONTENT_DIR / "frameworks"), str(CONTENT_DIR / "questionnaires")]
    code, _, err = invoke("validate", *folders, str(output))
    assert code == 0, err


def test_an_xlsx_is_read_like_a_csv(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "questions"
    for row in ROWS:
        sheet.append(row)
    source = tmp_path / "questions.xlsx"
    book.save(source)
    output = tmp_path / "bank.yaml"
    code, _, err = import_bank(source, output)
    assert code == 0, err
    assert [q["id"] for q in yaml.safe_load(output.read_text())["questions"]] == [
        "vision-written",
        "vision-known",
    ]


def test_every_bad_cell_is_reported_by_row_and_column_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    rows = [list(row) for row in ROWS]
    rows[1][5] = "two"
    rows[2][4] = "yes = Yes"
    source = write_csv(tmp_path / "questions.csv", rows)
    output = tmp_path / "bank.yaml"
    code, _, err = import_bank(source, output)
    assert code == 2
    assert f"{source}:2: column 'weight': 'two' is not a number" in err
    assert f"{source}:3: column 'options': 'yes = Yes' is not 'value = label = score'" in err
    assert not output.exists()


def test_a_dimension_the_content_lacks_is_refused_at_its_row(tmp_path: Path) -> None:
    rows = [list(row) for row in ROWS]
    rows[2][7] = "mini/visoin"
    source = write_csv(tmp_path / "questions.csv", rows)
    output = tmp_path / "bank.yaml"
    code, out, _ = import_bank(source, output)
    assert code == 1
    assert out.splitlines() == [
        f"{source}:3: maps_to[0].dimension: unknown dimension 'visoin' in framework 'mini'"
    ]
    assert not output.exists()


def test_an_unknown_column_is_named(tmp_path: Path) -> None:
    rows = [list(row) for row in ROWS]
    rows[0][1] = "question"
    source = write_csv(tmp_path / "questions.csv", rows)
    code, _, err = import_bank(source, tmp_path / "bank.yaml")
    assert code == 2
    assert f"{source}:1: unknown column(s) question" in err


def test_a_dont_know_column_lets_respondents_say_they_do_not_know(tmp_path: Path) -> None:
    rows = [[*row] for row in ROWS]
    rows[0].append("dont_know")
    rows[1].append("yes")
    rows[2].append("")
    source = write_csv(tmp_path / "questions.csv", rows)
    output = tmp_path / "bank.yaml"
    code, _, err = import_bank(source, output)
    assert code == 0, err
    first, second = yaml.safe_load(output.read_text(encoding="utf-8"))["questions"]
    assert first["dont_know"] is True
    assert "dont_know" not in second
    rows[2][-1] = "perhaps"
    code, _, err = import_bank(write_csv(tmp_path / "bad.csv", rows), tmp_path / "bad.yaml")
    assert code == 2
    assert "column 'dont_know': 'perhaps' is not yes or no" in err


ACTION_ROWS = [
    ["id", "title", "title_ru", "description", "phase", "effort", "impact", "duration_weeks",
     "prerequisites", "raises", "kpis", "deliverables", "deliverables_ru", "step", "side_work",
     "scales", "scales_by", "cadence", "source"],
    ["pilot-site", "Pilot one site", "Пилот на одном объекте", "One site first.", "delivery",
     "medium", "high", "4", "", "mini/technology", "adoption", "Pilot report; Lessons",
     "Отчёт о пилоте; Уроки", "pilot", "no", "yes", "", "", "Test"],
    ["steering", "Steering reviews", "", "Every month.", "direction", "low", "medium", "1",
     "pilot-site", "mini/vision; mini/technology", "", "", "", "", "yes", "", "", "4", "Test"],
]  # fmt: skip


def import_library(source: Path, output: Path) -> tuple[int, str, str]:
    return invoke(
        "import", "action-library", str(source), "--id", "more-actions", "--title", "More",
        "--output", str(output),
    )  # fmt: skip


def test_the_action_template_has_the_planning_columns(tmp_path: Path) -> None:
    code, _, err = invoke("template", "action-library", "--output", str(tmp_path / "a.csv"))
    assert code == 0, err
    with (tmp_path / "a.csv").open(encoding="utf-8") as stream:
        header, example = list(csv.reader(stream))
    assert header == list(ACTION_COLUMNS)
    assert {"step", "side_work", "scales", "scales_by", "cadence"} <= set(header)
    assert example[0] == "sponsor-briefings"


def test_a_csv_of_actions_becomes_a_valid_library_with_steps_side_work_and_cadence(
    tmp_path: Path,
) -> None:
    source = write_csv(tmp_path / "actions.csv", ACTION_ROWS)
    output = tmp_path / "more.yaml"
    code, _, err = import_library(source, output)
    assert code == 0, err
    assert "(2 actions)" in err
    pilot, steering = yaml.safe_load(output.read_text(encoding="utf-8"))["actions"]
    assert pilot["title"] == {"en": "Pilot one site", "ru": "Пилот на одном объекте"}
    assert pilot["deliverables"][0] == {"en": "Pilot report", "ru": "Отчёт о пилоте"}
    assert (pilot["step"], pilot["scales"], pilot["kpis"]) == ("pilot", True, ["adoption"])
    assert "side_work" not in pilot
    assert steering["side_work"] is True
    assert steering["recurring"] == {"every_weeks": 4}
    assert steering["raises"] == ["mini/vision", "mini/technology"]


def test_bad_action_cells_and_an_unknown_scale_rule_are_refused_at_their_row(
    tmp_path: Path,
) -> None:
    rows = [list(row) for row in ACTION_ROWS]
    rows[1][14] = "sometimes"
    rows[2][17] = "monthly"
    source = write_csv(tmp_path / "actions.csv", rows)
    output = tmp_path / "more.yaml"
    code, _, err = import_library(source, output)
    assert code == 2
    assert f"{source}:2: column 'side_work': 'sometimes' is not yes or no" in err
    assert f"{source}:3: column 'cadence': 'monthly' is not a number" in err
    rows = [list(row) for row in ACTION_ROWS]
    rows[2][16] = "users"
    code, out, _ = import_library(write_csv(tmp_path / "actions.csv", rows), output)
    assert code == 1
    assert out.splitlines() == [f"{source}:3: scales_by: unknown scale rule 'users'"]
    assert not output.exists()
