from __future__ import annotations

from common.app import create_app
from common.routes import events_router, principal_router

from tasks.config import get_settings
from tasks.db import SCHEMA, outbox
from tasks.directory import follower
from tasks.importer import export
from tasks.plan import endpoints as plans
from tasks.task import endpoints as tasks
from tasks.task import evidence_endpoints as evidence
from tasks.task import progress_endpoints as progress

PREFIX = "/api/v1/tasks"

app = create_app(
    name="tasks",
    title="Tiến Độ — dịch vụ Nhiệm vụ",
    description="Kế hoạch, nhiệm vụ, tiến độ, gia hạn, phân cấp nhiệm vụ.",
    settings=get_settings(),
    schema=SCHEMA,
    migrations_package="tasks",
    # Fixed paths (/whoami, /events, /plans, /export.xlsx, /counts) before /{task_id}.
    routers=[
        principal_router(PREFIX, "tasks"),
        events_router(PREFIX, "tasks", outbox),
        plans.router,
        export.router,
        tasks.router,
        progress.router,
        evidence.router,
    ],
    extra_lifespan=follower.lifespan(),
    openapi_url=f"{PREFIX}/openapi.json",
    docs_url=None,
    redoc_url=None,
)
