"""The gateway's identity feed: agencies (through the shared directory follower) and the people in them."""

from __future__ import annotations

import uuid
from typing import Any

from common.directory.sync import DirectoryFollower
from sqlalchemy import text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from notifications.models import Agency, FeedCursor, User


async def apply_user(session: AsyncSession, event: dict[str, Any]) -> None:
    if event["subject_type"] != "user":
        return
    p = event["payload"]
    values = {
        "id": uuid.UUID(p["id"]),
        "username": p["username"],
        "full_name": p.get("full_name") or p["username"],
        "email": p.get("email") or None,
        "agency_id": uuid.UUID(p["agency_id"]),
        "roles": list(p.get("roles") or []),
        "active": bool(p.get("active", True)),
    }
    stmt = insert(User).values(**values)
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=[User.id],
            set_={k: stmt.excluded[k] for k in values if k != "id"} | {"synced_at": text("now()")},
        )
    )


# Tables keyed by an agency and these columns; a merged agency's rows become the new agency's.
_AGENCY_KEYED = {
    "deadlines": ("task_id",),
    "task_shares": ("task_id",),
    "report_duties": ("indicator_id",),
    "report_submissions": ("indicator_id", "period"),
}


async def follow_merge(session: AsyncSession, old: uuid.UUID, new: uuid.UUID, _actor: str) -> None:
    """Idempotent; the tasks and indicators feeds confirm the move shortly after with their own events."""
    for table, keys in _AGENCY_KEYED.items():
        # Table and column names are the constants above, never input.
        same = " AND ".join(f"o.{k} = t.{k}" for k in keys)
        move = (
            f"UPDATE notifications.{table} t SET agency_id = :new WHERE t.agency_id = :old "  # noqa: S608
            f"AND NOT EXISTS (SELECT 1 FROM notifications.{table} o WHERE o.agency_id = :new AND {same})"
        )
        await session.execute(text(move), {"old": old, "new": new})
        drop = f"DELETE FROM notifications.{table} WHERE agency_id = :old"  # noqa: S608
        await session.execute(text(drop), {"old": old})


identity = DirectoryFollower(
    Agency, FeedCursor, lock="notifications.identity", on_merge=follow_merge, on_event=apply_user
)
