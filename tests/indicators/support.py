"""Helpers shared by the indicator endpoint tests: a plan of the test's own, imported from a small table, so
the seed counts stay untouched."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.gateway.identity_support import Auth, agency_by_code

INDICATORS = "/api/v1/indicators"
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
