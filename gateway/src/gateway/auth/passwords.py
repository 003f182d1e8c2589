"""Argon2id password and secret hashing (argon2-cffi), with a dummy verify so unknown users take as long."""

from __future__ import annotations

import asyncio
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
_DUMMY = _hasher.hash(secrets.token_urlsafe(16))


def _verify(hashed: str | None, secret: str) -> bool:
    try:
        return _hasher.verify(hashed or _DUMMY, secret) and hashed is not None
    except (VerificationError, InvalidHashError):
        return False


# Hashing takes ~100 ms of CPU by design: run it in a thread so the event loop keeps serving others.
async def hash_secret(secret: str) -> str:
    return await asyncio.to_thread(_hasher.hash, secret)


async def verify_secret(hashed: str | None, secret: str) -> bool:
    return await asyncio.to_thread(_verify, hashed, secret)


def check_password_policy(password: str, username: str) -> str | None:
    """Why a password is refused, in Vietnamese, or None."""
    if len(password) < 10:
        return "Mật khẩu phải có ít nhất 10 ký tự."
    if username.lower() in password.lower():
        return "Mật khẩu không được chứa tên đăng nhập."
    if len(set(password)) < 5:
        return "Mật khẩu quá đơn giản."
    return None
