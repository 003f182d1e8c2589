"""What a follower of the tasks feed (the notifications service) learns from the events alone, without reading
the tasks schema: every share with its due date, who gave the task out, the plan's symbol; and events that say
what was decided or said. Own plan, so the seed counts stay untouched."""

from __future__ import annotations

import time
import uuid
from typing import Any

import httpx
import pytest

from tests.gateway.identity_support import Auth, agency_by_code
from tests.tasks.task_support import HEADER, TASKS, events_after, feed_tail, get_json, key, own_plan, task

TAG = uuid.uuid4().hex[:6]
ROWS = (
    f"I,Kiểm thử nội dung sự kiện {TAG},,,,\n"
    f"1,Số hóa hồ sơ bệnh án điện tử {TAG},Sở Y tế,Sở Tài chính,Bệnh án điện tử,Tháng 12/2030\n"
    f"2,Báo cáo tình hình chuyển đổi số ngành y tế {TAG},Sở Y tế,,Báo cáo năm,Trước ngày 15/12 hằng năm\n"
    f"3,Kết nối dữ liệu khám chữa bệnh toàn tỉnh {TAG},Sở Y tế,,Dữ liệu kết nối,Tháng 12/2030\n"
)
CODES = ("SYT", "STC", "SKHCN", "UBND_TINH", "SYT_BVDK_PHU_THO")


@pytest.fixture(scope="module")
def world(client: httpx.Client, auth: Auth) -> dict[str, Any]:
    tail = feed_tail(client, auth("coordinator"))
    plan, tasks = own_plan(client, auth, ROWS, f"Kế hoạch kiểm thử sự kiện {TAG}")
    created = {t["id"]: _events_of(client, auth, tail, t["id"], "task.created")["task.created"] for t in tasks.values()}
    return {
        "plan": plan,
        "tasks": tasks,
        "created": created,
        "agency": {c: agency_by_code(client, auth, c)["id"] for c in CODES},
    }


def _events_of(api: httpx.Client, auth: Auth, after: str | None, subject: str, *wanted: str) -> dict[str, Any]:
    """The events after `after` about one task, by type (the last of each), once the `wanted` types are there:
    the feed shows a transaction only when every older one has ended."""
    deadline = time.monotonic() + 10
    while True:
        found = {
            e["event_type"]: e for e in events_after(api, auth("coordinator"), after) if e["subject_id"] == subject
        }
        if set(wanted) <= found.keys() or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


