"""Every client-facing text of the shipped content has a Russian version; validate lists any
that lacks one, at its file and line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from assessor.cli import cli
from assessor.domain.schema import Question
from assessor.domain.translations import missing_translations, texts
from tests.fixtures.scoring.support import CONTENT_DIR
from tests.helpers import workspace


def test_the_walk_finds_every_text_field_but_sources() -> None:
    question = Question(
        id="q",
        text="Question?",
        help="Help.",
        type="single",
        options=[
            {"value": "a", "label": "A", "score": 1},
            {"value": "b", "label": "B", "score": 0},
        ],
        audience=["workshop"],
        evidence="Evidence.",
        unit="people",
        source="Not translated",
    )
    assert {path for path, _ in texts(question)} == {
        ("text",),
        ("help",),
        ("evidence",),
        ("unit",),
        ("options", 0, "label"),
        ("options", 1, "label"),
    }
    content = workspace().content
    found = {path for loaded in content.files for path, _ in texts(loaded.model)}
    assert ("maturity", 0, "descriptors", "vision") in found
    assert ("actions", 0, "deliverables", 0) in found
    assert ("bands", 0, "verdict") in found


def test_every_shipped_text_has_a_russian_version() -> None:
    content = workspace().content
    checked = sum(1 for loaded in content.files for _ in texts(loaded.model))
    assert checked > 1000
    missing = missing_translations(content, "ru")
    assert missing == [], "\n".join(str(m) for m in missing[:50])


def test_validate_lists_every_text_without_a_version_in_the_language(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--content", str(CONTENT_DIR), "validate", "--lang", "ru"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    expected = (
        "frameworks/actions.yaml:6: actions[0].title: "
        "text has no version in 'ru': 'Write the CRM strategy'"
    )
    assert any(line.endswith(expected) for line in lines), lines[:5]
    english = CliRunner().invoke(cli, ["--content", str(CONTENT_DIR), "validate", "--lang", "en"])
    assert english.exit_code == 0
