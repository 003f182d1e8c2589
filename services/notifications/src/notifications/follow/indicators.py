"""The indicators feed: who owes which indicator each period and when (duties, plan schedules), which values
were given, and the review outcomes an agency should hear of (returned for correction, accepted)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from notifications.clock import Clock
from notifications.models import ReportDuty, ReportPlan, ReportSubmission
from notifications.notice.announce import Announcement, agency_names, announce, indicator_link, recent
from notifications.rule.book import RuleBook
from notifications.rule.firing import RuleKey

GIVEN = {"submitted", "accepted"}
VALUE_EVENTS = {"value.returned": RuleKey.VALUE_RETURNED, "value.accepted": RuleKey.VALUE_ACCEPTED}


async def _plan(session: AsyncSession, p: dict[str, Any]) -> None:
    values = {
        "plan_id": uuid.UUID(p["plan_id"]),
        "plan_key": p.get("plan_key") or "",
        "plan_symbol": p.get("plan_symbol") or "",
        "schedule": p.get("schedule") or {},
    }
    stmt = insert(ReportPlan).values(**values)
    await session.execute(
        stmt.on_conflict_do_update(
            index_elements=[ReportPlan.plan_id], set_={k: stmt.excluded[k] for k in values if k != "plan_id"}
        )
    )


async def _duties(session: AsyncSession, p: dict[str, Any]) -> None:
    indicator_id = uuid.UUID(p["indicator_id"])
    await session.execute(delete(ReportDuty).where(ReportDuty.indicator_id == indicator_id))
    if not p.get("periodicity") or not p.get("reporters"):
        return
    await session.execute(
        insert(ReportDuty).values(
            [
                {
                    "indicator_id": indicator_id,
                    "agency_id": uuid.UUID(agency),
                    "plan_id": uuid.UUID(p["plan_id"]),
                    "periodicity": p["periodicity"],
                    "name": (p.get("name") or "")[:300],
                }
                for agency in dict.fromkeys(p["reporters"])
            ]
        )
    )


async def _submission(session: AsyncSession, p: dict[str, Any]) -> None:
    key = {"indicator_id": uuid.UUID(p["indicator_id"]), "agency_id": uuid.UUID(p["agency_id"]), "period": p["period"]}
    if p.get("state") in GIVEN:
        await session.execute(insert(ReportSubmission).values(**key).on_conflict_do_nothing())
    else:
        await session.execute(
            delete(ReportSubmission).where(*(getattr(ReportSubmission, k) == v for k, v in key.items()))
        )


class IndicatorFeed:
    def __init__(self, clock: Clock, announce_max_age: timedelta) -> None:
        self.clock, self.max_age = clock, announce_max_age
        self._book: RuleBook | None = None

    async def finish(self, _session: AsyncSession) -> None:
        self._book = None  # the rules are read again for the next page

    async def apply(self, session: AsyncSession, event: dict[str, Any]) -> None:
        kind, p = event["event_type"], event["payload"]
        if kind == "indicator.duties":
            await _plan(session, p)
            await _duties(session, p)
        elif kind == "plan.schedule_changed":
            await _plan(session, p)
        elif event["subject_type"] == "indicator_value":
            await _submission(session, p)
            if kind in VALUE_EVENTS and recent(event, self.clock.now(), self.max_age):
                await self._announce(session, event, VALUE_EVENTS[kind])

    async def _announce(self, session: AsyncSession, event: dict[str, Any], key: RuleKey) -> None:
        p = event["payload"]
        agency = uuid.UUID(p["agency_id"])
        plan_id = uuid.UUID(p["plan_id"]) if p.get("plan_id") else None
        if self._book is None:
            self._book = await RuleBook.load(session)
        if not self._book.resolve(key, plan_id=plan_id, agency_id=agency).enabled:
            return
        names = await agency_names(session, {agency})
        context = {
            "agency_name": names.get(agency, ""),
            "indicator_name": p.get("indicator_name") or "",
            "period_label": p.get("period_label") or p["period"],
            "reason": p.get("reason") or "",
        }
        await announce(
            session,
            Announcement(
                "indicator_value",
                event["subject_id"],
                key.value,
                f"event:{event['cursor']}",
                "officers",
                agency,
                context,
                indicator_link(p["indicator_id"]),
            ),
        )
