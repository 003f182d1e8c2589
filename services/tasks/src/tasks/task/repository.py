"""Task queries. `readable` is the one place agency scoping happens: every list, count and load goes through it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import TypeVar

from common.auth import Principal
from common.pagination import cursor_date, cursor_datetime, cursor_int, cursor_uuid, decode_cursor
from common.text import like_patterns
from sqlalchemy import ColumnElement, Select, and_, func, literal, select, true
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.ext.asyncio import AsyncSession

from tasks.models import Assignment, Section, Task
from tasks.task.rules import CLOSED, Status

FAR_FUTURE = date(9999, 12, 31)
Stmt = TypeVar("Stmt", bound=Select)  # type: ignore[type-arg]  # any SELECT: scoping and filters keep its row type
DUE_KEY = func.coalesce(Task.due_on, literal(FAR_FUTURE))


class Sort(StrEnum):
    DUE = "due"
    PLAN_ORDER = "plan_order"
    UPDATED = "-updated"


class Role(StrEnum):
    LEAD = "lead"
    COORDINATOR = "coordinator"
    ANY = "any"


@dataclass
class TaskFilter:
    plan_id: uuid.UUID | None = None
    section_id: uuid.UUID | None = None
    parent_task_id: uuid.UUID | None = None
    top_level: bool = False
    agency_ids: set[uuid.UUID] | None = None  # already expanded to sub-agencies when asked
    role: Role = Role.ANY
    statuses: list[str] = field(default_factory=list)
    overdue: bool | None = None
    due_within_days: int | None = None
    due_from: date | None = None
    due_to: date | None = None
    priority: bool | None = None
    unclear: bool | None = None
    missing: str | None = None
    deadline_needs_review: bool | None = None
    deadline_kind: str | None = None
    q: str | None = None


def open_condition() -> ColumnElement[bool]:
    return Task.status.not_in([s.value for s in CLOSED])


def overdue_condition(on: date) -> ColumnElement[bool]:
    return and_(open_condition(), Task.status != Status.SUBMITTED.value, Task.due_on < on)


class TaskRepository:
    def __init__(self, session: AsyncSession, principal: Principal) -> None:
        self.session, self.principal = session, principal

    def readable(self, stmt: Stmt) -> Stmt:
        if self.principal.province_wide:
            return stmt
        subtree = list(self.principal.agency_subtree)
        return stmt.where(Task.visible_to.overlap(literal(subtree, ARRAY(UUID(as_uuid=True)))))

    async def get(self, task_id: uuid.UUID, *, for_update: bool = False) -> Task | None:
        stmt = self.readable(select(Task).where(Task.id == task_id))
        if for_update:
            stmt = stmt.with_for_update()
        return (await self.session.scalars(stmt)).first()

    def filtered(self, stmt: Stmt, f: TaskFilter, on: date) -> Stmt:
        stmt = self.readable(stmt)
        conditions: list[ColumnElement[bool]] = []
        if f.plan_id:
            conditions.append(Task.plan_id == f.plan_id)
        if f.section_id:
            under = select(Section.id).where(
                Section.plan_id == select(Section.plan_id).where(Section.id == f.section_id).scalar_subquery(),
                Section.path.startswith(select(Section.path).where(Section.id == f.section_id).scalar_subquery()),
            )
            conditions.append(Task.section_id.in_(under))
        if f.parent_task_id:
            conditions.append(Task.parent_task_id == f.parent_task_id)
        if f.top_level:
            conditions.append(Task.parent_task_id.is_(None))
        if f.agency_ids is not None:
            shares = select(Assignment.task_id).where(Assignment.agency_id.in_(f.agency_ids))
            if f.role is not Role.ANY:
                shares = shares.where(Assignment.role == f.role.value)
            conditions.append(Task.id.in_(shares))
        if f.statuses:
            conditions.append(Task.status.in_(f.statuses))
        if f.overdue is True:
            conditions.append(overdue_condition(on))
        elif f.overdue is False:
            conditions.append(~overdue_condition(on) | Task.due_on.is_(None))
        if f.due_within_days is not None:
            conditions += [open_condition(), Task.due_on >= on, Task.due_on <= on + timedelta(days=f.due_within_days)]
        if f.due_from:
            conditions.append(Task.due_on >= f.due_from)
        if f.due_to:
            conditions.append(Task.due_on <= f.due_to)
        if f.priority is not None:
            conditions.append(Task.is_priority.is_(f.priority))
        if f.unclear is True:
            conditions.append(func.cardinality(Task.unclear) > 0)
        elif f.unclear is False:
            conditions.append(func.cardinality(Task.unclear) == 0)
        if f.missing:
            conditions.append(literal(f.missing) == func.any(Task.unclear))
        if f.deadline_needs_review is not None:
            conditions.append(Task.deadline_needs_review.is_(f.deadline_needs_review))
        if f.deadline_kind:
            conditions.append(Task.deadline_kind == f.deadline_kind)
        if f.q:
            conditions += [Task.search_text.like(p) for p in like_patterns(f.q)]
        return stmt.where(and_(true(), *conditions))

    async def find(self, f: TaskFilter, *, on: date, sort: Sort, cursor: str | None, limit: int) -> list[Task]:
        stmt = self.filtered(select(Task), f, on)
        if sort is Sort.DUE:
            if cursor:
                due, ident = decode_cursor(cursor, 2)
                stmt = stmt.where(
                    func.row(DUE_KEY, Task.id) > func.row(literal(cursor_date(due)), _uuid(cursor_uuid(ident)))
                )
            stmt = stmt.order_by(DUE_KEY, Task.id)
        elif sort is Sort.PLAN_ORDER:
            if cursor:
                plan, position, ident = decode_cursor(cursor, 3)
                stmt = stmt.where(
                    func.row(Task.plan_id, Task.position, Task.id)
                    > func.row(_uuid(cursor_uuid(plan)), literal(cursor_int(position)), _uuid(cursor_uuid(ident)))
                )
            stmt = stmt.order_by(Task.plan_id, Task.position, Task.id)
        else:
            if cursor:
                updated, ident = decode_cursor(cursor, 2)
                stmt = stmt.where(
                    func.row(Task.updated_at, Task.id)
                    < func.row(literal(cursor_datetime(updated)), _uuid(cursor_uuid(ident)))
                )
            stmt = stmt.order_by(Task.updated_at.desc(), Task.id.desc())
        return list((await self.session.scalars(stmt.limit(limit))).all())

    async def count_by_status(self, f: TaskFilter, on: date) -> dict[str, int]:
        overdue = func.count().filter(overdue_condition(on))
        stmt = self.filtered(select(Task.status, func.count(), overdue), f, on).group_by(Task.status)
        counts: dict[str, int] = {s.value: 0 for s in Status}
        counts["overdue"] = 0
        for status, n, late in (await self.session.execute(stmt)).all():
            counts[status] = n
            counts["overdue"] += late
        counts["total"] = sum(counts[s.value] for s in Status)
        return counts

    async def count_by_agency(self, f: TaskFilter, on: date, role: Role) -> list[tuple[uuid.UUID, int, int, int]]:
        """Per agency with a share: (agency, tasks, overdue, completed)."""
        tasks = self.filtered(select(Task.id, Task.status, Task.due_on), f, on).subquery()
        completed = [
            s.value for s in (Status.COMPLETED_ON_TIME, Status.COMPLETED_AFTER_EXTENSION, Status.COMPLETED_LATE)
        ]
        late = and_(
            tasks.c.status.not_in([s.value for s in CLOSED]),
            tasks.c.status != Status.SUBMITTED.value,
            tasks.c.due_on < on,
        )
        stmt = (
            select(
                Assignment.agency_id,
                func.count(),
                func.count().filter(late),
                func.count().filter(Assignment.status.in_(completed)),
            )
            .join(tasks, tasks.c.id == Assignment.task_id)
            .group_by(Assignment.agency_id)
        )
        if role is not Role.ANY:
            stmt = stmt.where(Assignment.role == role.value)
        if not self.principal.province_wide:
            stmt = stmt.where(Assignment.agency_id.in_(self.principal.agency_subtree))
        return [(a, n, o, c) for a, n, o, c in (await self.session.execute(stmt)).all()]

    async def count_by_section(self, f: TaskFilter, on: date) -> list[tuple[uuid.UUID | None, int, int, int]]:
        """Per section: (section, tasks, overdue, completed)."""
        done = Task.status.in_(
            [s.value for s in (Status.COMPLETED_ON_TIME, Status.COMPLETED_AFTER_EXTENSION, Status.COMPLETED_LATE)]
        )
        stmt = self.filtered(
            select(
                Task.section_id,
                func.count(),
                func.count().filter(overdue_condition(on)),
                func.count().filter(done),
            ),
            f,
            on,
        ).group_by(Task.section_id)
        return [(s, n, o, c) for s, n, o, c in (await self.session.execute(stmt)).all()]

    async def children(self, task_id: uuid.UUID) -> list[Task]:
        stmt = self.readable(select(Task).where(Task.parent_task_id == task_id)).order_by(Task.position, Task.id)
        return list((await self.session.scalars(stmt)).all())


def _uuid(value: uuid.UUID) -> ColumnElement[uuid.UUID]:
    return literal(value, UUID(as_uuid=True))
