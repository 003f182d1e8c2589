"""The delivery log through the gateway and straight at the service, over deliveries written into the service's
tables as the engine leaves them: administrators see all, newest first, page by page; an agency's head what went
to its own people and webhooks; others are refused. Sending again puts a failed, skipped or sent (not inbox)
delivery back in the queue once, and the worker sends it."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import httpx
import pytest
from tiendo.stack import Stack

from tests.conftest import free_port
from tests.gateway.identity_support import Auth, agency_by_code, assert_vietnamese_problem
from tests.mailbox import Mailbox, body_text
from tests.notifications.channel.samples import COMMON, SAMPLES
from tests.tasks.task_support import REPLAYED, key

DELIVERIES = "/api/v1/notifications/deliveries"
WEBHOOKS = "/api/v1/notifications/webhooks"
HOSPITAL = "SYT_BVDK_PHU_THO"
SYT_OFFICER_MAIL = "syt.canbo@demo.tiendo.vn"
TAG = uuid.uuid4().hex[:8]


def sql(stack: Stack, query: str, *args: Any) -> list[asyncpg.Record]:
    async def run() -> list[asyncpg.Record]:
        conn = await asyncpg.connect(stack.database_url.replace("+asyncpg", ""))
        try:
            return list(await conn.fetch(query, *args))
        finally:
            await conn.close()

    return asyncio.run(run())


def user_ids(stack: Stack, *usernames: str) -> dict[str, uuid.UUID]:
    """The users as the notifications service copied them from the gateway (waiting for the copy if need be)."""
    deadline = time.monotonic() + 30
    while True:
        rows = sql(stack, "SELECT username, id FROM notifications.users WHERE username = ANY($1)", list(usernames))
        if len(rows) == len(usernames) or time.monotonic() > deadline:
            assert len(rows) == len(usernames), rows
            return {r["username"]: r["id"] for r in rows}
        time.sleep(0.3)


def notice(stack: Stack, agency_id: str, title: str) -> int:
    """A directive already fanned out, so the worker leaves it to the deliveries written here."""
    context = {k: v for k, v in SAMPLES["task.directive"].items() if k not in COMMON} | {"task_title": title}
    task_id = str(uuid.uuid4())
    rows = sql(
        stack,
        """INSERT INTO notifications.notices (subject_type, subject_id, event_type, occurrence, audience, agency_id,
               context, link, reminder, urgent, created_at, fanned_out_at)
           VALUES ('task', $1, 'task.directive', $2, 'members', $3, $4::jsonb, $5, false, true, now(), now())
           RETURNING id""",
        task_id,
        f"kiem-thu-{uuid.uuid4()}",
        uuid.UUID(agency_id),
        json.dumps(context),
        f"/tasks/{task_id}",
    )
    return int(rows[0]["id"])


def delivery(
    stack: Stack,
    notice_id: int,
    recipient: uuid.UUID | str,
    channel: str,
    status: str,
    *,
    attempts: int = 1,
    error: str | None = None,
    due_in: timedelta = timedelta(0),
) -> int:
    now = datetime.now(UTC)
    rows = sql(
        stack,
        """INSERT INTO notifications.deliveries
               (notice_id, recipient_id, channel, status, attempts, next_attempt_at, last_error, created_at, sent_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id""",
        notice_id,
        uuid.UUID(str(recipient)),
        channel,
        status,
        attempts,
        now + due_in,
        error,
        now,
        now if status == "sent" else None,
    )
    return int(rows[0]["id"])


def state(stack: Stack, delivery_id: int) -> asyncpg.Record:
    return sql(stack, "SELECT * FROM notifications.deliveries WHERE id = $1", delivery_id)[0]


@pytest.fixture(scope="module")
def direct(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.url("notifications"), timeout=20) as client:
        yield client


@pytest.fixture(scope="module")
def world(api: httpx.Client, auth: Auth, stack: Stack) -> Iterator[dict[str, Any]]:
    """Deliveries of a directive to Sở Y tế (its officer, on every channel, and a webhook of its hospital), one
    to the commune Việt Trì, and a second directive whose e-mail went out."""
    syt, vietri = agency_by_code(api, auth, "SYT")["id"], agency_by_code(api, auth, "PHUONG_VIET_TRI")["id"]
    hospital = agency_by_code(api, auth, HOSPITAL)["id"]
    people = user_ids(stack, "syt.canbo", "vietri.canbo")
    hook_url = f"http://127.0.0.1:{free_port()}/nhan"  # nothing listens: a real attempt fails at once
    registered = api.post(
        WEBHOOKS,
        json={"agency_id": hospital, "url": hook_url, "event_types": ["indicator.value_accepted"]},
        headers=auth("admin"),
    )
    assert registered.status_code == 201, registered.text
    hook = registered.json()["id"]
    first, second = f"Chỉ đạo kiểm thử {TAG} số một", f"Chỉ đạo kiểm thử {TAG} số hai"
    n1, n2, n3 = notice(stack, syt, first), notice(stack, vietri, first), notice(stack, syt, second)
    officer = people["syt.canbo"]
    ids = {
        "inbox_sent": delivery(stack, n1, officer, "inbox", "sent"),
        "email_dead": delivery(stack, n1, officer, "email", "dead", attempts=6, error="Máy chủ thư từ chối"),
        "digest_pending": delivery(stack, n1, officer, "digest", "pending", attempts=0, due_in=timedelta(days=30)),
        "hook_dead": delivery(stack, n1, hook, "webhook", "dead", attempts=6, error="Máy nhận webhook trả về lỗi 500"),
        "vietri_dead": delivery(stack, n2, people["vietri.canbo"], "email", "dead", attempts=6, error="Hộp thư đầy"),
        "email_sent": delivery(stack, n3, officer, "email", "sent"),
        "hook_skipped": delivery(stack, n3, hook, "webhook", "skipped", error="Không gửi: webhook đã bị tắt"),
    }
    yield {"ids": ids, "hook": hook, "hook_url": hook_url, "hospital": hospital, "titles": (first, second)}
    api.delete(f"{WEBHOOKS}/{hook}", headers=auth("admin"))


def log(api: httpx.Client, auth: Auth, user: str, **params: Any) -> dict[int, dict[str, Any]]:
    """Every page of the caller's log (of directives, the only event these tests write)."""
    found: dict[int, dict[str, Any]] = {}
    cursor = None
    while True:
        query = {"event_type": "task.directive", "limit": 200, **params} | ({"cursor": cursor} if cursor else {})
        response = api.get(DELIVERIES, params=query, headers=auth(user))
        assert response.status_code == 200, response.text
        page = response.json()
        found |= {d["id"]: d for d in page["items"]}
        if not (cursor := page["next_cursor"]):
            return found


def resend(http: httpx.Client, auth: Auth, user: str, delivery_id: int, idem: str | None = None) -> httpx.Response:
    return http.post(
        f"{DELIVERIES}/{delivery_id}/resend", headers=auth(user) | ({"Idempotency-Key": idem} if idem else {})
    )


class TestDeliveryLog:
    def test_administrators_see_each_delivery_with_its_notice_and_recipient(
        self, api: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        ids = world["ids"]
        seen = log(api, auth, "coordinator")
        assert set(ids.values()) <= set(seen)
        email = seen[ids["email_dead"]]
        assert (email["channel"], email["channel_label"]) == ("email", "Thư điện tử")
        assert (email["status"], email["attempts"], email["last_error"]) == ("dead", 6, "Máy chủ thư từ chối")
        assert email["status_label"] and email["sent_at"] is None and email["next_attempt_at"] and email["created_at"]
        assert (email["event_type"], email["event_label"]) == ("task.directive", "Ý kiến chỉ đạo")
        assert email["subject_type"] == "task" and email["subject_id"] and email["title"] == world["titles"][0]
        assert email["recipient"]["kind"] == "user" and email["recipient"]["username"] == "syt.canbo"
        assert email["recipient"]["full_name"] == "Lê Thị Hương (trình diễn)" and email["recipient"]["url"] is None
        hook = seen[ids["hook_dead"]]["recipient"]
        assert hook == {
            "kind": "webhook",
            "id": world["hook"],
            "agency_id": world["hospital"],
            "username": None,
            "full_name": None,
            "url": world["hook_url"],
        }
        assert seen[ids["email_sent"]]["sent_at"] and seen[ids["email_sent"]]["title"] == world["titles"][1]

    def test_newest_first_page_by_page(self, api: httpx.Client, auth: Auth, world: dict[str, Any]) -> None:
        first = api.get(DELIVERIES, params={"limit": 2}, headers=auth("admin")).json()
        assert len(first["items"]) == 2 and first["next_cursor"]
        second = api.get(DELIVERIES, params={"limit": 2, "cursor": first["next_cursor"]}, headers=auth("admin"))
        ids = [d["id"] for d in first["items"] + second.json()["items"]]
        assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids) == 4
        assert list(log(api, auth, "admin")) == sorted(log(api, auth, "admin"), reverse=True)

    def test_filters_by_status_and_channel(self, api: httpx.Client, auth: Auth, world: dict[str, Any]) -> None:
        ids = world["ids"]
        dead_hooks = log(api, auth, "admin", status="dead", channel="webhook")
        assert ids["hook_dead"] in dead_hooks and ids["email_dead"] not in dead_hooks
        assert {(d["status"], d["channel"]) for d in dead_hooks.values()} == {("dead", "webhook")}
        assert not log(api, auth, "admin", event_type="task.khong_co")

    def test_agency_head_sees_what_went_to_its_own_people_and_webhooks(
        self, api: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        ids = world["ids"]
        syt = log(api, auth, "syt.lanhdao")
        assert set(ids.values()) - {ids["vietri_dead"]} <= set(syt) and ids["vietri_dead"] not in syt
        vietri = log(api, auth, "vietri.lanhdao")
        assert ids["vietri_dead"] in vietri and not set(vietri) & (set(ids.values()) - {ids["vietri_dead"]})

    def test_officers_viewers_and_leaders_are_refused_at_the_gateway_and_at_the_service(
        self, api: httpx.Client, direct: httpx.Client, auth: Auth
    ) -> None:
        for http in (api, direct):
            for user in ("syt.canbo", "viewer", "leader"):
                assert_vietnamese_problem(http.get(DELIVERIES, headers=auth(user)), 403)
            assert_vietnamese_problem(http.get(DELIVERIES), 401)

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            ({"status": "lost"}, "status"),
            ({"channel": "sms"}, "channel"),
            ({"cursor": "khong-phai-con-tro"}, "cursor"),
            ({"limit": 0}, "limit"),
            ({"event_type": "x" * 51}, "event_type"),
        ],
    )
    def test_bad_filters_name_the_field(
        self, api: httpx.Client, auth: Auth, params: dict[str, Any], field: str
    ) -> None:
        assert_vietnamese_problem(api.get(DELIVERIES, params=params, headers=auth("admin")), 422, field)


