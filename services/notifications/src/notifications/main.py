from __future__ import annotations

from common.app import create_app
from common.routes import events_router, principal_router

from notifications.config import get_settings
from notifications.db import SCHEMA, outbox

PREFIX = "/api/v1/notifications"

app = create_app(
    name="notifications",
    title="Tiến Độ — dịch vụ Thông báo",
    description="Nhắc hạn, cảnh báo, hộp thư, thư điện tử, webhook.",
    settings=get_settings(),
    schema=SCHEMA,
    migrations_package="notifications",
    routers=[principal_router(PREFIX, "notifications"), events_router(PREFIX, "notifications", outbox)],
    openapi_url=f"{PREFIX}/openapi.json",
    docs_url=None,
    redoc_url=None,
)
