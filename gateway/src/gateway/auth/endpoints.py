from __future__ import annotations

import base64
import binascii
import uuid
from typing import Annotated, Any

from common.auth import PrincipalBeforePasswordChange
from common.db import SessionDep
from common.errors import Forbidden, InvalidInput, Locked, NotAuthenticated, TooManyRequests, problem_responses
from common.roles import ROLE_LABELS, Role
from fastapi import APIRouter, Form, Header, Request, Response

from gateway.auth.schemas import (
    AgencyBrief,
    ChangePasswordRequest,
    ClientToken,
    LoginRequest,
    Me,
    RefreshRequest,
    TokenPair,
)
from gateway.auth.service import AuthService, Caller
from gateway.models import Agency, User

router = APIRouter(prefix="/api/v1/auth", tags=["xác thực"])
jwks_router = APIRouter(tags=["xác thực"])
LOGIN_ERRORS = problem_responses(InvalidInput, NotAuthenticated, Forbidden, Locked, TooManyRequests)


def _service(request: Request, session: Any) -> AuthService:
    return AuthService(session, request.app.state.token_issuer, request.app.state.settings)


def _caller(request: Request) -> Caller:
    return Caller(
        address=request.client.host if request.client else "unknown", user_agent=request.headers.get("user-agent")
    )


@router.post("/login", summary="Đăng nhập bằng tên đăng nhập và mật khẩu", responses=LOGIN_ERRORS)
async def login(body: LoginRequest, request: Request, session: SessionDep) -> TokenPair:
    return await _service(request, session).login(body.username, body.password, _caller(request))


@router.post("/refresh", summary="Đổi mã làm mới lấy cặp mã mới (mã cũ hết hiệu lực)", responses=LOGIN_ERRORS)
async def refresh(body: RefreshRequest, request: Request, session: SessionDep) -> TokenPair:
    return await _service(request, session).refresh(body.refresh_token)


@router.post("/logout", status_code=204, summary="Đăng xuất: thu hồi phiên đăng nhập", responses=LOGIN_ERRORS)
async def logout(body: RefreshRequest, request: Request, session: SessionDep) -> Response:
    session_id = await _service(request, session).logout(body.refresh_token)
    if session_id is not None:
        request.app.state.token_verifier.forget(session_id)
    return Response(status_code=204)


@router.get(
    "/me",
    summary="Tài khoản đang đăng nhập",
    responses=problem_responses(NotAuthenticated, Forbidden),
)
async def me(principal: PrincipalBeforePasswordChange, session: SessionDep) -> Me:
    if principal.kind != "user":
        raise Forbidden("Chỉ dành cho tài khoản người dùng.")
    user = await session.get(User, uuid.UUID(principal.subject))
    if user is None or not user.active:
        raise NotAuthenticated("Tài khoản không còn hoạt động.")
    agency = await session.get(Agency, user.agency_id)
    roles = [Role(r) for r in user.roles]
    return Me(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        email=user.email,
        roles=roles,
        role_labels=[ROLE_LABELS[r] for r in roles],
        must_change_password=user.must_change_password,
        agency=AgencyBrief.model_validate(agency),
    )


@router.post(
    "/change-password",
    status_code=204,
    summary="Đổi mật khẩu (bắt buộc ở lần đăng nhập đầu); các phiên khác bị thu hồi",
    responses=problem_responses(InvalidInput, NotAuthenticated, Forbidden),
)
async def change_password(
    body: ChangePasswordRequest, principal: PrincipalBeforePasswordChange, request: Request, session: SessionDep
) -> Response:
    if principal.kind != "user":
        raise Forbidden("Chỉ dành cho tài khoản người dùng.")
    user = await session.get(User, uuid.UUID(principal.subject))
    if user is None:
        raise NotAuthenticated("Tài khoản không còn hoạt động.")
    await _service(request, session).change_password(
        user, body.current_password, body.new_password, principal.session_id
    )
    return Response(status_code=204)


def _basic_credentials(authorization: str | None) -> tuple[str, str] | None:
    if not authorization or not authorization.lower().startswith("basic "):
        return None
    try:
        client_id, _, secret = base64.b64decode(authorization[6:]).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return client_id, secret


@router.post(
    "/token",
    summary="Mã truy cập cho ứng dụng tích hợp (OAuth 2 client credentials)",
    responses=LOGIN_ERRORS,
)
async def client_token(
    request: Request,
    session: SessionDep,
    grant_type: Annotated[str, Form(max_length=50)],
    client_id: Annotated[str | None, Form(max_length=64)] = None,
    client_secret: Annotated[str | None, Form(max_length=200)] = None,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> ClientToken:
    if grant_type != "client_credentials":
        raise InvalidInput.on("grant_type", "Chỉ hỗ trợ grant_type=client_credentials.")
    basic = _basic_credentials(authorization)
    if basic is not None:
        client_id, client_secret = basic
    if not client_id:
        raise InvalidInput.on("client_id", "Trường này là bắt buộc.")
    if not client_secret:
        raise InvalidInput.on("client_secret", "Trường này là bắt buộc.")
    return await _service(request, session).client_token(client_id, client_secret, _caller(request))


@jwks_router.get("/.well-known/jwks.json", summary="Khóa công khai để kiểm tra mã truy cập (JWKS)")
async def published_keys(request: Request) -> dict[str, Any]:
    keys: dict[str, Any] = request.app.state.token_issuer.jwks()
    return keys
