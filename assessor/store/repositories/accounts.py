"""Firms and consultants: create them, find a consultant, check a password or an API token."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.store.models import Firm, User
from assessor.store.passwords import hash_password, needs_rehash, verify_password
from assessor.store.records import FirmRecord, UserRecord
from assessor.store.tokens import new_token, token_digest

_UNKNOWN_USER_HASH = hash_password("no such user")
"""Checked when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password."""


def normalise_email(email: str) -> str:
    """An e-mail address as stored and compared: trimmed and lower-case."""
    return email.strip().lower()


class FirmRepository:
    """Consulting firms."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def create(self, name: str) -> FirmRecord:
        """Add a firm."""
        firm = Firm(name=name)
        self.session.add(firm)
        self.session.flush()
        return _firm_record(firm)

    def get(self, firm_id: int) -> FirmRecord | None:
        """The firm with this id, if any."""
        firm = self.session.get(Firm, firm_id)
        return _firm_record(firm) if firm else None

    def find_by_name(self, name: str) -> FirmRecord | None:
        """The first firm with exactly this name, if any."""
        firm = self.session.scalars(
            select(Firm).where(Firm.name == name).order_by(Firm.id).limit(1)
        ).one_or_none()
        return _firm_record(firm) if firm else None

    def count(self) -> int:
        """How many firms there are (none means an empty database)."""
        return len(self.session.scalars(select(Firm.id)).all())


class UserRepository:
    """Consultants, who sign in with an e-mail and a password, or with an API token."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def create(
        self, firm_id: int, email: str, display_name: str, password: str, *, is_admin: bool = False
    ) -> UserRecord:
        """Add a consultant to a firm; the password is kept only as an Argon2 hash."""
        user = User(
            firm_id=firm_id,
            email=normalise_email(email),
            display_name=display_name,
            password_hash=hash_password(password),
            is_admin=is_admin,
        )
        self.session.add(user)
        self.session.flush()
        return _user_record(user)

    def get(self, user_id: int) -> UserRecord | None:
        """The consultant with this id, if any."""
        user = self.session.get(User, user_id)
        return _user_record(user) if user else None

    def list_for_firm(self, firm_id: int) -> list[UserRecord]:
        """The firm's consultants by e-mail."""
        users = self.session.scalars(
            select(User).where(User.firm_id == firm_id).order_by(User.email)
        )
        return [_user_record(u) for u in users]

    def find_by_email(self, email: str) -> UserRecord | None:
        """The consultant with this e-mail (any case), if any."""
        user = self._by_email(email)
        return _user_record(user) if user else None

    def authenticate(self, email: str, password: str) -> UserRecord | None:
        """The active consultant whose e-mail and password these are, else None."""
        user = self._by_email(email)
        if user is None:
            verify_password(_UNKNOWN_USER_HASH, password)
            return None
        if not verify_password(user.password_hash, password) or not user.active:
            return None
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        return _user_record(user)

    def set_password(self, user_id: int, password: str) -> None:
        """Replace a consultant's password."""
        self._get(user_id).password_hash = hash_password(password)

    def set_active(self, user_id: int, active: bool) -> None:
        """Let a consultant sign in again, or stop them."""
        self._get(user_id).active = active

    def issue_api_token(self, user_id: int) -> str:
        """A new API token for a consultant (returned once; replaces any earlier one)."""
        token = new_token()
        self._get(user_id).api_token_hash = token_digest(token)
        self.session.flush()
        return token

    def has_api_token(self, user_id: int) -> bool:
        """Whether the consultant holds an API token now."""
        return self._get(user_id).api_token_hash is not None

    def revoke_api_token(self, user_id: int) -> None:
        """Stop the consultant's API token from working."""
        self._get(user_id).api_token_hash = None
        self.session.flush()

    def find_by_api_token(self, token: str) -> UserRecord | None:
        """The active consultant holding this API token, else None."""
        user = self.session.scalars(
            select(User).where(User.api_token_hash == token_digest(token), User.active)
        ).one_or_none()
        return _user_record(user) if user else None

    def _by_email(self, email: str) -> User | None:
        return self.session.scalars(
            select(User).where(User.email == normalise_email(email))
        ).one_or_none()

    def _get(self, user_id: int) -> User:
        user = self.session.get(User, user_id)
        if user is None:
            raise LookupError(f"no user {user_id}")
        return user


def _firm_record(firm: Firm) -> FirmRecord:
    return FirmRecord(id=firm.id, name=firm.name, created_at=firm.created_at)


def _user_record(user: User) -> UserRecord:
    return UserRecord(
        id=user.id,
        firm_id=user.firm_id,
        email=user.email,
        display_name=user.display_name,
        is_admin=user.is_admin,
        active=user.active,
        created_at=user.created_at,
    )
