"""`assessor serve`, `assessor demo` and `assessor user create`: run the web app and set it up."""

from __future__ import annotations

import ipaddress
import os
import signal
import subprocess
import sys
from pathlib import Path

import click

from assessor.cli.state import CliState
from assessor.config import shipped_content_dir

INSTANCE_ENV = "ASSESSOR_INSTANCE_PATH"
DATABASE_ENV = "ASSESSOR_DATABASE_URL"
DEMO_FILE = "demo-sign-in.txt"

instance_option = click.option(
    "--instance",
    type=click.Path(file_okay=False),
    envvar=INSTANCE_ENV,
    default="instance",
    show_default=True,
    help="The app's instance folder: its SQLite database, queue, secret key.",
)


def _one_a_processor() -> int:
    """As many workers as this process may use processors (64 at most)."""
    from assessor.services.press import processors

    return min(processors(), 64)


def database_url(instance: str) -> str:
    """The database in force: ASSESSOR_DATABASE_URL, else SQLite in the instance folder."""
    from assessor.store.engine import default_database_url

    return os.environ.get(DATABASE_ENV) or default_database_url(instance)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--workers",
    default=_one_a_processor,
    show_default="one a processor",
    type=click.IntRange(1, 64),
    help="Worker processes: each answers one request at a time on a core of its own.",
)
@click.option(
    "--threads",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Threads per worker. 1: sync workers, one request at a time and a connection a"
    " request. More: gthread workers that keep connections alive and let a request waiting"
    " on the network hold a thread, for serving slow clients without a proxy in front.",
)
@instance_option
@click.pass_obj
def serve(state: CliState, host: str, port: int, workers: int, threads: int, instance: str) -> None:
    """Serve the web app with gunicorn, and the report queue's worker beside it.

    By default one sync worker a processor, each answering one request at a time: the layout
    that keeps 16 busy respondents under 50 ms at p99 (docs/web.md). With slow clients and no
    buffering proxy in front, `--threads 4` runs gthread workers that keep connections alive.
    """
    from assessor.services.database import upgrade_database

    env = _environment(state, instance)
    upgrade_database(database_url(instance))
    worker = subprocess.Popen([sys.executable, "-m", "assessor.web.worker"], env=env)
    gunicorn = [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync" if threads == 1 else "gthread",
        "--threads",
        str(threads),
        "--access-logfile",
        "-",
        "assessor.web.wsgi:app",
    ]
    click.echo(f"serving on http://{host}:{port}/ (report worker pid {worker.pid})")
    advice = layout_advice(host, threads)
    if advice:
        click.echo(advice, err=True)
    server = subprocess.Popen(gunicorn, env=env)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    code = 0
    try:
        code = server.wait()
    except KeyboardInterrupt:
        pass
    finally:
        for process in (server, worker):
            _stop(process)
    sys.exit(code)


def _loopback(host: str) -> bool:
    """Whether an address to listen on is this machine's own (127.0.0.0/8, ::1, localhost)."""
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name
        return False


def layout_advice(host: str, threads: int) -> str | None:
    """What to know before serving beyond this machine with sync workers, or None."""
    if threads > 1 or _loopback(host):
        return None
    return (
        f"note: sync workers on {host}: a slow client holds a worker while it sends its request."
        " Put a buffering proxy (nginx, which also gives HTTPS) in front, or serve with"
        " --threads 4 for gthread workers."
    )


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Ask a child process to stop, and make it stop if it does not within ten seconds."""
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _environment(state: CliState, instance: str) -> dict[str, str]:
    env = dict(os.environ)
    env[INSTANCE_ENV] = str(Path(instance).resolve())
    if state.content is not None:
        env["ASSESSOR_CONTENT_DIR"] = str(state.content.resolve())
    return env


@click.command()
@instance_option
@click.option(
    "--examples",
    type=click.Path(file_okay=False, exists=True),
    default=lambda: str(shipped_content_dir() / "examples"),
    help="The folder of example answers the demo is made from.",
)
@click.pass_obj
def demo(state: CliState, instance: str, examples: str) -> None:
    """Load the demo (a firm, a consultant, a client, four assessments) into an empty database."""
    from assessor.services.database import open_database, upgrade_database
    from assessor.services.demo import load_demo

    url = database_url(instance)
    upgrade_database(url)
    db = open_database(url)
    try:
        with db.unit_of_work() as session:
            made = load_demo(session, state.workspace(), Path(examples))
    finally:
        db.close()
    if made is None:
        click.echo("the database already holds data; the demo was not loaded")
        return
    lines = (
        f"sign in as {made.email} with password {made.password}\n"
        f"self-assessment link (half answered): /r/{made.token}\n"
    )
    Path(instance).mkdir(parents=True, exist_ok=True)
    secret = Path(instance) / DEMO_FILE
    secret.write_text(lines, encoding="utf-8")
    secret.chmod(0o600)
    click.echo(f"demo loaded: firm {made.firm}\n{lines}", nl=False)


@click.group()
def user() -> None:
    """Manage consultants' accounts."""


@user.command("create")
@click.option("--email", required=True)
@click.option("--firm", required=True, help="The firm's name (made when new).")
@click.option("--admin", is_flag=True, help="Let them manage their firm's consultants.")
@click.password_option(help="The password (asked for when not given).")
@instance_option
def create_user(email: str, firm: str, admin: bool, password: str, instance: str) -> None:
    """Add a consultant to a firm."""
    from assessor.services.accounts import AccountError, create_account
    from assessor.services.database import open_database, upgrade_database

    url = database_url(instance)
    upgrade_database(url)
    db = open_database(url)
    try:
        with db.unit_of_work() as session:
            made = create_account(session, email, firm, password, admin=admin)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        db.close()
    role = "administrator" if admin else "consultant"
    click.echo(f"{made.user.email} is a {role} of {made.firm.name}")


@user.command("token")
@click.option("--email", required=True)
@instance_option
def user_token(email: str, instance: str) -> None:
    """Issue a consultant's API token; the one issued before stops working (rotation)."""
    from assessor.services.accounts import issue_api_token_for
    from assessor.services.database import open_database, upgrade_database

    url = database_url(instance)
    upgrade_database(url)
    db = open_database(url)
    try:
        with db.unit_of_work() as session:
            token = issue_api_token_for(session, email)
    finally:
        db.close()
    if token is None:
        raise click.ClickException(f"no active consultant with the e-mail {email}")
    click.echo(token)


COMMANDS = (serve, demo, user)
