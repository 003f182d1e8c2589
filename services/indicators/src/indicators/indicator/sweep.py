"""Statuses depend on the date as well as on the values: when a milestone year ends unmet, "đúng tiến độ"
becomes "có nguy cơ không đạt" without anyone reporting. Each day the API process reassesses the indicators
last assessed before today, in small transactions, one replica at a time."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, time

import structlog
from common.clock import VIETNAM, today
from fastapi import FastAPI
from sqlalchemy import or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from indicators.indicator.assess import refresh
from indicators.models import Indicator

BATCH = 200
log = structlog.get_logger("indicators.sweep")


async def reassess_stale(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    """Reassess what was last assessed before today (Vietnam); returns how many. Skips when another replica
    holds the lock."""
    start_of_day = datetime.combine(today(), time(), tzinfo=VIETNAM)
    done = 0
    while True:
        async with sessionmaker() as session, session.begin():
            if not await session.scalar(text("SELECT pg_try_advisory_xact_lock(hashtext('indicators.sweep'))")):
                return done
            stale = (
                await session.scalars(
                    select(Indicator)
                    .where(or_(Indicator.assessed_at.is_(None), Indicator.assessed_at < start_of_day))
                    .order_by(Indicator.parent_id.is_not(None).desc(), Indicator.id)  # parts before composites
                    .limit(BATCH)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            for indicator in stale:
                await refresh(session, indicator)
            done += len(stale)
        if len(stale) < BATCH:
            return done


@asynccontextmanager
async def daily_sweep(app: FastAPI, every_seconds: float = 3600) -> AsyncIterator[None]:
    async def loop() -> None:
        while True:
            try:
                if count := await reassess_stale(app.state.db.sessionmaker):
                    log.info("indicators reassessed", count=count)
            except Exception:
                log.exception("reassessment failed; will retry")
            await asyncio.sleep(every_seconds)

    task = asyncio.create_task(loop())
    try:
        yield
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
