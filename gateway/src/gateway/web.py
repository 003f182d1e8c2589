"""What the browser needs from the gateway: security headers, the SPA, API docs served from this machine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from common.errors import NotFound
from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from swagger_ui_bundle import swagger_ui_path

CSP = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
    "connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)
# Swagger UI starts itself with an inline script.
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
API_PREFIXES = ("/api/", "/.well-known/", "/health", "/ready")


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, *, hsts: bool) -> None:
        self.app, self.hsts = app, hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = DOCS_CSP if scope["path"].startswith("/api/docs") else CSP

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"strict-origin-when-cross-origin"),
                    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                    (b"content-security-policy", csp.encode()),
                ]
                if self.hsts:
                    extra.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                # A header the upstream already set (a download's nosniff) is kept, not repeated.
                message["headers"] = headers + [(name, value) for name, value in extra if name not in present]
            await send(message)

        await self.app(scope, receive, with_headers)


def docs_router(openapi: Any) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/api/v1/openapi.json")
    async def merged_openapi(request: Request) -> JSONResponse:
        return JSONResponse(await openapi(request))

    @router.get("/api/docs")
    async def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/api/v1/openapi.json",
            title="Tiến Độ — tài liệu API",
            swagger_js_url="/api/docs/static/swagger-ui-bundle.js",
            swagger_css_url="/api/docs/static/swagger-ui.css",
            swagger_favicon_url="/api/docs/static/favicon-32x32.png",
        )

    return router


def mount_docs_assets(app: FastAPI) -> None:
    app.mount("/api/docs/static", StaticFiles(directory=swagger_ui_path), name="swagger-ui")


NOT_BUILT = """<!doctype html><html lang="vi"><meta charset="utf-8"><title>Tiến Độ</title>
<body style="font-family:sans-serif;max-width:40rem;margin:4rem auto">
<h1>Tiến Độ</h1><p>Giao diện web chưa được xây dựng. Hãy chạy <code>make run</code> (tự xây dựng giao diện),
hoặc <code>make frontend</code>. API vẫn hoạt động tại <a href="/api/docs">/api/docs</a>.</p></body></html>"""


def spa_router(frontend_dir: Path) -> APIRouter:
    """Files of the built SPA, and index.html for every other page path so client-side routes load."""
    router = APIRouter(include_in_schema=False)
    root = frontend_dir.resolve()

    @router.get("/{path:path}")
    async def spa(path: str) -> Response:
        if ("/" + path).startswith(API_PREFIXES):
            raise NotFound("Không tìm thấy địa chỉ được yêu cầu.")
        index = root / "index.html"
        if not index.is_file():
            return HTMLResponse(NOT_BUILT)
        candidate = (root / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(root):
            immutable = path.startswith("assets/")
            cache = "public, max-age=31536000, immutable" if immutable else "no-cache"
            return FileResponse(candidate, headers={"Cache-Control": cache})
        return FileResponse(index, headers={"Cache-Control": "no-cache"})

    return router
