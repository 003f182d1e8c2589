"""Reads of the local copy of the agency directory."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from common.directory.matching import AgencyMatcher, DirectoryAgency
from common.directory.tables import AgencyColumns


def as_directory_agency(row: AgencyColumns) -> DirectoryAgency:
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
    def __init__(self, session: AsyncSession, agency: type[AgencyColumns]) -> None:
        self.session, self.agency = session, agency

    async def all(self) -> list[DirectoryAgency]:
        Agency = self.agency  # noqa: N806 - reads like the table it is
        rows = (await self.session.scalars(select(Agency).order_by(Agency.code))).all()
        return [as_directory_agency(r) for r in rows]

    async def matcher(self) -> AgencyMatcher:
        return AgencyMatcher(await self.all())

    async def subtree(self, agency_id: uuid.UUID) -> set[uuid.UUID]:
        """The agency and everything under it, from the local copy (for "with sub-agencies" filters)."""
        Agency = self.agency  # noqa: N806
        tree = select(Agency.id).where(Agency.id == agency_id).cte("tree", recursive=True)
        tree = tree.union(select(Agency.id).where(Agency.parent_id == tree.c.id))
        return set((await self.session.scalars(select(tree.c.id))).all())

    async def kinds(self, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
        Agency = self.agency  # noqa: N806
        rows = await self.session.execute(select(Agency.id, Agency.kind).where(Agency.id.in_(ids)))
        return {i: k for i, k in rows.all()}
