"""Task queries. Agency scoping happens in two places only, and every list, count and load goes through one of
them: `readable` (the task's `visible_to`) and `mine` (`task_scope`, the same facts kept by a trigger)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TypeVar

from common.auth import Principal
from common.pagination import cursor_date, cursor_datetime, cursor_int, cursor_uuid, decode_cursor
from common.text import like_patterns
from sqlalchemy import ColumnElement, Date, Select, and_, func, literal, literal_column, select, true
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, aliased
from sqlalchemy.sql.util import ClauseAdapter

from tasks.models import Assignment, Section, Task, TaskScope
from tasks.task.rules import CLOSED, Status

FAR_FUTURE = date(9999, 12, 31)
Stmt = TypeVar("Stmt", bound=Select)  # type: ignore[type-arg]  # any SELECT: scoping and filters keep its row type
# No due date sorts last, as 'infinity' (asyncpg reads and binds it as date.max, so a cursor round-trips). Written
# out as a constant, exactly as in the indexes ix_tasks_due and task_scope: with a bound parameter in its place the
# planner cannot use them, and every list sorted by due date would sort all its matches. Date conditions are
# written on it too, so that they bound the same index scan instead of filtering a walk over the province.
DUE_KEY = func.coalesce(Task.due_on, literal_column("DATE 'infinity'", Date))


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


OPEN_STATUSES = [s.value for s in Status if s not in CLOSED]
OVERDUE_CAN_BE = [s for s in OPEN_STATUSES if s != Status.SUBMITTED.value]


def open_condition() -> ColumnElement[bool]:
    return Task.status.in_(OPEN_STATUSES)


def overdue_condition(on: date) -> ColumnElement[bool]:
    return and_(open_condition(), Task.status != Status.SUBMITTED.value, on > DUE_KEY)


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

    def mine(self, f: TaskFilter, on: date) -> Select[uuid.UUID, date]:
        """The caller's tasks as (task, due date) from `task_scope`, narrowed by the list's statuses and dates:
        an index range per agency of the subtree, never a visit to each of the agency's thousands of tasks."""
        subtree = TaskScope.agency_id.in_(list(self.principal.agency_subtree))
        # A task seen by two agencies of the subtree is listed once.
        return (
            select(TaskScope.task_id, TaskScope.due_key)
            .where(subtree, *self._pushed(f, on))
            .group_by(TaskScope.due_key, TaskScope.task_id)
        )

    @staticmethod
    def _pushed(f: TaskFilter, on: date) -> list[ColumnElement[bool]]:
        """The filter's conditions that `task_scope` can answer by itself."""
        pushed: list[ColumnElement[bool]] = []
        if f.statuses:
            pushed.append(TaskScope.status.in_(f.statuses))
        if f.overdue is True:
            pushed += [TaskScope.status.in_(OVERDUE_CAN_BE), TaskScope.due_key < on]
        if f.due_within_days is not None:
            pushed += [
                TaskScope.status.in_(OPEN_STATUSES),
                TaskScope.due_key.between(on, on + timedelta(days=f.due_within_days)),
            ]
        if f.due_from:
            pushed.append(TaskScope.due_key >= f.due_from)
        if f.due_to:
            pushed.append(TaskScope.due_key <= f.due_to)
        return pushed

    def filtered(self, stmt: Stmt, f: TaskFilter, on: date) -> Stmt:
        """`stmt` narrowed to what the caller may see and to the filter. An agency asking for statuses or dates
        is scoped through `task_scope`, which answers those too; otherwise by `visible_to`."""
        if not self.principal.province_wide and self._pushed(f, on):
            stmt = stmt.where(Task.id.in_(self.mine(f, on).with_only_columns(TaskScope.task_id)))
        else:
            stmt = self.readable(stmt)
        return stmt.where(and_(true(), *self.conditions(f, on)))

    def conditions(self, f: TaskFilter, on: date) -> list[ColumnElement[bool]]:
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
            conditions.append(~overdue_condition(on))
        if f.due_within_days is not None:
            conditions += [open_condition(), DUE_KEY.between(on, on + timedelta(days=f.due_within_days))]
        if f.due_from:
            conditions += [f.due_from <= DUE_KEY, Task.due_on.is_not(None)]
        if f.due_to:
            conditions.append(f.due_to >= DUE_KEY)
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
        return conditions

    async def find(self, f: TaskFilter, *, on: date, sort: Sort, cursor: str | None, limit: int) -> list[Task]:
        walked = sort is Sort.DUE and (f.q is not None or not self.principal.province_wide)
        if walked:
            rows = await self._walk(f, on, cursor, limit)
            if len(rows) == limit:
                return rows
        elif self.principal.province_wide:
            stmt = ordered(self.filtered(select(Task), f, on), TASK_KEYS, sort, cursor)
            return list((await self.session.scalars(stmt.limit(limit))).all())
        # Otherwise (a rare word, another order): collect every match through the scope and text indexes, then
        # sort. Fenced, so that the planner cannot walk a province-wide index hoping to meet them early.
        found = (
            self.filtered(select(Task.id, DUE_KEY.label("due"), Task.plan_id, Task.position, Task.updated_at), f, on)
            .cte("found")
            .prefix_with("MATERIALIZED")
        )
        keys = SortKeys(found.c.due, found.c.plan_id, found.c.position, found.c.updated_at, found.c.id)
        page = ordered(select(found.c.id), keys, sort, cursor).limit(limit).subquery("page")
        stmt = ordered(select(Task).join(page, page.c.id == Task.id), TASK_KEYS, sort, None)
        return list((await self.session.scalars(stmt)).all())

    async def _walk(self, f: TaskFilter, on: date, cursor: str | None, limit: int) -> list[Task]:
        """The next WALK tasks in due order (the caller's own, or the province's), fetched by id and only then
        filtered: when the filter matches often (the usual page, a common search word) the page is full long
        before that."""
        if self.principal.province_wide:
            province = select(Task.id.label("task_id"), DUE_KEY.label("due_key"))
            window = ordered(province, TASK_KEYS, Sort.DUE, cursor).limit(WALK).subquery("window")
        else:
            window = ordered(self.mine(f, on), WALK_KEYS, Sort.DUE, cursor).limit(WALK).subquery("window")
        conditions = self.conditions(f, on)
        if not f.q:
            stmt = select(Task).join(window, window.c.task_id == Task.id).where(and_(true(), *conditions))
            stmt = stmt.order_by(window.c.due_key, window.c.task_id)
        else:
            # Fenced: the planner's guess of how many rows several search words match is often a hundred times
            # too low, and it would then read every match through the text index instead of these few rows.
            nearest = (
                select(Task, window.c.due_key.label("walk_due"))
                .join(window, window.c.task_id == Task.id)
                .cte("nearest")
                .prefix_with("MATERIALIZED")
            )
            adapt = ClauseAdapter(nearest).traverse
            stmt = select(aliased(Task, nearest)).where(and_(true(), *(adapt(c) for c in conditions)))
            stmt = stmt.order_by(nearest.c.walk_due, nearest.c.id)
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


