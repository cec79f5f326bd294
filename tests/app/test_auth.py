"""Password hashing, users files and the bind check."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from pathlib import Path

import pytest

from app.auth import (
    AuthConfig,
    AuthError,
    User,
    auth_from_env,
    check_bind,
    hash_password,
    hash_token,
    is_loopback,
    load_users,
    user_line,
    verify_password,
)
from app.web import resolve_auth


def test_hash_and_verify() -> None:
    hashed = hash_password("mật khẩu")
    assert hashed.startswith("scrypt$") and "mật khẩu" not in hashed
    assert verify_password("mật khẩu", hashed)
    assert not verify_password("mat khau", hashed)
    assert hash_password("mật khẩu") != hashed  # salted


def _pbkdf2(password: str, iterations: int = 1000) -> str:
    """``pbkdf2_sha256$iterations$salt$hash``, as other tools write users files."""
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    b64 = base64.b64encode
    return f"pbkdf2_sha256${iterations}${b64(salt).decode()}${b64(digest).decode()}"


def test_pbkdf2_and_malformed_hashes() -> None:
    assert verify_password("pw", _pbkdf2("pw"))
    assert not verify_password("pw", _pbkdf2("other"))
    for bad in ("", "plain", "scrypt$1$2", "md5$abc$def", "scrypt$x$8$1$AA==$AA=="):
        assert not verify_password("pw", bad)


def test_users_file_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "users.jsonl"
    path.write_text(
        "# accounts\n"
        + user_line("an", "pw-an", role="admin", token="tok-an")
        + "\n"
        + user_line("binh", "pw-binh")
        + "\n",
        encoding="utf-8",
    )
    auth = load_users(path)
    assert [(u.username, u.role) for u in auth.users] == [("an", "admin"), ("binh", "user")]
    assert auth.check("an", "pw-an") and not auth.check("an", "pw-binh")
    assert not auth.check("nobody", "pw-an")
    assert auth.from_token("tok-an") == auth.get("an")
    assert auth.from_token("tok-binh") is None


def test_users_file_yaml(tmp_path: Path) -> None:
    path = tmp_path / "users.yaml"
    record = {"username": "an", "role": "admin", "password_hash": hash_password("x")}
    path.write_text("users:\n  - " + json.dumps(record) + "\n", encoding="utf-8")
    assert load_users(path).get("an") is not None


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{not json}",
        '{"username": "a", "role": "root", "password_hash": "x"}',
        '{"username": "a"}',
    ],
)
def test_bad_users_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "users.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AuthError, match=r"users\.jsonl"):
        load_users(path)


def test_missing_users_file(tmp_path: Path) -> None:
    with pytest.raises(AuthError, match="không đọc được"):
        load_users(tmp_path / "absent.jsonl")


def test_env_var_names_users_file(tmp_path: Path) -> None:
    path = tmp_path / "u.jsonl"
    path.write_text(user_line("an", "pw"), encoding="utf-8")
    assert auth_from_env({}) is None
    auth = auth_from_env({"QUYCHE_USERS_FILE": str(path)})
    assert auth is not None and auth.check("an", "pw")


def test_loopback() -> None:
    assert all(is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "127.0.0.2", "[::1]"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "192.168.1.5", "example.org", "::"))


def test_bind_rules() -> None:
    auth = AuthConfig(users=(User(username="a", password_hash=hash_token("x")),))
    check_bind("127.0.0.1", allow_remote=False, auth=None)
    with pytest.raises(AuthError, match="allow_remote"):
        check_bind("0.0.0.0", allow_remote=False, auth=auth)
    with pytest.raises(AuthError, match="QUYCHE_USERS_FILE"):
        check_bind("0.0.0.0", allow_remote=True, auth=None)
    check_bind("0.0.0.0", allow_remote=True, auth=auth)


def test_resolve_auth_reads_users_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUYCHE_USERS_FILE", raising=False)
    path = tmp_path / "u.jsonl"
    path.write_text(user_line("an", "pw", role="admin"), encoding="utf-8")
    assert resolve_auth("127.0.0.1", False, None, None) is None
    auth = resolve_auth("0.0.0.0", True, None, path)
    assert auth is not None and auth.get("an") is not None
    monkeypatch.setenv("QUYCHE_USERS_FILE", str(path))
    assert resolve_auth("0.0.0.0", True, None, None) is not None
