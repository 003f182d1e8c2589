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
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    problem_responses,
)
from common.idempotency import Idempotency, idempotency_dependency
from common.roles import Role
from fastapi import APIRouter, Depends, Header, Response
from sqlalchemy import select

from gateway.client.schemas import ClientCreate, ClientRead, ClientUpdate, ClientWithSecret
from gateway.client.service import ClientService
from gateway.db import idempotency_keys
from gateway.models import ApiClient

router = APIRouter(prefix="/api/v1/clients", tags=["ứng dụng tích hợp"], dependencies=[require_roles(Role.ADMIN)])
IdempotencyDep = Annotated[Idempotency, idempotency_dependency(idempotency_keys)]
ERRORS = problem_responses(NotAuthenticated, Forbidden, NotFound, InvalidInput, Conflict)


async def client_or_404(client_uuid: uuid.UUID, session: SessionDep) -> ApiClient:
    client = await session.get(ApiClient, client_uuid)
    if client is None:
        raise NotFound("Không tìm thấy ứng dụng tích hợp.")
    return client


ClientDep = Annotated[ApiClient, Depends(client_or_404)]


@router.get("", summary="Ứng dụng tích hợp (IOC, ứng dụng di động...)", responses=ERRORS)
async def list_clients(session: SessionDep) -> list[ClientRead]:
    rows = (await session.scalars(select(ApiClient).order_by(ApiClient.client_id))).all()
    return [ClientRead.model_validate(c) for c in rows]


@router.post(
    "",
    status_code=201,
    response_model=ClientWithSecret,
    summary="Đăng ký ứng dụng; khóa bí mật chỉ hiện một lần",
    responses=ERRORS,
)
async def create_client(
    body: ClientCreate, session: SessionDep, principal: CurrentPrincipal, idem: IdempotencyDep
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    client, secret = await ClientService(session, principal).create(body)
    shown = ClientWithSecret(**ClientRead.model_validate(client).model_dump(), client_secret=secret)
    return await idem.remember(201, shown)


@router.patch(
    "/{client_uuid}",
    summary="Sửa, thu hẹp quyền hoặc khóa ứng dụng",
    responses=ERRORS | problem_responses(PreconditionFailed, PreconditionRequired),
)
async def update_client(
    client: ClientDep,
    body: ClientUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> ClientRead:
    check_if_match(if_match, client.version)
    client = await ClientService(session, principal).update(client, body)
    response.headers["ETag"] = etag(client.version)
    return ClientRead.model_validate(client)


@router.post(
    "/{client_uuid}/rotate-secret",
    response_model=ClientWithSecret,
    summary="Cấp khóa bí mật mới (khóa cũ hết hiệu lực ngay)",
    responses=ERRORS,
)
async def rotate_secret(
    client: ClientDep, session: SessionDep, principal: CurrentPrincipal, idem: IdempotencyDep
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    secret = await ClientService(session, principal).rotate_secret(client)
    shown = ClientWithSecret(**ClientRead.model_validate(client).model_dump(), client_secret=secret)
    return await idem.remember(200, shown)
