"""Reads of the local copy of the agency directory."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tasks.directory.matching import AgencyMatcher, DirectoryAgency
from tasks.models import Agency


def as_directory_agency(row: Agency) -> DirectoryAgency:
    return DirectoryAgency(
        id=row.id,
        code=row.code,
        name=row.name,
        short_name=row.short_name,
        kind=row.kind,
        parent_id=row.parent_id,
        aliases=tuple(row.aliases or ()),
        active=row.active,
        merged_into_id=row.merged_into_id,
    )


class DirectoryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def all(self) -> list[DirectoryAgency]:
        rows = (await self.session.scalars(select(Agency).order_by(Agency.code))).all()
        return [as_directory_agency(r) for r in rows]

    async def matcher(self) -> AgencyMatcher:
        return AgencyMatcher(await self.all())

    async def subtree(self, agency_id: uuid.UUID) -> set[uuid.UUID]:
        """The agency and everything under it, from the local copy (for "with sub-agencies" filters)."""
        tree = select(Agency.id).where(Agency.id == agency_id).cte("tree", recursive=True)
        tree = tree.union(select(Agency.id).where(Agency.parent_id == tree.c.id))
        return set((await self.session.scalars(select(tree.c.id))).all())

    async def kinds(self, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
        rows = await self.session.execute(select(Agency.id, Agency.kind).where(Agency.id.in_(ids)))
        return {i: k for i, k in rows.all()}
