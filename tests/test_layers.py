"""The house's floors: imports point only down, and the domain touches no file outside its loader.

domain <- reporting, store <- services <- cli, web. The web app reaches the database and the
reports only through services. The domain imports none of the others, nor
the configuration; only its loader and its YAML reader touch the file system. The command line
goes through services and never reaches into reporting.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "assessor"
FILE_SYSTEM = {"os", "pathlib", "shutil", "glob", "tempfile", "io"}
DOMAIN_READERS = {"assessor.domain.loader", "assessor.domain.yamlsrc"}
FORBIDDEN = {
    "assessor.domain": (
        "assessor.services",
        "assessor.reporting",
        "assessor.store",
        "assessor.web",
        "assessor.cli",
        "assessor.config",
    ),
    "assessor.reporting": ("assessor.services", "assessor.store", "assessor.web", "assessor.cli"),
    "assessor.store": ("assessor.services", "assessor.reporting", "assessor.web", "assessor.cli"),
    "assessor.services": ("assessor.web", "assessor.cli"),
    "assessor.cli": ("assessor.reporting", "assessor.web"),
    "assessor.web": ("assessor.store", "assessor.reporting", "assessor.cli"),
}


def modules() -> Iterator[tuple[str, Path]]:
    """Every module of the package, by dotted name."""
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        yield ".".join(p for p in parts if p != "__init__"), path


def imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth of its code (function-level imports too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def violations() -> list[str]:
    """Each import that points the wrong way, as `module imports target`."""
    wrong = []
    for name, path in modules():
        for layer, banned in FORBIDDEN.items():
            if name == layer or name.startswith(layer + "."):
                wrong += [
                    f"{name} imports {m}" for m in sorted(imports(path)) if m.startswith(banned)
                ]
        if name.startswith("assessor.domain") and name not in DOMAIN_READERS:
            touched = {m.split(".")[0] for m in imports(path)} & FILE_SYSTEM
            wrong += [f"{name} imports {m}" for m in sorted(touched)]
    return wrong


def test_imports_point_only_down_and_the_domain_reads_no_files() -> None:
    assert "assessor.domain.scoring" in dict(modules())
    assert violations() == []


def test_the_check_sees_a_wrong_import(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.py"
    wrong.write_text("def f():\n    from assessor.services.files import read_document\n")
    assert "assessor.services.files" in imports(wrong)
    assert any(m.startswith(FORBIDDEN["assessor.domain"]) for m in imports(wrong))
