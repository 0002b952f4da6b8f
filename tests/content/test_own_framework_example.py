"""The walk-through's own framework (ADKAR, from change management) works end to end."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from assessor.cli import cli

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "own-framework" / "adkar"
ANSWERS = str(EXAMPLE / "answers")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--content", str(EXAMPLE), *args])
    return result.exit_code, result.output


def test_the_example_framework_validates_scores_and_plans() -> None:
    assert run("validate") == (0, "ok: 9 file(s) valid\n")
    code, out = run("score", "--questionnaire", "adkar-survey", "--answers", ANSWERS)
    assert code == 0
    assert "READINESS: NOT READY (37.8/100)" in out
    assert "[HIGH] Training before desire" in out, "knowledge ahead of desire is the finding"
    code, out = run("roadmap", "--questionnaire", "adkar-survey", "--answers", ANSWERS)
    assert code == 0
    phases = [line for line in out.splitlines() if line.startswith("== ")]
    assert [p.split(" (")[0] for p in phases] == [
        "== 1. Prepare for change",
        "== 2. Manage change",
        "== 3. Reinforce change",
    ]


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("template", ["executive", "full"])
def test_the_example_report_speaks_of_its_own_framework(
    tmp_path: Path, template: str, lang: str
) -> None:
    pdf = tmp_path / f"adkar-{template}-{lang}.pdf"
    code, out = run(
        "report", "--questionnaire", "adkar-survey", "--answers", ANSWERS, "--client", "Test",
        "--template", template, "--lang", lang, "--output", str(pdf),
    )  # fmt: skip
    assert code == 0, out
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert [word for word in ("CRM", "Gartner", "Kale") if word in text] == []
    assert "Awareness" in text, "its own dimensions, in its own words"
    assert ("Readiness report" if lang == "en" else "Отчёт о готовности") in text
    of_five = "of 5" if lang == "en" else "из 5"
    assert of_five in text, "ADKAR's elements on Hiatt's 1-to-5 profile scale"
    if lang == "en":
        assert "2 areas are below 3.0, the lowest Desire (2.1), Awareness (2.7)" in text, (
            "the barrier point's numbers on the same scale"
        )


CRM_WORDS = ("CRM", "Gartner", "Kale", "ten bases")
"""Words of the shipped CRM content (ADKAR itself speaks of "building blocks of change")."""


def every_command_path(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command of the CLI as the words that call it, groups and their commands too."""
    found = [prefix]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found.extend(every_command_path(command, (*prefix, name)))
        else:
            found.append((*prefix, name))
    return found


def test_the_cli_speaks_of_no_crm_for_a_folder_that_is_not_about_crm() -> None:
    """Every command's --help, and the text each reading command prints for the example."""
    paths = every_command_path(cli)
    assert ("db", "upgrade") in paths and ("score",) in paths
    outputs = {" ".join(path) + " --help": run(*path, "--help") for path in paths}
    answers = ("--questionnaire", "adkar-survey", "--answers", ANSWERS)
    for args in (
        ("score", *answers),
        ("roadmap", *answers),
        ("show", "frameworks"),
        ("show", "risks"),
        ("show", "actions"),
        ("show", "kpis"),
        ("show", "questionnaires"),
        ("show", "questionnaire", "adkar-survey"),
        ("validate",),
        ("validate", "--lang", "ru"),
    ):
        outputs[" ".join(args)] = run(*args)
    for name, (code, out) in outputs.items():
        assert code in (0, 1), (name, out)
        assert out.strip(), name
        leaked = [word for word in CRM_WORDS if word.lower() in out.lower()]
        assert leaked == [], (name, leaked)
