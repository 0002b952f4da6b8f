"""Security headers, cookies, rate-limited sign-in and plain error pages (no traceback)."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient

from tests.web.conftest import make_app
from tests.web.support import add_firm, csrf_token, sign_in

TEMPLATES = Path(__file__).resolve().parents[2] / "assessor" / "web" / "templates"


def test_pages_carry_the_security_headers(app: Flask) -> None:
    firm = add_firm(app, "Acme")
    client = app.test_client()
    for path in ("/signin", f"/r/{firm.token}", f"/r/{firm.token}/s/1", "/no-such-page"):
        headers = client.get(path).headers
        policy = headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, path
        assert "frame-ancestors 'none'" in policy
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
    assert client.get(f"/r/{firm.token}").headers["Cache-Control"] == "no-store"


def test_no_template_has_inline_script_or_style() -> None:
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), template
        assert not re.search(r"\sstyle=|<style|\son[a-z]+=", text), template


def test_the_session_cookie_is_http_only_lax_and_secure_over_https(app: Flask) -> None:
    firm = add_firm(app, "Acme")
    client = app.test_client()
    sign_in(client, firm.email)
    cookie = client.get_cookie("session")
    assert cookie is not None and cookie.http_only and cookie.same_site == "Lax"
    https = app.test_client()
    token = csrf_token(https, "https://localhost/signin")
    answer = https.post(
        "/signin",
        base_url="https://localhost",
        data={"email": firm.email, "password": "correct horse battery", "csrf_token": token},
    )
    session = [c for c in answer.headers.getlist("Set-Cookie") if c.startswith("session=")]
    assert session and "Secure" in session[0] and "HttpOnly" in session[0]


def test_sign_in_attempts_are_rate_limited(tmp_path: Path) -> None:
    for app in make_app(
        tmp_path, f"sqlite:///{tmp_path / 'limit.sqlite3'}", SIGN_IN_LIMIT="3 per minute"
    ):
        client = app.test_client()
        token = csrf_token(client)
        codes = [
            client.post(
                "/signin", data={"email": "x@y.z", "password": "wrong", "csrf_token": token}
            ).status_code
            for _ in range(4)
        ]
        assert codes == [401, 401, 401, 429]
        assert "Too many attempts" in client.post("/signin", data={"csrf_token": token}).get_data(
            as_text=True
        )


def test_errors_are_plain_pages_without_a_traceback(app: Flask) -> None:
    def broken() -> str:
        raise RuntimeError("secret detail")

    app.add_url_rule("/broken", "broken", broken)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    client = app.test_client()
    answer = client.get("/broken")
    text = answer.get_data(as_text=True)
    assert answer.status_code == 500 and "Something went wrong" in text
    assert "secret detail" not in text and "Traceback" not in text
    assert client.get("/nowhere").status_code == 404
    assert client.put("/signin").status_code == 405
    big = client.post("/signin", data={"x": "y" * 400_000})
    assert big.status_code == 413


def test_wrong_password_is_refused_with_the_form_kept(client: FlaskClient, app: Flask) -> None:
    firm = add_firm(app, "Acme")
    token = csrf_token(client)
    answer = client.post(
        "/signin", data={"email": firm.email, "password": "nope", "csrf_token": token}
    )
    assert answer.status_code == 401
    assert "wrong" in answer.get_data(as_text=True) and firm.email in answer.get_data(as_text=True)


def test_sign_in_never_redirects_to_another_site(app: Flask) -> None:
    firm = add_firm(app, "Acme")
    client = app.test_client()
    token = csrf_token(client)
    answer = client.post(
        "/signin?next=//evil.example/x",
        data={"email": firm.email, "password": "correct horse battery", "csrf_token": token},
    )
    assert answer.headers["Location"] == "/clients"
