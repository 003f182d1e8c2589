"""Which roles may call which service, by method. Services still scope every query by agency themselves."""

from __future__ import annotations

from common.auth import Principal
from common.errors import Forbidden
from common.roles import HUMAN_ROLES, Role

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
WRITERS = frozenset({Role.ADMIN, Role.COORDINATOR, Role.LEADER, Role.AGENCY_MANAGER, Role.AGENCY_OFFICER})
ALL_ROLES = frozenset(Role)

# service → (roles that may read, roles that may write)
SERVICE_ROLES: dict[str, tuple[frozenset[Role], frozenset[Role]]] = {
    "tasks": (ALL_ROLES, WRITERS),
    "indicators": (ALL_ROLES, WRITERS),
    # The inbox belongs to people; machines read tasks and indicators, not notifications.
    "notifications": (HUMAN_ROLES, HUMAN_ROLES),
}


def check_route(principal: Principal, service: str, method: str, path: str) -> None:
    readers, writers = SERVICE_ROLES[service]
    allowed = readers if method in READ_METHODS else writers
    if not principal.roles & allowed:
        if method in READ_METHODS:
            raise Forbidden("Vai trò của bạn không được xem dữ liệu này.")
        raise Forbidden("Vai trò của bạn chỉ được xem, không được thay đổi dữ liệu.")
    if principal.kind == "client":
        needed = "events.read" if path.rstrip("/").endswith("/events") else f"{service}.read"
        if needed not in principal.scopes:
            raise Forbidden(f"Ứng dụng tích hợp chưa được cấp quyền {needed}.")
