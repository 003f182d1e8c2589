"""Routes every service exposes the same way: who the service thinks the caller is, and its event feed."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
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
        responses=problem_responses(NotAuthenticated),
        operation_id=f"{tag}_events",
    )
    async def events(
        session: SessionDep,
        principal: CurrentPrincipal,
        after: Annotated[str | None, Query(max_length=64, description="Con trỏ của sự kiện cuối đã đọc")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
    ) -> EventFeed:
        return await read_feed(session, outbox, principal, after=after, limit=limit)

    return router
