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
from fastapi import APIRouter, Depends, Header, Query, Response

from gateway.agency.exceptions import AgencyNotFound
from gateway.agency.repository import AgencyRepository
from gateway.agency.schemas import AgencyCreate, AgencyKind, AgencyMerge, AgencyRead, AgencyUpdate
from gateway.agency.service import AgencyService
from gateway.db import idempotency_keys
from gateway.models import Agency

router = APIRouter(prefix="/api/v1/agencies", tags=["đơn vị"])
IdempotencyDep = Annotated[Idempotency, idempotency_dependency(idempotency_keys)]
AdminOnly = require_roles(Role.ADMIN)
READ_ERRORS = problem_responses(NotAuthenticated, AgencyNotFound)
WRITE_ERRORS = problem_responses(NotAuthenticated, Forbidden, AgencyNotFound, InvalidInput, Conflict)


async def agency_or_404(agency_id: uuid.UUID, session: SessionDep, _: CurrentPrincipal) -> Agency:
    agency = await AgencyRepository(session).get(agency_id)
    if agency is None:
        raise AgencyNotFound()
    return agency


AgencyDep = Annotated[Agency, Depends(agency_or_404)]


@router.get("", summary="Danh bạ đơn vị (mọi người dùng đều xem được)", responses=READ_ERRORS)
async def list_agencies(
    session: SessionDep,
    _: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[str | None, Query(max_length=200, description="Tìm theo tên, không phân biệt dấu")] = None,
    kind: AgencyKind | None = None,
    parent_id: uuid.UUID | None = None,
    within: Annotated[uuid.UUID | None, Query(description="Chỉ đơn vị này và các đơn vị cấp dưới")] = None,
    include_inactive: bool = False,
) -> Page[AgencyRead]:
    rows = await AgencyRepository(session).list(
        q=q,
        kind=kind,
        parent_id=parent_id,
        within=within,
        include_inactive=include_inactive,
        cursor=page.cursor,
        limit=page.limit + 1,
    )
    return page_of(rows, page.limit, AgencyRead.model_validate, lambda a: [a.code])


@router.get("/{agency_id}", summary="Một đơn vị", responses=READ_ERRORS)
async def get_agency(agency: AgencyDep, response: Response) -> AgencyRead:
    response.headers["ETag"] = etag(agency.version)
    return AgencyRead.model_validate(agency)


@router.post(
    "",
    status_code=201,
    response_model=AgencyRead,
    summary="Thêm đơn vị",
    dependencies=[AdminOnly],
    responses=WRITE_ERRORS,
)
async def create_agency(
    body: AgencyCreate, session: SessionDep, principal: CurrentPrincipal, idem: IdempotencyDep
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    agency = await AgencyService(session, principal).create(body)
    return await idem.remember(201, AgencyRead.model_validate(agency))


@router.patch(
    "/{agency_id}",
    summary="Đổi tên, đổi đơn vị cấp trên, bí danh",
    dependencies=[AdminOnly],
    responses=WRITE_ERRORS | problem_responses(PreconditionFailed, PreconditionRequired),
)
async def update_agency(
    agency: AgencyDep,
    body: AgencyUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> AgencyRead:
    check_if_match(if_match, agency.version)
    agency = await AgencyService(session, principal).update(agency, body)
    response.headers["ETag"] = etag(agency.version)
    return AgencyRead.model_validate(agency)


@router.post(
    "/{agency_id}/merge",
    response_model=AgencyRead,
    summary="Hợp nhất đơn vị vào đơn vị khác (giữ lịch sử, chuyển đơn vị cấp dưới và người dùng)",
    dependencies=[AdminOnly],
    responses=WRITE_ERRORS | problem_responses(PreconditionFailed, PreconditionRequired),
)
async def merge_agency(
    agency: AgencyDep,
    body: AgencyMerge,
    session: SessionDep,
    principal: CurrentPrincipal,
    idem: IdempotencyDep,
    if_match: Annotated[str | None, Header()] = None,
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    check_if_match(if_match, agency.version)
    agency = await AgencyService(session, principal).merge(agency, body.into_id)
    return await idem.remember(200, AgencyRead.model_validate(agency))
