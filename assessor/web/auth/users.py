"""The signed-in consultant as Flask-Login sees them, loaded from the store on each request."""

from __future__ import annotations

from flask import Flask, abort
from flask_login import UserMixin, current_user

from assessor.services.accounts import UserRecord, user_by_id
from assessor.web.extensions import login_manager
from assessor.web.runtime import unit_of_work


class Consultant(UserMixin):  # type: ignore[misc]
    """A signed-in consultant: their record, and the id Flask-Login keeps in the session."""

    def __init__(self, record: UserRecord) -> None:
        self.record = record

    def get_id(self) -> str:
        """The id kept in the session cookie."""
        return str(self.record.id)


@login_manager.user_loader  # type: ignore[untyped-decorator]
def load_user(user_id: str) -> Consultant | None:
    """The consultant of a session, if they still exist and may sign in."""
    if not user_id.isdigit():
        return None
    with unit_of_work() as session:
        record = user_by_id(session, int(user_id))
    return Consultant(record) if record else None


def lazy_user_in_templates(app: Flask) -> None:
    """Give templates `current_user` as Flask-Login's lazy proxy, loaded only where a template
    asks. Flask-Login's own context processor loads the user for every page rendered: on a
    respondent's page (never signed in) that ran its session protection, which rewrote the
    session cookie and cleared the remember cookie in every answer."""
    processors = app.template_context_processors[None]
    processors[:] = [p for p in processors if p.__module__ != "flask_login.utils"]
    app.jinja_env.globals["current_user"] = current_user


def me() -> UserRecord:
    """The signed-in consultant's record (views behind sign-in only)."""
    if not current_user.is_authenticated:
        abort(401)
    record: UserRecord = current_user.record
    return record


login_manager.login_view = "auth.sign_in"
login_manager.session_protection = "strong"
login_manager.login_message = ""
