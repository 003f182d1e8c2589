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
    # Re-pointed first, so that the events below already name the agency that now reviews the task.
    given = set((await session.scalars(select(Task.id).where(Task.assigned_by_agency_id == old))).all())
    await session.execute(update(Task).where(Task.assigned_by_agency_id == old).values(assigned_by_agency_id=new))
    await session.execute(update(Plan).where(Plan.standing_agency_id == old).values(standing_agency_id=new))
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
        now = await service.refresh(task)
        await service.record(task, "agency.merge", {"agency_id": [str(old), str(new)]})
        await service.event(task, "task.updated", shares=now, changed=["assignments"])
        given.discard(task.id)
        moved += 1
    # Tasks `old` gave out but held no share of: who sees and who reviews them changed, and followers must know.
    for task_id in sorted(given, key=str):
        task = await session.get(Task, task_id)
        if task is None:
            continue
        now = await service.refresh(task)
        await service.record(task, "agency.merge", {"assigned_by_agency_id": [str(old), str(new)]})
        await service.event(task, "task.updated", shares=now, changed=["assigned_by_agency_id"])
    return moved
