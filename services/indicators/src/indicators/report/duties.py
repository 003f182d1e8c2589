"""What an indicator asks of the agencies — who reports it, how often, by which dates — published on the feed, so
that a follower (the notifications service) keeps its own copy of the reporting duties without reading this
schema: `indicator.duties` whenever they may have changed, `plan.schedule_changed` when a plan's dates move."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence

from common.outbox import publish
from sqlalchemy import distinct, select
from sqlalchemy.ext.asyncio import AsyncSession

from indicators.compute.periods import ReportSchedule
from indicators.db import outbox
from indicators.models import Indicator, Plan
from indicators.report.obligations import owed_pairs, reporters_of

NAME_IN_EVENT = 300  # enough for a notice; the whole sentence is one GET away


async def publish_duties(session: AsyncSession, indicators: Collection[Indicator], actor: str) -> None:
    """One `indicator.duties` event per indicator: its reporters (by `owed_pairs`), periodicity and schedule.
    One query for the reporters of all of them, whatever the count; plans usually come from the session."""
    if not indicators:
        return
    reporters = await reporters_of(session, {i.id for i in indicators})
    plans: dict[uuid.UUID, Plan | None] = {p: await session.get(Plan, p) for p in {i.plan_id for i in indicators}}
    for indicator in sorted(indicators, key=lambda i: (str(i.plan_id), i.position)):
        plan = plans[indicator.plan_id]
        assert plan is not None  # the foreign key
        owed = reporters[indicator.id]
        concerned = {*owed, *([indicator.monitoring_agency_id] if indicator.monitoring_agency_id else [])}
        await publish(
            session,
            outbox,
            "indicator.duties",
            subject_type="indicator",
            subject_id=str(indicator.id),
            payload={
                "indicator_id": str(indicator.id),
                "plan_id": str(plan.id),
                "plan_key": plan.key,
                "plan_symbol": plan.symbol,
                "tt": indicator.tt,
                "name": indicator.text[:NAME_IN_EVENT],
                "periodicity": indicator.periodicity,
                "reporters": sorted(str(a) for a in owed),
                "schedule": ReportSchedule.from_json(plan.report_schedule).to_json(),
            },
            agency_ids=sorted(concerned, key=str),
            actor=actor,
        )


async def publish_schedule(session: AsyncSession, plan: Plan, actor: str) -> None:
    """`plan.schedule_changed`, for the standing agency and every agency that reports under the plan."""
    owed = owed_pairs(Indicator.plan_id == plan.id).subquery("owed")
    reporting: Sequence[uuid.UUID] = (await session.scalars(select(distinct(owed.c.agency_id)))).all()
    concerned = {*reporting, *([plan.standing_agency_id] if plan.standing_agency_id else [])}
    await publish(
        session,
        outbox,
        "plan.schedule_changed",
        subject_type="plan",
        subject_id=str(plan.id),
        payload={
            "plan_id": str(plan.id),
            "plan_key": plan.key,
            "plan_symbol": plan.symbol,
            "schedule": ReportSchedule.from_json(plan.report_schedule).to_json(),
        },
        agency_ids=sorted(concerned, key=str),
        actor=actor,
    )
