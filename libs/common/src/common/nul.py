"""PostgreSQL text cannot hold a NUL character: refuse it at the door, naming the field, instead of failing later."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, unquote

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from common.errors import PROBLEM_JSON, InvalidInput

MESSAGE = "Không được chứa ký tự NUL (\\u0000)."
_MAX_INSPECTED_BODY = 2 * 1024 * 1024  # JSON and form bodies; file uploads are streamed, not inspected


def _json_path_with_nul(node: Any, path: str = "") -> str | None:
    if isinstance(node, str):
        return path or "body" if "\x00" in node else None
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        if isinstance(key, str) and "\x00" in key:
            return path or "body"
        found = _json_path_with_nul(value, f"{path}.{key}" if path else str(key))
        if found:
            return found
    return None


def _may_hold_nul(raw: bytes) -> bool:
    """A byte-level look that clears almost every request before anything is parsed."""
    return b"\x00" in raw or b"%00" in raw or b"\\u0000" in raw


def _field_with_nul(scope: Scope, body: bytes) -> str | None:
    raw_path = scope.get("raw_path", b"")
    if "\x00" in scope["path"] or (_may_hold_nul(raw_path) and "\x00" in unquote(raw_path.decode("latin-1"))):
        return "path"
    query = scope.get("query_string", b"")
    if _may_hold_nul(query):
        for key, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
            if "\x00" in key or "\x00" in value:
                return key.replace("\x00", "") or "query"
    if not _may_hold_nul(body):
        return None
    content_type = dict(scope["headers"]).get(b"content-type", b"").decode("latin-1")
    if "json" in content_type:
        try:
            return _json_path_with_nul(json.loads(body))
        except ValueError:
            return None  # malformed JSON gets its own answer from validation
    if "x-www-form-urlencoded" in content_type:
        for key, value in parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True):
            if "\x00" in key or "\x00" in value:
                return key.replace("\x00", "") or "body"
    return None


class RejectNulMiddleware:
    """`streamed_prefixes`: paths whose bodies pass through untouched (the gateway's proxy routes; the
    service behind checks them), so a forwarded body is streamed, never buffered here."""

    def __init__(self, app: ASGIApp, *, streamed_prefixes: tuple[str, ...] = ()) -> None:
        self.app, self.streamed_prefixes = app, streamed_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        content_type = dict(scope["headers"]).get(b"content-type", b"")
        inspect = (b"json" in content_type or b"x-www-form-urlencoded" in content_type) and not scope[
            "path"
        ].startswith(self.streamed_prefixes)
        chunks: list[bytes] = []
        size = 0
        more = inspect
        while more:
            message = await receive()
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False) and size <= _MAX_INSPECTED_BODY
        body = b"".join(chunks)
        field = _field_with_nul(scope, body)
        if field is not None:
            problem = InvalidInput.on(field, MESSAGE).problem(scope["path"])
            payload = problem.model_dump_json(exclude_none=True).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 422,
                    "headers": [
                        (b"content-type", PROBLEM_JSON.encode()),
                        (b"content-length", str(len(payload)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": payload})
            return
        if not inspect:
            await self.app(scope, receive, send)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": size > _MAX_INSPECTED_BODY}
            return await receive()

        await self.app(scope, replay, send)
