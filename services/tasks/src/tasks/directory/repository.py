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

    async def get(self, agency_id: uuid.UUID) -> Agency | None:
        return await self.session.get(Agency, agency_id)

    async def by_code(self, code: str) -> Agency | None:
        return await self.session.scalar(select(Agency).where(Agency.code == code))

    async def subtree(self, agency_id: uuid.UUID) -> set[uuid.UUID]:
        """The agency and everything under it, from the local copy (for "with sub-agencies" filters)."""
        children: dict[uuid.UUID | None, list[uuid.UUID]] = {}
        for row in (await self.session.execute(select(Agency.id, Agency.parent_id))).all():
            children.setdefault(row.parent_id, []).append(row.id)
        found, stack = set(), [agency_id]
        while stack:
            current = stack.pop()
            if current not in found:
                found.add(current)
                stack.extend(children.get(current, []))
        return found

    async def count(self) -> int:
        return len((await self.session.scalars(select(Agency.id))).all())
