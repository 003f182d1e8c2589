"""Through the real processes: the tasks service publishes, the notifications worker follows the feed through the
gateway, computes reminders on the province's working days and delivers them to the inbox and to a real SMTP
server; the inbox answers through the gateway and streams new items live."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta
from email.message import EmailMessage
from typing import Any

import httpx
import pytest
from notifications.calendar.workdays import WorkCalendar
from notifications.clock import Clock
from tiendo.stack import Stack, service_secret

from tests.conftest import assert_problem
from tests.gateway.identity_support import Auth
from tests.mailbox import Mailbox, body_text
from tests.tasks.task_support import TASKS, own_plan

INBOX = "/api/v1/notifications/inbox"
OFFICER = "vietri.canbo"
OFFICER_MAIL = "vietri.canbo@demo.tiendo.vn"
TAG = f"e2e-{int(time.time())}"


def worker_today(stack: Stack) -> date:
    shift = float(stack.extra_env.get("NOTIFICATIONS_CLOCK_SHIFT_SECONDS", "0"))
    return Clock(timedelta(seconds=shift)).today()


def vn(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def inbox(api: httpx.Client, auth: Auth, user: str, **params: Any) -> list[dict[str, Any]]:
    response = api.get(INBOX, params={"limit": 200, **params}, headers=auth(user))
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def wait_until(check: Callable[[], Any], timeout: float = 40.0, every: float = 0.3) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found or time.monotonic() > deadline:
            return found
        time.sleep(every)


def about(items: list[dict[str, Any]], task_id: str, event_type: str) -> list[dict[str, Any]]:
    return [i for i in items if i["subject_id"] == task_id and i["event_type"] == event_type]


@pytest.fixture(scope="module")
def commune_task(api: httpx.Client, auth: Auth, stack: Stack) -> dict[str, Any]:
    """A task of the commune Việt Trì due 10 working days after the worker's today: no reminder is due yet."""
    due = WorkCalendar().add_working_days(worker_today(stack), 10)
    rows = f"I,Nhắc hạn {TAG},,,,\n1,Số hoá sổ hộ tịch của phường {TAG},Phường Việt Trì,,Sổ số hoá,Ngày {vn(due)}\n"
    _plan, tasks = own_plan(api, auth, rows, f"Kế hoạch thử nhắc hạn {TAG}")
    return tasks["1"]


class TestDeadlineReminders:
    def test_the_commune_hears_of_its_new_task(
        self, api: httpx.Client, auth: Auth, commune_task: dict[str, Any]
    ) -> None:
        items = wait_until(lambda: about(inbox(api, auth, OFFICER), commune_task["id"], "task.assigned"))
        assert len(items) == 1, items
        assert commune_task["title"] in items[0]["title"] + items[0]["summary"]
        assert items[0]["link"] == f"/tasks/{commune_task['id']}"

    def test_deadline_moved_into_the_3_day_window_gives_one_inbox_item_and_one_email(
        self, api: httpx.Client, auth: Auth, stack: Stack, mailbox: Mailbox, commune_task: dict[str, Any]
    ) -> None:
        task_url = f"{TASKS}/{commune_task['id']}"
        due = WorkCalendar().add_working_days(worker_today(stack), 3)
        current = api.get(task_url, headers=auth("coordinator"))
        moved = api.patch(
            task_url,
            json={"deadline_text": f"Ngày {vn(due)}", "reason": "Đẩy nhanh theo chỉ đạo"},
            headers=auth("coordinator") | {"If-Match": current.headers["ETag"]},
        )
        assert moved.status_code == 200, moved.text

        items = wait_until(lambda: about(inbox(api, auth, OFFICER), commune_task["id"], "task.due_soon"))

        def reminder(mail: EmailMessage) -> bool:
            return "sắp đến hạn" in str(mail["Subject"]).lower() and commune_task["title"] in body_text(mail, "plain")

        mails = mailbox.wait_for(1, to=OFFICER_MAIL, where=reminder)

        assert len(items) == 1, items
        assert vn(due) in items[0]["summary"] + items[0]["title"]
        assert len(mails) == 1
        assert "3 ngày làm việc" in body_text(mails[0], "plain"), body_text(mails[0], "plain")
        assert commune_task["title"] in body_text(mails[0], "html")
        # The worker keeps running its rounds: nothing is sent a second time.
        time.sleep(4)
        assert len(about(inbox(api, auth, OFFICER), commune_task["id"], "task.due_soon")) == 1
        assert len([m for m in mailbox.messages(OFFICER_MAIL) if reminder(m)]) == 1

    def test_an_approved_extension_moves_the_reminder_schedule(
        self, api: httpx.Client, auth: Auth, stack: Stack, commune_task: dict[str, Any]
    ) -> None:
        calendar = WorkCalendar()
        new_due = calendar.add_working_days(worker_today(stack), 15)
        url = f"{TASKS}/{commune_task['id']}/extensions"
        asked = api.post(
            url, json={"proposed_due": new_due.isoformat(), "reason": "Chờ phần mềm"}, headers=auth("vietri.lanhdao")
        )
        assert asked.status_code == 201, asked.text
        decided = api.post(
            f"{url}/{asked.json()['id']}/decision",
            json={"decision": "approve", "note": "Đồng ý gia hạn"},
            headers=auth("coordinator"),
        )
        assert decided.status_code == 200, decided.text

        def schedule() -> list[dict[str, Any]]:
            response = api.get(f"/api/v1/notifications/tasks/{commune_task['id']}/reminders", headers=auth(OFFICER))
            assert response.status_code == 200, response.text
            found: list[dict[str, Any]] = response.json()
            return found if found and found[0]["due_on"] == new_due.isoformat() else []

        upcoming = wait_until(schedule)
        assert upcoming, "the reminder schedule never followed the new date"
        assert [r["offset"] for r in upcoming[:4]] == [7, 3, 1, 0]
        assert upcoming[0]["day"] == calendar.add_working_days(new_due, -7).isoformat()
        decision = wait_until(lambda: about(inbox(api, auth, OFFICER), commune_task["id"], "task.extension_decided"))
        assert len(decision) == 1 and "gia hạn" in decision[0]["title"].lower()


