"""Who may do what in the notifications service; every query is also scoped to the caller."""

from __future__ import annotations

import uuid
from typing import Annotated

from common.auth import CurrentPrincipal, Principal
from common.errors import Forbidden
from common.roles import Role
from fastapi import Depends

# Province-wide administration of rules, calendar and the delivery log.
ADMINS = (Role.ADMIN, Role.COORDINATOR)


def caller_id(principal: CurrentPrincipal) -> uuid.UUID:
    """The inbox and preferences belong to people; an integration client has neither."""
    if principal.kind != "user":
        raise Forbidden("Hộp thư và tuỳ chọn thông báo chỉ dành cho người dùng đăng nhập.")
    try:
        return uuid.UUID(principal.subject)
    except ValueError as exc:
        raise Forbidden("Mã truy cập không gắn với người dùng nào.") from exc


CallerId = Annotated[uuid.UUID, Depends(caller_id)]


def require_admin(principal: Principal) -> None:
    if not principal.has_role(*ADMINS):
        raise Forbidden("Chỉ quản trị hệ thống hoặc cơ quan thường trực được làm việc này.")


def require_admin_or_head(principal: Principal, doing: str) -> None:
    """Province administrators, or an agency's head, whose queries are then limited to their agencies."""
    if not principal.has_role(*ADMINS, Role.AGENCY_MANAGER):
        raise Forbidden(f"Chỉ quản trị hệ thống, cơ quan thường trực hoặc lãnh đạo đơn vị được {doing}.")


def may_manage_agency(principal: Principal, agency_id: uuid.UUID) -> bool:
    """Province administrators for every agency; an agency's head for the agency and those under it."""
    if principal.has_role(*ADMINS):
        return True
    return principal.has_role(Role.AGENCY_MANAGER) and agency_id in principal.agency_subtree
