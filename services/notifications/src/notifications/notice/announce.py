"""Writing notices: one per subject, event and occurrence, whoever writes it and however often."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from common.clock import vn_date
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from notifications.models import Agency, Notice


def vn_date_or_none(day: date | None) -> str | None:
    return vn_date(day) if day else None


@dataclass
class Announcement:
    subject_type: str
    subject_id: str
    event_type: str
    occurrence: str
    audience: str
    agency_id: uuid.UUID | None
    context: dict[str, Any] = field(default_factory=dict)
    link: str | None = None
    reminder: bool = False
    urgent: bool = False
    task_id: uuid.UUID | None = None
    holder_agency_id: uuid.UUID | None = None
    due_on: date | None = None


async def announce(session: AsyncSession, *notices: Announcement) -> None:
    if not notices:
        return
    stmt = insert(Notice).values([asdict(n) for n in notices])
    await session.execute(
        stmt.on_conflict_do_nothing(index_elements=["subject_type", "subject_id", "event_type", "occurrence"])
    )


def task_link(task_id: uuid.UUID | str) -> str:
    return f"/tasks/{task_id}"


def indicator_link(indicator_id: uuid.UUID | str) -> str:
    return f"/indicators/{indicator_id}"


async def agency_names(session: AsyncSession, ids: set[uuid.UUID | None]) -> dict[uuid.UUID | None, str]:
    rows = (await session.execute(select(Agency.id, Agency.name).where(Agency.id.in_(ids - {None})))).all()
    return {r.id: r.name for r in rows}


def recent(event: dict[str, Any], now: datetime, max_age: timedelta) -> bool:
    """Only recent events are announced: a new installation reading the whole history stays quiet."""
    return now - datetime.fromisoformat(event["occurred_at"]) <= max_age
