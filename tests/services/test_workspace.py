"""The workspace: content loaded once, a fingerprint that follows the files, nothing from the
environment or the working folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assessor.domain.errors import ContentInvalid
from assessor.services.content import describe_catalogue, describe_questionnaires, validate
from assessor.services.workspace import open_workspace
from tests.fixtures.scoring.support import CONTENT_DIR


def test_the_fingerprint_follows_the_content_and_the_report_files(tmp_path: Path) -> None:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy)
    first = open_workspace(copy)
    assert open_workspace(copy).fingerprint == first.fingerprint
    title = copy / "frameworks" / "mini.yaml"
    title.write_text(title.read_text().replace("title:", "title:", 1) + "\n# a comment\n")
    assert open_workspace(copy).content.fingerprint == first.content.fingerprint, (
        "comments do not change what is measured"
    )
    title.write_text(title.read_text().replace("weight: 2", "weight: 3", 1))
    changed = open_workspace(copy)
    assert changed.content.fingerprint != first.content.fingerprint
    (copy / "reports" / "i18n").mkdir(parents=True)
    (copy / "reports" / "i18n" / "en.yaml").write_text("cover:\n  no_client: Our client\n")
    rebranded = open_workspace(copy)
    assert rebranded.content.fingerprint == changed.content.fingerprint
    assert rebranded.fingerprint != changed.fingerprint


def test_no_service_reads_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ASSESSOR_CONTENT_DIR", str(tmp_path / "nowhere"))
    monkeypatch.chdir(tmp_path)
    ws = open_workspace(CONTENT_DIR)
    assert ws.root == CONTENT_DIR.resolve()
    assert "mini-workshop" in ws.content.questionnaires
    assert "consultant-workshop" in open_workspace().content.questionnaires, "shipped content"


def test_invalid_content_is_refused_with_every_error(tmp_path: Path) -> None:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy)
    mini = copy / "frameworks" / "mini.yaml"
    mini.write_text(mini.read_text() + "colour: blue\n")
    with pytest.raises(ContentInvalid) as caught:
        open_workspace(copy)
    assert [str(e) for e in caught.value.errors] == [
        f"{mini}:{len(mini.read_text().splitlines())}: colour: unknown key 'colour'"
    ]
    count, errors = validate([copy / "frameworks", copy / "questionnaires"], base=tmp_path)
    assert count == 9 and [e.file for e in errors] == ["content/frameworks/mini.yaml"]


def test_content_is_described_in_one_language() -> None:
    ws = open_workspace()
    risks = describe_catalogue(ws.content, "risks", "ru")
    assert risks[0]["title"] == "Технология раньше стратегии"
    listed = {q["id"]: q for q in describe_questionnaires(ws.content, "en")}
    assert listed["executive-self-assessment"]["audience"] == "executive"
