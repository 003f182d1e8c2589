"""Small helpers shared by the identity tests: unique names, fresh agencies and users, Vietnamese checks."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

import httpx

from tests.conftest import assert_problem

Auth = Callable[[str], dict[str, str]]

# A Vietnamese sentence almost always carries one of these; English never does.
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)
INITIAL_PASSWORD = "Khởi-tạo-2026!"
CHANGED_PASSWORD = "Đã-đổi-mật-khẩu-2026"


def suffix() -> str:
    return uuid.uuid4().hex[:8]


def assert_vietnamese_problem(response: httpx.Response, status: int, field: str | None = None) -> dict[str, Any]:
    """problem+json with that status whose title (and the named field's message) are in Vietnamese."""
    body = assert_problem(response, status, field)
    assert VIETNAMESE.search(str(body["title"])), body
    if field is not None:
        messages = [e["message"] for e in body["errors"] if e["field"] == field]  # type: ignore[union-attr]
        assert messages and all(VIETNAMESE.search(m) for m in messages), body
    elif body.get("detail"):
        assert VIETNAMESE.search(str(body["detail"])), body
    return body


def agency_by_code(api: httpx.Client, auth: Auth, code: str) -> dict[str, Any]:
    response = api.get("/api/v1/agencies", params={"q": code, "include_inactive": True}, headers=auth("admin"))
    assert response.status_code == 200, response.text
    matches = [a for a in response.json()["items"] if a["code"] == code]
    assert len(matches) == 1, response.json()
    return matches[0]


def create_agency(
    api: httpx.Client, auth: Auth, *, parent_id: str | None = None, name: str | None = None, **extra: Any
) -> dict[str, Any]:
    """A fresh agency under `parent_id`, by default under the province (UBND_TINH) like every real one."""
    tag = suffix()
    body = {
        "code": f"TEST_{tag.upper()}",
        "name": name or f"Đơn vị kiểm thử {tag}",
        "short_name": f"ĐV {tag}",
        "kind": "other",
        "parent_id": parent_id or agency_by_code(api, auth, "UBND_TINH")["id"],
        **extra,
    }
    response = api.post("/api/v1/agencies", json=body, headers=auth("admin"))
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def user_body(agency_id: str, *, roles: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    tag = suffix()
    return {
        "username": f"kiemthu.{tag}",
        "full_name": f"Người kiểm thử {tag}",
        "email": f"kiemthu.{tag}@example.vn",
        "agency_id": agency_id,
        "roles": roles or ["agency_officer"],
        "initial_password": INITIAL_PASSWORD,
        **extra,
    }


def create_user(api: httpx.Client, auth: Auth, agency_id: str, *, roles: list[str] | None = None) -> dict[str, Any]:
    response = api.post("/api/v1/users", json=user_body(agency_id, roles=roles), headers=auth("admin"))
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def login_fresh_user(api: httpx.Client, username: str) -> dict[str, str]:
    """Log in a user created with INITIAL_PASSWORD, do the forced password change, return a usable header."""
    first = api.post("/api/v1/auth/login", json={"username": username, "password": INITIAL_PASSWORD})
    assert first.status_code == 200, first.text
    assert first.json()["must_change_password"] is True
    changed = api.post(
        "/api/v1/auth/change-password",
        json={"current_password": INITIAL_PASSWORD, "new_password": CHANGED_PASSWORD},
        headers={"Authorization": f"Bearer {first.json()['access_token']}"},
    )
    assert changed.status_code == 204, changed.text
    second = api.post("/api/v1/auth/login", json={"username": username, "password": CHANGED_PASSWORD})
    assert second.status_code == 200, second.text
    assert second.json()["must_change_password"] is False
    return {"Authorization": f"Bearer {second.json()['access_token']}"}


def newest_audit_id(api: httpx.Client, auth: Auth, entity_type: str) -> int:
    response = api.get("/api/v1/audit", params={"entity_type": entity_type, "limit": 1}, headers=auth("admin"))
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    return int(items[0]["id"]) if items else 0


def audit_mentions(api: httpx.Client, auth: Auth, entity_type: str, needle: str) -> list[dict[str, Any]]:
    """Audit records of that entity type (newest 200) whose changes mention `needle`."""
    response = api.get("/api/v1/audit", params={"entity_type": entity_type, "limit": 200}, headers=auth("admin"))
    assert response.status_code == 200, response.text
    return [r for r in response.json()["items"] if needle in str(r["changes"])]


def all_events(api: httpx.Client, auth: Auth) -> list[dict[str, Any]]:
    """The whole identity event feed, following `after` until `next_cursor` stops changing."""
    events: list[dict[str, Any]] = []
    after: str | None = None
    for _ in range(1000):
        params: dict[str, Any] = {"limit": 200} | ({"after": after} if after else {})
        response = api.get("/api/v1/identity/events", params=params, headers=auth("admin"))
        assert response.status_code == 200, response.text
        page = response.json()
        events.extend(page["items"])
        if page["next_cursor"] == after:
            return events
        after = page["next_cursor"]
    raise AssertionError("the event feed never stopped")


_PROVINCE_ROOT: dict[str, str] = {}


def remember_province_root(agency_id: str) -> None:
    _PROVINCE_ROOT["id"] = agency_id


def province_root_id() -> str:
    """UBND tỉnh: the one root; every agency a test creates hangs under it (set by tests/gateway/conftest.py)."""
    return _PROVINCE_ROOT["id"]
