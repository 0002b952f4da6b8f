"""The domain core stays pure: importing it pulls in no web, database, template, PDF or chart library."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import assessor.domain

FORBIDDEN = ("flask", "wtforms", "sqlalchemy", "jinja2", "weasyprint", "matplotlib")


def test_the_domain_imports_no_web_database_template_pdf_or_chart_library() -> None:
    modules = sorted(
        m.name for m in pkgutil.iter_modules(assessor.domain.__path__, "assessor.domain.")
    )
    assert "assessor.domain.scoring" in modules
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    loaded = json.loads(done.stdout)
    leaked = sorted({name.split(".")[0] for name in loaded} & set(FORBIDDEN))
    assert leaked == [], f"assessor.domain imports {leaked}"
