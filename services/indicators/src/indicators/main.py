from __future__ import annotations

from common.app import create_app
from common.routes import events_router, principal_router

from indicators.config import get_settings
from indicators.db import SCHEMA, outbox

PREFIX = "/api/v1/indicators"

app = create_app(
    name="indicators",
    title="Tiến Độ — dịch vụ Chỉ tiêu",
    description="Chỉ tiêu, giá trị theo kỳ, thẩm định, mức độ đạt.",
    settings=get_settings(),
    schema=SCHEMA,
    migrations_package="indicators",
    routers=[principal_router(PREFIX, "indicators"), events_router(PREFIX, "indicators", outbox)],
    openapi_url=f"{PREFIX}/openapi.json",
    docs_url=None,
    redoc_url=None,
)
