"""Consultants and their firms: sign in, find the one signed in, add consultants, API tokens."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from assessor.store.records import FirmRecord, UserRecord
from assessor.store.repositories import FirmRepository, UserRepository

__all__ = [
    "AccountError",
    "FirmRecord",
    "NewAccount",
    "UserRecord",
    "add_consultant",
    "authenticate",
    "consultants_of",
    "create_account",
    "firm_of",
    "issue_api_token",
    "issue_api_token_for",
    "user_by_api_token",
    "user_by_id",
]

MIN_PASSWORD = 10
"""The shortest password a consultant may choose."""


class AccountError(ValueError):
    """An account that cannot be made as asked: a kind for forms, and the reason in words."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class NewAccount:
    """A consultant just created and the firm they belong to."""

    user: UserRecord
    firm: FirmRecord


def authenticate(session: Session, email: str, password: str) -> UserRecord | None:
    """The active consultant with this e-mail and password, else None."""
    return UserRepository(session).authenticate(email, password)


def user_by_id(session: Session, user_id: int) -> UserRecord | None:
    """The active consultant with this id, else None."""
    user = UserRepository(session).get(user_id)
    return user if user and user.active else None


def user_by_api_token(session: Session, token: str) -> UserRecord | None:
    """The active consultant holding this API token, else None."""
    return UserRepository(session).find_by_api_token(token)


def issue_api_token(session: Session, user: UserRecord) -> str:
    """A new API token for the consultant (shown once; replaces the one before)."""
    return UserRepository(session).issue_api_token(user.id)


def has_api_token(session: Session, user: UserRecord) -> bool:
    """Whether the consultant holds an API token now (the token itself is never kept)."""
    return UserRepository(session).has_api_token(user.id)


def revoke_api_token(session: Session, user: UserRecord) -> None:
    """Stop the consultant's API token from working."""
    UserRepository(session).revoke_api_token(user.id)


def issue_api_token_for(session: Session, email: str) -> str | None:
    """A new API token for the active consultant with this e-mail (the old one stops working)."""
    user = UserRepository(session).find_by_email(email)
    if user is None or not user.active:
        return None
    return issue_api_token(session, user)


def firm_of(session: Session, user: UserRecord) -> FirmRecord:
    """The firm a consultant belongs to."""
    firm = FirmRepository(session).get(user.firm_id)
    if firm is None:  # a foreign key makes this impossible
        raise LookupError(f"no firm {user.firm_id}")
    return firm


def consultants_of(session: Session, user: UserRecord) -> list[UserRecord]:
    """The consultants of the user's own firm."""
    return UserRepository(session).list_for_firm(user.firm_id)


def create_account(
    session: Session, email: str, firm_name: str, password: str, *, admin: bool = False
) -> NewAccount:
    """A consultant of the named firm (made when new); AccountError if the e-mail is taken."""
    _check(session, email, password)
    firms = FirmRepository(session)
    firm = firms.find_by_name(firm_name.strip()) or firms.create(firm_name.strip())
    user = UserRepository(session).create(firm.id, email, _name_of(email), password, is_admin=admin)
    return NewAccount(user=user, firm=firm)


def add_consultant(
    session: Session, admin: UserRecord, email: str, name: str, password: str, *, is_admin: bool
) -> UserRecord:
    """A new consultant in the admin's own firm; AccountError when not allowed or taken."""
    if not admin.is_admin:
        raise AccountError("not-admin", "only a firm's administrator adds consultants")
    _check(session, email, password)
    return UserRepository(session).create(
        admin.firm_id, email, name.strip() or _name_of(email), password, is_admin=is_admin
    )


def _check(session: Session, email: str, password: str) -> None:
    if "@" not in email or len(email) > 320:
        raise AccountError("email", "enter an e-mail address")
    if len(password) < MIN_PASSWORD:
        raise AccountError("password", f"a password has at least {MIN_PASSWORD} characters")
    if UserRepository(session).find_by_email(email) is not None:
        raise AccountError("taken", "a consultant with this e-mail already exists")


def _name_of(email: str) -> str:
    return email.split("@", 1)[0].strip() or email
