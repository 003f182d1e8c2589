from __future__ import annotations

from common.app import create_app
from common.routes import events_router, principal_router

from notifications.admin import deliveries
from notifications.calendar import endpoints as calendar
from notifications.config import get_settings
from notifications.db import SCHEMA, outbox
from notifications.inbox import endpoints as inbox
from notifications.inbox.live import live_inbox
from notifications.preference import endpoints as preferences
from notifications.rule import endpoints as rules
from notifications.schedule import endpoints as reminders
from notifications.webhook import endpoints as webhooks

PREFIX = "/api/v1/notifications"

app = create_app(
    name="notifications",
    title="Tiến Độ — dịch vụ Thông báo",
    description="Nhắc hạn, cảnh báo, hộp thư, thư điện tử, webhook.",
    settings=get_settings(),
    schema=SCHEMA,
    migrations_package="notifications",
    # Fixed paths (/inbox/unread-count, /inbox/stream, /inbox/read-all) before /inbox/{item_id}.
    routers=[
        principal_router(PREFIX, "notifications"),
        events_router(PREFIX, "notifications", outbox),
        inbox.router,
        preferences.router,
        reminders.router,
        rules.router,
        calendar.router,
        webhooks.router,
        deliveries.router,
    ],
    extra_lifespan=live_inbox,
    openapi_url=f"{PREFIX}/openapi.json",
    docs_url=None,
    redoc_url=None,
)