class TestInbox:
    def test_a_directive_arrives_on_the_live_stream_through_the_gateway(
        self, api: httpx.Client, auth: Auth, stack: Stack, commune_task: dict[str, Any]
    ) -> None:
        received: list[dict[str, Any]] = []
        opened = threading.Event()

        def listen() -> None:
            with (
                httpx.Client(base_url=stack.url("gateway"), timeout=30) as client,
                client.stream("GET", f"{INBOX}/stream", headers=auth(OFFICER)) as response,
            ):
                assert response.status_code == 200
                event = ""
                for line in response.iter_lines():
                    if line.startswith("event:"):
                        event = line.removeprefix("event:").strip()
                        opened.set()
                    elif line.startswith("data:") and event == "inbox":
                        body = json.loads(line.removeprefix("data:"))
                        if body["item"] and body["item"]["subject_id"] == commune_task["id"]:
                            received.append(body)
                            if body["item"]["event_type"] == "task.directive":
                                return

        listener = threading.Thread(target=listen, daemon=True)
        listener.start()
        assert opened.wait(10)
        detail = api.get(f"{TASKS}/{commune_task['id']}", headers=auth("coordinator")).json()
        commune = detail["assignments"][0]
        posted = api.post(
            f"{TASKS}/{commune_task['id']}/comments",
            json={
                "kind": "directive",
                "body": "Hoàn thành trước hạn để báo cáo tỉnh",
                "addressed_agency_id": commune["agency_id"],
            },
            headers=auth("leader"),
        )
        assert posted.status_code == 201, posted.text
        listener.join(40)
        assert received and received[-1]["item"]["event_type"] == "task.directive"
        assert received[-1]["unread"] >= 1
        assert received[-1]["item"]["urgent"] is True

    def test_read_one_then_all(self, api: httpx.Client, auth: Auth, commune_task: dict[str, Any]) -> None:
        unread = api.get(f"{INBOX}/unread-count", headers=auth(OFFICER)).json()["unread"]
        assert unread >= 1
        first = inbox(api, auth, OFFICER, unread="true")[0]
        marked = api.post(f"{INBOX}/{first['id']}/read", headers=auth(OFFICER))
        assert marked.status_code == 200 and marked.json()["read_at"]
        assert api.get(f"{INBOX}/unread-count", headers=auth(OFFICER)).json()["unread"] == unread - 1
        everything = api.post(f"{INBOX}/read-all", headers=auth(OFFICER))
        assert everything.json()["marked"] == unread - 1
        assert api.get(f"{INBOX}/unread-count", headers=auth(OFFICER)).json()["unread"] == 0

    def test_someone_elses_item_is_not_found_through_the_gateway_and_at_the_service(
        self, api: httpx.Client, auth: Auth, stack: Stack
    ) -> None:
        theirs = inbox(api, auth, OFFICER)[0]
        for base in (stack.url("gateway"), stack.url("notifications")):
            response = httpx.post(f"{base}{INBOX}/{theirs['id']}/read", headers=auth("syt.canbo"), timeout=10)
            assert response.status_code == 404, response.text
            assert response.headers["content-type"].startswith("application/problem+json")
        assert all(i["id"] != theirs["id"] for i in inbox(api, auth, "syt.canbo"))


