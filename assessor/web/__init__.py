"""The web app: consultants, clients, self-assessments by link, results and reports.

Views parse requests and call the same services as the command line; nothing here touches
the database or scores anything itself.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from assessor.services.database import open_database, upgrade_database
from assessor.services.workspace import open_workspace
from assessor.web import config as settings
from assessor.web import converters, security, templating
from assessor.web.extensions import babel, csrf, limiter, limits_in_views_only, login_manager
from assessor.web.i18n import select_locale
from assessor.web.queue import make_queue
from assessor.web.runtime import Runtime, attach

INSTANCE_ENV = "ASSESSOR_INSTANCE_PATH"


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app; `config` overrides settings (DATABASE_URL, CONTENT_DIR, ...), e.g. in tests."""
    given = dict(config or {})
    instance = given.pop("INSTANCE_PATH", None) or os.environ.get(INSTANCE_ENV) or None
    app = Flask(__name__, instance_path=str(Path(instance).resolve()) if instance else None)
    app.config.from_mapping(settings.load(app.instance_path, given))
    if app.config["AUTO_MIGRATE"]:
        upgrade_database(app.config["DATABASE_URL"])
    content = app.config["CONTENT_DIR"]
    database = open_database(app.config["DATABASE_URL"])
    attach(
        app,
        Runtime(
            workspace=open_workspace(Path(content) if content else None),
            database=database,
            queue=make_queue(app.config, app.instance_path, database),
        ),
    )
    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies:  # behind a reverse proxy that terminates HTTPS: trust its forwarded headers
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)  # type: ignore[method-assign]
    _extensions(app)
    converters.install(app)
    _blueprints(app)
    limits_in_views_only(app)
    security.install(app)
    templating.install(app)
    return app


def _extensions(app: Flask) -> None:
    from assessor.web.auth.users import lazy_user_in_templates

    csrf.init_app(app)
    login_manager.init_app(app)
    lazy_user_in_templates(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=select_locale)


def _blueprints(app: Flask) -> None:
    from assessor.web.api import bp as api
    from assessor.web.auth import bp as auth
    from assessor.web.consult import bp as consult
    from assessor.web.health import bp as health
    from assessor.web.respond import bp as respond
    from assessor.web.workshop import bp as workshop
    from assessor.web.workshop import participate

    for blueprint in (auth, consult, respond, health, workshop, participate, api):
        app.register_blueprint(blueprint)
