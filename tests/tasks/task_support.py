"""Helpers shared by the task endpoint tests: a plan of the test's own, imported from a small CSV, so the
seed counts stay untouched; lookups of tasks, their history and the event feed."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
from tiendo.stack import Stack

from tests.gateway.identity_support import Auth, agency_by_code

TASKS = "/api/v1/tasks"
REPLAYED = "Idempotent-Replayed"
HEADER = "TT,Tên nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Kết quả/sản phẩm,Thời gian hoàn thành\n"


def key() -> str:
    return f"khoa-{uuid.uuid4()}"


def own_plan(api: httpx.Client, auth: Auth, csv_rows: str, title: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A fresh plan whose standing agency is Sở KH&CN, with `csv_rows` imported; (plan, tasks by number)."""
    standing = agency_by_code(api, auth, "SKHCN")
    created = api.post(
        f"{TASKS}/plans",
        json={
            "kind": "Kế hoạch",
            "symbol": f"{uuid.uuid4().hex[:6]}/KH-KT",
            "issuer": "Sở Khoa học và Công nghệ",
            "standing_agency_id": standing["id"],
            "title": title,
        },
        headers=auth("coordinator"),
    )
    assert created.status_code == 201, created.text
    plan: dict[str, Any] = created.json()
    imported = api.post(
        f"{TASKS}/plans/{plan['id']}/imports",
        params={"dry_run": "false"},
        files={"file": ("nhiem-vu.csv", (HEADER + csv_rows).encode(), "text/csv")},
        headers=auth("coordinator"),
    )
    assert imported.status_code == 200, imported.text
    listed = api.get(TASKS, params={"plan_id": plan["id"], "limit": 200}, headers=auth("coordinator"))
    assert listed.status_code == 200, listed.text
    return plan, {t["number"]: t for t in listed.json()["items"]}


def get_json(api: httpx.Client, path: str, headers: dict[str, str], **params: Any) -> Any:
    response = api.get(path, params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def task(api: httpx.Client, auth: Auth, task_id: str, user: str = "coordinator") -> dict[str, Any]:
    found: dict[str, Any] = get_json(api, f"{TASKS}/{task_id}", auth(user))
    return found


def footprint(api: httpx.Client, auth: Auth, task_id: str) -> tuple[Any, ...]:
    """Everything a write could leave behind on a task, as the coordinator sees it."""
    url = f"{TASKS}/{task_id}"
    detail = task(api, auth, task_id)
    lists = [get_json(api, f"{url}/{part}", auth("coordinator")) for part in ("history", "progress", "comments")]
    extensions = get_json(api, f"{url}/extensions", auth("coordinator"))
    return (
        detail["version"],
        detail["status"],
        len(detail["children"]),
        *map(len, lists),
        [e["state"] for e in extensions],
    )


def all_tasks(api: httpx.Client, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = get_json(api, TASKS, headers, **params, limit=200, **({"cursor": cursor} if cursor else {}))
        items += page["items"]
        if not (cursor := page["next_cursor"]):
            return items


def share(detail: dict[str, Any], agency_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(a for a in detail["assignments"] if a["agency_id"] == agency_id)
    return found


def feed_tail(api: httpx.Client, headers: dict[str, str]) -> str | None:
    """The cursor after the last event the caller can see now."""
    after: str | None = None
    while True:
        page = get_json(api, f"{TASKS}/events", headers, limit=200, **({"after": after} if after else {}))
        if not page["items"]:
            return after
        after = page["next_cursor"]


def events_after(
    api: httpx.Client, headers: dict[str, str], after: str | None, limit: int = 200
) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    while True:
        page = get_json(api, f"{TASKS}/events", headers, limit=limit, **({"after": after} if after else {}))
        if not page["items"]:
            return events
        events += page["items"]
        after = page["next_cursor"]


def wait_for_events(
    api: httpx.Client,
    headers: dict[str, str],
    after: str | None,
    found: Callable[[list[dict[str, Any]]], bool],
    seconds: float = 15,
) -> list[dict[str, Any]]:
    """The events after `after` once `found` holds of them: the feed shows a transaction only when every older
    one has ended, and another process's (a feed follower writing its page) may still be open."""
    deadline = time.monotonic() + seconds
    while True:
        events = events_after(api, headers, after)
        if found(events) or time.monotonic() > deadline:
            return events
        time.sleep(0.2)


def all_at_once(stack: Stack, count: int, send: Callable[[httpx.Client, int], httpx.Response]) -> list[httpx.Response]:
    """`count` requests released together, each from its own thread and connection."""
    barrier = threading.Barrier(count)

    def one(i: int) -> httpx.Response:
        with httpx.Client(base_url=stack.url("gateway"), timeout=60) as client:
            barrier.wait()
            return send(client, i)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(one, range(count)))
