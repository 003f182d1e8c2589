"""A person's inbox: only their own items, never a replaced reminder."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from notifications.models import InboxItem


class InboxRepository:
    def __init__(self, session: AsyncSession, user_id: uuid.UUID) -> None:
        self.session, self.user_id = session, user_id

    def live(self) -> Select[Any]:
        return select(InboxItem).where(InboxItem.user_id == self.user_id, InboxItem.superseded_at.is_(None))

    async def page(self, *, unread: bool, before: int | None, limit: int) -> list[InboxItem]:
        stmt = self.live()
        if unread:
            stmt = stmt.where(InboxItem.read_at.is_(None))
        if before is not None:
            stmt = stmt.where(InboxItem.id < before)
        return list((await self.session.scalars(stmt.order_by(InboxItem.id.desc()).limit(limit + 1))).all())

    async def get(self, item_id: int) -> InboxItem | None:
        found: InboxItem | None = await self.session.scalar(self.live().where(InboxItem.id == item_id))
        return found

    async def unread(self) -> int:
        stmt = select(func.count()).select_from(self.live().where(InboxItem.read_at.is_(None)).subquery())
        return int(await self.session.scalar(stmt) or 0)

    async def mark_all(self, now: datetime) -> int:
        result = await self.session.execute(
            update(InboxItem)
            .where(InboxItem.user_id == self.user_id, InboxItem.superseded_at.is_(None), InboxItem.read_at.is_(None))
            .values(read_at=now)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]