T = TypeVar("T")
KeyColumn = ColumnElement[T] | InstrumentedAttribute[T]


@dataclass(frozen=True)
class SortKeys:
    """The columns a page is ordered and resumed by: the task's own, or a fenced list's copies of them."""

    due: KeyColumn[date]
    plan_id: KeyColumn[uuid.UUID]
    position: KeyColumn[int]
    updated_at: KeyColumn[datetime]
    id: KeyColumn[uuid.UUID]


TASK_KEYS = SortKeys(DUE_KEY, Task.plan_id, Task.position, Task.updated_at, Task.id)
# An agency's due-ordered walk over task_scope (Sort.DUE reads only `due` and `id`).
WALK_KEYS = SortKeys(TaskScope.due_key, Task.plan_id, Task.position, Task.updated_at, TaskScope.task_id)
WALK = 2000


def ordered(stmt: Stmt, keys: SortKeys, sort: Sort, cursor: str | None) -> Stmt:
    """Order by `sort` and, given a cursor, resume after the row it names (keyset pagination)."""
    if sort is Sort.DUE:
        if cursor:
            due, ident = decode_cursor(cursor, 2)
            stmt = stmt.where(
                func.row(keys.due, keys.id) > func.row(literal(cursor_date(due)), _uuid(cursor_uuid(ident)))
            )
        return stmt.order_by(keys.due, keys.id)
    if sort is Sort.PLAN_ORDER:
        if cursor:
            plan, position, ident = decode_cursor(cursor, 3)
            stmt = stmt.where(
                func.row(keys.plan_id, keys.position, keys.id)
                > func.row(_uuid(cursor_uuid(plan)), literal(cursor_int(position)), _uuid(cursor_uuid(ident)))
            )
        return stmt.order_by(keys.plan_id, keys.position, keys.id)
    if cursor:
        updated, ident = decode_cursor(cursor, 2)
        stmt = stmt.where(
            func.row(keys.updated_at, keys.id) < func.row(literal(cursor_datetime(updated)), _uuid(cursor_uuid(ident)))
        )
    return stmt.order_by(keys.updated_at.desc(), keys.id.desc())


def _uuid(value: uuid.UUID) -> ColumnElement[uuid.UUID]:
    return literal(value, UUID(as_uuid=True))
