"""The web app's configuration: defaults, then the environment, then the mapping given."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from assessor.services.database import default_database_url
from assessor.web.limits_store import sqlite_limits_uri

SECRET_FILE = "secret_key"
QUEUE_FILE = "queue.sqlite3"
LIMITS_FILE = "limits.sqlite3"
ENVIRONMENT = {
    "DATABASE_URL": ("ASSESSOR_DATABASE_URL", "DATABASE_URL"),
    "CONTENT_DIR": ("ASSESSOR_CONTENT_DIR",),
    "REDIS_URL": ("ASSESSOR_REDIS_URL",),
    "SECRET_KEY": ("ASSESSOR_SECRET_KEY",),
    "TRUSTED_PROXIES": ("ASSESSOR_TRUSTED_PROXIES",),
}
"""Settings read from the environment when the mapping does not give them, first name first."""


def defaults() -> dict[str, Any]:
    """The settings every app starts from."""
    return {
        "DATABASE_URL": None,
        "CONTENT_DIR": None,
        "REDIS_URL": None,
        "QUEUE_IMMEDIATE": False,
        "AUTO_MIGRATE": False,
        "LANGUAGES": ("en", "ru"),
        "BABEL_DEFAULT_LOCALE": "en",
        "MAX_CONTENT_LENGTH": 256 * 1024,
        "MAX_FORM_MEMORY_SIZE": 256 * 1024,
        "MAX_FORM_PARTS": 2000,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": False,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "WTF_CSRF_TIME_LIMIT": 8 * 3600,
        "RATELIMIT_STORAGE_URI": None,
        "RATELIMIT_ENABLED": True,
        "SIGN_IN_LIMIT": "10 per minute",
        "REPORT_TIMEOUT": 600,
        "PREFERRED_URL_SCHEME": "http",
        "TRUSTED_PROXIES": 0,
    }


def load(instance_path: str, given: Mapping[str, Any] | None) -> dict[str, Any]:
    """The settings in force: defaults, overridden by the environment, then by `given`."""
    config = defaults()
    for key, names in ENVIRONMENT.items():
        found = next((os.environ[n] for n in names if os.environ.get(n)), None)
        if found is not None:
            config[key] = found
    config.update(given or {})
    if not config["DATABASE_URL"]:
        config["DATABASE_URL"] = default_database_url(instance_path)
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = instance_secret(Path(instance_path))
    if not config["RATELIMIT_STORAGE_URI"]:
        config["RATELIMIT_STORAGE_URI"] = limits_uri(instance_path, config["REDIS_URL"])
    return config


def limits_uri(instance_path: str, redis_url: str | None) -> str:
    """Where every worker counts sign-in attempts: Redis when set, else a file in the instance."""
    if redis_url:
        # the limits library spells a Redis socket redis+unix://, the queue's client unix://
        return "redis+" + redis_url if redis_url.startswith("unix://") else redis_url
    Path(instance_path).mkdir(parents=True, exist_ok=True)
    return sqlite_limits_uri(str((Path(instance_path) / LIMITS_FILE).resolve()))


def instance_secret(folder: Path) -> str:
    """The secret key kept in the instance folder, made (readable by its owner only) if absent."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / SECRET_FILE
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    key = secrets.token_hex(32)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another worker made it first
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(key)
    return key
