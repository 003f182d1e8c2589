"""Statuses follow the calendar: the daily reassessment recomputes what was assessed before today."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from common.settings import async_database_url
from indicators.indicator.sweep import reassess_stale
from sqlalchemy import text
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from tiendo.stack import Stack

from tests.gateway.identity_support import Auth
from tests.indicators.support import act, detail, own_plan, report

ROWS = ",Đến hết năm 2025,,,,,,,\n1,Có ≥ 90% hồ sơ được số hóa,Sở Y tế,,,,,,\n"


def _sweep(stack: Stack, indicator_id: str, pretend: str) -> int:
    async def go() -> int:
        engine = create_async_engine(
            async_database_url(stack.database_url), connect_args={"server_settings": {"search_path": "indicators"}}
        )
        try:
            async with engine.begin() as conn:  # a stale copy, as if assessed two days ago before the year ended
                await conn.execute(
                    text("UPDATE indicators SET status = :s, assessed_at = now() - interval '2 days' WHERE id = :i"),
                    {"s": pretend, "i": indicator_id},
                )
            return await reassess_stale(async_sessionmaker(engine, expire_on_commit=False))
        finally:
            await engine.dispose()

    return asyncio.run(go())


def test_a_stale_status_is_recomputed_by_the_daily_sweep(client: httpx.Client, auth: Auth, stack: Stack) -> None:
    _, by_tt = own_plan(client, auth, ROWS)
    indicator: dict[str, Any] = by_tt["1"]
    sent = report(client, auth, "syt.canbo", indicator["id"], {"period": "2024", "value": 60, "submit": True}).json()
    assert act(client, auth, "syt.lanhdao", sent, "review", {"decision": "accept"}).status_code == 200
    assert detail(client, auth, indicator["id"]).json()["status"] == "at_risk"  # 2025 has ended unmet
    assert _sweep(stack, indicator["id"], "on_track") >= 1
    assert detail(client, auth, indicator["id"]).json()["status"] == "at_risk"
