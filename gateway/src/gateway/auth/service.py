"""Login with throttling and lockout, rotating refresh tokens with reuse detection, client credentials."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from common.errors import Forbidden, InvalidInput, Locked, NotAuthenticated, TooManyRequests
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.agency.repository import AgencyRepository
from gateway.audit.service import record
from gateway.auth.passwords import check_password_policy, hash_secret, verify_secret
from gateway.auth.schemas import ClientToken, TokenPair
from gateway.auth.tokens import TokenIssuer, new_refresh_token, token_digest
from gateway.config import Settings
from gateway.models import Agency, ApiClient, LoginFailure, RefreshToken, Session, User

VN = ZoneInfo("Asia/Ho_Chi_Minh")
WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng."
MAX_DELAY_SECONDS = 300


def _vn(moment: datetime) -> str:
    return moment.astimezone(VN).strftime("%H:%M ngày %d/%m/%Y")


@dataclass(frozen=True)
class Caller:
    address: str
    user_agent: str | None


class AuthService:
    def __init__(self, session: AsyncSession, issuer: TokenIssuer, settings: Settings) -> None:
        self.session, self.issuer, self.settings = session, issuer, settings

    # -- tokens -------------------------------------------------------------------------------

    async def _scope_claims(self, agency_id: uuid.UUID) -> dict[str, Any]:
        agency = await self.session.get(Agency, agency_id)
        if agency is not None and agency.parent_id is None:
            return {"all": True}  # the province root sees the whole tree
        subtree = await AgencyRepository(self.session).subtree_ids(agency_id)
        return {"subtree": sorted(str(a) for a in subtree)}

    async def _access_token(self, user: User, session_id: uuid.UUID) -> str:
        claims = {
            "typ": "access",
            "sub": str(user.id),
            "name": user.username,
            "agency": str(user.agency_id),
            "roles": list(user.roles),
            "sid": str(session_id),
            "pwc": user.must_change_password,
            **await self._scope_claims(user.agency_id),
        }
        return self.issuer.issue(claims, timedelta(minutes=self.settings.access_token_minutes))

    async def _token_pair(self, user: User, session: Session) -> TokenPair:
        refresh = new_refresh_token()
        self.session.add(
            RefreshToken(
                session_id=session.id,
                token_hash=token_digest(refresh),
                expires_at=datetime.now(UTC) + timedelta(days=self.settings.refresh_token_days),
            )
        )
        await self.session.flush()
        return TokenPair(
            access_token=await self._access_token(user, session.id),
            refresh_token=refresh,
            expires_in=self.settings.access_token_minutes * 60,
            must_change_password=user.must_change_password,
        )

    # -- login --------------------------------------------------------------------------------

    async def _check_address(self, address: str) -> None:
        since = datetime.now(UTC) - timedelta(minutes=self.settings.login_address_window_minutes)
        failures = await self.session.scalar(
            select(func.count()).where(LoginFailure.address == address, LoginFailure.at > since)
        )
        if (failures or 0) >= self.settings.login_address_limit:
            seconds = self.settings.login_address_window_minutes * 60
            raise TooManyRequests(
                "Có quá nhiều lần đăng nhập sai từ địa chỉ này. Vui lòng thử lại sau "
                f"{self.settings.login_address_window_minutes} phút.",
                headers={"Retry-After": str(seconds)},
            )

    @staticmethod
    def _check_account(user: User, now: datetime) -> None:
        if user.locked_until and user.locked_until > now:
            raise Locked(
                "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau "
                f"{_vn(user.locked_until)} hoặc liên hệ quản trị hệ thống.",
                headers={"Retry-After": str(math.ceil((user.locked_until - now).total_seconds()))},
            )
        if user.next_login_at and user.next_login_at > now:
            wait = math.ceil((user.next_login_at - now).total_seconds())
            raise TooManyRequests(
                f"Đăng nhập sai nhiều lần. Vui lòng đợi {wait} giây rồi thử lại.",
                headers={"Retry-After": str(wait)},
            )

    async def _bookkeep(self, user: User, **values: Any) -> None:
        """Login counters change without a new version: an admin editing the account is not disturbed."""
        await self.session.execute(update(User).where(User.id == user.id).values(**values))

    async def _fail(self, user: User | None, username: str, caller: Caller, now: datetime) -> None:
        """Record the failure and commit it even though the request fails: the count must survive."""
        self.session.add(LoginFailure(address=caller.address, username=username[:64]))
        if user is not None:
            failures = user.failed_logins + 1
            over = failures - self.settings.login_slow_after
            if failures >= self.settings.login_lock_after:
                locked_until = now + timedelta(minutes=self.settings.login_lock_minutes)
                await self._bookkeep(user, failed_logins=failures, locked_until=locked_until, next_login_at=None)
                await record(
                    self.session, "hệ thống", "user.lock", "user", user.id, {"failed_logins": [None, failures]}
                )
            else:
                wait = now + timedelta(seconds=min(2**over, MAX_DELAY_SECONDS)) if over >= 0 else None
                await self._bookkeep(user, failed_logins=failures, next_login_at=wait)
        await self.session.commit()

    async def login(self, username: str, password: str, caller: Caller) -> TokenPair:
        await self._check_address(caller.address)
        now = datetime.now(UTC)
        user = await self.session.scalar(
            select(User).where(func.lower(User.username) == username.lower()).with_for_update()
        )
        if user is not None:
            self._check_account(user, now)
        if user is None or not await verify_secret(user.password_hash, password):
            await self._fail(user, username, caller, now)
            raise NotAuthenticated(WRONG_CREDENTIALS)
        if not user.active:
            raise Forbidden("Tài khoản đã ngừng hoạt động. Vui lòng liên hệ quản trị hệ thống.")
        await self._bookkeep(user, failed_logins=0, next_login_at=None, locked_until=None, last_login_at=now)
        login = Session(user_id=user.id, address=caller.address, user_agent=(caller.user_agent or "")[:300])
        self.session.add(login)
        await self.session.flush()
        return await self._token_pair(user, login)

    # -- refresh, logout, password ------------------------------------------------------------

    async def refresh(self, refresh_token: str) -> TokenPair:
        invalid = NotAuthenticated("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.")
        token = await self.session.scalar(
            select(RefreshToken).where(RefreshToken.token_hash == token_digest(refresh_token)).with_for_update()
        )
        if token is None:
            raise invalid
        login = await self.session.get(Session, token.session_id)
        if login is None or login.revoked_at is not None:
            raise invalid
        if token.used_at is not None:
            # A rotated token came back: someone holds a copy. End the whole family.
            await self.revoke(login.id, "refresh_reuse")
            await self.session.commit()
            raise NotAuthenticated("Mã làm mới đã được dùng lại; phiên đăng nhập đã bị thu hồi để bảo vệ tài khoản.")
        if token.expires_at <= datetime.now(UTC):
            raise invalid
        user = await self.session.get(User, login.user_id)
        if user is None or not user.active:
            raise invalid
        token.used_at = datetime.now(UTC)
        return await self._token_pair(user, login)

    async def revoke(self, session_id: uuid.UUID, reason: str) -> None:
        await self.session.execute(
            update(Session)
            .where(Session.id == session_id, Session.revoked_at.is_(None))
            .values(revoked_at=func.now(), revoked_reason=reason)
        )

    async def logout(self, refresh_token: str) -> uuid.UUID | None:
        token = await self.session.scalar(
            select(RefreshToken).where(RefreshToken.token_hash == token_digest(refresh_token))
        )
        if token is None:
            return None
        await self.revoke(token.session_id, "logout")
        return token.session_id

    async def change_password(self, user: User, current: str, new: str, keep_session: str | None) -> None:
        if not await verify_secret(user.password_hash, current):
            raise InvalidInput.on("current_password", "Mật khẩu hiện tại không đúng.")
        if current == new:
            raise InvalidInput.on("new_password", "Mật khẩu mới phải khác mật khẩu hiện tại.")
        if (reason := check_password_policy(new, user.username)) is not None:
            raise InvalidInput.on("new_password", reason)
        user.password_hash = await hash_secret(new)
        user.must_change_password = False
        # Other devices must log in again with the new password.
        await self.session.execute(
            update(Session)
            .where(Session.user_id == user.id, Session.revoked_at.is_(None), Session.id != _uuid(keep_session))
            .values(revoked_at=func.now(), revoked_reason="password_changed")
        )
        await record(self.session, user.username, "user.change_password", "user", user.id, {})

    # -- machines -----------------------------------------------------------------------------

    async def client_token(self, client_id: str, secret: str, caller: Caller) -> ClientToken:
        await self._check_address(caller.address)
        client = await self.session.scalar(select(ApiClient).where(ApiClient.client_id == client_id))
        if client is None or not await verify_secret(client.secret_hash, secret) or not client.active:
            await self._fail(None, f"client:{client_id}", caller, datetime.now(UTC))
            raise NotAuthenticated("Mã ứng dụng hoặc khóa bí mật không đúng.")
        await self.session.execute(
            update(ApiClient).where(ApiClient.id == client.id).values(last_used_at=datetime.now(UTC))
        )
        claims = {
            "typ": "client",
            "sub": f"client:{client.client_id}",
            "name": client.client_id,
            "agency": str(client.agency_id),
            "roles": ["integration"],
            "scope": " ".join(sorted(client.scopes)),
            **await self._scope_claims(client.agency_id),
        }
        minutes = self.settings.client_token_minutes
        return ClientToken(
            access_token=self.issuer.issue(claims, timedelta(minutes=minutes)),
            expires_in=minutes * 60,
            scope=claims["scope"],
        )


def _uuid(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if value else None
    except ValueError:
        return None
