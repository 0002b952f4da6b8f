"""Sign-in and sign-out pages."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import EmailField, PasswordField
from wtforms.validators import InputRequired, Length

from assessor.services.accounts import authenticate
from assessor.web.auth import bp
from assessor.web.auth.users import Consultant
from assessor.web.extensions import limiter
from assessor.web.runtime import unit_of_work


class SignInForm(FlaskForm):  # type: ignore[misc]
    """E-mail and password."""

    email = EmailField(_l("E-mail"), validators=[InputRequired(), Length(max=320)])
    password = PasswordField(_l("Password"), validators=[InputRequired(), Length(max=200)])


def _sign_in_limit() -> str:
    return str(current_app.config["SIGN_IN_LIMIT"])


@bp.route("/signin", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
def sign_in() -> Response | str | tuple[str, int]:
    """Show the sign-in form; sign the consultant in and go where they were heading."""
    if current_user.is_authenticated:
        return redirect(url_for("consult.clients"))
    form = SignInForm()
    if form.validate_on_submit():
        with unit_of_work() as session:
            record = authenticate(session, form.email.data or "", form.password.data or "")
        if record is not None:
            login_user(Consultant(record))
            return redirect(_safe_next(request.args.get("next")))
        form.password.errors = [_("The e-mail or the password is wrong.")]
        return render_template("auth/sign_in.html", form=form), 401
    status = 400 if request.method == "POST" else 200
    return render_template("auth/sign_in.html", form=form), status


@bp.post("/signout")
def sign_out() -> Response:
    """Sign out and return to the sign-in page."""
    logout_user()
    return redirect(url_for("auth.sign_in"))


@bp.get("/")
def home() -> Response:
    """The dashboard when signed in, else the sign-in page."""
    if current_user.is_authenticated:
        return redirect(url_for("consult.clients"))
    return redirect(url_for("auth.sign_in"))


def _safe_next(target: str | None) -> str:
    """Only a path on this site (never another host) is followed after signing in."""
    if target and target.startswith("/") and not target.startswith("//"):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and "\\" not in target:
            return target
    return url_for("consult.clients")
