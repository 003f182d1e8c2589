"""Signing access tokens. Only the gateway holds the private key; services verify with the published JWKS."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from common.jwtkeys import ALGORITHM, jwks, public_jwk
from jose import jwt


def new_refresh_token() -> str:
    return secrets.token_urlsafe(48)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class TokenIssuer:
    def __init__(self, private_pem: bytes, *, issuer: str, audience: str) -> None:
        self._pem = private_pem
        self.kid = public_jwk(private_pem)["kid"]
        self.issuer, self.audience = issuer, audience

    @classmethod
    def from_file(cls, path: Path, *, issuer: str, audience: str) -> TokenIssuer:
        return cls(path.read_bytes(), issuer=issuer, audience=audience)

    def jwks(self) -> dict[str, Any]:
        return jwks(self._pem)

    def issue(self, claims: dict[str, Any], lifetime: timedelta) -> str:
        now = datetime.now(UTC)
        body = {
            **claims,
            "iss": self.issuer,
            "aud": self.audience,
            "iat": int(now.timestamp()),
            "nbf": int(now.timestamp()),
            "exp": int((now + lifetime).timestamp()),
            "jti": uuid.uuid4().hex,
        }
        return jwt.encode(body, self._pem.decode(), algorithm=ALGORITHM, headers={"kid": self.kid})
