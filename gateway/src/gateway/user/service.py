from __future__ import annotations

import uuid
from typing import Any

from common.auth import Principal
from common.db import flush_or_conflict
from common.errors import InvalidInput
from common.outbox import publish
from common.text import fold
from sqlalchemy import func, update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.agency.repository import AgencyRepository
from gateway.audit.service import diff, record
from gateway.auth.passwords import check_password_policy, hash_secret
from gateway.db import outbox
from gateway.models import Session, User
from gateway.user.exceptions import UsernameTaken
from gateway.user.repository import UserRepository
from gateway.user.schemas import UserCreate, UserRead, UserUpdate

_TRACKED = ("full_name", "email", "agency_id", "roles", "active")


def _snapshot(user: User) -> dict[str, Any]:
    return {k: (str(v) if isinstance(v, uuid.UUID) else v) for k in _TRACKED for v in [getattr(user, k)]}


def search_text(user: User) -> str:
    return fold(f"{user.username} | {user.full_name} | {user.email}")


class UserService:
    def __init__(self, session: AsyncSession, actor: Principal | str) -> None:
        self.session, self.actor = session, actor
        self.repo = UserRepository(session)

    async def _check_agency(self, agency_id: uuid.UUID) -> None:
        agency = await AgencyRepository(self.session).get(agency_id)
        if agency is None or not agency.active:
            raise InvalidInput.on("agency_id", "Đơn vị không tồn tại hoặc đã ngừng hoạt động.")

    async def _event(self, event_type: str, user: User) -> None:
        payload = UserRead.model_validate(user).model_dump(mode="json")
        actor = self.actor if isinstance(self.actor, str) else self.actor.username
        await publish(
            self.session,
            outbox,
            event_type,
            subject_type="user",
            subject_id=str(user.id),
            payload=payload,
            agency_ids=[user.agency_id],
            actor=actor,
        )

    async def create(self, data: UserCreate, *, must_change_password: bool = True) -> User:
        if await self.repo.by_username(data.username) is not None:
            raise UsernameTaken(data.username)
        await self._check_agency(data.agency_id)
        if (reason := check_password_policy(data.initial_password, data.username)) is not None:
            raise InvalidInput.on("initial_password", reason)
        user = User(
            **data.model_dump(exclude={"initial_password"}),
            password_hash=await hash_secret(data.initial_password),
            must_change_password=must_change_password,
            active=True,
        )
        user.search_text = search_text(user)
        self.session.add(user)
        await flush_or_conflict(self.session, UsernameTaken(data.username))
        await record(self.session, self.actor, "user.create", "user", user.id, _snapshot(user))
        await self._event("user.created", user)
        return user

    async def update(self, user: User, data: UserUpdate) -> User:
        changes = data.model_dump(exclude_unset=True)
        for field, value in changes.items():
            if value is None:
                raise InvalidInput.on(field, "Trường này không được để trống.")
        if "agency_id" in changes and changes["agency_id"] != user.agency_id:
            await self._check_agency(changes["agency_id"])
        before = _snapshot(user)
        for key, value in changes.items():
            setattr(user, key, value)
        user.search_text = search_text(user)
        await self.session.flush()
        if changes.get("active") is False:
            await self.revoke_sessions(user.id, "deactivated")
        changed = diff(before, _snapshot(user))
        if changed:
            await record(self.session, self.actor, "user.update", "user", user.id, changed)
            await self._event("user.updated", user)
        return user

    async def reset_password(self, user: User, new_password: str) -> None:
        if (reason := check_password_policy(new_password, user.username)) is not None:
            raise InvalidInput.on("new_password", reason)
        user.password_hash = await hash_secret(new_password)
        user.must_change_password = True
        user.failed_logins, user.next_login_at, user.locked_until = 0, None, None
        await self.session.flush()
        await self.revoke_sessions(user.id, "password_reset")
        await record(self.session, self.actor, "user.reset_password", "user", user.id, {})

    async def revoke_sessions(self, user_id: uuid.UUID, reason: str) -> None:
        await self.session.execute(
            update(Session)
            .where(Session.user_id == user_id, Session.revoked_at.is_(None))
            .values(revoked_at=func.now(), revoked_reason=reason)
        )
