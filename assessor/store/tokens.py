"""Unguessable link and API tokens; only their SHA-256 digests are ever stored."""

from __future__ import annotations

import hashlib
import secrets
import uuid


def new_token() -> str:
    """A fresh URL-safe token with 256 bits of randomness."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """The SHA-256 hex digest of a token: what the database keeps and looks up by."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_public_id() -> str:
    """A stable opaque id that reveals nothing (a random UUID's hex)."""
    return uuid.uuid4().hex