class TestPreferences:
    URL = "/api/v1/notifications/preferences"

    def test_email_turned_off_for_comments_keeps_the_inbox_item_and_sends_no_email(
        self, api: httpx.Client, auth: Auth, mailbox: Mailbox, commune_task: dict[str, Any]
    ) -> None:
        chosen = api.put(
            self.URL,
            json={"digest": False, "events": [{"event_type": "task.commented", "inbox": True, "email": False}]},
            headers=auth(OFFICER),
        )
        assert chosen.status_code == 200, chosen.text
        shown = {e["event_type"]: e for e in chosen.json()["events"]}
        assert (shown["task.commented"]["inbox"], shown["task.commented"]["email"]) == (True, False)
        assert shown["task.commented"]["label"] and shown["task.due_soon"]["email"] is True
        detail = api.get(f"{TASKS}/{commune_task['id']}", headers=auth("coordinator")).json()
        body = f"Đề nghị bổ sung số liệu {TAG}"
        posted = api.post(
            f"{TASKS}/{commune_task['id']}/comments",
            json={"kind": "comment", "body": body, "addressed_agency_id": detail["assignments"][0]["agency_id"]},
            headers=auth("coordinator"),
        )
        assert posted.status_code == 201, posted.text

        items = wait_until(lambda: about(inbox(api, auth, OFFICER), commune_task["id"], "task.commented"))
        assert len(items) == 1 and body in items[0]["summary"] + items[0]["title"]
        # The manager of the commune kept e-mail on: their copy proves the e-mail went out for the others.
        assert mailbox.wait_for(1, to="vietri.lanhdao@demo.tiendo.vn", where=lambda m: body in body_text(m, "plain"))
        assert not [m for m in mailbox.messages(OFFICER_MAIL) if body in body_text(m, "plain")]

    def test_an_unknown_event_is_refused_naming_the_field(self, api: httpx.Client, auth: Auth) -> None:
        response = api.put(
            self.URL, json={"digest": True, "events": [{"event_type": "task.nonsense"}]}, headers=auth(OFFICER)
        )
        assert_problem(response, 422, "events")
        assert api.get(self.URL, headers=auth(OFFICER)).json()["digest"] is False  # nothing half-written

    def test_an_integration_client_has_no_preferences_even_at_the_service(self, stack: Stack, auth: Auth) -> None:
        token = httpx.post(
            stack.url("gateway") + "/api/v1/auth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": "svc-notifications",
                "client_secret": service_secret(stack.key_dir),
            },
            timeout=10,
        ).json()["access_token"]
        response = httpx.get(stack.url("notifications") + self.URL, headers={"Authorization": f"Bearer {token}"})
        assert_problem(response, 403)


class TestReminderSchedule:
    def test_another_agency_cannot_see_the_schedule_through_the_gateway_or_at_the_service(
        self, auth: Auth, stack: Stack, commune_task: dict[str, Any]
    ) -> None:
        path = f"/api/v1/notifications/tasks/{commune_task['id']}/reminders"
        for base in (stack.url("gateway"), stack.url("notifications")):
            assert_problem(httpx.get(base + path, headers=auth("syt.canbo"), timeout=10), 404)
            assert httpx.get(base + path, headers=auth("coordinator"), timeout=10).status_code == 200


class TestAssignments:
    def test_a_plan_import_tells_the_commune_what_it_leads_apart_from_what_it_supports(
        self, api: httpx.Client, auth: Auth
    ) -> None:
        rows = (
            f"I,Phân công {TAG},,,,\n"
            f"1,Rà soát thủ tục hành chính của phường {TAG},Phường Việt Trì,,Danh mục,Năm 2027\n"
            f"2,Khám sức khỏe định kỳ cho người cao tuổi {TAG},Sở Y tế,Phường Việt Trì,Báo cáo,Năm 2027\n"
            f"3,Số hóa hồ sơ đất đai của phường {TAG},Phường Việt Trì,,Cơ sở dữ liệu,Năm 2027\n"
        )
        _plan, tasks = own_plan(api, auth, rows, f"Kế hoạch phân công {TAG}")

        def assigned() -> list[dict[str, Any]]:
            mine = [i for i in inbox(api, auth, OFFICER) if i["event_type"] == "task.assigned" and TAG in i["summary"]]
            supports = [i for i in mine if "phối hợp" in i["summary"]]
            leads = [i for i in mine if "chủ trì" in i["summary"]]
            return mine if supports and leads else []

        items = wait_until(assigned)
        supports = [i for i in items if "phối hợp" in i["summary"]]
        assert len(supports) == 1 and tasks["2"]["title"] in supports[0]["summary"], items
        assert all(tasks["2"]["title"] not in i["summary"] for i in items if "chủ trì" in i["summary"]), items
