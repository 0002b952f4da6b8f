"""The Flask extensions, made once and bound to each app with init_app."""

from __future__ import annotations

from flask import Flask
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
login_manager = LoginManager()
limiter = Limiter(key_func=get_remote_address, default_limits=[])
babel = Babel()


def limits_in_views_only(app: Flask) -> None:
    """Drop Flask-Limiter's before-request check when only decorated views have limits.

    A decorated view checks its limit in its own wrapper; the before-request hook is for
    default, application, meta and blueprint limits, and this app sets none. Without any, the
    hook only found "no limit" for every request, at about a tenth of a respondent's answer
    save. Call it once every blueprint is registered (a blueprint's limits are set then).
    """
    manager = limiter.limit_manager
    if (
        manager.default_limits
        or manager.application_limits
        or manager._blueprint_limits
        or limiter._meta_limits
    ):
        return
    hooks = app.before_request_funcs.get(None, [])
    if limiter._check_request_limit in hooks:  # not there when limits are off (RATELIMIT_ENABLED)
        hooks.remove(limiter._check_request_limit)
