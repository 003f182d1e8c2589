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

from gateway.db import idempotency_keys
from gateway.models import User
from gateway.user.exceptions import UserNotFound
from gateway.user.repository import UserRepository
from gateway.user.schemas import PasswordReset, UserCreate, UserRead, UserUpdate
from gateway.user.service import UserService

router = APIRouter(prefix="/api/v1/users", tags=["người dùng"])
IdempotencyDep = Annotated[Idempotency, idempotency_dependency(idempotency_keys)]
AdminOnly = require_roles(Role.ADMIN)
Readers = require_roles(Role.ADMIN, Role.COORDINATOR, Role.LEADER, Role.AGENCY_MANAGER)
READ_ERRORS = problem_responses(NotAuthenticated, Forbidden, UserNotFound)
WRITE_ERRORS = READ_ERRORS | problem_responses(InvalidInput, Conflict, PreconditionFailed, PreconditionRequired)


async def readable_user(user_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal) -> User:
    user = await UserRepository(session).get_readable(principal, user_id)
    if user is None:
        raise UserNotFound()
    return user


UserDep = Annotated[User, Depends(readable_user)]


@router.get(
    "",
    summary="Người dùng: toàn tỉnh với quản trị, thường trực, lãnh đạo; đơn vị mình và cấp dưới với lãnh đạo đơn vị",
    dependencies=[Readers],
    responses=READ_ERRORS,
)
async def list_users(
    session: SessionDep,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[str | None, Query(max_length=200, description="Tên, tên đăng nhập, thư điện tử; không dấu")] = None,
    agency_id: uuid.UUID | None = None,
    role: Role | None = None,
) -> Page[UserRead]:
    rows = await UserRepository(session).list(
        principal, q=q, agency_id=agency_id, role=role, cursor=page.cursor, limit=page.limit + 1
    )
    return page_of(rows, page.limit, UserRead.model_validate, lambda u: [u.username])


@router.get("/{user_id}", summary="Một người dùng", responses=READ_ERRORS)
async def get_user(user: UserDep, response: Response) -> UserRead:
    response.headers["ETag"] = etag(user.version)
    return UserRead.model_validate(user)


@router.post(
    "",
    status_code=201,
    response_model=UserRead,
    summary="Tạo tài khoản (mật khẩu ban đầu phải đổi ở lần đăng nhập đầu)",
    dependencies=[AdminOnly],
    responses=WRITE_ERRORS,
)
async def create_user(
    body: UserCreate, session: SessionDep, principal: CurrentPrincipal, idem: IdempotencyDep
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    user = await UserService(session, principal).create(body)
    return await idem.remember(201, UserRead.model_validate(user))


@router.patch(
    "/{user_id}",
    summary="Sửa thông tin, đơn vị, vai trò; khóa hoặc mở tài khoản",
    dependencies=[AdminOnly],
    responses=WRITE_ERRORS,
)
async def update_user(
    user: UserDep,
    body: UserUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> UserRead:
    check_if_match(if_match, user.version)
    user = await UserService(session, principal).update(user, body)
    response.headers["ETag"] = etag(user.version)
    return UserRead.model_validate(user)


@router.post(
    "/{user_id}/reset-password",
    status_code=204,
    summary="Đặt lại mật khẩu (người dùng phải đổi ở lần đăng nhập sau; mọi phiên bị thu hồi)",
    dependencies=[AdminOnly],
    responses=WRITE_ERRORS,
)
async def reset_password(
    user: UserDep, body: PasswordReset, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    await UserService(session, principal).reset_password(user, body.new_password)
    return Response(status_code=204)
