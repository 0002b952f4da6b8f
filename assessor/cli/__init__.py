"""The `assessor` command line: content, scoring, roadmaps and reports."""

from __future__ import annotations

import importlib
import os
import traceback
from pathlib import Path
from typing import Any

import click

from assessor.cli.state import CliState
from assessor.domain.errors import ContentInvalid, InputError

COMMAND_MODULES = {
    "validate": "assessor.cli.content",
    "schema": "assessor.cli.content",
    "show": "assessor.cli.content",
    "score": "assessor.cli.score",
    "roadmap": "assessor.cli.roadmap",
    "report": "assessor.cli.report",
    "template": "assessor.cli.authoring",
    "import": "assessor.cli.authoring",
    "export": "assessor.cli.exchange",
    "import-answers": "assessor.cli.exchange",
    "compare": "assessor.cli.exchange",
    "serve": "assessor.cli.web",
    "demo": "assessor.cli.web",
    "user": "assessor.cli.web",
    "db": "assessor.store.cli",
    "backup": "assessor.store.cli",
    "restore": "assessor.store.cli",
}
"""Each command and the module that defines it: a command imports only its own module (a fresh
`assessor report` does not load the web app or the spreadsheet readers)."""


class AssessorGroup(click.Group):
    """A command group that loads a command's module when the command is asked for, and turns
    every failure into a clear message, never a traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command's name, sorted."""
        return sorted({*COMMAND_MODULES, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command of that name, its module imported on first use."""
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            module = importlib.import_module(COMMAND_MODULES[cmd_name])
            for command in module.COMMANDS:
                self.commands.setdefault(command.name or "", command)
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; report content and input errors plainly and exit non-zero."""
        try:
            return super().invoke(ctx)
        except ContentInvalid as exc:
            click.echo(f"error: the content is invalid ({len(exc.errors)} errors):", err=True)
            for error in exc.errors:
                click.echo(str(error), err=True)
            ctx.exit(1)
        except InputError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(2)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # the last line of defence: no traceback for users
            if os.environ.get("ASSESSOR_DEBUG"):
                traceback.print_exc()
            click.echo(
                f"error: unexpected failure ({type(exc).__name__}: {exc}); "
                "set ASSESSOR_DEBUG=1 to see the details",
                err=True,
            )
            ctx.exit(3)


@click.group(cls=AssessorGroup)
@click.option(
    "--content",
    "content",
    type=click.Path(file_okay=False, exists=True),
    envvar="ASSESSOR_CONTENT_DIR",
    help="A folder of frameworks/, questionnaires/ and reports/ to use instead of the shipped content.",
)
@click.pass_context
def cli(ctx: click.Context, content: str | None) -> None:
    """Readiness assessor: how ready an organisation is against the frameworks of the content
    in force (the shipped content, or your own folder given with --content), where it falls
    short, which risks it runs, and what to do, phase by phase."""
    ctx.obj = CliState(Path(content) if content else None, base=Path.cwd())


def main() -> None:
    """Entry point of the `assessor` console script."""
    cli(prog_name="assessor")


if __name__ == "__main__":  # pragma: no cover
    main()
