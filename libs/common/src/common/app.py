"""The FastAPI app every process is built on: logging, errors, DB, token verification, /health and /ready."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import structlog
from fastapi import APIRouter, FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from common.auth import KeySource, TokenVerifier
from common.db import Database
from common.errors import install_error_handlers
from common.logging import RequestContextMiddleware, configure_logging
from common.migrations import current_heads, schema_is_current, script_heads, script_revisions
from common.nul import RejectNulMiddleware
from common.settings import ProcessSettings

Extra = Callable[[FastAPI], AbstractAsyncContextManager[None]]


class Health(BaseModel):
    status: str
    service: str


class Readiness(Health):
    database: str
    migrations: str


def create_app(
    *,
    name: str,
    title: str,
    description: str,
    settings: ProcessSettings,
    schema: str,
    migrations_package: str,
    routers: Sequence[APIRouter] = (),
    key_source: KeySource | None = None,
    extra_lifespan: Extra | None = None,
    streamed_prefixes: tuple[str, ...] = (),
    **fastapi_kwargs: Any,
) -> FastAPI:
    log = structlog.get_logger(name)
    expected_heads = script_heads(migrations_package, schema)
    known_revisions = script_revisions(migrations_package, schema)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_logging(name, settings.log_level, settings.log_format)
        app.state.settings = settings
        app.state.db = Database(settings.database_url, schema=schema, application_name=f"tiendo-{name}")
        keys = key_source or KeySource(jwks_file=settings.jwks_file, jwks_url=settings.jwks_url)
        app.state.token_verifier = TokenVerifier(keys, issuer=settings.jwt_issuer, audience=settings.jwt_audience)
        log.info("started", host=settings.host, port=settings.port, demo_mode=settings.demo_mode)
        try:
            if extra_lifespan is not None:
                async with extra_lifespan(app):
                    yield
            else:
                yield
        finally:
            await app.state.db.dispose()
            log.info("stopped")

    app = FastAPI(title=title, description=description, version="1.0.0", lifespan=lifespan, **fastapi_kwargs)
    install_error_handlers(app)
    app.add_middleware(RejectNulMiddleware, streamed_prefixes=streamed_prefixes)
    app.add_middleware(RequestContextMiddleware)

    @app.get("/health", tags=["vận hành"], summary="Tiến trình còn sống")
    async def health() -> Health:
        return Health(status="ok", service=name)

    @app.get(
        "/ready",
        tags=["vận hành"],
        summary="Sẵn sàng phục vụ: kết nối được CSDL và lược đồ đã ở phiên bản mới nhất",
        responses={503: {"model": Readiness}},
    )
    async def ready() -> JSONResponse:
        db: Database = app.state.db
        try:
            heads = await current_heads(db.engine, schema)
        except Exception as exc:  # any failure to reach the database means not ready
            log.warning("not ready", reason=str(exc))
            body = Readiness(status="unavailable", service=name, database="unreachable", migrations="unknown")
            return JSONResponse(body.model_dump(), status_code=503)
        at_head = schema_is_current(heads, expected_heads, known_revisions)
        body = Readiness(
            status="ok" if at_head else "unavailable",
            service=name,
            database="ok",
            migrations="head" if at_head else "pending",
        )
        return JSONResponse(body.model_dump(), status_code=200 if at_head else 503)

    for router in routers:
        app.include_router(router)
    return app
