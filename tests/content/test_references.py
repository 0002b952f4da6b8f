"""References a client can check: every source cites a known publication; no internal words."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from assessor.cli import cli
from assessor.domain.content import citations, cited_references, cited_sources
from assessor.domain.loader import load
from tests.helpers import workspace

ROOT = Path(__file__).resolve().parents[2]
INTERNAL = ("seed", "domain brief")


def test_every_source_cites_a_reference_with_author_title_and_language() -> None:
    content = workspace(ROOT).content
    for item in content.files:
        for path, text in cited_sources(item.doc.data):
            refs = citations(text)
            assert refs, f"{item.doc.file}: {path} cites no reference"
            assert all(ref in content.references for ref in refs)
    for ref in cited_references(content):
        assert ref.authors and ref.title and ref.language


def test_cited_references_come_once_each_in_order_of_first_citation() -> None:
    content = workspace(ROOT).content
    cited = [r.id for r in cited_references(content)]
    assert len(cited) == len(set(cited))
    first = next(
        ref
        for item in content.files
        for _, text in cited_sources(item.doc.data)
        for ref in citations(text)
    )
    assert cited[0] == first


def test_an_unknown_citation_is_reported_at_its_file_and_line(tmp_path: Path) -> None:
    for folder in ("frameworks", "questionnaires"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    risks = tmp_path / "frameworks" / "risks.yaml"
    text = risks.read_text(encoding="utf-8")
    risks.write_text(text.replace("[kale-2004]", "[kale-2099]", 1), encoding="utf-8")
    line = next(
        i
        for i, row in enumerate(risks.read_text(encoding="utf-8").splitlines(), 1)
        if "kale-2099" in row
    )
    _, errors = load([tmp_path / "frameworks", tmp_path / "questionnaires"], tmp_path)
    messages = [str(e) for e in errors]
    assert any("unknown reference 'kale-2099'" in m and "risks.yaml" in m for m in messages)
    assert any(e.line in range(line - 3, line + 1) for e in errors if "kale-2099" in str(e))


def test_no_output_names_a_seed_or_the_domain_brief() -> None:
    runner = CliRunner()
    for folder in ("executive", "tech-first", "acme-workshop", "well-prepared", "careful"):
        files = sorted((ROOT / "examples" / folder).glob("*.yaml"))
        questionnaire = (
            "executive-self-assessment"
            if folder in ("executive", "careful")
            else "consultant-workshop"
        )
        for command in ("score", "roadmap"):
            for fmt in ("json", "text"):
                args = [command, "--questionnaire", questionnaire, "--format", fmt]
                for f in files:
                    args += ["--answers", str(f)]
                result = runner.invoke(cli, args)
                assert result.exit_code == 0, result.output
                lowered = result.output.lower()
                for word in INTERNAL:
                    assert word not in lowered, f"{folder} {command} {fmt}: '{word}'"
    shown = runner.invoke(cli, ["show", "risks", "--format", "json"])
    if shown.exit_code == 0:
        assert not any(w in json.dumps(json.loads(shown.output)).lower() for w in INTERNAL)
