"""Respondent links: no account, an unguessable expiring link to one respondent's questionnaire."""

from flask import Blueprint

bp = Blueprint("respond", __name__, url_prefix="/r")

from assessor.web.respond import views  # noqa: E402,F401  (the routes join the blueprint)
