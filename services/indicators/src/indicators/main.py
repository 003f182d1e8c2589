from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from common.app import create_app
from common.routes import events_router, principal_router
from fastapi import FastAPI

from indicators.config import get_settings
from indicators.db import SCHEMA, outbox
from indicators.directory import follower
from indicators.indicator import endpoints as indicators
from indicators.indicator.sweep import daily_sweep
from indicators.plan import endpoints as plans
from indicators.report import endpoints as reports
from indicators.value import endpoints as values

PREFIX = "/api/v1/indicators"


@asynccontextmanager
async def background(app: FastAPI) -> AsyncIterator[None]:
    """Follow the agency directory; reassess statuses as days pass."""
    async with follower.lifespan()(app), daily_sweep(app):
        yield


app = create_app(
    name="indicators",
    title="Tiến Độ — dịch vụ Chỉ tiêu",
    description="Chỉ tiêu, giá trị theo kỳ, thẩm định, mức độ đạt và dự báo.",
    settings=get_settings(),
    schema=SCHEMA,
    migrations_package="indicators",
    # Fixed paths (/whoami, /events, /plans, /scorecard, /review-queue, /values/...) before /{indicator_id}.
    routers=[
        principal_router(PREFIX, "indicators"),
        events_router(PREFIX, "indicators", outbox),
        plans.router,
        reports.router,
        values.router,
        indicators.router,
    ],
    extra_lifespan=background,
    openapi_url=f"{PREFIX}/openapi.json",
    docs_url=None,
    redoc_url=None,
)
