"""Who may act on an indicator beyond seeing it."""

from __future__ import annotations

import uuid

from common.auth import Principal
from common.roles import Role

from indicators.models import Indicator, IndicatorValue

STANDING = (Role.ADMIN, Role.COORDINATOR)
WRITERS = (Role.AGENCY_MANAGER, Role.AGENCY_OFFICER)


def monitors(principal: Principal, indicator: Indicator) -> bool:
    return indicator.monitoring_agency_id is not None and indicator.monitoring_agency_id in principal.agency_subtree


def can_define(principal: Principal, indicator: Indicator) -> bool:
    """Targets, unit, rule and baseline: the standing agency, or the leaders of the monitoring agency."""
    return principal.has_role(*STANDING) or (principal.has_role(Role.AGENCY_MANAGER) and monitors(principal, indicator))


def can_report(principal: Principal, reporters: set[uuid.UUID], agency_id: uuid.UUID) -> bool:
    """An agency's own officers and leaders report its value; the standing agency may enter it for them."""
    if agency_id not in reporters:
        return False
    return principal.has_role(*STANDING) or (principal.has_role(*WRITERS) and agency_id in principal.agency_subtree)


def can_review(principal: Principal, indicator: Indicator, value: IndicatorValue) -> bool:
    """The monitoring agency's leaders or the standing agency; nobody accepts what they submitted themselves."""
    if value.submitted_by == principal.username:
        return False
    return principal.has_role(*STANDING) or (principal.has_role(Role.AGENCY_MANAGER) and monitors(principal, indicator))
