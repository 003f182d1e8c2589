"""When the directory merges agency A into B, A's shares of tasks become B's (history keeps A's name)."""

from __future__ import annotations

import uuid

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tasks.models import Assignment, Plan, Task
from tasks.task.service import TaskService


async def follow_merge(session: AsyncSession, old: uuid.UUID, new: uuid.UUID, actor: str) -> int:
    """Move every share of `old` to `new`; where `new` already has a share of the task, `old`'s is folded in.
    Idempotent: a merge event read twice moves nothing the second time."""
    service = TaskService(session, actor)
    moved = 0
    shares = (await session.scalars(select(Assignment).where(Assignment.agency_id == old))).all()
    for share in shares:
        task = await session.get(Task, share.task_id)
        if task is None:
            continue
        existing = await session.scalar(
            select(Assignment).where(Assignment.task_id == share.task_id, Assignment.agency_id == new)
        )
        if existing is None:
            share.agency_id = new
        else:
            if share.role == "lead":
                existing.role = "lead"
            await session.delete(share)
        await session.flush()
        await service.refresh(task)
        await service.record(task, "agency.merge", {"agency_id": [str(old), str(new)]})
        await service.event(task, "task.updated", changed=["assignments"])
        moved += 1
    await session.execute(update(Task).where(Task.assigned_by_agency_id == old).values(assigned_by_agency_id=new))
    await session.execute(update(Plan).where(Plan.standing_agency_id == old).values(standing_agency_id=new))
    return moved
