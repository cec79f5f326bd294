"""Access control for the web app: who may use it, and who may add regulations.

Local use (127.0.0.1) needs no accounts. Serving anything beyond the loopback needs an
explicit ``allow_remote`` and a users file, so a mistyped ``--host`` never exposes the app.
Only the standard library hashes: scrypt (or PBKDF2) with a random salt, compared in
constant time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import json
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ingest.errors import QuycheError

Role = Literal["admin", "user"]
USERS_FILE_ENV = "QUYCHE_USERS_FILE"

_SCRYPT_N, _SCRYPT_R, _SCRYPT_P, _KEY_LEN = 2**14, 8, 1, 32
# Verified against when a username is unknown, so a miss costs as long as a wrong password.
_DUMMY_HASH = "scrypt$16384$8$1$" + "A" * 22 + "==$" + "A" * 43 + "="


class AuthError(QuycheError):
    """A users file that cannot be used, or a bind that would expose the app."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=_KEY_LEN, maxmem=64 * 2**20
    )


def hash_password(password: str) -> str:
    """``scrypt$N$r$p$salt$hash`` with a fresh 16-byte salt."""
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, _SCRYPT_N, _SCRYPT_R, _SCRYPT_P)
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def _expected_and_actual(password: str, hashed: str) -> tuple[bytes, bytes]:
    scheme, *fields = hashed.split("$")
    if scheme == "scrypt" and len(fields) == 5:
        n, r, p = (int(v) for v in fields[:3])
        salt, expected = base64.b64decode(fields[3]), base64.b64decode(fields[4])
        return expected, _scrypt(password, salt, n, r, p)
    if scheme == "pbkdf2_sha256" and len(fields) == 3:
        salt, expected = base64.b64decode(fields[1]), base64.b64decode(fields[2])
        actual = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, int(fields[0]))
        return expected, actual
    raise ValueError("unknown password hash format")


def verify_password(password: str, hashed: str) -> bool:
    """True when ``password`` matches; False for a wrong password or a malformed hash."""
    try:
        expected, actual = _expected_and_actual(password, hashed)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(expected, actual)


def hash_token(token: str) -> str:
    """API tokens are long random strings, so one SHA-256 is enough (and fast per request)."""
    return "sha256$" + hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


class User(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    username: str = Field(min_length=1, max_length=100)
    role: Role = "user"
    password_hash: str = Field(min_length=1)
    token_hash: str = ""

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class AuthConfig(BaseModel):
    """The accounts allowed in; ``None`` in place of an AuthConfig means no login."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    users: tuple[User, ...] = Field(min_length=1)

    def get(self, username: str | None) -> User | None:
        return next((u for u in self.users if u.username == username), None)

    def authenticate(self, username: str, password: str) -> User | None:
        user = self.get(username)
        ok = verify_password(password, user.password_hash if user else _DUMMY_HASH)
        return user if ok and user is not None else None

    def check(self, username: str, password: str) -> bool:
        """The gradio login callback."""
        return self.authenticate(username, password) is not None

    def from_token(self, token: str) -> User | None:
        presented = hash_token(token)
        found: User | None = None
        for user in self.users:
            if user.token_hash and hmac.compare_digest(presented, user.token_hash):
                found = user
        return found


def user_line(username: str, password: str, role: Role = "user", token: str = "") -> str:
    """One JSON line for a users file (what an admin tool would append)."""
    user = User(
        username=username,
        role=role,
        password_hash=hash_password(password),
        token_hash=hash_token(token) if token else "",
    )
    return json.dumps(user.model_dump(), ensure_ascii=False)


def _records(path: Path, text: str) -> list[Any]:
    if path.suffix.lower() in {".yaml", ".yml"}:
        data = yaml.safe_load(text) or []
        return list(data.get("users", []) if isinstance(data, dict) else data)
    stripped = text.strip()
    if stripped.startswith("["):
        return list(json.loads(stripped))
    lines = (line.strip() for line in text.splitlines())
    return [json.loads(line) for line in lines if line and not line.startswith("#")]


def load_users(path: Path) -> AuthConfig:
    """Read a users file: JSON lines, a JSON array, or YAML (a list or ``users:``)."""
    try:
        records = _records(path, path.read_text(encoding="utf-8"))
        return AuthConfig(users=tuple(User.model_validate(r) for r in records))
    except OSError as exc:
        raise AuthError(f"{path}: không đọc được tệp người dùng ({exc.strerror or exc})") from exc
    except (ValueError, yaml.YAMLError, ValidationError) as exc:
        reason = str(exc).splitlines()[0]
        raise AuthError(f"{path}: tệp người dùng không hợp lệ ({reason})") from exc


def auth_from_env(environ: Mapping[str, str] | None = None) -> AuthConfig | None:
    """The users file named by ``QUYCHE_USERS_FILE``, or None when it is unset."""
    value = (environ if environ is not None else os.environ).get(USERS_FILE_ENV, "").strip()
    return load_users(Path(value).expanduser()) if value else None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, allow_remote: bool, auth: AuthConfig | None) -> None:
    """Refuse a bind that would expose the app without an explicit choice and accounts."""
    if is_loopback(host):
        return
    if not allow_remote:
        raise AuthError(
            f"Từ chối lắng nghe trên {host}: chỉ 127.0.0.1 khi không bật allow_remote "
            "(--allow-remote)."
        )
    if auth is None:
        raise AuthError(
            f"Lắng nghe trên {host} cần đăng nhập: đặt {USERS_FILE_ENV} trỏ tới tệp người dùng."
        )
