"""Signing in and out (Flask-Login; Argon2 passwords checked by the accounts service)."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from assessor.web.auth import views  # noqa: E402,F401  (the routes join the blueprint)
