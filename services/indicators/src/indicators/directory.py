"""The indicators service's copy of the agency directory: when an agency is merged, what it monitors and
reports follows it (its values keep the agency they were reported by)."""

from __future__ import annotations

import uuid

from common.directory.sync import DirectoryFollower
from sqlalchemy import delete, exists, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from indicators.models import Agency, FeedCursor, Indicator, Share
from indicators.report.duties import publish_duties
from indicators.report.obligations import rebuild_obligations


async def follow_merge(session: AsyncSession, old: uuid.UUID, new: uuid.UUID, actor: str) -> None:
    """Idempotent: a merge event read twice moves nothing the second time."""
    touched = (
        await session.scalars(
            select(Indicator).where(
                or_(
                    Indicator.monitoring_agency_id == old,
                    Indicator.id.in_(select(Share.indicator_id).where(Share.agency_id == old)),
                )
            )
        )
    ).all()
    if not touched:
        return
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
    # What each agency owes moved with the shares; followers of the feed learn who reports now.
    await rebuild_obligations(session)
    await publish_duties(session, touched, actor)


follower = DirectoryFollower(Agency, FeedCursor, lock="indicators.directory", on_merge=follow_merge)
