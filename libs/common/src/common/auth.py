"""Token verification → `Principal`. Every service verifies the token itself, never trusting the gateway."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

import httpx
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from jose import JWTError, jwt

from common.errors import Forbidden, NotAuthenticated
from common.jwtkeys import ALGORITHM
from common.logging import bind_caller
from common.roles import PROVINCE_WIDE_ROLES, Role

ALLOWED_ALGORITHMS = [ALGORITHM]


@dataclass(frozen=True)
class Principal:
    """Who is calling, as proven by a verified token."""

    subject: str
    username: str
    kind: Literal["user", "client"]
    roles: frozenset[Role]
    agency_id: uuid.UUID | None
    # The caller's agency and everything under it; empty when `province_wide`.
    agency_subtree: frozenset[uuid.UUID] = field(default_factory=frozenset)
    province_wide: bool = False
    scopes: frozenset[str] = field(default_factory=frozenset)
    session_id: str | None = None
    must_change_password: bool = False

    def has_role(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))

    def can_see_agency(self, agency_id: uuid.UUID) -> bool:
        return self.province_wide or agency_id in self.agency_subtree

    @classmethod
    def from_claims(cls, claims: dict[str, Any]) -> Principal:
        try:
            roles = frozenset(Role(r) for r in claims.get("roles", []))
            agency = claims.get("agency")
            return cls(
                subject=str(claims["sub"]),
                username=str(claims.get("name") or claims["sub"]),
                kind="client" if claims.get("typ") == "client" else "user",
                roles=roles,
                agency_id=uuid.UUID(agency) if agency else None,
                agency_subtree=frozenset(uuid.UUID(a) for a in claims.get("subtree", [])),
                province_wide=bool(roles & PROVINCE_WIDE_ROLES) or bool(claims.get("all")),
                scopes=frozenset(str(claims.get("scope", "")).split()),
                session_id=claims.get("sid"),
                must_change_password=bool(claims.get("pwc")),
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise NotAuthenticated("Mã truy cập không hợp lệ.") from exc


def actor_name(actor: Principal | str) -> str:
    """Who did it, for history: a user's name, or the name of a loader ("nạp dữ liệu")."""
    return actor if isinstance(actor, str) else actor.username


class KeySource:
    """Public keys by `kid`, from a JWKS file (re-read when it changes) or URL (re-fetched on an unknown kid)."""

    REFETCH_SECONDS = 30.0

    def __init__(
        self, *, jwks_file: Path | None = None, jwks_url: str | None = None, jwks: dict[str, Any] | None = None
    ) -> None:
        """`jwks` given: those keys, never reloaded (the gateway, which holds the private key)."""
        if not jwks_file and not jwks_url and jwks is None:
            raise ValueError("Cần TIENDO_JWKS_FILE hoặc TIENDO_JWKS_URL để kiểm tra mã truy cập")
        self.jwks_file, self.jwks_url = jwks_file, jwks_url
        self._keys: dict[str, dict[str, Any]] = {k["kid"]: k for k in (jwks or {"keys": []})["keys"]}
        self._loaded_mark: float = float("inf") if jwks is not None else -1.0
        self._lock = asyncio.Lock()

    async def key(self, kid: str) -> dict[str, Any] | None:
        if kid not in self._keys or self._stale():
            await self._reload()
        return self._keys.get(kid)

    def _stale(self) -> bool:
        if self.jwks_file is not None:
            try:
                return self.jwks_file.stat().st_mtime != self._loaded_mark
            except FileNotFoundError:
                return False
        return False

    async def _reload(self) -> None:
        async with self._lock:
            if self.jwks_file is not None:
                mtime = self.jwks_file.stat().st_mtime
                if mtime != self._loaded_mark:
                    data = json.loads(self.jwks_file.read_text())
                    self._keys = {k["kid"]: k for k in data["keys"]}
                    self._loaded_mark = mtime
            elif self.jwks_url is not None and time.monotonic() - self._loaded_mark > self.REFETCH_SECONDS:
                async with httpx.AsyncClient(timeout=5.0) as client:
                    response = await client.get(self.jwks_url)
                    response.raise_for_status()
                self._keys = {k["kid"]: k for k in response.json()["keys"]}
                self._loaded_mark = time.monotonic()


class TokenVerifier:
    def __init__(self, keys: KeySource, *, issuer: str, audience: str) -> None:
        self.keys, self.issuer, self.audience = keys, issuer, audience

    async def claims(self, token: str) -> dict[str, Any]:
        invalid = NotAuthenticated("Mã truy cập không hợp lệ hoặc đã hết hạn.")
        try:
            header = jwt.get_unverified_header(token)
        except JWTError as exc:
            raise invalid from exc
        if header.get("alg") not in ALLOWED_ALGORITHMS or not isinstance(header.get("kid"), str):
            raise invalid
        try:
            key = await self.keys.key(header["kid"])
        except (OSError, httpx.HTTPError, ValueError) as exc:
            raise NotAuthenticated("Không kiểm tra được mã truy cập lúc này.") from exc
        if key is None:
            raise invalid
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=ALLOWED_ALGORITHMS,
                audience=self.audience,
                issuer=self.issuer,
                options={
                    "require_exp": True,
                    "require_iat": True,
                    "require_sub": True,
                    "require_aud": True,
                    "require_iss": True,
                    "require_jti": True,
                    "leeway": 10,
                },
            )
        except JWTError as exc:
            raise invalid from exc
        if claims.get("typ") not in ("access", "client"):
            raise invalid
        return claims

    async def principal(self, token: str) -> Principal:
        return Principal.from_claims(await self.claims(token))


bearer_scheme = HTTPBearer(auto_error=False, description="Mã truy cập do cổng API cấp (JWT)")


async def _principal(request: Request, credentials: HTTPAuthorizationCredentials | None) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise NotAuthenticated()
    verifier: TokenVerifier = request.app.state.token_verifier
    principal = await verifier.principal(credentials.credentials)
    request.state.principal = principal
    bind_caller(principal.username, str(principal.agency_id) if principal.agency_id else None)
    return principal


async def principal_even_before_password_change(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)]
) -> Principal:
    return await _principal(request, credentials)


async def current_principal(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)]
) -> Principal:
    principal = await _principal(request, credentials)
    if principal.must_change_password:
        raise Forbidden("Bạn cần đổi mật khẩu được cấp trước khi tiếp tục.")
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
PrincipalBeforePasswordChange = Annotated[Principal, Depends(principal_even_before_password_change)]


def require_roles(*roles: Role) -> Any:
    """A dependency that lets through only callers holding one of `roles`."""

    async def check(principal: CurrentPrincipal) -> Principal:
        if not principal.has_role(*roles):
            raise Forbidden("Vai trò của bạn không được phép thực hiện thao tác này.")
        return principal

    return Depends(check)
