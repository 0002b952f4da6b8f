"""Roles, audiences and risk pillars come from the content (the readiness model), not the code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assessor.domain.answers import parse_response
from assessor.domain.content import Content
from assessor.domain.errors import InputError
from assessor.domain.loader import load, load_content
from assessor.domain.scoring import score_assessment
from assessor.domain.yamlsrc import SourceDoc
from tests.fixtures.scoring.support import CONTENT_DIR, PREPARED, QUESTIONNAIRE, respond

ROLES = """roles:
  - {id: architect, title: {en: Architect, ru: Архитектор}}
  - {id: board, title: Board member, perception: true}
  - {id: executive, title: Executive}
"""


def own_content(tmp_path: Path, extra: str = ROLES) -> Path:
    """The scoring fixture content with the given lines added to its readiness model."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    readiness = root / "frameworks" / "readiness.yaml"
    readiness.write_text(readiness.read_text() + extra)
    return root


def loaded(root: Path) -> Content:
    return load_content([root / "frameworks", root / "questionnaires"])


def answers_of(content: Content, role: str) -> SourceDoc:
    data = {"respondent": {"name": "Ann", "role": role}, "answers": {"vision-clear": "5"}}
    return SourceDoc(file="ann.yaml", data=data)


def test_the_shipped_roles_are_the_default() -> None:
    content = load_content([CONTENT_DIR / "frameworks", CONTENT_DIR / "questionnaires"])
    assert content.role_ids == ("executive", "manager", "staff", "it", "external")
    assert content.perception_roles == {"executive"}
    assert [p.id for p in content.pillars] == [
        "strategy",
        "people",
        "process",
        "technology",
        "data",
    ]
    assert [a.id for a in content.audiences] == ["executive", "workshop"]


def test_a_role_the_content_defines_is_accepted_and_one_it_does_not_is_refused(
    tmp_path: Path,
) -> None:
    content = loaded(own_content(tmp_path))
    response = parse_response(answers_of(content, "architect"), content, QUESTIONNAIRE)
    assert response.respondent.role == "architect"
    with pytest.raises(InputError) as caught:
        parse_response(answers_of(content, "manager"), content, QUESTIONNAIRE)
    assert "role 'manager' is not one of: architect, board, executive" in str(caught.value)


def test_the_perception_gap_compares_the_roles_declared_perception(tmp_path: Path) -> None:
    """Board members against everyone else; an 'executive' role without the flag is 'else'."""
    content = loaded(own_content(tmp_path))
    low = {"vision_clear": "1", "vision_shared": "no"}
    high = {k.replace("-", "_"): v for k, v in PREPARED.items()}
    responses = [respond("Ann", "board", **high), respond("Bo", "executive", **{**high, **low})]
    gap = score_assessment(content, QUESTIONNAIRE, responses).disagreement.perception_gap
    assert gap.gap is not None and gap.gap > 0
    assert gap.dimensions["mini/vision"] == 100.0
    only_executives = [respond("Bo", "executive", **high), respond("Cy", "architect", **low)]
    gap = score_assessment(content, QUESTIONNAIRE, only_executives).disagreement.perception_gap
    assert gap.gap is None


def test_by_role_means_follow_the_content_roles(tmp_path: Path) -> None:
    content = loaded(own_content(tmp_path))
    high = {k.replace("-", "_"): v for k, v in PREPARED.items()}
    result = score_assessment(content, QUESTIONNAIRE, [respond("Cy", "architect", **high)])
    vision = result.frameworks["mini"].dimensions["vision"]
    assert list(vision.by_role) == ["architect"]


@pytest.mark.parametrize(
    ("extra", "file", "message"),
    [
        ("pillars: [{id: money}]\n", "risks.yaml", "unknown pillar"),
        ("audiences: [{id: board}]\n", "questions.yaml", "unknown audience"),
    ],
)
def test_an_undefined_pillar_or_audience_is_an_error_at_its_line(
    tmp_path: Path, extra: str, file: str, message: str
) -> None:
    root = own_content(tmp_path, extra)
    _, errors = load([root / "frameworks", root / "questionnaires"], base=root)
    found = [e for e in errors if message in e.message]
    assert found, errors
    assert found[0].file.endswith(file) and found[0].line > 0
