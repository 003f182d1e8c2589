from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from common.auth import CurrentPrincipal, require_roles
from common.concurrency import check_if_match, etag
from common.db import SessionDep
from common.directory.repository import DirectoryRepository
from common.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotAuthenticated,
    PreconditionFailed,
    PreconditionRequired,
    problem_responses,
)
from common.idempotency import Idempotency, idempotency_dependency
from common.pagination import Page, PageParams, encode_cursor, page_params
from common.roles import Role
from fastapi import APIRouter, Depends, Header, Query, Response
from pydantic import BaseModel, Field
from sqlalchemy import select

from tasks.db import idempotency_keys
from tasks.models import Agency, DeadlineChange, HistoryEntry, Section, Task
from tasks.task.auth import can_assign
from tasks.task.exceptions import TaskNotFound
from tasks.task.present import agency_names, present, present_detail
from tasks.task.repository import FAR_FUTURE, Sort, TaskFilter, TaskRepository
from tasks.task.repository import Role as ShareRole
from tasks.task.rules import STATUS_LABELS, Clarity, Status, today
from tasks.task.schemas import (
    AgencyCount,
    CascadeCreate,
    SectionCount,
    StatusCount,
    TaskCounts,
    TaskDetail,
    TaskRead,
    TaskUpdate,
)
from tasks.task.service import TaskService

PREFIX = "/api/v1/tasks"
router = APIRouter(prefix=PREFIX, tags=["nhiệm vụ"])
IdempotencyDep = Annotated[Idempotency, idempotency_dependency(idempotency_keys)]
Assigners = require_roles(Role.ADMIN, Role.COORDINATOR, Role.AGENCY_MANAGER)
READ_ERRORS = problem_responses(NotAuthenticated, TaskNotFound, InvalidInput)
WRITE_ERRORS = problem_responses(NotAuthenticated, Forbidden, TaskNotFound, InvalidInput, Conflict)
UPDATE_ERRORS = WRITE_ERRORS | problem_responses(PreconditionFailed, PreconditionRequired)


async def task_or_404(task_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal) -> Task:
    task = await TaskRepository(session, principal).get(task_id)
    if task is None:
        raise TaskNotFound()
    return task


async def task_for_write(task_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal) -> Task:
    """The task locked until the request's transaction ends: writes to one task queue instead of racing, so a
    stale `If-Match` is a 412 and a second report lands on top of the first, never a lost update or a 500."""
    task = await TaskRepository(session, principal).get(task_id, for_update=True)
    if task is None:
        raise TaskNotFound()
    return task


TaskDep = Annotated[Task, Depends(task_or_404)]
TaskForWrite = Annotated[Task, Depends(task_for_write)]


