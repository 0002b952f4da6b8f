"""The consultant's pages: clients, assessments, invitations, results, reports, the team.

Every route needs a signed-in consultant, and every look-up is scoped to their firm: another
firm's client, assessment or report is simply not found (404).
"""

from __future__ import annotations

from flask import Blueprint
from flask_login import current_user
from werkzeug.wrappers import Response

from assessor.web.extensions import login_manager

bp = Blueprint("consult", __name__)


@bp.before_request
def require_sign_in() -> Response | None:
    """Send an anonymous visitor to the sign-in page."""
    if not current_user.is_authenticated:
        answer: Response = login_manager.unauthorized()
        return answer
    return None


from assessor.web.consult import (  # noqa: E402, F401
    assessments,
    clients,
    history,
    imports,
    plan,
    reports,
    team,
    token,
)
