"""ORM rows → the API's reads, with agency names and plan keys looked up in one query each."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from common.auth import Principal
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from indicators.indicator.assess import contributors_of
from indicators.indicator.auth import can_define, can_report
from indicators.indicator.repository import visible_to
from indicators.indicator.schemas import AgencyRef, IndicatorDetail, IndicatorRead, LinkedTarget, ShareRead
from indicators.models import Agency, Indicator, Plan
from indicators.value.service import reporting_agencies
from indicators.vocabulary import STATUS_LABELS, Comparator, Status


async def agency_names(session: AsyncSession, ids: Iterable[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = await session.execute(select(Agency.id, Agency.name).where(Agency.id.in_(wanted)))
    return dict(rows.tuples().all())


async def plans_by_id(session: AsyncSession, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Plan]:
    rows = await session.scalars(select(Plan).where(Plan.id.in_(set(ids))))
    return {p.id: p for p in rows.all()}


def _ref(names: dict[uuid.UUID, str], agency_id: uuid.UUID | None) -> AgencyRef | None:
    return AgencyRef(id=agency_id, name=names.get(agency_id, "")) if agency_id else None


def read(
    indicator: Indicator, plans: dict[uuid.UUID, Plan], names: dict[uuid.UUID, str], composite: bool
) -> IndicatorRead:
    return IndicatorRead.model_validate(
        {
            **{k: getattr(indicator, k) for k in IndicatorRead.model_fields if hasattr(indicator, k)},
            "plan_key": plans[indicator.plan_id].key,
            "monitoring_agency": _ref(names, indicator.monitoring_agency_id),
            "status_label": STATUS_LABELS[Status(indicator.status)],
            "composite": composite,
        }
    )


async def present_list(session: AsyncSession, rows: list[Indicator]) -> list[IndicatorRead]:
    plans = await plans_by_id(session, (r.plan_id for r in rows))
    names = await agency_names(session, (r.monitoring_agency_id for r in rows))
    ids = [r.id for r in rows]
    composite = set((await session.scalars(select(Indicator.parent_id).where(Indicator.parent_id.in_(ids)))).all())
    return [read(r, plans, names, r.id in composite) for r in rows]


async def present_detail(session: AsyncSession, principal: Principal, indicator: Indicator) -> IndicatorDetail:
    shares = await contributors_of(session, indicator.id)
    parts = list(
        (
            await session.scalars(
                select(Indicator).where(Indicator.parent_id == indicator.id).order_by(Indicator.position)
            )
        ).all()
    )
    linked = await _linked(session, principal, indicator)
    plans = await plans_by_id(session, [indicator.plan_id, *(p.plan_id for p in parts)])
    names = await agency_names(session, [indicator.monitoring_agency_id, *(s.agency_id for s in shares)])
    allowed = reporting_agencies(indicator, shares)
    base = read(indicator, plans, names, bool(parts))
    return IndicatorDetail.model_validate(
        {
            **base.model_dump(),
            "plan_symbol": plans[indicator.plan_id].symbol,
            **{
                k: getattr(indicator, k)
                for k in (
                    "baseline_value",
                    "baseline_year",
                    "baseline_source",
                    "data_source",
                    "note",
                    "per_year",
                    "manual_status",
                    "assessment",
                    "assessed_at",
                    "version",
                )
            },
            "contributors": [
                ShareRead(
                    agency=AgencyRef(id=s.agency_id, name=names.get(s.agency_id, "")),
                    written=s.written,
                    split_target=s.split_target,
                    split_unit_label=s.split_unit_label,
                    weight=s.weight,
                )
                for s in shares
            ],
            "parts": [read(p, plans, names, False) for p in parts],
            "linked": linked,
            "can_define": can_define(principal, indicator),
            "can_report_for": sorted((a for a in allowed if can_report(principal, allowed, a)), key=str),
        }
    )


def same_target(a: Indicator, b: Indicator) -> bool:
    return (a.comparator, a.target_value, a.target_low, a.target_high, a.unit) == (
        b.comparator,
        b.target_value,
        b.target_low,
        b.target_high,
        b.unit,
    )


async def _linked(session: AsyncSession, principal: Principal, indicator: Indicator) -> list[LinkedTarget]:
    """The same metric in other plans or at other milestones; a different target for the same year is a
    conflict the coordinator settles — the product never picks one of them silently."""
    if not indicator.metric_key:
        return []
    rows = (
        await session.execute(
            select(Indicator, Plan)
            .join(Plan, Plan.id == Indicator.plan_id)
            .where(Indicator.metric_key == indicator.metric_key, Indicator.id != indicator.id, visible_to(principal))
            .order_by(Indicator.milestone_year, Plan.key)
        )
    ).all()
    return [
        LinkedTarget(
            indicator_id=other.id,
            plan_key=plan.key,
            plan_symbol=plan.symbol,
            milestone_year=other.milestone_year,
            tt=other.tt,
            comparator=Comparator(other.comparator),
            target_value=other.target_value,
            target_low=other.target_low,
            target_high=other.target_high,
            unit=other.unit,
            conflict=other.milestone_year == indicator.milestone_year and not same_target(other, indicator),
        )
        for other, plan in rows
    ]
