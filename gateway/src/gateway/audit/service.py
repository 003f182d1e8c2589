"""Who changed what: every write to identity data leaves an audit record in the same transaction."""

from __future__ import annotations

from typing import Any

import structlog
from common.auth import Principal
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.models import AuditRecord


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """`{field: [old, new]}` for the fields that changed."""
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}


async def record(
    session: AsyncSession,
    actor: Principal | str,
    action: str,
    entity_type: str,
    entity_id: object,
    changes: dict[str, Any],
) -> None:
    request_id = structlog.contextvars.get_contextvars().get("request_id")
    session.add(
        AuditRecord(
            actor=actor if isinstance(actor, str) else actor.username,
            action=action,
            entity_type=entity_type,
            entity_id=str(entity_id),
            changes=changes,
            request_id=request_id,
        )
    )
