"""Writes on tasks as clients really send them: `If-Match` on edits, requests racing each other, retries with an
`Idempotency-Key`, children rolling up into their parent, and the change feed. Own plan, so the seed counts stay
untouched."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from tiendo.stack import Stack

from tests.gateway.identity_support import Auth, agency_by_code, assert_vietnamese_problem
from tests.tasks.task_support import (
    HEADER,
    REPLAYED,
    TASKS,
    all_at_once,
    events_after,
    feed_tail,
    get_json,
    key,
    own_plan,
    share,
    task,
    wait_for_events,
)

TAG = uuid.uuid4().hex[:6]
ROWS = (
    f"I,Kiểm thử đồng thời {TAG},,,,\n"
    f"1,Chuẩn hóa danh mục dùng chung ngành y tế {TAG},Sở Y tế,,Danh mục dùng chung,Tháng 12/2030\n"
    f'2,Liên thông hồ sơ sức khỏe điện tử với phường {TAG},"Sở Y tế; Phường Việt Trì",,Hồ sơ liên thông,'
    "Tháng 12/2030\n"
    f"3,Triển khai đơn thuốc điện tử tại trạm y tế {TAG},Sở Y tế,,Đơn thuốc điện tử,Tháng 12/2030\n"
    f"4,Số hóa sổ khám bệnh tại các cơ sở y tế {TAG},Sở Y tế,,Sổ khám bệnh điện tử,Tháng 12/2030\n"
    f"5,Công khai dữ liệu giá dịch vụ khám chữa bệnh {TAG},Sở Y tế,,Dữ liệu mở,Tháng 12/2030\n"
    f"6,Xây dựng bản đồ số mạng lưới cơ sở y tế {TAG},Sở Y tế,,Bản đồ số,Tháng 12/2030\n"
    f"7,Số hóa hồ sơ tiêm chủng mở rộng tại các phường {TAG},Sở Y tế,,Hồ sơ tiêm chủng,Tháng 12/2030\n"
)
ROUNDS = 3
EVIDENCE = [{"kind": "document", "document_number": "15/BC-KT", "document_date": "2026-11-20"}]


@pytest.fixture(scope="module")
def world(client: httpx.Client, auth: Auth) -> dict[str, Any]:
    plan, tasks = own_plan(client, auth, ROWS, f"Kế hoạch kiểm thử đồng thời {TAG}")
    codes = ("SYT", "PHUONG_VIET_TRI", "SYT_BVDK_PHU_THO", "SYT_BVDK_VINH_PHUC")
    return {"plan": plan, "tasks": tasks, "agency": {c: agency_by_code(client, auth, c)["id"] for c in codes}}


def _count(api: httpx.Client, auth: Auth, task_id: str, part: str) -> int:
    return len(get_json(api, f"{TASKS}/{task_id}/{part}", auth("coordinator")))


class TestIfMatch:
    def test_a_task_edit_needs_the_current_etag(self, client: httpx.Client, auth: Auth, world: dict[str, Any]) -> None:
        url = f"{TASKS}/{world['tasks']['1']['id']}"
        loaded = client.get(url, headers=auth("coordinator"))
        etag, version = loaded.headers["ETag"], loaded.json()["version"]
        edit = {"responsible_person": "Trần Văn Bình"}
        assert_vietnamese_problem(client.patch(url, json=edit, headers=auth("coordinator")), 428)
        stale = auth("coordinator") | {"If-Match": f'"{version - 1}"'}
        assert_vietnamese_problem(client.patch(url, json=edit, headers=stale), 412)
        assert task(client, auth, world["tasks"]["1"]["id"])["responsible_person"] == ""

        saved = client.patch(url, json=edit, headers=auth("coordinator") | {"If-Match": etag})

        assert saved.status_code == 200, saved.text
        assert saved.json()["responsible_person"] == "Trần Văn Bình"
        assert saved.json()["version"] == version + 1 and saved.headers["ETag"] == f'"{version + 1}"'
        again = {"responsible_person": "Lê Thị Hoa"}
        assert_vietnamese_problem(client.patch(url, json=again, headers=auth("coordinator") | {"If-Match": etag}), 412)
        weak = auth("coordinator") | {"If-Match": f"W/{saved.headers['ETag']}"}
        assert client.patch(url, json=again, headers=weak).status_code == 200
        history = get_json(client, f"{url}/history", auth("coordinator"))
        edits = [h["changes"]["responsible_person"] for h in history if h["action"] == "task.update"]
        assert edits == [["", "Trần Văn Bình"], ["Trần Văn Bình", "Lê Thị Hoa"]]

    def test_a_refused_editor_hears_it_is_not_allowed_whatever_etag_it_sends(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        url = f"{TASKS}/{world['tasks']['1']['id']}"
        for headers in ({}, {"If-Match": '"0"'}):
            refused = client.patch(url, json={"title": "Tên do đơn vị tự sửa"}, headers=auth("syt.canbo") | headers)
            assert_vietnamese_problem(refused, 403)
            cancel = client.post(
                f"{url}/cancel", json={"reason": "Đơn vị tự hủy"}, headers=auth("syt.lanhdao") | headers
            )
            assert_vietnamese_problem(cancel, 403)

    def test_concurrent_edits_with_one_etag_give_one_success_and_the_rest_precondition_failed(
        self, client: httpx.Client, auth: Auth, stack: Stack, world: dict[str, Any]
    ) -> None:
        url = f"{TASKS}/{world['tasks']['1']['id']}"
        for round_ in range(ROUNDS):
            etag = client.get(url, headers=auth("coordinator")).headers["ETag"]
            headers = auth("coordinator") | {"If-Match": etag}

            def edit(c: httpx.Client, i: int, r: int = round_, h: dict[str, str] = headers) -> httpx.Response:
                return c.patch(url, json={"responsible_person": f"Người {r}.{i}"}, headers=h)

            answers = all_at_once(stack, 4, edit)

            assert sorted(r.status_code for r in answers) == [200, 412, 412, 412], [r.text for r in answers]
            winner = next(r.json() for r in answers if r.status_code == 200)
            assert task(client, auth, winner["id"])["responsible_person"] == winner["responsible_person"]

    def test_a_plan_edit_needs_the_current_etag_even_when_edits_race(
        self, client: httpx.Client, auth: Auth, stack: Stack, world: dict[str, Any]
    ) -> None:
        url = f"{TASKS}/plans/{world['plan']['id']}"
        loaded = client.get(url, headers=auth("coordinator"))
        etag, version = loaded.headers["ETag"], loaded.json()["version"]
        edit = {"issued_text": "ngày 01/12/2026"}
        assert_vietnamese_problem(client.patch(url, json=edit, headers=auth("coordinator")), 428)
        assert_vietnamese_problem(client.patch(url, json=edit, headers=auth("coordinator") | {"If-Match": '"0"'}), 412)
        assert get_json(client, url, auth("coordinator"))["version"] == version
        saved = client.patch(url, json=edit, headers=auth("coordinator") | {"If-Match": etag})
        assert saved.status_code == 200, saved.text
        assert (saved.json()["issued_text"], saved.headers["ETag"]) == ("ngày 01/12/2026", f'"{version + 1}"')
        for round_ in range(ROUNDS):
            headers = auth("coordinator") | {"If-Match": client.get(url, headers=auth("coordinator")).headers["ETag"]}

            def reissue(c: httpx.Client, i: int, r: int = round_, h: dict[str, str] = headers) -> httpx.Response:
                return c.patch(url, json={"issued_text": f"bản {r}.{i}"}, headers=h)

            answers = all_at_once(stack, 4, reissue)

            assert sorted(r.status_code for r in answers) == [200, 412, 412, 412], [r.text for r in answers]


class TestRacingWrites:
    def test_two_agencies_reporting_at_once_are_both_recorded_and_rolled_up(
        self, client: httpx.Client, auth: Auth, stack: Stack, world: dict[str, Any]
    ) -> None:
        t = world["tasks"]["2"]
        url = f"{TASKS}/{t['id']}/progress"
        users = ("syt.canbo", "vietri.canbo")
        for health, commune in ((20, 40), (30, 60), (50, 70)):

            def report(c: httpx.Client, i: int, p: tuple[int, int] = (health, commune)) -> httpx.Response:
                return c.post(url, json={"percent": p[i]}, headers=auth(users[i]))

            answers = all_at_once(stack, 2, report)

            assert [r.status_code for r in answers] == [201, 201], [r.text for r in answers]
            detail = task(client, auth, t["id"])
            assert share(detail, world["agency"]["SYT"])["percent"] == health
            assert share(detail, world["agency"]["PHUONG_VIET_TRI"])["percent"] == commune
            assert detail["percent"] == round((health + commune) / 2)
        assert _count(client, auth, t["id"], "progress") == 2 * 3

    def test_extension_requests_racing_leave_one_pending_and_conflicts(
        self, client: httpx.Client, auth: Auth, stack: Stack, world: dict[str, Any]
    ) -> None:
        url = f"{TASKS}/{world['tasks']['6']['id']}/extensions"

        answers = all_at_once(
            stack,
            3,
            lambda c, i: c.post(
                url, json={"proposed_due": f"2031-0{i + 1}-15", "reason": "Chờ kinh phí"}, headers=auth("syt.lanhdao")
            ),
        )

        assert sorted(r.status_code for r in answers) == [201, 409, 409], [r.text for r in answers]
        for refused in (r for r in answers if r.status_code == 409):
            assert_vietnamese_problem(refused, 409)
        assert [e["state"] for e in get_json(client, url, auth("coordinator"))] == ["pending"]

    def test_importing_one_file_twice_at_once_creates_its_tasks_once(
        self, client: httpx.Client, auth: Auth, stack: Stack
    ) -> None:
        plan, tasks = own_plan(client, auth, "", f"Kế hoạch nhập đồng thời {TAG}")
        assert tasks == {}
        rows = f"I,Nhập đồng thời {TAG},,,,\n1,Nhiệm vụ nhập đồng thời một {TAG},Sở Y tế,,Báo cáo,Năm 2030\n"
        rows += f"2,Nhiệm vụ nhập đồng thời hai {TAG},Sở Y tế,,Báo cáo,Năm 2030\n"
        url = f"{TASKS}/plans/{plan['id']}/imports"

        answers = all_at_once(
            stack,
            3,
            lambda c, i: c.post(
                url,
                params={"dry_run": "false"},
                files={"file": ("nhiem-vu.csv", (HEADER + rows).encode(), "text/csv")},
                headers=auth("coordinator"),
            ),
        )

        assert [r.status_code for r in answers] == [200, 200, 200], [r.text for r in answers]
        assert sorted(r.json()["created"] for r in answers) == [0, 0, 2]
        listed = get_json(client, TASKS, auth("coordinator"), plan_id=plan["id"])["items"]
        assert sorted(t["number"] for t in listed) == ["1", "2"]
        assert len(get_json(client, f"{TASKS}/plans/{plan['id']}/sections", auth("coordinator"))) == 1


class TestIdempotencyKey:
    @pytest.fixture
    def writes(self, world: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any], dict[str, Any], str]]:
        """endpoint → (user, path, body, another body, the list that must grow by one)."""
        t = world["tasks"]["3"]["id"]
        hospital = world["agency"]["SYT_BVDK_PHU_THO"]
        return {
            "progress": ("syt.canbo", f"{TASKS}/{t}/progress", {"percent": 15}, {"percent": 16}, "progress"),
            "comments": ("syt.canbo", f"{TASKS}/{t}/comments", {"body": "Đã họp"}, {"body": "Đã họp lại"}, "comments"),
            "extensions": (
                "syt.lanhdao",
                f"{TASKS}/{t}/extensions",
                {"proposed_due": "2031-09-30", "reason": "Chờ thiết bị"},
                {"proposed_due": "2031-10-31", "reason": "Chờ thiết bị"},
                "extensions",
            ),
            "children": (
                "syt.lanhdao",
                f"{TASKS}/{t}/children",
                {"title": "Bệnh viện kê đơn điện tử", "lead_agency_ids": [hospital]},
                {"title": "Bệnh viện kê đơn điện tử ngoại trú", "lead_agency_ids": [hospital]},
                "children",
            ),
        }

    def _size(self, api: httpx.Client, auth: Auth, task_id: str, part: str) -> int:
        if part == "children":
            return len(task(api, auth, task_id)["children"])
        return _count(api, auth, task_id, part)

    @pytest.mark.parametrize("endpoint", ["progress", "comments", "extensions", "children"])
    def test_a_retry_with_the_same_key_replays_the_first_answer_and_writes_once(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any], writes: dict[str, Any], endpoint: str
    ) -> None:
        user, path, body, other, part = writes[endpoint]
        task_id = world["tasks"]["3"]["id"]
        before, history = self._size(client, auth, task_id, part), _count(client, auth, task_id, "history")
        headers = auth(user) | {"Idempotency-Key": key()}

        first = client.post(path, json=body, headers=headers)
        second = client.post(path, json=body, headers=headers)

        assert first.status_code == 201 and REPLAYED not in first.headers, first.text
        assert second.status_code == 201 and second.headers[REPLAYED] == "true", second.text
        assert second.json() == first.json()
        assert self._size(client, auth, task_id, part) == before + 1
        assert _count(client, auth, task_id, "history") == history + 1

        reused = client.post(path, json=other, headers=headers)

        assert_vietnamese_problem(reused, 422, "Idempotency-Key")
        assert self._size(client, auth, task_id, part) == before + 1
        if endpoint == "extensions":  # leave the task free for the next request
            decided = client.post(
                f"{path}/{first.json()['id']}/decision",
                json={"decision": "refuse", "note": "Chưa đủ căn cứ"},
                headers=auth("coordinator"),
            )
            assert decided.status_code == 200, decided.text

    def test_a_key_used_on_one_task_is_refused_on_another(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        headers = auth("syt.canbo") | {"Idempotency-Key": key()}
        body = {"body": "Cùng một ý kiến"}
        first = client.post(f"{TASKS}/{world['tasks']['3']['id']}/comments", json=body, headers=headers)
        assert first.status_code == 201, first.text
        elsewhere = world["tasks"]["4"]["id"]
        assert_vietnamese_problem(client.post(f"{TASKS}/{elsewhere}/comments", json=body, headers=headers), 422)
        assert _count(client, auth, elsewhere, "comments") == 0

    def test_keys_belong_to_their_caller(self, client: httpx.Client, auth: Auth, world: dict[str, Any]) -> None:
        url = f"{TASKS}/{world['tasks']['3']['id']}/comments"
        shared, body = key(), {"body": "Ý kiến trùng khóa"}
        for user in ("syt.canbo", "syt.lanhdao"):
            answer = client.post(url, json=body, headers=auth(user) | {"Idempotency-Key": shared})
            assert answer.status_code == 201 and REPLAYED not in answer.headers, answer.text
            assert answer.json()["author"] == user

    def test_a_refused_request_does_not_use_up_its_key(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        task_id = world["tasks"]["3"]["id"]
        headers = auth("syt.canbo") | {"Idempotency-Key": key()}
        before = _count(client, auth, task_id, "progress")
        url = f"{TASKS}/{task_id}/progress"
        assert_vietnamese_problem(
            client.post(url, json={"percent": 100, "submit": True}, headers=headers), 422, "evidence"
        )

        fixed = client.post(url, json={"percent": 40}, headers=headers)

        assert fixed.status_code == 201 and REPLAYED not in fixed.headers, fixed.text
        assert _count(client, auth, task_id, "progress") == before + 1

    def test_concurrent_retries_with_one_key_record_one_report(
        self, client: httpx.Client, auth: Auth, stack: Stack, world: dict[str, Any]
    ) -> None:
        task_id = world["tasks"]["3"]["id"]
        before = _count(client, auth, task_id, "progress")
        headers = auth("syt.canbo") | {"Idempotency-Key": key()}

        answers = all_at_once(
            stack, 4, lambda c, i: c.post(f"{TASKS}/{task_id}/progress", json={"percent": 45}, headers=headers)
        )

        assert [r.status_code for r in answers] == [201] * 4, [r.text for r in answers]
        assert sum(REPLAYED not in r.headers for r in answers) == 1
        assert all(r.json() == answers[0].json() for r in answers)
        assert _count(client, auth, task_id, "progress") == before + 1


class TestRollUp:
    def _child(self, api: httpx.Client, auth: Auth, parent_id: str, agency_id: str, title: str) -> dict[str, Any]:
        made = api.post(
            f"{TASKS}/{parent_id}/children",
            json={"title": title, "lead_agency_ids": [agency_id]},
            headers=auth("syt.lanhdao") | {"Idempotency-Key": key()},
        )
        assert made.status_code == 201, made.text
        child: dict[str, Any] = made.json()
        return child

    def _report(self, api: httpx.Client, auth: Auth, user: str, task_id: str, body: dict[str, Any]) -> dict[str, Any]:
        answer = api.post(f"{TASKS}/{task_id}/progress", json=body, headers=auth(user))
        assert answer.status_code == 201, answer.text
        detail: dict[str, Any] = answer.json()
        return detail

    def _review(self, api: httpx.Client, auth: Auth, task_id: str, agency_id: str, **body: str) -> dict[str, Any]:
        share_id = share(task(api, auth, task_id), agency_id)["id"]
        answer = api.post(
            f"{TASKS}/{task_id}/review", json={"assignment_id": share_id, **body}, headers=auth("syt.lanhdao")
        )
        assert answer.status_code == 200, answer.text
        reviewed: dict[str, Any] = answer.json()
        return reviewed

    def test_children_roll_up_and_a_returned_report_is_sent_again(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        parent_id, syt = world["tasks"]["4"]["id"], world["agency"]["SYT"]
        hospital, commune = world["agency"]["SYT_BVDK_PHU_THO"], world["agency"]["PHUONG_VIET_TRI"]
        a = self._child(client, auth, parent_id, hospital, "Bệnh viện số hóa sổ khám bệnh")
        b = self._child(client, auth, parent_id, commune, "Trạm y tế phường số hóa sổ khám bệnh")
        assert (a["number"], b["number"]) == ("4.1", "4.2")

        self._report(client, auth, "syt.canbo", a["id"], {"percent": 50, "narrative": "Đã số hóa một nửa"})
        submitted = self._report(
            client, auth, "vietri.canbo", b["id"], {"percent": 100, "submit": True, "evidence": EVIDENCE}
        )

        assert submitted["status"] == "submitted"
        parent = task(client, auth, parent_id)
        assert (share(parent, syt)["percent"], share(parent, syt)["status"]) == (75, "in_progress")
        assert (parent["percent"], parent["status"]) == (75, "in_progress")

        returned = self._review(client, auth, b["id"], commune, decision="return", reason="Thiếu biên bản nghiệm thu")

        assert (returned["status"], returned["agency_id"]) == ("returned", commune)
        assert (returned["status_label"], returned["agency_name"]) == ("Bị trả lại", "P. Việt Trì")
        assert task(client, auth, b["id"], "vietri.canbo")["status"] == "returned"
        last = get_json(client, f"{TASKS}/{b['id']}/history", auth("vietri.canbo"))[-1]
        assert (last["action"], last["actor"]) == ("review.return", "syt.lanhdao")
        assert last["changes"]["reason"] == [None, "Thiếu biên bản nghiệm thu"]
        assert last["changes"]["status"] == ["submitted", "returned"]

        again = self._report(client, auth, "vietri.canbo", b["id"], {"percent": 90, "narrative": "Bổ sung biên bản"})

        assert (again["status"], again["percent"]) == ("in_progress", 90)
        assert task(client, auth, parent_id)["percent"] == 70
        self._report(client, auth, "vietri.canbo", b["id"], {"percent": 100, "submit": True, "evidence": EVIDENCE})
        assert self._review(client, auth, b["id"], commune, decision="accept")["status"] == "completed_on_time"
        refused = client.post(f"{TASKS}/{b['id']}/progress", json={"percent": 95}, headers=auth("vietri.canbo"))
        assert_vietnamese_problem(refused, 409)
        self._report(client, auth, "syt.canbo", a["id"], {"percent": 100, "submit": True, "evidence": EVIDENCE})
        self._review(client, auth, a["id"], hospital, decision="accept")
        parent = task(client, auth, parent_id)
        # The children are done, but Sở Y tế still reports its own task to the standing agency.
        assert (parent["percent"], parent["status"]) == (100, "in_progress")

    def test_a_progress_report_can_be_returned_but_not_accepted(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        parent_id, commune = world["tasks"]["4"]["id"], world["agency"]["PHUONG_VIET_TRI"]
        child = self._child(client, auth, parent_id, commune, "Trạm y tế phường niêm yết giá dịch vụ")
        share_id = share(task(client, auth, child["id"]), commune)["id"]
        url = f"{TASKS}/{child['id']}/review"
        nothing_yet = client.post(
            url,
            json={"assignment_id": share_id, "decision": "return", "reason": "Chưa thấy báo cáo"},
            headers=auth("syt.lanhdao"),
        )
        assert_vietnamese_problem(nothing_yet, 409)
        self._report(client, auth, "vietri.canbo", child["id"], {"percent": 50, "narrative": "Đã niêm yết một nửa"})
        accepted = client.post(url, json={"assignment_id": share_id, "decision": "accept"}, headers=auth("syt.lanhdao"))
        assert_vietnamese_problem(accepted, 409)

        returned = self._review(client, auth, child["id"], commune, decision="return", reason="Ảnh minh chứng bị mờ")

        assert (returned["status"], returned["percent"]) == ("returned", 50)
        last = get_json(client, f"{TASKS}/{child['id']}/history", auth("vietri.canbo"))[-1]
        assert last["changes"]["status"] == ["in_progress", "returned"]
        again = self._report(client, auth, "vietri.canbo", child["id"], {"percent": 60, "narrative": "Chụp lại ảnh"})
        assert again["status"] == "in_progress"

    def test_a_cancelled_child_leaves_the_roll_up(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        parent_id, syt = world["tasks"]["5"]["id"], world["agency"]["SYT"]
        a = self._child(client, auth, parent_id, world["agency"]["SYT_BVDK_PHU_THO"], "Bệnh viện công khai giá")
        c = self._child(client, auth, parent_id, world["agency"]["SYT_BVDK_VINH_PHUC"], "Bệnh viện khác công khai giá")
        self._report(
            client, auth, "syt.canbo", a["id"], {"percent": 60, "agency_id": world["agency"]["SYT_BVDK_PHU_THO"]}
        )
        assert share(task(client, auth, parent_id), syt)["percent"] == 30
        url = f"{TASKS}/{c['id']}/cancel"
        reason = {"reason": "Bệnh viện đã sáp nhập"}
        assert_vietnamese_problem(client.post(url, json=reason, headers=auth("syt.lanhdao")), 428)
        assert_vietnamese_problem(client.post(url, json=reason, headers=auth("syt.lanhdao") | {"If-Match": '"0"'}), 412)
        etag = client.get(f"{TASKS}/{c['id']}", headers=auth("syt.lanhdao")).headers["ETag"]

        cancelled = client.post(url, json=reason, headers=auth("syt.lanhdao") | {"If-Match": etag})

        assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled", cancelled.text
        assert cancelled.headers["ETag"] == f'"{cancelled.json()["version"]}"' != etag
        parent = task(client, auth, parent_id)
        assert share(parent, syt)["percent"] == 60 and parent["percent"] == 60
        assert sorted(ch["status"] for ch in parent["children"]) == ["cancelled", "in_progress"]
        assert_vietnamese_problem(client.post(url, json=reason, headers=auth("syt.lanhdao") | {"If-Match": "*"}), 409)


class TestEventFeed:
    def test_each_change_is_in_the_feed_in_order_and_after_resumes_where_the_reader_stopped(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        t = world["tasks"]["6"]
        url, coordinator = f"{TASKS}/{t['id']}", auth("coordinator")
        tail = feed_tail(client, coordinator)
        self._write(client, auth, url)

        mine = wait_for_events(
            client, coordinator, tail, lambda found: sum(e["subject_id"] == t["id"] for e in found) > 2
        )
        events = [e for e in mine if e["subject_id"] == t["id"]]

        assert [e["event_type"] for e in events] == ["task.progress", "task.commented", "task.updated"]
        assert events[0]["payload"]["percent"] == 10 and events[0]["actor"] == "syt.canbo"
        assert events[0]["payload"]["agency_id"] == world["agency"]["SYT"]
        assert events[2]["payload"]["changed"] == ["responsible_person"]
        everything = events_after(client, coordinator, tail)
        cursors = [e["cursor"] for e in everything]
        assert [e["cursor"] for e in events_after(client, coordinator, tail, limit=1)] == cursors
        assert [e["cursor"] for e in events_after(client, coordinator, cursors[0])] == cursors[1:]
        end = get_json(client, f"{TASKS}/events", coordinator, after=cursors[-1])
        assert end == {"items": [], "next_cursor": cursors[-1]}

    def _write(self, api: httpx.Client, auth: Auth, url: str) -> None:
        assert api.post(f"{url}/progress", json={"percent": 10}, headers=auth("syt.canbo")).status_code == 201
        assert (
            api.post(f"{url}/comments", json={"body": "Đã gửi dữ liệu"}, headers=auth("syt.canbo")).status_code == 201
        )
        etag = api.get(url, headers=auth("coordinator")).headers["ETag"]
        edit = api.patch(
            url, json={"responsible_person": "Phạm Văn Đạt"}, headers=auth("coordinator") | {"If-Match": etag}
        )
        assert edit.status_code == 200, edit.text

    def test_a_commune_reads_only_events_of_tasks_it_may_see(
        self, client: httpx.Client, auth: Auth, stack: Stack, world: dict[str, Any]
    ) -> None:
        shared, health_only = world["tasks"]["2"]["id"], world["tasks"]["1"]["id"]
        commune = auth("vietri.canbo")
        tail = feed_tail(client, commune)
        for task_id in (health_only, shared):
            said = client.post(f"{TASKS}/{task_id}/comments", json={"body": "Trao đổi"}, headers=auth("syt.canbo"))
            assert said.status_code == 201, said.text

        seen = wait_for_events(client, commune, tail, lambda found: any(e["subject_id"] == shared for e in found))

        assert [(e["event_type"], e["subject_id"]) for e in seen] == [("task.commented", shared)]
        with httpx.Client(base_url=stack.url("tasks"), timeout=60) as direct:
            assert [e["cursor"] for e in events_after(direct, commune, tail)] == [e["cursor"] for e in seen]

    def test_a_report_on_a_child_gives_the_parents_new_figures_to_those_who_see_the_parent(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        parent_id = world["tasks"]["7"]["id"]
        child = client.post(
            f"{TASKS}/{parent_id}/children",
            json={"title": "Phường cập nhật hồ sơ tiêm chủng", "lead_agency_ids": [world["agency"]["PHUONG_VIET_TRI"]]},
            headers=auth("syt.lanhdao"),
        )
        assert child.status_code == 201, child.text
        tails = {user: feed_tail(client, auth(user)) for user in ("syt.canbo", "vietri.canbo")}
        reported = client.post(
            f"{TASKS}/{child.json()['id']}/progress", json={"percent": 40}, headers=auth("vietri.canbo")
        )
        assert reported.status_code == 201, reported.text

        health = {
            (e["event_type"], e["subject_id"]): e
            for e in wait_for_events(
                client,
                auth("syt.canbo"),
                tails["syt.canbo"],
                lambda found: any(e["subject_id"] == parent_id for e in found),
            )
        }
        commune = events_after(client, auth("vietri.canbo"), tails["vietri.canbo"])

        parent_event = health[("task.updated", parent_id)]
        assert (parent_event["payload"]["percent"], parent_event["payload"]["status"]) == (40, "in_progress")
        assert parent_event["payload"]["changed"] == ["percent", "status"]
        assert ("task.progress", child.json()["id"]) in health
        assert [(e["event_type"], e["subject_id"]) for e in commune] == [("task.progress", child.json()["id"])]
