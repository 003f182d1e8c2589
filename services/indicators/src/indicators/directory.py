"""The indicators service's copy of the agency directory: when an agency is merged, what it monitors and
reports follows it (its values keep the agency they were reported by)."""

from __future__ import annotations

import uuid

from common.directory.sync import DirectoryFollower
from sqlalchemy import delete, exists, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from indicators.models import Agency, FeedCursor, Indicator, Share


async def follow_merge(session: AsyncSession, old: uuid.UUID, new: uuid.UUID, _actor: str) -> None:
    """Idempotent: a merge event read twice moves nothing the second time."""
    other = aliased(Share)
    # Where the new agency already holds the same role, the old agency's share is folded into it.
    await session.execute(
        delete(Share).where(
            Share.agency_id == old,
            exists().where(other.indicator_id == Share.indicator_id, other.agency_id == new, other.role == Share.role),
        )
    )
    await session.execute(update(Share).where(Share.agency_id == old).values(agency_id=new))
    await session.execute(
        update(Indicator).where(Indicator.monitoring_agency_id == old).values(monitoring_agency_id=new)
    )


follower = DirectoryFollower(Agency, FeedCursor, lock="indicators.directory", on_merge=follow_merge)