async def task_filter(
    session: SessionDep,
    principal: CurrentPrincipal,
    plan_id: uuid.UUID | None = None,
    section_id: Annotated[uuid.UUID | None, Query(description="Mục của văn bản (gồm cả mục con)")] = None,
    parent_task_id: uuid.UUID | None = None,
    top_level: Annotated[bool, Query(description="Chỉ nhiệm vụ gốc, không gồm nhiệm vụ con")] = False,
    agency_id: Annotated[uuid.UUID | None, Query(description="Đơn vị được giao")] = None,
    include_sub_agencies: Annotated[bool, Query(description="Gồm cả đơn vị cấp dưới của agency_id")] = True,
    mine: Annotated[bool, Query(description="Việc của đơn vị tôi (và đơn vị cấp dưới)")] = False,
    role: Annotated[ShareRole, Query(description="lead: chủ trì; coordinator: phối hợp; any: cả hai")] = ShareRole.ANY,
    status: Annotated[list[Status] | None, Query(description="Trạng thái (lặp lại để chọn nhiều)")] = None,
    overdue: Annotated[bool | None, Query(description="Quá hạn (tính theo ngày hôm nay, giờ Việt Nam)")] = None,
    due_within_days: Annotated[int | None, Query(ge=0, le=3650, description="Đến hạn trong N ngày tới")] = None,
    due_from: date | None = None,
    due_to: date | None = None,
    priority: Annotated[bool | None, Query(description="Nhiệm vụ trọng tâm")] = None,
    unclear: Annotated[bool | None, Query(description='Chưa đủ "6 rõ"')] = None,
    missing: Annotated[Clarity | None, Query(description='Thiếu một tiêu chí "6 rõ" cụ thể')] = None,
    deadline_needs_review: Annotated[bool | None, Query(description="Thời hạn chưa xác định, cần nhập ngày")] = None,
    deadline_kind: Annotated[str | None, Query(pattern="^(date|window|recurring|ongoing|conditional|unknown)$")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Tìm không phân biệt dấu: q=chuyen doi so")] = None,
) -> TaskFilter:
    if due_from and due_to and due_from > due_to:
        raise InvalidInput.on("due_to", "Ngày cuối phải sau ngày đầu.")
    agencies: set[uuid.UUID] | None = None
    if mine:
        agencies = set(principal.agency_subtree) or ({principal.agency_id} if principal.agency_id else set())
    if agency_id is not None:
        chosen = await DirectoryRepository(session, Agency).subtree(agency_id) if include_sub_agencies else {agency_id}
        agencies = chosen if agencies is None else agencies & chosen
    return TaskFilter(
        plan_id=plan_id,
        section_id=section_id,
        parent_task_id=parent_task_id,
        top_level=top_level,
        agency_ids=agencies,
        role=role,
        statuses=[s.value for s in status or []],
        overdue=overdue,
        due_within_days=due_within_days,
        due_from=due_from,
        due_to=due_to,
        priority=priority,
        unclear=unclear,
        missing=missing.value if missing else None,
        deadline_needs_review=deadline_needs_review,
        deadline_kind=deadline_kind,
        q=q,
    )


FilterDep = Annotated[TaskFilter, Depends(task_filter)]


def _cursor(task: Task, sort: Sort) -> str:
    if sort is Sort.DUE:
        return encode_cursor([(task.due_on or FAR_FUTURE).isoformat(), str(task.id)])
    if sort is Sort.PLAN_ORDER:
        return encode_cursor([str(task.plan_id), task.position, str(task.id)])
    return encode_cursor([task.updated_at.isoformat(), str(task.id)])


@router.get("", summary="Danh sách nhiệm vụ người gọi được xem, có lọc và tìm kiếm", responses=READ_ERRORS)
async def list_tasks(
    session: SessionDep,
    principal: CurrentPrincipal,
    f: FilterDep,
    page: Annotated[PageParams, Depends(page_params)],
    sort: Annotated[
        Sort, Query(description="due: theo hạn; plan_order: theo thứ tự văn bản; -updated: mới cập nhật")
    ] = Sort.DUE,
) -> Page[TaskRead]:
    on = today()
    rows = await TaskRepository(session, principal).find(f, on=on, sort=sort, cursor=page.cursor, limit=page.limit + 1)
    items = await present(session, principal, rows[: page.limit], on)
    more = len(rows) > page.limit
    return Page(items=items, next_cursor=_cursor(rows[page.limit - 1], sort) if more else None)


@router.get(
    "/counts", summary="Đếm theo trạng thái, theo đơn vị, theo mục (cho bảng điều khiển)", responses=READ_ERRORS
)
async def count_tasks(
    session: SessionDep,
    principal: CurrentPrincipal,
    f: FilterDep,
    agency_role: Annotated[
        ShareRole, Query(description="Đếm theo đơn vị chủ trì, phối hợp, hoặc cả hai")
    ] = ShareRole.LEAD,
) -> TaskCounts:
    on = today()
    repo = TaskRepository(session, principal)
    by_status = await repo.count_by_status(f, on)
    per_agency = await repo.count_by_agency(f, on, agency_role)
    per_section = await repo.count_by_section(f, on)
    names = await agency_names(session, {a for a, *_ in per_agency})
    section_ids = [s for s, *_ in per_section if s]
    titles = {
        s.id: f"{s.number} {s.title}".strip()
        for s in (await session.scalars(select(Section).where(Section.id.in_(section_ids)))).all()
    }
    return TaskCounts(
        total=by_status["total"],
        overdue=by_status["overdue"],
        by_status=[StatusCount(status=s.value, label=STATUS_LABELS[s], count=by_status[s.value]) for s in Status],
        by_agency=sorted(
            (
                AgencyCount(agency_id=a, agency_name=names.get(a, ""), tasks=n, overdue=o, completed=c)
                for a, n, o, c in per_agency
            ),
            key=lambda x: (-x.overdue, -x.tasks, x.agency_name),
        ),
        by_section=[
            SectionCount(
                section_id=s,
                section_title=titles.get(s, "(không thuộc mục nào)") if s else "(không thuộc mục nào)",
                tasks=n,
                overdue=o,
                completed=c,
            )
            for s, n, o, c in per_section
        ],
    )


@router.get(
    "/{task_id}",
    summary="Một nhiệm vụ: thời hạn và diễn giải, 6 rõ, phần việc từng đơn vị, nhiệm vụ con",
    responses=READ_ERRORS,
)
async def get_task(task: TaskDep, session: SessionDep, principal: CurrentPrincipal, response: Response) -> TaskDetail:
    children = await TaskRepository(session, principal).children(task.id)
    response.headers["ETag"] = etag(task.version)
    return await present_detail(session, principal, task, children, today())


@router.patch(
    "/{task_id}",
    summary="Sửa nhiệm vụ (cấp giao việc); cơ quan chủ trì chỉ ghi người phụ trách",
    responses=UPDATE_ERRORS,
)
async def update_task(
    task: TaskForWrite,
    body: TaskUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> TaskDetail:
    service = TaskService(session, principal)
    if not can_assign(principal, task):
        fields = body.model_dump(exclude_unset=True).keys() - {"responsible_person", "reason"}
        leads = [a.agency_id for a in await service.shares(task) if a.role == "lead"]
        is_lead = any(a in principal.agency_subtree for a in leads)
        if fields or not is_lead or not principal.has_role(Role.AGENCY_MANAGER, Role.AGENCY_OFFICER):
            raise Forbidden("Chỉ cấp giao nhiệm vụ được sửa nhiệm vụ; cơ quan chủ trì chỉ ghi người phụ trách.")
    # Only after the permission check: someone who may not edit is told so, not asked to reload and retry.
    check_if_match(if_match, task.version)
    task = await service.update(task, body)
    response.headers["ETag"] = etag(task.version)
    children = await TaskRepository(session, principal).children(task.id)
    return await present_detail(session, principal, task, children, today())


@router.post(
    "/{task_id}/children",
    status_code=201,
    response_model=TaskDetail,
    summary="Giao tiếp nhiệm vụ con cho đơn vị cấp dưới hoặc UBND cấp xã (tiến độ cộng dồn lên nhiệm vụ cha)",
    dependencies=[Assigners],
    responses=WRITE_ERRORS,
)
async def cascade_task(
    task: TaskForWrite, body: CascadeCreate, session: SessionDep, principal: CurrentPrincipal, idem: IdempotencyDep
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    child = await TaskService(session, principal).cascade(task, body, principal)
    return await idem.remember(201, await present_detail(session, principal, child, [], today()))


class CancelBody(BaseModel):
    reason: str = Field(min_length=5, max_length=2000)


@router.post("/{task_id}/cancel", summary="Hủy nhiệm vụ (cấp giao việc), nêu lý do", responses=UPDATE_ERRORS)
async def cancel_task(
    task: TaskForWrite,
    body: CancelBody,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> TaskDetail:
    if not can_assign(principal, task):
        raise Forbidden("Chỉ cấp giao nhiệm vụ mới hủy được nhiệm vụ.")
    check_if_match(if_match, task.version)
    if task.status == Status.CANCELLED.value:
        raise Conflict("Nhiệm vụ đã bị hủy.")
    await TaskService(session, principal).cancel(task, body.reason)
    response.headers["ETag"] = etag(task.version)
    children = await TaskRepository(session, principal).children(task.id)
    return await present_detail(session, principal, task, children, today())


class HistoryRead(BaseModel):
    action: str
    actor: str
    actor_agency_id: uuid.UUID | None
    changes: dict[str, object]
    at: str


@router.get("/{task_id}/history", summary="Nhật ký thay đổi: ai, khi nào, cũ → mới", responses=READ_ERRORS)
async def task_history(task: TaskDep, session: SessionDep) -> list[HistoryRead]:
    rows = await session.scalars(select(HistoryEntry).where(HistoryEntry.task_id == task.id).order_by(HistoryEntry.id))
    return [
        HistoryRead(
            action=h.action, actor=h.actor, actor_agency_id=h.actor_agency_id, changes=h.changes, at=h.at.isoformat()
        )
        for h in rows.all()
    ]


class DeadlineChangeRead(BaseModel):
    old_text: str
    new_text: str
    old_due: date | None
    new_due: date | None
    reason: str
    extension_id: uuid.UUID | None
    actor: str
    changed_at: str


@router.get("/{task_id}/deadline-history", summary="Lịch sử thời hạn (gồm các lần gia hạn)", responses=READ_ERRORS)
async def deadline_history(task: TaskDep, session: SessionDep) -> list[DeadlineChangeRead]:
    rows = await session.scalars(
        select(DeadlineChange).where(DeadlineChange.task_id == task.id).order_by(DeadlineChange.id)
    )
    return [
        DeadlineChangeRead(
            old_text=c.old_text,
            new_text=c.new_text,
            old_due=c.old_due,
            new_due=c.new_due,
            reason=c.reason,
            extension_id=c.extension_id,
            actor=c.actor,
            changed_at=c.changed_at.isoformat(),
        )
        for c in rows.all()
    ]
