"""Keep an indicator's stored assessment current: the province series from its accepted values by the
indicator's rule, then status, attainment and projection from the pure functions of `compute`."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, Protocol

from common.clock import today
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from indicators.compute.aggregate import PartValue, aggregate
from indicators.compute.projection import Observation, assess, combine
from indicators.models import Indicator, IndicatorValue, Share
from indicators.vocabulary import Aggregation, Comparator, Status, Unit


@dataclass(frozen=True)
class ProvincePoint:
    period: str
    end: date
    value: Decimal | None
    reported: int
    expected: int
    demo: bool


class ValueLike(Protocol):
    period: str
    period_end: date
    agency_id: uuid.UUID
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    state: str
    demo: bool


async def contributors_of(session: AsyncSession, indicator_id: uuid.UUID) -> list[Share]:
    """The agencies that report an indicator's values, with their split targets and weights."""
    stmt = select(Share).where(Share.indicator_id == indicator_id, Share.role == "contributor")
    return list((await session.scalars(stmt)).all())


async def accepted_values(session: AsyncSession, indicator_id: uuid.UUID) -> Sequence[ValueLike]:
    """The accepted values of an indicator as light rows (no ORM objects): a series can hold thousands."""
    v = IndicatorValue
    stmt = (
        select(v.period, v.period_end, v.agency_id, v.value, v.numerator, v.denominator, v.state, v.demo)
        .where(v.indicator_id == indicator_id, v.state == "accepted", v.value.is_not(None))
        .order_by(v.period_end)
    )
    rows: Sequence[Any] = (await session.execute(stmt)).all()
    return rows


def province_series(
    indicator: Indicator, values: Sequence[ValueLike], contributors: list[Share]
) -> list[ProvincePoint]:
    """One point per period that has accepted values: the contributors' values combined by the indicator's rule.
    `manual`: the monitoring agency's own value is the province value (else the single contributor's)."""
    rule = Aggregation(indicator.aggregation)
    weights = {s.agency_id: s.weight or s.split_target for s in contributors}
    by_period: dict[str, list[ValueLike]] = defaultdict(list)
    for v in values:
        if v.state == "accepted" and v.value is not None:
            by_period[v.period].append(v)
    points = []
    for period, accepted in sorted(by_period.items(), key=lambda kv: kv[1][0].period_end):
        if rule is Aggregation.MANUAL:
            own = [v for v in accepted if v.agency_id == indicator.monitoring_agency_id] or accepted
            value: Decimal | None = own[0].value
        else:
            parts = [PartValue(v.value, weights.get(v.agency_id), v.numerator, v.denominator) for v in accepted]
            value = aggregate(rule, parts).value
        points.append(
            ProvincePoint(
                period=period,
                end=accepted[0].period_end,
                value=value,
                reported=len(accepted),
                expected=max(len(contributors), 1),
                demo=all(v.demo for v in accepted),
            )
        )
    return points


def reassess(
    indicator: Indicator, series: list[ProvincePoint], parts: list[Status] | None, on: date | None = None
) -> None:
    """Set the stored assessment from the province series (or, for a composite, from its parts' statuses)."""
    on = on or today()
    indicator.assessed_at = datetime.now(UTC)
    latest = next((p for p in reversed(series) if p.value is not None), None)
    indicator.current_value = latest.value if latest else None
    indicator.current_period = latest.period if latest else None
    if parts:
        status = combine(parts)
        indicator.status, indicator.attainment, indicator.projected_value = status.value, None, None
        indicator.assessment = {"method": "parts", "reason": f"Tổng hợp từ {len(parts)} chỉ tiêu thành phần."}
        return
    if indicator.comparator == Comparator.QUALITATIVE:
        indicator.status = indicator.manual_status or Status.NO_DATA.value
        indicator.attainment = indicator.projected_value = None
        indicator.assessment = {"method": "manual", "reason": _manual_reason(indicator)}
        return
    result = assess(
        Comparator(indicator.comparator),
        target=indicator.target_value,
        low=indicator.target_low,
        high=indicator.target_high,
        target_year=indicator.milestone_year,
        unit=Unit(indicator.unit) if indicator.unit else Unit.COUNT,
        baseline=_baseline(indicator),
        observations=[Observation(p.end, p.value) for p in series if p.value is not None],
        # A period still running is reported before its last day: its value counts from the day it is accepted.
        as_of=max(on, latest.end) if latest else on,
    )
    indicator.status, indicator.attainment, indicator.projected_value = (
        result.status.value,
        result.attainment,
        result.projected,
    )
    indicator.assessment = {
        "method": result.method,
        "reason": result.reason,
        "observed_rate": _text(result.observed_rate),
        "required_rate": _text(result.required_rate),
        "ratio": _text(result.ratio),
    }


def _baseline(indicator: Indicator) -> Observation | None:
    if indicator.baseline_value is None or indicator.baseline_year is None:
        return None
    return Observation(date(indicator.baseline_year, 12, 31), indicator.baseline_value)


def _manual_reason(indicator: Indicator) -> str:
    if indicator.manual_status:
        return "Chỉ tiêu định tính: trạng thái do cơ quan theo dõi thẩm định theo minh chứng."
    return "Chỉ tiêu định tính: chưa có báo cáo được thẩm định."


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


async def refresh(session: AsyncSession, indicator: Indicator) -> None:
    """Recompute one indicator from the database, then its composite parent when it is a part."""
    values = await accepted_values(session, indicator.id)
    contributors = await contributors_of(session, indicator.id)
    children = list((await session.scalars(select(Indicator).where(Indicator.parent_id == indicator.id))).all())
    reassess(indicator, province_series(indicator, values, contributors), [Status(c.status) for c in children] or None)
    await session.flush()
    if indicator.parent_id is not None:
        parent = await session.get(Indicator, indicator.parent_id)
        if parent is not None:
            await refresh(session, parent)