class TestResend:
    def test_what_is_in_the_inbox_or_still_queued_is_not_sent_again(
        self, api: httpx.Client, auth: Auth, stack: Stack, world: dict[str, Any]
    ) -> None:
        ids = world["ids"]
        body = assert_vietnamese_problem(resend(api, auth, "admin", ids["inbox_sent"]), 409)
        assert "hộp thư" in str(body["detail"])
        assert_vietnamese_problem(resend(api, auth, "syt.lanhdao", ids["digest_pending"]), 409)
        assert state(stack, ids["inbox_sent"])["status"] == "sent"
        assert state(stack, ids["digest_pending"])["next_attempt_at"] > datetime.now(UTC) + timedelta(days=29)

    def test_another_agencys_delivery_is_not_found_and_read_only_callers_are_refused(
        self, api: httpx.Client, direct: httpx.Client, auth: Auth, stack: Stack, world: dict[str, Any]
    ) -> None:
        ids = world["ids"]
        for http in (api, direct):
            assert_vietnamese_problem(resend(http, auth, "syt.lanhdao", ids["vietri_dead"], key()), 404)
            assert_vietnamese_problem(resend(http, auth, "vietri.lanhdao", ids["email_dead"], key()), 404)
            for user in ("viewer", "syt.canbo", "vietri.canbo"):
                assert_vietnamese_problem(resend(http, auth, user, ids["vietri_dead"], key()), 403)
        assert_vietnamese_problem(resend(api, auth, "admin", 2**62), 404)
        assert_vietnamese_problem(resend(api, auth, "admin", 0), 422, "delivery_id")
        assert state(stack, ids["vietri_dead"])["status"] == "dead"
        assert state(stack, ids["email_dead"])["status"] == "dead"

    def test_a_failed_email_goes_back_to_the_queue_once_and_is_sent(
        self, api: httpx.Client, auth: Auth, stack: Stack, mailbox: Mailbox, world: dict[str, Any]
    ) -> None:
        delivery_id, title = world["ids"]["email_dead"], world["titles"][0]
        idem = key()
        first = resend(api, auth, "syt.lanhdao", delivery_id, idem)
        assert first.status_code == 200, first.text
        queued = first.json()
        assert (queued["status"], queued["attempts"], queued["last_error"]) == ("pending", 6, "Máy chủ thư từ chối")
        mails = mailbox.wait_for(1, to=SYT_OFFICER_MAIL, where=lambda m: title in body_text(m, "plain"))
        assert len(mails) == 1
        deadline = time.monotonic() + 20
        while state(stack, delivery_id)["status"] != "sent" and time.monotonic() < deadline:
            time.sleep(0.2)
        assert state(stack, delivery_id)["status"] == "sent"

        retried = resend(api, auth, "syt.lanhdao", delivery_id, idem)
        assert retried.status_code == 200 and retried.headers.get(REPLAYED) == "true"
        assert retried.json() == queued
        time.sleep(1.5)
        assert state(stack, delivery_id)["status"] == "sent"
        assert len([m for m in mailbox.messages(SYT_OFFICER_MAIL) if title in body_text(m, "plain")]) == 1

    def test_a_sent_email_and_a_skipped_webhook_may_be_sent_again(
        self, api: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        for name in ("email_sent", "hook_skipped", "hook_dead"):
            response = resend(api, auth, "admin", world["ids"][name], key())
            assert response.status_code == 200, response.text
            assert response.json()["status"] == "pending"
        assert response.json()["attempts"] == 6

    def test_a_deleted_webhook_is_not_sent_to_again(
        self, api: httpx.Client, auth: Auth, stack: Stack, world: dict[str, Any]
    ) -> None:
        registered = api.post(
            WEBHOOKS,
            json={"agency_id": world["hospital"], "url": "http://127.0.0.1:9/cu", "event_types": ["task.directive"]},
            headers=auth("syt.lanhdao"),
        )
        assert registered.status_code == 201, registered.text
        hook = registered.json()["id"]
        notice_id = int(state(stack, world["ids"]["hook_dead"])["notice_id"])
        dead = delivery(stack, notice_id, hook, "webhook", "dead", attempts=6, error="Máy nhận webhook trả về lỗi 500")
        assert api.delete(f"{WEBHOOKS}/{hook}", headers=auth("syt.lanhdao")).status_code == 204
        body = assert_vietnamese_problem(resend(api, auth, "syt.lanhdao", dead), 409)
        assert "webhook" in str(body["detail"]).lower()
        assert state(stack, dead)["status"] == "dead"
