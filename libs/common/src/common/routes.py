"""Routes every service exposes the same way: who the service thinks the caller is, and its event feed."""

from __future__ import annotations

import hashlib
import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel
from sqlalchemy import Table

from common.auth import CurrentPrincipal
from common.db import SessionDep
from common.errors import NotAuthenticated, problem_responses
from common.outbox import EventFeed, read_feed
from common.pagination import MAX_LIMIT
from common.roles import Role


class PrincipalRead(BaseModel):
    subject: str
    username: str
    kind: str
    roles: list[Role]
    agency_id: uuid.UUID | None
    agency_subtree: list[uuid.UUID]
    province_wide: bool
    scopes: list[str]


def principal_router(prefix: str, tag: str) -> APIRouter:
    router = APIRouter(prefix=prefix, tags=[tag])

    @router.get(
        "/whoami",
        summary="Người gọi theo mã truy cập mà dịch vụ tự kiểm tra",
        responses=problem_responses(NotAuthenticated),
        operation_id=f"{tag}_whoami",
    )
    async def whoami(principal: CurrentPrincipal) -> PrincipalRead:
        return PrincipalRead(
            subject=principal.subject,
            username=principal.username,
            kind=principal.kind,
            roles=sorted(principal.roles),
            agency_id=principal.agency_id,
            agency_subtree=sorted(principal.agency_subtree, key=str),
            province_wide=principal.province_wide,
            scopes=sorted(principal.scopes),
        )

    return router


def events_router(prefix: str, tag: str, outbox: Table) -> APIRouter:
    router = APIRouter(prefix=prefix, tags=[tag])

    @router.get(
        "/events",
        summary="Nguồn sự kiện thay đổi (theo con trỏ), chỉ gồm sự kiện của đơn vị người gọi được xem",
        description=(
            "Thứ tự ổn định; đọc tiếp bằng `after=<next_cursor>`. Có `ETag`: gửi lại trong `If-None-Match` thì "
            "nhận 304 khi không có gì mới."
        ),
        response_model=EventFeed,
        responses=problem_responses(NotAuthenticated) | {304: {"description": "Không có sự kiện mới"}},
        operation_id=f"{tag}_events",
    )
    async def events(
        session: SessionDep,
        principal: CurrentPrincipal,
        request: Request,
        after: Annotated[str | None, Query(max_length=64, description="Con trỏ của sự kiện cuối đã đọc")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
    ) -> Response:
        feed = await read_feed(session, outbox, principal, after=after, limit=limit)
        body = feed.model_dump_json().encode()
        # The page as this caller sees it: a poller that already has it gets 304 and no body.
        headers = {"ETag": f'W/"{hashlib.sha256(body).hexdigest()[:32]}"', "Cache-Control": "private, no-cache"}
        if headers["ETag"] in {t.strip() for t in request.headers.get("if-none-match", "").split(",")}:
            return Response(status_code=304, headers=headers)
        return Response(body, media_type="application/json", headers=headers)

    return router
