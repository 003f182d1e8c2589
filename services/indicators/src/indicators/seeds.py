"""Load the seed indicators of `data/indicators/` through the same importer users have; running it again changes
nothing. In demo mode only, a few years of values are generated for the dashboards, marked `demo`."""

from __future__ import annotations

import hashlib
import json
import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from common.clock import today
from common.errors import InvalidInput
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from indicators.compute.periods import DEFAULT_SCHEDULE, Period, current_period, periods_between
from indicators.config import Settings
from indicators.directory import follower
from indicators.importer.service import ImportService
from indicators.indicator.assess import contributors_of, refresh
from indicators.models import Agency, Indicator, IndicatorValue, Plan
from indicators.vocabulary import BOUNDED_UNITS, Comparator, Periodicity, Unit

LOADER = "nạp dữ liệu"
DEMO_AUTHOR = "dữ liệu trình diễn"
DEMO_FIRST_YEAR = 2024


@dataclass(frozen=True)
class Loaded:
    symbol: str
    indicators: int
    parts: int
    needs_review: int
    created: int


async def load_indicators(session: AsyncSession, data_dir: Path) -> list[Loaded]:
    entries: list[dict[str, Any]] = json.loads((data_dir / "plans.json").read_text(encoding="utf-8"))
    loaded = []
    for entry in entries:
        plan = await session.scalar(select(Plan).where(Plan.key == entry["plan_key"]))
        if plan is None:
            standing = await session.scalar(select(Agency.id).where(Agency.code == entry.get("standing_code")))
            plan = Plan(
                key=entry["plan_key"],
                symbol=entry.get("symbol") or entry["plan_key"],
                title=entry["title"],
                standing_agency_id=standing,
                report_schedule=entry.get("report_schedule"),
                version=1,
            )
            session.add(plan)
            await session.flush()
        path = data_dir / entry["file"]
        try:
            report = await ImportService(session, LOADER).run(plan, path.name, path.read_bytes(), dry_run=False)
        except InvalidInput as exc:
            problems = "\n".join(f"  {e.field}: {e.message}" for e in exc.errors)
            raise RuntimeError(f"{path.name} có lỗi, chưa nạp:\n{problems}") from exc
        loaded.append(Loaded(plan.symbol, report.indicators, report.parts, len(report.needs_review), report.created))
    return loaded


async def generate_demo_history(session: AsyncSession) -> int:
    """Accepted values from 2024 to the last finished period for every numeric indicator that has none, on a
    trajectory picked per indicator (some ahead, some behind, some falling), so every status shows up."""
    if await session.scalar(select(func.count()).select_from(IndicatorValue).where(IndicatorValue.demo.is_(False))):
        return 0  # real reports exist: never mix generated numbers into them
    indicators = (
        await session.scalars(select(Indicator).where(Indicator.comparator != Comparator.QUALITATIVE.value))
    ).all()
    created = 0
    for indicator in indicators:
        if indicator.target_value is None and indicator.target_high is None:
            continue
        if await session.scalar(select(IndicatorValue.id).where(IndicatorValue.indicator_id == indicator.id).limit(1)):
            continue
        created += await _demo_values(session, indicator)
        await refresh(session, indicator)
    return created


# How far along the way to its target each generated indicator ends up by its milestone year.
DEMO_FATES = (Decimal("1.05"), Decimal("1.0"), Decimal("1.0"), Decimal("0.9"), Decimal("0.75"), Decimal("0.5"))


async def _demo_values(session: AsyncSession, indicator: Indicator) -> int:
    rng = random.Random(hashlib.sha256(str(indicator.id).encode()).digest())
    reporters = await contributors_of(session, indicator.id)
    named: list[uuid.UUID | None] = [s.agency_id for s in reporters] or [indicator.monitoring_agency_id]
    agencies = [a for a in named if a is not None]
    kind = Periodicity(indicator.periodicity)
    periods = periods_between(kind, Period(DEMO_FIRST_YEAR, kind, 1), current_period(kind, today()))[:-1]
    goal = indicator.target_value if indicator.target_value is not None else indicator.target_high
    assert goal is not None
    falling = indicator.comparator == Comparator.LTE.value
    start = goal * Decimal(str(rng.uniform(1.6, 2.5) if falling else rng.uniform(0.45, 0.75)))
    end = goal * (2 - rng.choice(DEMO_FATES) if falling else rng.choice(DEMO_FATES))
    bound = BOUNDED_UNITS.get(Unit(indicator.unit)) if indicator.unit else None
    span = Decimal(indicator.milestone_year - DEMO_FIRST_YEAR + 1)
    created = 0
    for period in periods:
        elapsed = Decimal(period.end.year - DEMO_FIRST_YEAR) + Decimal(period.end.month) / 12
        level = start + (end - start) * min(elapsed / span, Decimal(1))
        for agency_id in agencies:
            value = (level * Decimal(str(rng.uniform(0.97, 1.03)))).quantize(Decimal("0.01"))
            session.add(_demo_value(indicator, agency_id, period, min(value, Decimal(bound)) if bound else value))
            created += 1
    await session.flush()
    return created


def _demo_value(indicator: Indicator, agency_id: Any, period: Period, value: Decimal) -> IndicatorValue:
    at = datetime(period.end.year, period.end.month, period.end.day, tzinfo=UTC)
    return IndicatorValue(
        indicator_id=indicator.id,
        agency_id=agency_id,
        period=period.code,
        period_end=period.end,
        due_on=DEFAULT_SCHEDULE.due_on(period),
        value=value,
        note="Số liệu minh họa cho chế độ trình diễn",
        source="Sinh tự động (trình diễn)",
        state="accepted",
        author=DEMO_AUTHOR,
        submitted_at=at,
        submitted_by=DEMO_AUTHOR,
        reviewed_at=at,
        reviewed_by=DEMO_AUTHOR,
        demo=True,
        version=1,
    )


async def load(settings: Settings, data_dir: Path, *, demo: bool) -> tuple[list[Loaded], int]:
    engine = create_async_engine(settings.database_url)
    sessionmaker = async_sessionmaker(engine, expire_on_commit=False)
    try:
        await follower.load(sessionmaker, settings)
        async with sessionmaker() as session, session.begin():
            if not await session.scalar(select(func.count()).select_from(Agency)):
                raise RuntimeError(
                    "Danh bạ đơn vị của dịch vụ chỉ tiêu còn trống; cần cấu hình INDICATORS_DIRECTORY_URL."
                )
            loaded = await load_indicators(session, data_dir)
            generated = await generate_demo_history(session) if demo else 0
        return loaded, generated
    finally:
        await engine.dispose()
