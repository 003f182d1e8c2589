"""The tasks event feed as an integrator polls it: read to the end, then 304 until something happens."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable

import httpx

EVENTS = "/api/v1/tasks/events"


def _end_cursor(api: httpx.Client, headers: dict[str, str]) -> str:
    cursor = None
    while True:
        body = api.get(EVENTS, params={"limit": 200, **({"after": cursor} if cursor else {})}, headers=headers).json()
        if not body["items"]:
            assert body["next_cursor"] == cursor
            return str(cursor)
        cursor = body["next_cursor"]


def test_a_poller_gets_304_until_an_event_arrives_then_the_new_page(
    api: httpx.Client, auth: Callable[[str], dict[str, str]]
) -> None:
    coordinator = auth("coordinator")
    end = _end_cursor(api, coordinator)
    empty = api.get(EVENTS, params={"after": end}, headers=coordinator)
    assert empty.status_code == 200 and empty.json() == {"items": [], "next_cursor": end}
    tag = empty.headers["etag"]
    unchanged = api.get(EVENTS, params={"after": end}, headers={**coordinator, "If-None-Match": tag})
    assert unchanged.status_code == 304 and unchanged.content == b"" and unchanged.headers["etag"] == tag

    task = api.get("/api/v1/tasks", params={"limit": 1}, headers=coordinator).json()["items"][0]
    said = api.post(
        f"/api/v1/tasks/{task['id']}/comments",
        json={"body": "Đề nghị cập nhật tiến độ trước ngày 30/11/2026."},
        headers={**coordinator, "Idempotency-Key": uuid.uuid4().hex},
    )
    assert said.status_code == 201, said.text
    # The feed shows the comment once every older transaction has ended (a feed follower's may still be open).
    deadline = time.monotonic() + 15
    while (
        changed := api.get(EVENTS, params={"after": end}, headers={**coordinator, "If-None-Match": tag})
    ).status_code == 304:
        assert time.monotonic() < deadline, "the comment never reached the feed"
        time.sleep(0.2)
    assert changed.status_code == 200 and changed.headers["etag"] != tag
    (event,) = changed.json()["items"]
    assert (event["event_type"], event["subject_id"]) == ("task.commented", task["id"])
