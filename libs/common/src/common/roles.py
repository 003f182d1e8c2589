"""The roles of the platform, as the design names them, with their Vietnamese labels."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    LEADER = "leader"
    AGENCY_MANAGER = "agency_manager"
    AGENCY_OFFICER = "agency_officer"
    VIEWER = "viewer"
    INTEGRATION = "integration"


ROLE_LABELS: dict[Role, str] = {
    Role.ADMIN: "Quản trị hệ thống",
    Role.COORDINATOR: "Cơ quan thường trực",
    Role.LEADER: "Lãnh đạo",
    Role.AGENCY_MANAGER: "Lãnh đạo đơn vị",
    Role.AGENCY_OFFICER: "Cán bộ đơn vị",
    Role.VIEWER: "Người xem",
    Role.INTEGRATION: "Tích hợp",
}

# Roles that read the whole province rather than their agency subtree.
PROVINCE_WIDE_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR, Role.LEADER})
HUMAN_ROLES = frozenset(Role) - {Role.INTEGRATION}