class TestEveryTaskEvent:
    def test_an_imported_task_names_its_shares_their_due_dates_who_gave_it_out_and_the_plan(
        self, world: dict[str, Any]
    ) -> None:
        agency = world["agency"]
        event = world["created"][world["tasks"]["1"]["id"]]
        payload = event["payload"]

        assert payload["shares"] == [
            {"agency_id": agency["SYT"], "role": "lead", "status": "not_started", "due_on": "2030-12-31"},
            {"agency_id": agency["STC"], "role": "coordinator", "status": "not_started", "due_on": "2030-12-31"},
        ]
        assert payload["assigned_by_agency_id"] == agency["SKHCN"]
        assert payload["plan_symbol"] == world["plan"]["symbol"]
        assert (payload["plan_id"], payload["due_on"], payload["extended"]) == (
            world["plan"]["id"],
            "2030-12-31",
            False,
        )
        assert {agency["SYT"], agency["STC"], agency["SKHCN"]} <= set(event["agency_ids"])

    def test_a_yearly_share_is_due_at_the_end_of_its_period_and_moves_on_when_reported(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        task_id = world["tasks"]["2"]["id"]
        created = world["created"][task_id]["payload"]
        (lead,) = created["shares"]
        assert created["deadline_kind"] == "recurring"
        assert lead["due_on"] is not None and lead["due_on"] == created["due_on"]
        tail = feed_tail(client, auth("coordinator"))

        reported = client.post(f"{TASKS}/{task_id}/progress", json={"percent": 30}, headers=auth("syt.canbo"))

        assert reported.status_code == 201, reported.text
        progress = _events_of(client, auth, tail, task_id, "task.progress")["task.progress"]["payload"]
        (moved,) = progress["shares"]
        assert (moved["agency_id"], moved["status"]) == (world["agency"]["SYT"], "in_progress")
        assert moved["due_on"] > lead["due_on"] and progress["due_on"] == moved["due_on"]

    def test_a_cascaded_task_is_given_out_by_the_agency_that_cascaded_it_from_its_first_event(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        agency = world["agency"]
        tail = feed_tail(client, auth("coordinator"))

        child = client.post(
            f"{TASKS}/{world['tasks']['1']['id']}/children",
            json={
                "title": f"Bệnh viện triển khai bệnh án điện tử {TAG}",
                "lead_agency_ids": [agency["SYT_BVDK_PHU_THO"]],
            },
            headers=auth("syt.lanhdao") | {"Idempotency-Key": key()},
        )

        assert child.status_code == 201, child.text
        events = _events_of(client, auth, tail, child.json()["id"], "task.created", "task.cascaded")
        assert set(events) == {"task.created", "task.cascaded"}
        for event in events.values():
            assert event["payload"]["assigned_by_agency_id"] == agency["SYT"]
            assert event["payload"]["shares"] == [
                {
                    "agency_id": agency["SYT_BVDK_PHU_THO"],
                    "role": "lead",
                    "status": "not_started",
                    "due_on": "2030-12-31",
                }
            ]
        assert events["task.cascaded"]["payload"]["from_agency_id"] == agency["SYT"]

    def test_a_reimport_that_adds_a_coordinator_names_it_in_the_update(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        task_id = world["tasks"]["3"]["id"]
        changed = ROWS.replace(
            f"{TAG},Sở Y tế,,Dữ liệu kết nối", f"{TAG},Sở Y tế,Sở Khoa học và Công nghệ,Dữ liệu kết nối"
        )
        tail = feed_tail(client, auth("coordinator"))

        imported = client.post(
            f"{TASKS}/plans/{world['plan']['id']}/imports",
            params={"dry_run": "false"},
            files={"file": ("nhiem-vu.csv", (HEADER + changed).encode(), "text/csv")},
            headers=auth("coordinator"),
        )

        assert imported.status_code == 200 and imported.json()["updated"] == 1, imported.text
        update = _events_of(client, auth, tail, task_id, "task.updated")["task.updated"]["payload"]
        assert update["changed"] == ["import"]
        assert [(s["agency_id"], s["role"]) for s in update["shares"]] == [
            (world["agency"]["SYT"], "lead"),
            (world["agency"]["SKHCN"], "coordinator"),
        ]


class TestDecisionsAndWords:
    def test_an_extension_decision_says_the_date_asked_for_the_note_and_who_asked(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        task_id = world["tasks"]["3"]["id"]
        url = f"{TASKS}/{task_id}/extensions"
        asked = client.post(
            url,
            json={"proposed_due": "2031-06-30", "reason": "Chờ nâng cấp hạ tầng mạng"},
            headers=auth("syt.lanhdao") | {"Idempotency-Key": key()},
        )
        assert asked.status_code == 201, asked.text
        tail = feed_tail(client, auth("coordinator"))

        decided = client.post(
            f"{url}/{asked.json()['id']}/decision",
            json={"decision": "approve", "note": "Đồng ý gia hạn đến hết tháng 6/2031"},
            headers=auth("coordinator") | {"Idempotency-Key": key()},
        )

        assert decided.status_code == 200, decided.text
        payload = _events_of(client, auth, tail, task_id, "task.extension_decided")["task.extension_decided"]["payload"]
        assert payload["extension_id"] == asked.json()["id"]
        assert (payload["approved"], payload["agency_id"]) == (True, world["agency"]["SYT"])
        assert (payload["proposed_due"], payload["note"]) == ("2031-06-30", "Đồng ý gia hạn đến hết tháng 6/2031")
        assert (payload["extended"], payload["due_on"]) == (True, "2031-06-30")
        lead = next(s for s in payload["shares"] if s["role"] == "lead")
        assert (lead["agency_id"], lead["due_on"]) == (world["agency"]["SYT"], "2031-06-30")

    def test_a_directive_carries_its_kind_its_words_its_author_and_its_addressee(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        task_id = world["tasks"]["1"]["id"]
        body = "Đề nghị Sở Y tế khẩn trương hoàn thành bệnh án điện tử tại tất cả bệnh viện tuyến tỉnh. " * 6
        tail = feed_tail(client, auth("coordinator"))

        said = client.post(
            f"{TASKS}/{task_id}/comments",
            json={"kind": "directive", "body": body, "addressed_agency_id": world["agency"]["SYT"]},
            headers=auth("leader") | {"Idempotency-Key": key()},
        )
        commented = client.post(
            f"{TASKS}/{task_id}/comments", json={"body": "Đã giao phòng chuyên môn"}, headers=auth("syt.canbo")
        )

        assert said.status_code == 201 and commented.status_code == 201, said.text + commented.text
        events = _events_of(client, auth, tail, task_id, "task.directive", "task.commented")
        directive = events["task.directive"]["payload"]
        assert (directive["kind"], directive["comment_id"]) == ("directive", said.json()["id"])
        assert len(body) > 300 and directive["body"] == body.strip()[:300]
        assert directive["author_agency_id"] == world["agency"]["UBND_TINH"]
        assert directive["addressed_agency_id"] == world["agency"]["SYT"]
        comment = events["task.commented"]["payload"]
        assert (comment["kind"], comment["body"], comment["addressed_agency_id"]) == (
            "comment",
            "Đã giao phòng chuyên môn",
            None,
        )
        assert comment["author_agency_id"] == world["agency"]["SYT"]


def test_the_last_event_of_each_seed_task_names_the_shares_it_has_now(client: httpx.Client, auth: Auth) -> None:
    coordinator = auth("coordinator")
    plans = get_json(client, f"{TASKS}/plans", coordinator, limit=200)["items"]
    plan = next(p for p in plans if p["key"] == "7316-KH-UBND")
    last: dict[str, dict[str, Any]] = {}
    for event in events_after(client, coordinator, None):
        if event["subject_type"] == "task":
            last[event["subject_id"]] = event["payload"]
    sample = get_json(client, TASKS, coordinator, plan_id=plan["id"], limit=25)["items"]
    assert len(sample) == 25

    for item in sample:
        payload, detail = last[item["id"]], task(client, auth, item["id"])
        assert payload["plan_symbol"] == plan["symbol"] == "7316/KH-UBND"
        assert payload["assigned_by_agency_id"] == detail["assigned_by_agency_id"]
        named = sorted((s["agency_id"], s["role"], s["status"]) for s in payload["shares"])
        assert named == sorted((a["agency_id"], a["role"], a["status"]) for a in detail["assignments"]), item["number"]
