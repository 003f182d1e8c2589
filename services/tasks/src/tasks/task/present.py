"""ORM rows → response schemas, with the few extra reads a page needs done once per page, not per task."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date
from functools import lru_cache

from common.auth import Principal
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tasks.deadline import Deadline, describe, parse_deadline
from tasks.models import Agency, Assignment, Task
from tasks.task.rules import CLARITY_LABELS, COMPLETED, STATUS_LABELS, Clarity, Status, is_overdue
from tasks.task.schemas import AssignmentRead, DeadlineRead, ShareCounts, TaskDetail, TaskRead


async def agency_names(session: AsyncSession, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    rows = await session.execute(select(Agency.id, Agency.short_name, Agency.name).where(Agency.id.in_(ids)))
    return {i: short or name for i, short, name in rows.all()}


@lru_cache(maxsize=4096)
def _meaning(text: str) -> tuple[Deadline, str]:
    """A phrase's parse and its description: pure, and plans repeat a few dozen phrases across every task."""
    parsed = parse_deadline(text)
    return parsed, describe(parsed)


def deadline_of(task: Task) -> DeadlineRead:
    parsed, description = _meaning(task.deadline_text)
    if task.due_on and parsed.kind.value != task.deadline_kind:
        description = (
            f"Hạn {task.due_on:%d/%m/%Y} (do người dùng nhập; văn bản ghi: {task.deadline_text or 'không ghi'})"
        )
    if task.extended and task.due_on:
        description = f"{description} — đã gia hạn đến {task.due_on:%d/%m/%Y}"
    return DeadlineRead(
        text=task.deadline_text,
        kind=task.deadline_kind,
        due_on=task.due_on,
        window_start=task.window_start,
        window_end=task.window_end,
        recurrence=task.recurrence,
        condition=task.condition,
        needs_review=task.deadline_needs_review,
        description=description,
        extended=task.extended,
    )


def share_of(a: Assignment, names: dict[uuid.UUID, str]) -> AssignmentRead:
    read = AssignmentRead.model_validate(a)
    read.agency_name = names.get(a.agency_id, "")
    read.status_label = STATUS_LABELS[Status(a.status)]
    return read


async def present(session: AsyncSession, principal: Principal, tasks: list[Task], on: date) -> list[TaskRead]:
    ids = [t.id for t in tasks]
    counts: dict[tuple[uuid.UUID, str], ShareCounts] = defaultdict(ShareCounts)
    mine: dict[uuid.UUID, list[Assignment]] = defaultdict(list)
    if ids:
        completed = [s.value for s in COMPLETED]
        stmt = (
            select(
                Assignment.task_id,
                Assignment.role,
                func.count(),
                func.count().filter(Assignment.status.in_(completed)),
                func.count().filter(Assignment.status == Status.SUBMITTED.value),
                func.count().filter(Assignment.status == Status.NOT_STARTED.value),
            )
            .where(Assignment.task_id.in_(ids))
            .group_by(Assignment.task_id, Assignment.role)
        )
        for task_id, role, total, done, submitted, idle in (await session.execute(stmt)).all():
            counts[(task_id, role)] = ShareCounts(total=total, completed=done, submitted=submitted, not_started=idle)
        if principal.agency_subtree:
            own = select(Assignment).where(
                Assignment.task_id.in_(ids), Assignment.agency_id.in_(principal.agency_subtree)
            )
            for a in (await session.scalars(own)).all():
                mine[a.task_id].append(a)
    names = await agency_names(session, {a.agency_id for shares in mine.values() for a in shares})
    return [
        TaskRead(
            id=t.id,
            plan_id=t.plan_id,
            section_id=t.section_id,
            parent_task_id=t.parent_task_id,
            assigned_by_agency_id=t.assigned_by_agency_id,
            number=t.number,
            title=t.title,
            result=t.result,
            lead_text=t.lead_text,
            coordinator_text=t.coordinator_text,
            responsible_person=t.responsible_person,
            is_priority=t.is_priority,
            deadline=deadline_of(t),
            status=Status(t.status),
            status_label=STATUS_LABELS[Status(t.status)],
            is_overdue=is_overdue(t.status, t.due_on, on),
            percent=t.percent,
            completed_on=t.completed_on,
            unclear=list(t.unclear),
            lead_shares=counts[(t.id, "lead")],
            coordinator_shares=counts[(t.id, "coordinator")],
            my_shares=[share_of(a, names) for a in mine[t.id]],
            created_at=t.created_at,
            updated_at=t.updated_at,
            version=t.version,
        )
        for t in tasks
    ]


async def present_detail(
    session: AsyncSession, principal: Principal, task: Task, children: list[Task], on: date
) -> TaskDetail:
    (read,) = await present(session, principal, [task], on)
    shares = (
        await session.scalars(
            select(Assignment)
            .where(Assignment.task_id == task.id)
            .order_by(Assignment.role.desc(), Assignment.created_at)
        )
    ).all()
    names = await agency_names(session, {a.agency_id for a in shares})
    return TaskDetail(
        **read.model_dump(),
        assignments=[share_of(a, names) for a in shares],
        children=await present(session, principal, children, on),
        clarity={c: CLARITY_LABELS[Clarity(c)] for c in task.unclear},
    )
