"""`assessor validate`: every kind of broken content file gives an exact file:line message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from assessor.cli import cli
from assessor.domain import yamlsrc

FIXTURE = Path(__file__).parent.parent / "fixtures" / "content"


def copy_fixture(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    return root


def edit(root: Path, name: str, old: str, new: str) -> Path:
    path = root / name
    text = path.read_text()
    assert text.count(old) == 1, f"{old!r} must occur once in {name}"
    path.write_text(text.replace(old, new))
    return path


def line_of(path: Path, snippet: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th line containing snippet."""
    hits = [n for n, line in enumerate(path.read_text().splitlines(), 1) if snippet in line]
    return hits[occurrence - 1]


def validate(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["validate", *args])
    return result.exit_code, result.stdout.splitlines()


def test_the_fixture_is_valid() -> None:
    code, lines = validate(str(FIXTURE))
    assert (code, lines) == (0, [])


def test_shipped_content_is_valid() -> None:
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    assert "file(s) valid" in result.stderr


def test_unknown_key_is_refused(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(root, "frameworks/mini.yaml", "    weight: 2\n", "    weight: 2\n    colour: red\n")
    code, lines = validate(str(root))
    assert code == 1
    assert lines == [
        f"{path}:{line_of(path, 'colour')}: dimensions[0].colour: unknown key 'colour'"
    ]


def test_unknown_dimension_in_maps_to(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(
        root, "questionnaires/bank.yaml", "dimension: mini/vision", "dimension: mini/visoin"
    )
    code, lines = validate(str(root))
    assert code == 1
    assert lines == [
        f"{path}:{line_of(path, 'mini/visoin')}: questions[0].maps_to[0].dimension: "
        "unknown dimension 'visoin' in framework 'mini'"
    ]


def test_unknown_framework_in_gate(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(
        root, "frameworks/models.yaml", "dimensions: [mini/vision]", "dimensions: [gartner/vision]"
    )
    _code, lines = validate(str(root))
    assert lines == [
        f"{path}:{line_of(path, 'gartner/vision')}: gates[0].dimensions[0]: "
        "unknown framework 'gartner' in 'gartner/vision'"
    ]


def test_unknown_question_in_questionnaire(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(
        root, "questionnaires/short.yaml", "[vision-shared, software,", "[vision-shared, sotfware,"
    )
    code, lines = validate(str(root))
    assert code == 1
    line = line_of(path, "sotfware")
    assert f"{path}:{line}: sections[0].questions[1]: unknown question 'sotfware'" in lines


def test_unknown_action_in_mitigations_and_prerequisites(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    risks = edit(
        root, "frameworks/risks.yaml", "mitigations: [define-vision]", "mitigations: [define-vison]"
    )
    library = edit(
        root,
        "frameworks/library.yaml",
        "prerequisites: [define-vision]",
        "prerequisites: [vision-work]",
    )
    _code, lines = validate(str(root))
    assert lines == [
        f"{library}:{line_of(library, 'vision-work')}: actions[1].prerequisites[0]: unknown action 'vision-work'",
        f"{risks}:{line_of(risks, 'define-vison')}: risks[0].mitigations[0]: unknown action 'define-vison'",
    ]


def test_unknown_risk_and_kpi_and_phase(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    models = edit(
        root, "frameworks/models.yaml", "risks: [tech-before-strategy]", "risks: [tech-first]"
    )
    library = edit(root, "frameworks/library.yaml", "kpis: [adoption]", "kpis: [adopted]")
    edit(root, "frameworks/library.yaml", "phase: technology", "phase: tech")
    _code, lines = validate(str(root))
    assert lines == [
        f"{library}:{line_of(library, 'adopted')}: actions[0].kpis[0]: unknown KPI 'adopted'",
        f"{library}:{line_of(library, 'phase: tech')}: actions[1].phase: unknown phase 'tech'",
        f"{models}:{line_of(models, 'tech-first')}: gates[1].risks[0]: unknown risk 'tech-first'",
    ]


def test_duplicate_question_id_across_files(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    extra = root / "questionnaires" / "extra.yaml"
    extra.write_text(
        "kind: question-bank\nid: extra\ntitle: Extra\nquestions:\n"
        "  - id: software\n    text: Again?\n    type: text\n    audience: [workshop]\n"
    )
    bank = root / "questionnaires" / "bank.yaml"
    _code, lines = validate(str(root))
    first = f"{bank}:{line_of(bank, 'id: software', 1)}"
    assert lines == [
        f"{extra}:5: questions[0].id: duplicate question id 'software' (first defined at {first})"
    ]


def test_duplicate_dimension_id_in_one_framework(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(root, "frameworks/mini.yaml", "  - id: technology\n", "  - id: vision\n")
    _code, lines = validate(str(root))
    assert (
        f"{path}:{line_of(path, '- id: vision', 2)}: dimensions[1]: duplicate dimension id 'vision'"
        in lines
    )


def test_weights_summing_to_zero(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    bank = edit(root, "questionnaires/bank.yaml", "        weight: 2\n", "        weight: 0\n")
    framework = edit(root, "frameworks/mini.yaml", "    weight: 2\n", "    weight: 0\n")
    edit(root, "frameworks/mini.yaml", "    weight: 1\n", "    weight: 0\n")
    code, lines = validate(str(root))
    assert code == 1
    assert lines == [
        f"{framework}:{line_of(framework, 'dimensions:')}: dimensions: dimension weights sum to zero",
        f"{bank}:{line_of(bank, 'maps_to:', 3)}: questions[2].maps_to: maps_to weights sum to zero",
    ]


def test_option_without_score(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(
        root,
        "questionnaires/bank.yaml",
        "        label: Before\n        score: 0\n",
        "        label: Before\n",
    )
    code, lines = validate(str(root))
    assert code == 1
    assert lines == [
        f"{path}:{line_of(path, 'value: before')}: questions[2].options[1]: missing required key 'score'"
    ]


def test_options_that_cannot_score(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(
        root,
        "questionnaires/bank.yaml",
        "        label: Agree\n        score: 4\n",
        "        label: Agree\n        score: 0\n",
    )
    _code, lines = validate(str(root))
    assert lines == [
        f"{path}:{line_of(path, '- id: vision-shared')}: questions[0]: every option has the same score: "
        "the question cannot score"
    ]


def test_cycle_in_depends_on(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(
        root,
        "frameworks/mini.yaml",
        "    weight: 2\n",
        "    weight: 2\n    depends_on: [technology]\n",
    )
    _code, lines = validate(str(root))
    assert lines == [
        f"{path}:{line_of(path, 'depends_on: [technology]')}: dimensions[0].depends_on: "
        "depends_on cycle: vision -> technology -> vision"
    ]


def test_cycle_in_prerequisites(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(
        root,
        "frameworks/library.yaml",
        "    duration_weeks: 2\n",
        "    duration_weeks: 2\n    prerequisites: [pilot]\n",
    )
    _code, lines = validate(str(root))
    assert lines == [
        f"{path}:{line_of(path, 'prerequisites: [pilot]')}: actions[0].prerequisites: "
        "prerequisite cycle: define-vision -> pilot -> define-vision"
    ]


def test_condition_naming_its_own_question(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(
        root,
        "questionnaires/bank.yaml",
        "      question: software\n",
        "      question: software-fit\n",
    )
    _code, lines = validate(str(root))
    assert (
        f"{path}:{line_of(path, 'question: software-fit')}: questions[2].condition.question: "
        "question 'software-fit' cannot be shown on its own answer" in lines
    )


def test_condition_naming_an_unknown_question(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(
        root, "questionnaires/bank.yaml", "      question: software\n", "      question: softwear\n"
    )
    _code, lines = validate(str(root))
    assert (
        f"{path}:{line_of(path, 'question: softwear')}: questions[2].condition.question: "
        "condition names unknown question 'softwear'" in lines
    )


def test_condition_asked_later_in_a_questionnaire(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(
        root,
        "questionnaires/short.yaml",
        "[vision-shared, software, software-fit]",
        "[vision-shared, software-fit, software]",
    )
    _code, lines = validate(str(root))
    assert lines == [
        f"{path}:{line_of(path, 'software-fit')}: sections[0].questions[1]: "
        "question 'software-fit' is shown on 'software', which comes later in this questionnaire"
    ]


def test_condition_value_that_is_not_an_option(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(root, "questionnaires/bank.yaml", "      equals: yes\n", "      equals: maybe\n")
    _code, lines = validate(str(root))
    assert lines == [
        f"{path}:{line_of(path, 'condition:')}: questions[2].condition: 'maybe' is not an option of question 'software'"
    ]


def test_risk_condition_with_unknown_key_is_explained(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(root, "frameworks/risks.yaml", "        - exceeds:\n", "        - exceed:\n")
    _code, lines = validate(str(root))
    assert lines == [
        f"{path}:{line_of(path, 'exceed:')}: risks[0].when.any[1]: "
        "a condition starts with one of: all, any, not, dimension, answer, exceeds"
    ]


def test_wrong_type_and_unknown_kind(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    framework = edit(root, "frameworks/library.yaml", "duration_weeks: 6", "duration_weeks: six")
    kpis = edit(root, "frameworks/kpis.yaml", "kind: kpi-catalogue", "kind: kpi-list")
    _code, lines = validate(str(root))
    assert lines == [
        f"{kpis}:1: kind: unknown kind 'kpi-list'; expected one of: framework, question-bank, questionnaire, "
        "risk-catalogue, action-library, kpi-catalogue, readiness-model, roadmap-model, references",
        f"{framework}:{line_of(framework, 'six')}: actions[1].duration_weeks: "
        "Input should be a valid integer, unable to parse string as an integer",
    ]


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(root, "frameworks/kpis.yaml", '    unit: "%"\n', '    unit: "%\n')
    code, lines = validate(str(path))
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}:")
    assert "invalid YAML" in lines[0]


def test_oversized_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_fixture(tmp_path)
    monkeypatch.setattr(yamlsrc, "MAX_FILE_BYTES", 100)
    path = root / "frameworks" / "mini.yaml"
    _code, lines = validate(str(path))
    size = path.stat().st_size
    assert lines == [f"{path}:1: file is {size:,} bytes; the limit is 100 bytes"]


def test_unsafe_yaml_tags_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text("kind: !!python/object/apply:os.system ['echo pwned']\n")
    code, lines = validate(str(path))
    assert code == 1
    assert lines == [
        f"{path}:1: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'"
    ]


def test_every_error_is_reported_at_once(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    edit(root, "frameworks/mini.yaml", "    weight: 2\n", "    weight: 2\n    colour: red\n")
    edit(root, "questionnaires/bank.yaml", "dimension: mini/vision", "dimension: mini/visoin")
    edit(root, "frameworks/risks.yaml", "mitigations: [define-vision]", "mitigations: [nothing]")
    result = CliRunner().invoke(cli, ["validate", str(root)])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 3
    assert "3 error(s) in 8 file(s)" in result.stderr


def test_yes_and_no_stay_text() -> None:
    doc = yamlsrc.parse_yaml("a: yes\nb: no\nc: true\n", "t.yaml")
    assert doc.data == {"a": "yes", "b": "no", "c": True}


def test_answer_sets_are_shared_across_banks_and_unknown_ones_named(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    bank = root / "questionnaires" / "bank.yaml"
    text = bank.read_text()
    start, end = text.index("answer_sets:"), text.index("questions:")
    bank.write_text(text[:start] + text[end:])
    shared = root / "questionnaires" / "sets.yaml"
    shared.write_text("kind: question-bank\nid: sets\ntitle: Sets\n" + text[start:end])
    assert validate(str(root)) == (0, [])
    edit(root, "questionnaires/bank.yaml", "answers: agree", "answers: agreed")
    code, lines = validate(str(root))
    assert code == 1
    assert lines == [
        f"{bank}:{line_of(bank, 'agreed')}: questions[0].answers: unknown answer set 'agreed'"
    ]


def test_a_wrong_key_in_a_condition_is_blamed_not_the_valid_key_beside_it(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(
        root, "frameworks/risks.yaml", "              equals: yes\n", "              is: yes\n"
    )
    code, lines = validate(str(root))
    assert code == 1
    assert lines == [
        f"{path}:{line_of(path, 'is: yes')}: risks[0].when.any[0].all[0].is: unknown key 'is'"
    ]


def test_a_missing_kind_gives_one_error_not_a_cascade(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(root, "frameworks/mini.yaml", "kind: framework\n", "")
    code, lines = validate(str(root))
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith(f"{path}:1: kind: missing 'kind'")


def test_a_file_that_is_not_yaml_hides_no_error_and_causes_no_cascade(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(root, "frameworks/kpis.yaml", "title: KPIs\n", "title: KPIs: [\n")
    code, lines = validate(str(root))
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith(f"{path}:3: invalid YAML")


def test_a_model_file_that_fails_its_schema_is_not_called_missing(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = edit(
        root, "frameworks/models.yaml", "title: Readiness\n", "title: Readiness\ncolour: red\n"
    )
    code, lines = validate(str(root))
    assert (code, lines) == (1, [f"{path}:4: colour: unknown key 'colour'"])


def test_a_file_with_an_unknown_key_still_has_its_cross_references_checked(
    tmp_path: Path,
) -> None:
    """The unknown key is reported, and so, in the same run, is what it would have hidden."""
    root = copy_fixture(tmp_path)
    path = edit(
        root, "frameworks/models.yaml", "title: Readiness\n", "title: Readiness\ncolour: red\n"
    )
    path.write_text(path.read_text().replace("    cap: not-ready\n", "    cap: level-1\n", 1))
    code, lines = validate(str(root))
    cap = line_of(path, "cap: level-1")
    assert (code, lines) == (
        1,
        [
            f"{path}:4: colour: unknown key 'colour'",
            f"{path}:{cap}: gates[0].cap: unknown band 'level-1'",
        ],
    )


def test_validate_checks_a_content_folders_reports_too(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    (root / "reports" / "i18n").mkdir(parents=True)
    wording = root / "reports" / "i18n" / "en.yaml"
    wording.write_text("cover:\n  kicker: Are we ready?\n  kickr: typo\n")
    layout = root / "reports" / "layout.yaml"
    layout.write_text("main_framework: mini\nphases_framework: mini-phases\n")
    for args in (["validate", str(root)], ["--content", str(root), "validate"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1, result.output
        assert result.stdout.splitlines() == [
            f"{wording}:3: cover.kickr: unknown wording key 'cover.kickr'",
            f"{layout}:2: phases_framework: unknown framework 'mini-phases'",
        ]


def test_validate_refuses_a_layout_listing_an_unknown_framework_at_its_line(
    tmp_path: Path,
) -> None:
    root = copy_fixture(tmp_path)
    (root / "reports").mkdir()
    layout = root / "reports" / "layout.yaml"
    layout.write_text(
        "frameworks:\n  - {id: mini, part: main}\n  - {id: mini-bases, part: table}\n"
        "  - id: mini\n    part: phases\n"
    )
    code, lines = validate(str(root))
    assert (code, lines) == (
        1,
        [f"{layout}:3: frameworks[1].id: unknown framework 'mini-bases'"],
    )
    layout.write_text("frameworks:\n  - {id: mini, part: main}\n  - {id: mini, part: main}\n")
    code, lines = validate(str(root))
    assert code == 1
    assert lines == [f"{layout}:1: frameworks: only one framework can be the main one: mini, mini"]


def test_a_named_level_outside_the_display_scale_is_refused_at_its_line(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = root / "frameworks" / "mini.yaml"
    path.write_text(
        path.read_text()
        + "display:\n  min: 0\n  max: 3\n  levels:\n    - {value: 0, name: Absent}\n"
        "    - {value: 4, name: Beyond}\n"
    )
    code, lines = validate(str(root))
    display = line_of(path, "display:")
    assert (code, lines) == (
        1,
        [f"{path}:{display}: display: levels[1].value 4 is outside the scale 0 to 3"],
    )


def test_a_rollout_that_reaches_no_pilot_is_valid(tmp_path: Path) -> None:
    """A rollout to everyone at once (no pilot before it) is a plan a consultant may choose:
    validate accepts it without an error or a warning."""
    root = copy_fixture(tmp_path)
    edit(
        root,
        "frameworks/library.yaml",
        "    phase: vision\n",
        "    phase: vision\n    step: rollout\n",
    )
    assert validate(str(root)) == (0, [])


def test_a_condition_may_name_a_question_of_a_bank_file_loaded_later(tmp_path: Path) -> None:
    """Conditions follow the questionnaire's order, not the order of the banks' file names."""
    root = copy_fixture(tmp_path)
    (root / "questionnaires" / "aa-first.yaml").write_text(
        "kind: question-bank\nid: first\ntitle: Loaded first\nquestions:\n"
        "  - id: software-owner\n    text: Who owns the software?\n    type: text\n"
        "    audience: [workshop]\n    condition: {question: software, equals: yes}\n"
    )
    edit(
        root,
        "questionnaires/short.yaml",
        "[vision-shared, software, software-fit]",
        "[vision-shared, software, software-fit, software-owner]",
    )
    assert validate(str(root)) == (0, [])


def test_an_unknown_phase_on_the_rollout_path_is_refused(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path)
    path = root / "frameworks" / "roadmap.yaml"
    path.write_text(path.read_text() + "rollout_path: [tecnology]\n")
    _code, lines = validate(str(root))
    assert lines == [
        f"{path}:{line_of(path, 'tecnology')}: rollout_path[0]: unknown phase 'tecnology'"
    ]
