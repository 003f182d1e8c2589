from __future__ import annotations

import uuid
from typing import Annotated

from common.auth import CurrentPrincipal, require_roles
from common.concurrency import check_if_match, etag
from common.db import SessionDep
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
from common.pagination import Page, PageParams, page_of, page_params
from common.roles import Role
from fastapi import APIRouter, Depends, File, Header, Query, Response, UploadFile

from tasks.db import idempotency_keys
from tasks.importer.service import ImportReport, ImportService
from tasks.models import Plan
from tasks.plan.exceptions import PlanNotFound
from tasks.plan.repository import PlanRepository
from tasks.plan.schemas import PlanCreate, PlanEdge, PlanGraph, PlanRead, PlanUpdate, SectionRead
from tasks.plan.service import PlanService

router = APIRouter(prefix="/api/v1/tasks/plans", tags=["văn bản, kế hoạch"])
IdempotencyDep = Annotated[Idempotency, idempotency_dependency(idempotency_keys)]
Planners = require_roles(Role.ADMIN, Role.COORDINATOR)
READ_ERRORS = problem_responses(NotAuthenticated, PlanNotFound)
WRITE_ERRORS = problem_responses(NotAuthenticated, Forbidden, PlanNotFound, InvalidInput, Conflict)


async def plan_or_404(plan_id: uuid.UUID, session: SessionDep, _: CurrentPrincipal) -> Plan:
    plan = await session.get(Plan, plan_id)
    if plan is None:
        raise PlanNotFound()
    return plan


async def plan_for_write(plan_id: uuid.UUID, session: SessionDep, _: CurrentPrincipal) -> Plan:
    """The plan locked until the request ends: racing edits get 412, racing imports of one file create once."""
    plan = await session.get(Plan, plan_id, with_for_update=True)
    if plan is None:
        raise PlanNotFound()
    return plan


PlanDep = Annotated[Plan, Depends(plan_or_404)]
PlanForWrite = Annotated[Plan, Depends(plan_for_write)]


async def _read(repo: PlanRepository, plans: list[Plan]) -> list[PlanRead]:
    ids = [p.id for p in plans]
    parents: dict[uuid.UUID, list[uuid.UUID]] = {}
    for child, parent in await repo.parents(ids):
        parents.setdefault(child, []).append(parent)
    counts = await repo.task_counts(ids)
    return [
        PlanRead(
            id=p.id,
            key=p.key,
            kind=p.kind,
            symbol=p.symbol,
            issued_on=p.issued_on,
            issued_text=p.issued_text,
            issuer=p.issuer,
            issuer_agency_id=p.issuer_agency_id,
            standing_agency_id=p.standing_agency_id,
            title=p.title,
            parent_ids=sorted(parents.get(p.id, []), key=str),
            task_count=counts.get(p.id, 0),
            created_at=p.created_at,
            updated_at=p.updated_at,
            version=p.version,
        )
        for p in plans
    ]


@router.get("", summary="Các văn bản (nghị quyết, chương trình, kế hoạch, quyết định)", responses=READ_ERRORS)
async def list_plans(
    session: SessionDep,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[str | None, Query(max_length=200, description="Tìm theo số, ký hiệu, trích yếu (không dấu)")] = None,
) -> Page[PlanRead]:
    repo = PlanRepository(session, principal)
    rows = await repo.find(q=q, cursor=page.cursor, limit=page.limit + 1)
    reads = await _read(repo, rows)
    return page_of(
        reads,
        page.limit,
        lambda r: r,
        lambda r: [(r.issued_on.isoformat() if r.issued_on else "9999-12-31"), str(r.id)],
    )


@router.get("/graph", summary="Đồ thị căn cứ: văn bản nào thực hiện văn bản nào", responses=READ_ERRORS)
async def plan_graph(session: SessionDep, principal: CurrentPrincipal) -> PlanGraph:
    repo = PlanRepository(session, principal)
    plans = await _read(repo, await repo.all())
    return PlanGraph(plans=plans, edges=[PlanEdge(plan_id=c, parent_id=p) for c, p in await repo.parents()])


@router.get("/{plan_id}", summary="Một văn bản", responses=READ_ERRORS)
async def get_plan(plan: PlanDep, session: SessionDep, principal: CurrentPrincipal, response: Response) -> PlanRead:
    response.headers["ETag"] = etag(plan.version)
    return (await _read(PlanRepository(session, principal), [plan]))[0]


@router.get(
    "/{plan_id}/sections", summary="Các mục của văn bản (lồng nhau) và số nhiệm vụ mỗi mục", responses=READ_ERRORS
)
async def plan_sections(plan: PlanDep, session: SessionDep, principal: CurrentPrincipal) -> list[SectionRead]:
    repo = PlanRepository(session, principal)
    counts = await repo.section_counts(plan.id)
    return [
        SectionRead.model_validate(s).model_copy(update={"task_count": counts.get(s.id, 0)})
        for s in await repo.sections(plan.id)
    ]


@router.post(
    "",
    status_code=201,
    response_model=PlanRead,
    summary="Thêm văn bản",
    dependencies=[Planners],
    responses=WRITE_ERRORS,
)
async def create_plan(
    body: PlanCreate, session: SessionDep, principal: CurrentPrincipal, idem: IdempotencyDep
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    plan = await PlanService(session, principal).create(body)
    return await idem.remember(201, (await _read(PlanRepository(session, principal), [plan]))[0])


@router.patch(
    "/{plan_id}",
    summary="Sửa văn bản",
    dependencies=[Planners],
    responses=WRITE_ERRORS | problem_responses(PreconditionFailed, PreconditionRequired),
)
async def update_plan(
    plan: PlanForWrite,
    body: PlanUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> PlanRead:
    check_if_match(if_match, plan.version)
    plan = await PlanService(session, principal).update(plan, body)
    response.headers["ETag"] = etag(plan.version)
    return (await _read(PlanRepository(session, principal), [plan]))[0]


@router.post(
    "/{plan_id}/imports",
    response_model=ImportReport,
    summary="Nhập bảng nhiệm vụ từ XLSX/CSV; dry_run=true chỉ kiểm tra, không ghi",
    dependencies=[Planners],
    responses=WRITE_ERRORS,
)
async def import_tasks(
    plan: PlanForWrite,
    session: SessionDep,
    principal: CurrentPrincipal,
    idem: IdempotencyDep,
    file: Annotated[UploadFile, File(description="Tệp .xlsx hoặc .csv với các cột TT, Tên nhiệm vụ, ...")],
    dry_run: Annotated[bool, Query(description="Chỉ kiểm tra và báo lỗi từng dòng, không ghi gì")] = True,
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    data = await file.read()
    report = await ImportService(session, principal).run(plan, file.filename or "tep", data, dry_run=dry_run)
    return await idem.remember(200, report)
