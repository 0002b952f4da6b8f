"""The `assessor` command line: content, scoring, roadmaps and reports."""

from __future__ import annotations

import os
import traceback
from pathlib import Path
from typing import Any

import click

from assessor.cli.state import CliState
from assessor.domain.errors import ContentInvalid, InputError


class AssessorGroup(click.Group):
    """A command group that turns every failure into a clear message, never a traceback."""

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


from assessor.cli import authoring, exchange, report, roadmap, score, web  # noqa: E402
from assessor.cli import content as content_commands  # noqa: E402  (the commands join the group)
from assessor.store.cli import backup_command, db, restore_command  # noqa: E402

for _module in (content_commands, score, roadmap, report, authoring, exchange, web):
    for _command in _module.COMMANDS:
        cli.add_command(_command)
for _command in (db, backup_command, restore_command):
    cli.add_command(_command)

if __name__ == "__main__":  # pragma: no cover
    main()
