"""`assessor user token` issues a consultant's API token; issuing again rotates it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from flask import Flask

from assessor.cli import cli
from tests.web.conftest import make_app


def test_a_token_from_the_command_line_opens_the_api_and_a_new_one_retires_it(
    tmp_path: Path, runner: CliRunner
) -> None:
    instance = tmp_path / "instance"
    made = runner.invoke(
        cli,
        ["user", "create", "--email", "kim@firm.example", "--firm", "Firm",
         "--password", "long enough pw", "--instance", str(instance)],
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    issue = ["user", "token", "--email", "kim@firm.example", "--instance", str(instance)]
    first = runner.invoke(cli, issue).output.strip()
    second = runner.invoke(cli, issue).output.strip()
    assert first != second and len(second) >= 40
    unknown = runner.invoke(cli, ["user", "token", "--email", "x@y.z", "--instance", str(instance)])
    assert unknown.exit_code == 1 and "no active consultant" in unknown.output
    app: Flask
    for app in make_app(tmp_path, f"sqlite:///{instance / 'assessor.sqlite3'}"):
        api = app.test_client()
        assert (
            api.get("/api/v1/clients", headers={"Authorization": f"Bearer {first}"}).status_code
            == 401
        )
        assert (
            api.get("/api/v1/clients", headers={"Authorization": f"Bearer {second}"}).status_code
            == 200
        )
