"""One long-lived httpx client per upstream; bodies streamed both ways; failures become clean problems."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import structlog
from common.auth import CurrentPrincipal
from common.errors import GatewayTimeout, ServiceUnavailable
from fastapi import APIRouter, Depends, Request
from starlette.background import BackgroundTask
from starlette.responses import StreamingResponse

from gateway.config import Settings
from gateway.proxy.rules import SERVICE_ROLES, check_route

HOP_BY_HOP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-authenticate",
        b"proxy-authorization",
        b"te",
        b"trailers",
        b"transfer-encoding",
        b"upgrade",
        b"host",
        b"content-length",
    }
)
SERVICE_NAMES = {"tasks": "Nhiệm vụ", "indicators": "Chỉ tiêu", "notifications": "Thông báo"}
log = structlog.get_logger("proxy")


class Upstreams:
    def __init__(self, settings: Settings) -> None:
        timeout = httpx.Timeout(settings.upstream_timeout_seconds, connect=settings.upstream_connect_timeout_seconds)
        limits = httpx.Limits(max_connections=200, max_keepalive_connections=50)
        self.clients = {
            name: httpx.AsyncClient(base_url=url, timeout=timeout, limits=limits)
            for name, url in (
                ("tasks", settings.tasks_url),
                ("indicators", settings.indicators_url),
                ("notifications", settings.notifications_url),
            )
        }

    async def aclose(self) -> None:
        for client in self.clients.values():
            await client.aclose()


def _request_headers(request: Request) -> list[tuple[bytes, bytes]]:
    headers = [(k, v) for k, v in request.headers.raw if k.lower() not in HOP_BY_HOP]
    client_host = request.client.host if request.client else ""
    headers.append((b"x-forwarded-for", client_host.encode()))
    headers.append((b"x-forwarded-proto", request.url.scheme.encode()))
    if not any(k.lower() == b"x-request-id" for k, _ in headers):
        headers.append((b"x-request-id", str(request.state.request_id).encode()))
    return headers


async def forward(request: Request, service: str) -> StreamingResponse:
    client: httpx.AsyncClient = request.app.state.upstreams.clients[service]
    has_body = "content-length" in request.headers or "transfer-encoding" in request.headers
    upstream_request = client.build_request(
        request.method,
        httpx.URL(path=request.url.path, query=request.url.query.encode()),
        headers=_request_headers(request),
        content=request.stream() if has_body else None,
    )
    label = SERVICE_NAMES[service]
    try:
        upstream = await client.send(upstream_request, stream=True)
    except (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError) as exc:
        log.warning("upstream unavailable", service=service, error=type(exc).__name__)
        raise ServiceUnavailable(
            f"Dịch vụ {label} đang tạm ngừng. Vui lòng thử lại sau ít phút.", headers={"Retry-After": "5"}
        ) from exc
    except httpx.TimeoutException as exc:
        log.warning("upstream timeout", service=service)
        raise GatewayTimeout(f"Dịch vụ {label} không phản hồi kịp. Vui lòng thử lại.") from exc
    headers = {k: v for k, v in upstream.headers.items() if k.lower().encode() not in HOP_BY_HOP}
    return StreamingResponse(
        upstream.aiter_raw(),
        status_code=upstream.status_code,
        headers=headers,
        background=BackgroundTask(upstream.aclose),
    )


def _route_for(service: str) -> tuple[Callable[..., Awaitable[StreamingResponse]], Any]:
    async def check(request: Request, principal: CurrentPrincipal) -> None:
        check_route(principal, service, request.method, request.url.path)

    async def route(request: Request) -> StreamingResponse:
        return await forward(request, service)

    return route, Depends(check)


def proxy_router() -> APIRouter:
    router = APIRouter()
    methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
    for service in SERVICE_ROLES:
        route, check = _route_for(service)
        # The services' own OpenAPI documents describe these paths; keep the catch-all out of the merged doc.
        for pattern in (f"/api/v1/{service}", f"/api/v1/{service}/{{path:path}}"):  # the collection root too
            router.add_api_route(pattern, route, methods=methods, dependencies=[check], include_in_schema=False)
    return router
