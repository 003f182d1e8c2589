from __future__ import annotations

import uuid

from common.auth import Principal
from common.pagination import cursor_date, cursor_uuid, decode_cursor
from common.text import like_patterns
from sqlalchemy import func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from tasks.models import Plan, PlanParent, Section, Task
from tasks.task.repository import FAR_FUTURE, TaskRepository


class PlanRepository:
    """Plans are public documents: everyone signed in reads them; task counts follow the caller's scope."""

    def __init__(self, session: AsyncSession, principal: Principal) -> None:
        self.session, self.principal = session, principal

    async def find(self, *, q: str | None, cursor: str | None, limit: int) -> list[Plan]:
        stmt = select(Plan)
        if q:
            stmt = stmt.where(*[Plan.search_text.like(p) for p in like_patterns(q)])
        if cursor:
            issued, ident = decode_cursor(cursor, 2)
            stmt = stmt.where(
                func.row(func.coalesce(Plan.issued_on, literal(FAR_FUTURE)), Plan.id)
                > func.row(literal(cursor_date(issued)), literal(cursor_uuid(ident), Plan.id.type))
            )
        stmt = stmt.order_by(func.coalesce(Plan.issued_on, literal(FAR_FUTURE)), Plan.id).limit(limit)
        return list((await self.session.scalars(stmt)).all())

    async def all(self) -> list[Plan]:
        return list((await self.session.scalars(select(Plan).order_by(Plan.issued_on.nulls_last(), Plan.id))).all())

    async def parents(self, plan_ids: list[uuid.UUID] | None = None) -> list[tuple[uuid.UUID, uuid.UUID]]:
        stmt = select(PlanParent.plan_id, PlanParent.parent_id)
        if plan_ids is not None:
            stmt = stmt.where(PlanParent.plan_id.in_(plan_ids))
        return [(p, q) for p, q in (await self.session.execute(stmt)).all()]

    async def task_counts(self, plan_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        tasks = TaskRepository(self.session, self.principal)
        stmt = tasks.readable(select(Task.plan_id, func.count()).where(Task.plan_id.in_(plan_ids))).group_by(
            Task.plan_id
        )
        return {p: n for p, n in (await self.session.execute(stmt)).all()}

    async def sections(self, plan_id: uuid.UUID) -> list[Section]:
        stmt = select(Section).where(Section.plan_id == plan_id).order_by(Section.path)
        return list((await self.session.scalars(stmt)).all())

    async def section_counts(self, plan_id: uuid.UUID) -> dict[uuid.UUID | None, int]:
        tasks = TaskRepository(self.session, self.principal)
        stmt = tasks.readable(select(Task.section_id, func.count()).where(Task.plan_id == plan_id)).group_by(
            Task.section_id
        )
        return {s: n for s, n in (await self.session.execute(stmt)).all()}


async def plan_ancestors(session: AsyncSession, plan_id: uuid.UUID) -> set[uuid.UUID]:
    """Every plan this one implements, directly or through others (to refuse a cycle of "căn cứ")."""
    up: dict[uuid.UUID, list[uuid.UUID]] = {}
    for child, parent in (await session.execute(select(PlanParent.plan_id, PlanParent.parent_id))).all():
        up.setdefault(child, []).append(parent)
    found: set[uuid.UUID] = set()
    stack = [plan_id]
    while stack:
        for p in up.get(stack.pop(), []):
            if p not in found:
                found.add(p)
                stack.append(p)
    return found
