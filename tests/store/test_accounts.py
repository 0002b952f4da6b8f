"""Consultants sign in with their password (hashed with Argon2) or an API token."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from assessor.store.engine import session_scope
from assessor.store.models import User
from assessor.store.passwords import hash_password, verify_password
from assessor.store.repositories import UserRepository
from tests.store.support import FirmData


def test_a_password_hash_verifies_the_password_only() -> None:
    hashed = hash_password("correct horse battery staple")
    assert hashed.startswith("$argon2id$")
    assert "correct horse" not in hashed
    assert verify_password(hashed, "correct horse battery staple")
    assert not verify_password(hashed, "Correct horse battery staple")
    assert not verify_password("not a hash", "correct horse battery staple")
    assert hash_password("same") != hash_password("same")  # salted


def test_a_consultant_signs_in_with_email_and_password(
    sessions: sessionmaker[Session], acme: FirmData
) -> None:
    with session_scope(sessions) as session:
        created = UserRepository(session).create(
            acme.firm.id, " Ann@Example.COM ", "Ann Consultant", "s3cret-enough", is_admin=True
        )
    with session_scope(sessions) as session:
        users = UserRepository(session)
        assert users.find_by_email("ann@example.com") == created
        assert users.authenticate("ANN@example.com", "s3cret-enough") == created
        assert users.authenticate("ann@example.com", "wrong") is None
        assert users.authenticate("bob@example.com", "s3cret-enough") is None
        stored = session.scalars(select(User.password_hash)).one()
    assert created.email == "ann@example.com"
    assert created.is_admin
    assert "s3cret" not in stored


def test_a_deactivated_consultant_cannot_sign_in(
    sessions: sessionmaker[Session], acme: FirmData
) -> None:
    with session_scope(sessions) as session:
        users = UserRepository(session)
        user = users.create(acme.firm.id, "ann@example.com", "Ann", "pw-one")
        token = users.issue_api_token(user.id)
        users.set_active(user.id, False)
    with session_scope(sessions) as session:
        users = UserRepository(session)
        assert users.authenticate("ann@example.com", "pw-one") is None
        assert users.find_by_api_token(token) is None


def test_a_new_password_and_an_api_token_work_and_the_old_ones_do_not(
    sessions: sessionmaker[Session], acme: FirmData
) -> None:
    with session_scope(sessions) as session:
        users = UserRepository(session)
        user = users.create(acme.firm.id, "ann@example.com", "Ann", "pw-one")
        old_token = users.issue_api_token(user.id)
        token = users.issue_api_token(user.id)
        users.set_password(user.id, "pw-two")
    with session_scope(sessions) as session:
        users = UserRepository(session)
        assert users.authenticate("ann@example.com", "pw-one") is None
        assert users.authenticate("ann@example.com", "pw-two") == user
        assert users.find_by_api_token(token) == user
        assert users.find_by_api_token(old_token) is None
        stored = session.scalars(select(User.api_token_hash)).one()
    assert stored is not None
    assert token not in stored


def test_an_email_belongs_to_one_consultant(
    sessions: sessionmaker[Session], acme: FirmData, rival: FirmData
) -> None:
    with session_scope(sessions) as session:
        UserRepository(session).create(acme.firm.id, "ann@example.com", "Ann", "pw")
    with pytest.raises(IntegrityError), session_scope(sessions) as session:
        UserRepository(session).create(rival.firm.id, "ANN@example.com", "Ann too", "pw")
