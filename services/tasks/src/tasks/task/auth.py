"""Who may act on a task beyond seeing it."""

from __future__ import annotations

from common.auth import Principal
from common.roles import Role

from tasks.models import Task


def can_assign(principal: Principal, task: Task) -> bool:
    """The level that gave the task out: the standing agency (coordinators, admins) or the leaders of the
    agency that cascaded it. It edits, cancels, reviews and decides extensions."""
    if principal.has_role(Role.ADMIN, Role.COORDINATOR):
        return True
    return (
        principal.has_role(Role.AGENCY_MANAGER)
        and task.assigned_by_agency_id is not None
        and task.assigned_by_agency_id in principal.agency_subtree
    )
