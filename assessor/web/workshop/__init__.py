"""Live workshops: the facilitator's screen (signed in) and the participants' join pages (by code)."""

from __future__ import annotations

from flask import Blueprint
from flask_login import current_user
from werkzeug.wrappers import Response

from assessor.web.extensions import login_manager

bp = Blueprint("workshop", __name__)
"""The facilitator's pages, under the assessment they belong to."""
participate = Blueprint("participate", __name__, url_prefix="/w")
"""The participants' pages: the code is all they need."""


@bp.before_request
def require_sign_in() -> Response | None:
    """Send an anonymous visitor to the sign-in page."""
    if not current_user.is_authenticated:
        answer: Response = login_manager.unauthorized()
        return answer
    return None


from assessor.web.workshop import agree, facilitate, join  # noqa: E402,F401
