"""Helpers for the security tests: run the command line, write hostile input files."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from assessor.cli import cli

ROOT = Path(__file__).resolve().parents[2]
CEO = ROOT / "examples" / "executive" / "ceo.yaml"
EXECUTIVE = "executive-self-assessment"


def run(*args: str) -> Result:
    """Run the `assessor` command in-process and return its result."""
    return CliRunner().invoke(cli, list(args))


def laughs(levels: int) -> str:
    """A 'billion laughs' answers file: each level holds nine aliases of the level below."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    lines += ["respondent: {name: X, role: executive}", f"answers: {{top-concern: *a{levels - 1}}}"]
    return "\n".join(lines) + "\n"
