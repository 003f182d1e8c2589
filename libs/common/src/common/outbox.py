"""Transactional outbox and its cursor feed.

Events are written in the same transaction as the change. The feed orders by (transaction id, id) and
only shows transactions older than every one still running, so a reader following `after` never skips
an event that commits late.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Identity,
    Index,
    MetaData,
    String,
    Table,
    func,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.ext.asyncio import AsyncSession

from common.auth import Principal
from common.pagination import cursor_int

_CURRENT_TX = text("(pg_current_xact_id()::text)::bigint")
_OLDEST_RUNNING_TX = text("(pg_snapshot_xmin(pg_current_snapshot())::text)::bigint")


def outbox_table(metadata: MetaData) -> Table:
    return Table(
        "outbox_events",
        metadata,
        Column("id", BigInteger, Identity(), primary_key=True),
        Column("tx_id", BigInteger, nullable=False, server_default=_CURRENT_TX),
        Column("event_type", String(100), nullable=False),
        Column("subject_type", String(50), nullable=False),
        Column("subject_id", String(100), nullable=False),
        # Agencies the event concerns: the feed shows it to callers who can see any of them.
        Column("agency_ids", ARRAY(UUID(as_uuid=True)), nullable=False, server_default="{}"),
        Column("payload", JSONB, nullable=False),
        Column("actor", String(200)),
        Column("occurred_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Index(None, "tx_id", "id"),
    )


class EventRead(BaseModel):
    cursor: str
    event_type: str
    subject_type: str
    subject_id: str
    agency_ids: list[uuid.UUID]
    payload: dict[str, Any]
    actor: str | None
    occurred_at: datetime


class EventFeed(BaseModel):
    items: list[EventRead]
    next_cursor: str | None


async def publish(
    session: AsyncSession,
    table: Table,
    event_type: str,
    *,
    subject_type: str,
    subject_id: str,
    payload: dict[str, Any],
    agency_ids: list[uuid.UUID] | None = None,
    actor: str | None = None,
) -> None:
    await session.execute(
        table.insert().values(
            event_type=event_type,
            subject_type=subject_type,
            subject_id=subject_id,
            payload=payload,
            agency_ids=agency_ids or [],
            actor=actor,
        )
    )


def _parse_after(after: str | None) -> tuple[int, int]:
    if not after:
        return (0, 0)
    tx, _, ident = after.partition("-")
    return cursor_int(tx, "after"), cursor_int(ident, "after")


async def read_feed(
    session: AsyncSession, table: Table, principal: Principal, *, after: str | None, limit: int
) -> EventFeed:
    after_tx, after_id = _parse_after(after)
    c = table.c
    stmt = (
        select(table)
        .where(c.tx_id < _OLDEST_RUNNING_TX)
        .where((c.tx_id > after_tx) | ((c.tx_id == after_tx) & (c.id > after_id)))
        .order_by(c.tx_id, c.id)
        .limit(limit)
    )
    if not principal.province_wide:
        stmt = stmt.where(c.agency_ids.overlap(list(principal.agency_subtree)))
    rows = (await session.execute(stmt)).all()
    items = [
        EventRead(
            cursor=f"{r.tx_id}-{r.id}",
            event_type=r.event_type,
            subject_type=r.subject_type,
            subject_id=r.subject_id,
            agency_ids=r.agency_ids,
            payload=r.payload,
            actor=r.actor,
            occurred_at=r.occurred_at,
        )
        for r in rows
    ]
    next_cursor = items[-1].cursor if items else after
    return EventFeed(items=items, next_cursor=next_cursor)
