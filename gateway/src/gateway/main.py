from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from common.app import create_app
from common.auth import KeySource
from common.routes import events_router
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware

from gateway.agency.endpoints import router as agency_router
from gateway.audit.endpoints import router as audit_router
from gateway.auth.endpoints import jwks_router
from gateway.auth.endpoints import router as auth_router
from gateway.auth.tokens import TokenIssuer
from gateway.auth.verifier import SessionCheckingVerifier
from gateway.client.endpoints import router as client_router
from gateway.config import Settings, get_settings
from gateway.db import SCHEMA, outbox
from gateway.proxy.forward import Upstreams, proxy_router
from gateway.proxy.openapi import MergedOpenAPI
from gateway.proxy.rules import SERVICE_ROLES
from gateway.user.endpoints import router as user_router
from gateway.web import SecurityHeadersMiddleware, docs_router, mount_docs_assets, spa_router

DESCRIPTION = """API của Tiến Độ — theo dõi thực hiện Nghị quyết 57-NQ/TW và các kế hoạch của tỉnh.

Đăng nhập qua `POST /api/v1/auth/login` để lấy mã truy cập, rồi gửi `Authorization: Bearer <mã>`.
Lỗi trả về dạng `application/problem+json` với thông báo tiếng Việt.
"""


def create_gateway(settings: Settings) -> FastAPI:
    issuer = TokenIssuer.from_file(
        settings.jwt_private_key_file, issuer=settings.jwt_issuer, audience=settings.jwt_audience
    )
    keys = KeySource(jwks=issuer.jwks())
    merged_openapi = MergedOpenAPI()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.token_issuer = issuer
        app.state.token_verifier = SessionCheckingVerifier(
            keys, issuer=settings.jwt_issuer, audience=settings.jwt_audience, database=app.state.db
        )
        app.state.upstreams = Upstreams(settings)
        try:
            yield
        finally:
            await app.state.upstreams.aclose()

    async def openapi(request: Request) -> dict[str, Any]:
        return await merged_openapi.get(request.app.openapi(), request.app.state.upstreams.clients)

    app = create_app(
        name="gateway",
        title="Tiến Độ — API",
        description=DESCRIPTION,
        settings=settings,
        schema=SCHEMA,
        migrations_package="gateway",
        key_source=keys,
        extra_lifespan=lifespan,
        streamed_prefixes=tuple(f"/api/v1/{service}/" for service in SERVICE_ROLES),
        routers=[
            auth_router,
            jwks_router,
            agency_router,
            user_router,
            client_router,
            audit_router,
            events_router("/api/v1/identity", "identity", outbox),
            proxy_router(),
            docs_router(openapi),
        ],
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
    )
    mount_docs_assets(app)
    app.include_router(spa_router(settings.frontend_dir))
    app.add_middleware(SecurityHeadersMiddleware, hsts=settings.hsts)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "If-Match", "Idempotency-Key", "X-Request-ID"],
            expose_headers=["ETag", "X-Request-ID", "Retry-After"],
            max_age=600,
        )
    return app


app = create_gateway(get_settings())
