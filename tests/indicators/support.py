"""Helpers shared by the indicator endpoint tests: a plan of the test's own, imported from a small table, so
the seed counts stay untouched."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx

from tests.gateway.identity_support import Auth, agency_by_code

INDICATORS = "/api/v1/indicators"
EVENTS = f"{INDICATORS}/events"
HEADER = 'TT,Chỉ tiêu,"Cơ quan chủ trì theo dõi, đánh giá",Mã chỉ số,Lĩnh vực,Kỳ báo cáo,Cách tổng hợp,Đơn vị,Ghi chú\n'


def key() -> str:
    return f"khoa-{uuid.uuid4()}"


def own_plan(api: httpx.Client, auth: Auth, rows: str) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """A fresh plan (standing agency Sở KH&CN) with `rows` imported; (plan, indicators and parts by TT)."""
    standing = agency_by_code(api, auth, "SKHCN")
    plan_key = f"KT-{uuid.uuid4().hex[:8]}"
    created = api.post(
        f"{INDICATORS}/plans",
        json={
            "key": plan_key,
            "symbol": f"{plan_key}/KH",
            "title": "Kế hoạch kiểm thử chỉ tiêu",
            "standing_agency_id": standing["id"],
        },
        headers=auth("coordinator"),
    )
    assert created.status_code == 201, created.text
    imported = import_file(api, auth, plan_key, HEADER + rows, dry_run=False)
    assert imported.status_code == 200, imported.text
    by_tt: dict[str, dict[str, Any]] = {}
    cursor = None
    while True:
        params: dict[str, Any] = {"plan": plan_key, "limit": 200} | ({"cursor": cursor} if cursor else {})
        page = api.get(INDICATORS, params=params, headers=auth("coordinator")).json()
        for item in page["items"]:
            by_tt[item["tt"]] = item
            detail = api.get(f"{INDICATORS}/{item['id']}", headers=auth("coordinator")).json()
            for part in detail["parts"]:
                by_tt[part["tt"]] = part
        if not (cursor := page["next_cursor"]):
            break
    return created.json(), by_tt


def import_file(api: httpx.Client, auth: Auth, plan_key: str, text: str, *, dry_run: bool) -> httpx.Response:
    return api.post(
        f"{INDICATORS}/plans/{plan_key}/imports",
        params={"dry_run": str(dry_run).lower()},
        files={"file": ("chi-tieu.csv", text.encode(), "text/csv")},
        headers=auth("coordinator") | {"Idempotency-Key": key()},
    )


def detail(api: httpx.Client, auth: Auth, indicator_id: str, user: str = "coordinator") -> httpx.Response:
    return api.get(f"{INDICATORS}/{indicator_id}", headers=auth(user))


def report(
    api: httpx.Client, auth: Auth, user: str, indicator_id: str, body: dict[str, Any], idem: str | None = None
) -> httpx.Response:
    return api.post(
        f"{INDICATORS}/{indicator_id}/values", json=body, headers=auth(user) | {"Idempotency-Key": idem or key()}
    )


def act(
    api: httpx.Client, auth: Auth, user: str, value: dict[str, Any], verb: str, body: dict[str, Any] | None = None
) -> httpx.Response:
    """submit | review on a value, with its current version as If-Match."""
    headers = auth(user) | {"If-Match": f'"{value["version"]}"', "Idempotency-Key": key()}
    return api.post(f"{INDICATORS}/values/{value['id']}/{verb}", json=body, headers=headers)


def all_indicators(api: httpx.Client, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = api.get(
            INDICATORS, params=params | {"limit": 200} | ({"cursor": cursor} if cursor else {}), headers=headers
        )
        assert page.status_code == 200, page.text
        items.extend(page.json()["items"])
        if not (cursor := page.json()["next_cursor"]):
            return items


def events_after(
    api: httpx.Client, headers: dict[str, str], after: str | None
) -> tuple[list[dict[str, Any]], str | None]:
    """Every event of the feed the caller may see after `after`, page by page, and the cursor after the last."""
    events: list[dict[str, Any]] = []
    while True:
        page = api.get(EVENTS, params={"limit": 200} | ({"after": after} if after else {}), headers=headers)
        assert page.status_code == 200, page.text
        if not page.json()["items"]:
            return events, after
        events += page.json()["items"]
        after = page.json()["next_cursor"]


def wait_for_events(
    api: httpx.Client,
    headers: dict[str, str],
    after: str | None,
    found: Callable[[list[dict[str, Any]]], bool],
    seconds: float = 30,
) -> list[dict[str, Any]]:
    """The events after `after` once `found` holds of them: the feed shows a transaction only when every older
    one has ended (a feed follower's page may still be open), and merges arrive through the directory feed."""
    deadline = time.monotonic() + seconds
    while True:
        events, _ = events_after(api, headers, after)
        if found(events) or time.monotonic() > deadline:
            return events
        time.sleep(0.3)
