"""Report templates from a content folder are untrusted: they run sandboxed and validate checks them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assessor.config import shipped_content_dir
from assessor.reporting import ReportError
from assessor.reporting.render import render_html
from tests.security.support import ROOT, run

FIXTURE = ROOT / "tests" / "reporting" / "fixtures" / "content"


def content_with_template(tmp_path: Path, name: str, source: str) -> Path:
    """A copy of the report tests' content folder with one more report template."""
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    (root / "reports" / f"{name}.html.j2").write_text(source)
    return root


@pytest.mark.parametrize(
    "payload",
    [
        "{{ cycler.__init__.__globals__.os.popen('touch PROOF').read() }}",
        "{{ ''.__class__.__mro__[1].__subclasses__()|length }}",
        "{% set x = [] %}{{ x.append(1) }}",
    ],
)
def test_h2_template_cannot_reach_os(tmp_path: Path, payload: str) -> None:
    proof = tmp_path / "proof"
    root = content_with_template(tmp_path, "evil", payload.replace("PROOF", str(proof)))
    dirs = [root / "reports", shipped_content_dir() / "reports"]
    with pytest.raises(ReportError, match=r"not allowed|unsafe|undefined|access"):
        render_html(dirs, "evil", {})
    assert not proof.exists()


def test_h2_report_templates_still_autoescape(tmp_path: Path) -> None:
    root = content_with_template(tmp_path, "echo", "<p>{{ name }}</p>")
    html = render_html([root / "reports"], "echo", {"name": "<script>x</script>"})
    assert html == "<p>&lt;script&gt;x&lt;/script&gt;</p>"


def test_h2_validate_checks_report_templates_compile(tmp_path: Path) -> None:
    root = content_with_template(tmp_path, "broken", "<p>\n{% if %}\n</p>\n")
    result = run("--content", str(root), "validate")
    assert result.exit_code == 1
    assert f"{root / 'reports' / 'broken.html.j2'}:2: template error" in result.stdout
