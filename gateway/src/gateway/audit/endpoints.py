from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from common.auth import require_roles
from common.db import SessionDep
from common.errors import Forbidden, NotAuthenticated, problem_responses
from common.pagination import Page, PageParams, cursor_int, decode_cursor, page_of, page_params
from common.roles import Role
from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict
from sqlalchemy import select

from gateway.models import AuditRecord

router = APIRouter(prefix="/api/v1/audit", tags=["nhật ký"])


class AuditRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    at: datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str
    changes: dict[str, Any]
    request_id: str | None


@router.get(
    "",
    summary="Nhật ký thay đổi dữ liệu danh bạ, người dùng, ứng dụng tích hợp",
    dependencies=[require_roles(Role.ADMIN)],
    responses=problem_responses(NotAuthenticated, Forbidden),
)
async def list_audit(
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    entity_type: Annotated[str | None, Query(max_length=30)] = None,
    entity_id: Annotated[str | None, Query(max_length=100)] = None,
) -> Page[AuditRead]:
    stmt = select(AuditRecord).order_by(AuditRecord.id.desc()).limit(page.limit + 1)
    if entity_type:
        stmt = stmt.where(AuditRecord.entity_type == entity_type)
    if entity_id:
        stmt = stmt.where(AuditRecord.entity_id == entity_id)
    if page.cursor:
        (last_id,) = decode_cursor(page.cursor, 1)
        stmt = stmt.where(AuditRecord.id < cursor_int(last_id))
    rows = (await session.scalars(stmt)).all()
    return page_of(rows, page.limit, AuditRead.model_validate, lambda r: [r.id])
