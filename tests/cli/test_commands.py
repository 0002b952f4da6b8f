"""The command group loads a command's module only when that command is asked for."""

from __future__ import annotations

import importlib
import subprocess
import sys

from click.testing import CliRunner

from assessor.cli import COMMAND_MODULES, cli


def test_every_command_is_listed_with_the_module_that_defines_it() -> None:
    defined = {
        command.name: module
        for module in set(COMMAND_MODULES.values())
        for command in importlib.import_module(module).COMMANDS
    }
    assert defined == COMMAND_MODULES
    for name in COMMAND_MODULES:
        command = cli.get_command(None, name)  # type: ignore[arg-type]
        assert command is not None and command.name == name


def test_the_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    listed = result.output.split("Commands:")[1]
    assert all(f"  {name} " in listed for name in COMMAND_MODULES)


def test_a_report_loads_neither_the_web_app_nor_the_spreadsheet_readers() -> None:
    code = (
        "import sys; from assessor.cli import cli; cli.get_command(None, 'report'); "
        "print(sorted(m for m in ('flask', 'sqlalchemy', 'openpyxl', 'assessor.web', "
        "'matplotlib', 'weasyprint') if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"
