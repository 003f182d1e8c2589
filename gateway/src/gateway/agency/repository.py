from __future__ import annotations

import uuid
from collections.abc import Sequence

from common.pagination import decode_cursor
from common.text import like_patterns
from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.models import Agency


class AgencyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, agency_id: uuid.UUID) -> Agency | None:
        return await self.session.get(Agency, agency_id)

    async def root(self) -> Agency | None:
        return await self.session.scalar(select(Agency).where(Agency.parent_id.is_(None)))

    async def by_code(self, code: str) -> Agency | None:
        return await self.session.scalar(select(Agency).where(Agency.code == code))

    def subtree_ids_statement(self, root: uuid.UUID) -> Select[uuid.UUID]:
        """The agency, its descendants, and agencies merged into any of them (their history follows)."""
        tree = select(Agency.id).where(Agency.id == root).cte("tree", recursive=True)
        tree = tree.union(
            select(Agency.id).where(or_(Agency.parent_id == tree.c.id, Agency.merged_into_id == tree.c.id))
        )
        return select(tree.c.id)

    async def subtree_ids(self, root: uuid.UUID) -> set[uuid.UUID]:
        return set((await self.session.scalars(self.subtree_ids_statement(root))).all())

    async def list(
        self,
        *,
        q: str | None,
        kind: str | None,
        parent_id: uuid.UUID | None,
        within: uuid.UUID | None,
        include_inactive: bool,
        cursor: str | None,
        limit: int,
    ) -> Sequence[Agency]:
        stmt = select(Agency).order_by(Agency.code).limit(limit)
        if q:
            stmt = stmt.where(*[Agency.search_text.ilike(p) for p in like_patterns(q)])
        if kind:
            stmt = stmt.where(Agency.kind == kind)
        if parent_id:
            stmt = stmt.where(Agency.parent_id == parent_id)
        if within:
            stmt = stmt.where(Agency.id.in_(self.subtree_ids_statement(within)))
        if not include_inactive:
            stmt = stmt.where(Agency.active.is_(True))
        if cursor:
            (last_code,) = decode_cursor(cursor, 1)
            stmt = stmt.where(Agency.code > str(last_code))
        return (await self.session.scalars(stmt)).all()

    async def children(self, agency_id: uuid.UUID) -> Sequence[Agency]:
        return (await self.session.scalars(select(Agency).where(Agency.parent_id == agency_id))).all()
