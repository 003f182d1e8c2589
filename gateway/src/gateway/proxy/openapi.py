"""One OpenAPI document for the whole API: the gateway's own paths plus each service's."""

from __future__ import annotations

import copy
import json
import time
from typing import Any

import httpx
import structlog

log = structlog.get_logger("openapi")


def _rename_refs(node: Any, renames: dict[str, str]) -> Any:
    if isinstance(node, dict):
        return {
            k: (_renamed_ref(v, renames) if k == "$ref" and isinstance(v, str) else _rename_refs(v, renames))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rename_refs(v, renames) for v in node]
    return node


def _renamed_ref(ref: str, renames: dict[str, str]) -> str:
    prefix = "#/components/schemas/"
    name = ref.removeprefix(prefix)
    return prefix + renames[name] if ref.startswith(prefix) and name in renames else ref


def merge_openapi(base: dict[str, Any], services: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Paths are disjoint by prefix; a schema name two documents define differently gets the service's prefix."""
    merged = copy.deepcopy(base)
    schemas = merged.setdefault("components", {}).setdefault("schemas", {})
    security = merged["components"].setdefault("securitySchemes", {})
    tags = {t["name"]: t for t in merged.get("tags", [])}
    for service, doc in services.items():
        theirs = doc.get("components", {}).get("schemas", {})
        renames = {
            name: f"{service.capitalize()}{name}"
            for name, schema in theirs.items()
            if name in schemas and json.dumps(schemas[name], sort_keys=True) != json.dumps(schema, sort_keys=True)
        }
        doc = _rename_refs(doc, renames)
        for name, schema in doc.get("components", {}).get("schemas", {}).items():
            schemas[renames.get(name, name)] = schema
        security.update(doc.get("components", {}).get("securitySchemes", {}))
        for path, item in doc.get("paths", {}).items():
            if path not in ("/health", "/ready"):
                merged.setdefault("paths", {})[path] = item
        for tag in doc.get("tags", []):
            tags.setdefault(tag["name"], tag)
    if tags:
        merged["tags"] = list(tags.values())
    return merged


class MergedOpenAPI:
    """Fetched from the running services, cached briefly; a service that is down is left out and named."""

    TTL_SECONDS = 30.0

    def __init__(self) -> None:
        self._cached: dict[str, Any] | None = None
        self._at = 0.0

    async def get(self, base: dict[str, Any], clients: dict[str, httpx.AsyncClient]) -> dict[str, Any]:
        if self._cached is not None and time.monotonic() - self._at < self.TTL_SECONDS:
            return self._cached
        docs: dict[str, dict[str, Any]] = {}
        missing: list[str] = []
        for name, client in clients.items():
            try:
                response = await client.get(f"/api/v1/{name}/openapi.json", timeout=3.0)
                response.raise_for_status()
                docs[name] = response.json()
            except (httpx.HTTPError, ValueError):
                log.warning("service openapi unavailable", service=name)
                missing.append(name)
        merged = merge_openapi(base, docs)
        if missing:
            merged["info"]["description"] += (
                "\n\n**Lưu ý:** chưa lấy được tài liệu của dịch vụ: " + ", ".join(missing) + "."
            )
        else:
            self._cached, self._at = merged, time.monotonic()
        return merged
