from __future__ import annotations

import uuid
from collections.abc import Sequence

from common.auth import Principal
from common.pagination import decode_cursor
from common.roles import Role
from common.text import like_patterns
from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.agency.repository import AgencyRepository
from gateway.models import User


class UserRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def readable_by(self, principal: Principal) -> Select[User]:
        """Province-wide roles read everyone; an agency head reads the accounts of their subtree; others themselves."""
        stmt = select(User)
        if principal.province_wide:
            return stmt
        if principal.has_role(Role.AGENCY_MANAGER) and principal.agency_id is not None:
            subtree = AgencyRepository(self.session).subtree_ids_statement(principal.agency_id)
            return stmt.where(User.agency_id.in_(subtree))
        return stmt.where(User.id == _uuid_or_none(principal.subject))

    async def get(self, user_id: uuid.UUID) -> User | None:
        return await self.session.get(User, user_id)

    async def get_readable(self, principal: Principal, user_id: uuid.UUID) -> User | None:
        return await self.session.scalar(self.readable_by(principal).where(User.id == user_id))

    async def by_username(self, username: str) -> User | None:
        return await self.session.scalar(select(User).where(func.lower(User.username) == username.lower()))

    async def list(
        self,
        principal: Principal,
        *,
        q: str | None,
        agency_id: uuid.UUID | None,
        role: Role | None,
        cursor: str | None,
        limit: int,
    ) -> Sequence[User]:
        stmt = self.readable_by(principal).order_by(User.username).limit(limit)
        if q:
            stmt = stmt.where(*[User.search_text.ilike(p) for p in like_patterns(q)])
        if agency_id:
            stmt = stmt.where(User.agency_id == agency_id)
        if role:
            stmt = stmt.where(User.roles.contains([role.value]))
        if cursor:
            (last,) = decode_cursor(cursor, 1)
            stmt = stmt.where(User.username > str(last))
        return (await self.session.scalars(stmt)).all()


def _uuid_or_none(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None
