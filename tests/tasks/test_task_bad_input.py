"""Bad input on every body, query and path of the tasks service: 422 problem+json naming the field with a
Vietnamese reason, never a raw 500, and a refused request leaves nothing behind. Own plan, so the seed counts
stay untouched."""

from __future__ import annotations

import base64
import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from tests.gateway.identity_support import Auth, agency_by_code, assert_vietnamese_problem
from tests.tasks.task_support import HEADER, TASKS, footprint, get_json, own_plan, share, task

TAG = uuid.uuid4().hex[:6]
ROWS = (
    f"I,Kiểm thử dữ liệu sai {TAG},,,,\n"
    f"1,Số hóa hồ sơ sức khỏe người cao tuổi {TAG},Sở Y tế,,Hồ sơ sức khỏe,Tháng 12/2030\n"
    f"2,Số hóa chứng từ kế toán ngân sách tỉnh {TAG},Sở Tài chính,,Chứng từ số,Tháng 12/2030\n"
    f"3,Xây dựng kho dữ liệu dược phẩm dùng chung {TAG},Sở Y tế,,Kho dữ liệu,Tháng 12/2030\n"
)
DUE = "2030-12-31"


@pytest.fixture(scope="module")
def world(client: httpx.Client, auth: Auth) -> dict[str, Any]:
    plan, tasks = own_plan(client, auth, ROWS, f"Kế hoạch kiểm thử dữ liệu sai {TAG}")
    agencies = {code: agency_by_code(client, auth, code)["id"] for code in ("SYT", "PHUONG_VIET_TRI", "STC")}
    return {"plan": plan, "tasks": tasks, "agency": agencies}


def _refused(response: httpx.Response, field: str) -> None:
    """422 problem+json naming `field`, with a Vietnamese reason."""
    assert_vietnamese_problem(response, 422, field)


class TestBadInput:
    """Each body and query refused field by field, and a refused request leaves nothing behind."""

    def test_progress_reports(self, client: httpx.Client, auth: Auth, world: dict[str, Any]) -> None:
        t = world["tasks"]["1"]
        url, headers = f"{TASKS}/{t['id']}/progress", auth("syt.canbo")
        before = footprint(client, auth, t["id"])
        document = {"kind": "document", "document_number": "12/BC-SYT"}
        for body, field in [
            ({"percent": 150}, "percent"),
            ({"percent": -1}, "percent"),
            ({"percent": "nhiều"}, "percent"),
            ({"narrative": "Thiếu phần trăm"}, "percent"),
            ({"percent": 10, "mau_sac": "đỏ"}, "mau_sac"),
            ({"percent": 100, "submit": True}, "evidence"),
            ({"percent": 80, "submit": True, "evidence": [document | {"document_date": "2026-01-05"}]}, "percent"),
            ({"percent": 100}, "submit"),
            ({"percent": 100, "submit": True, "evidence": [document]}, "evidence.0"),
            ({"percent": 100, "submit": True, "evidence": [{"kind": "link", "url": "ftp://x"}]}, "evidence.0.url"),
            ({"percent": 100, "submit": True, "evidence_ids": [str(uuid.uuid4())]}, "evidence_ids"),
            ({"percent": 10, "agency_id": world["agency"]["STC"]}, "agency_id"),
        ]:
            _refused(client.post(url, json=body, headers=headers), field)
        assert footprint(client, auth, t["id"]) == before

    def test_extension_requests(self, client: httpx.Client, auth: Auth, world: dict[str, Any]) -> None:
        t = world["tasks"]["1"]
        url, headers = f"{TASKS}/{t['id']}/extensions", auth("syt.lanhdao")
        before = footprint(client, auth, t["id"])
        yesterday = (date.today() - timedelta(days=1)).isoformat()
        for body, field in [
            ({"proposed_due": yesterday, "reason": "Chờ kinh phí"}, "proposed_due"),
            ({"proposed_due": "2030-06-30", "reason": "Sớm hơn hạn hiện tại"}, "proposed_due"),
            ({"proposed_due": DUE, "reason": "Bằng hạn hiện tại"}, "proposed_due"),
            ({"proposed_due": "31/12/2031", "reason": "Sai định dạng ngày"}, "proposed_due"),
            ({"proposed_due": "2031-06-30", "reason": ""}, "reason"),
            ({"proposed_due": "2031-06-30", "reason": "     "}, "reason"),
            ({"proposed_due": "2031-06-30"}, "reason"),
            ({"proposed_due": "2031-06-30", "reason": "Chờ kinh phí", "han_moi": "x"}, "han_moi"),
        ]:
            _refused(client.post(url, json=body, headers=headers), field)
        assert footprint(client, auth, t["id"]) == before

    def test_extension_decisions(self, client: httpx.Client, auth: Auth, world: dict[str, Any]) -> None:
        t = world["tasks"]["3"]
        asked = client.post(
            f"{TASKS}/{t['id']}/extensions",
            json={"proposed_due": "2031-03-31", "reason": "Chờ phê duyệt dự án"},
            headers=auth("syt.lanhdao"),
        )
        assert asked.status_code == 201, asked.text
        url = f"{TASKS}/{t['id']}/extensions/{asked.json()['id']}/decision"
        before = footprint(client, auth, t["id"])
        _refused(client.post(url, json={"decision": "đồng ý"}, headers=auth("leader")), "decision")
        _refused(client.post(url, json={"decision": "refuse"}, headers=auth("leader")), "note")
        _refused(client.post(url, json={"decision": "refuse", "note": "  ok "}, headers=auth("leader")), "note")
        bad_path = f"{TASKS}/{t['id']}/extensions/khong-phai-ma/decision"
        _refused(client.post(bad_path, json={"decision": "approve"}, headers=auth("leader")), "extension_id")
        unknown = f"{TASKS}/{t['id']}/extensions/{uuid.uuid4()}/decision"
        assert_vietnamese_problem(client.post(unknown, json={"decision": "approve"}, headers=auth("leader")), 404)
        other_task = f"{TASKS}/{world['tasks']['1']['id']}/extensions/{asked.json()['id']}/decision"
        assert_vietnamese_problem(client.post(other_task, json={"decision": "approve"}, headers=auth("leader")), 404)
        assert footprint(client, auth, t["id"]) == before
        assert task(client, auth, t["id"])["deadline"]["due_on"] == DUE

    def test_reviews(self, client: httpx.Client, auth: Auth, world: dict[str, Any]) -> None:
        t = world["tasks"]["1"]
        url = f"{TASKS}/{t['id']}/review"
        own = share(task(client, auth, t["id"]), world["agency"]["SYT"])["id"]
        foreign = share(task(client, auth, world["tasks"]["2"]["id"]), world["agency"]["STC"])["id"]
        before = footprint(client, auth, t["id"])
        for body, field in [
            ({"assignment_id": "khong-phai-ma", "decision": "accept"}, "assignment_id"),
            ({"assignment_id": own, "decision": "duyệt"}, "decision"),
            ({"assignment_id": own}, "decision"),
            ({"assignment_id": foreign, "decision": "accept"}, "assignment_id"),
        ]:
            _refused(client.post(url, json=body, headers=auth("coordinator")), field)
        not_submitted = client.post(url, json={"assignment_id": own, "decision": "accept"}, headers=auth("coordinator"))
        assert_vietnamese_problem(not_submitted, 409)
        assert footprint(client, auth, t["id"]) == before

    def test_comments_and_cascades(self, client: httpx.Client, auth: Auth, world: dict[str, Any]) -> None:
        t = world["tasks"]["1"]
        url = f"{TASKS}/{t['id']}"
        before = footprint(client, auth, t["id"])
        for body, field in [
            ({"body": ""}, "body"),
            ({"body": "   "}, "body"),
            ({"body": "Ý kiến", "kind": "mệnh lệnh"}, "kind"),
            ({"body": "Ý kiến", "addressed_agency_id": world["agency"]["STC"]}, "addressed_agency_id"),
            ({"body": "Ý kiến", "addressed_agency_id": "so-tai-chinh"}, "addressed_agency_id"),
        ]:
            _refused(client.post(f"{url}/comments", json=body, headers=auth("syt.canbo")), field)
        commune, finance = world["agency"]["PHUONG_VIET_TRI"], world["agency"]["STC"]
        for child, field in [
            ({"title": "ab", "lead_agency_ids": [commune]}, "title"),
            ({"title": "Phường số hóa hồ sơ", "lead_agency_ids": []}, "lead_agency_ids"),
            ({"title": "Phường số hóa hồ sơ"}, "lead_agency_ids"),
            ({"title": "Sở Tài chính làm thay", "lead_agency_ids": [finance]}, "lead_agency_ids"),
            ({"title": "Đơn vị không tồn tại", "lead_agency_ids": [str(uuid.uuid4())]}, "lead_agency_ids"),
            (
                {"title": "Giao thay Sở Tài chính", "lead_agency_ids": [commune], "from_agency_id": finance},
                "from_agency_id",
            ),
        ]:
            _refused(client.post(f"{url}/children", json=child, headers=auth("syt.lanhdao")), field)
        assert footprint(client, auth, t["id"]) == before

    def test_task_edits_and_cancel(self, client: httpx.Client, auth: Auth, world: dict[str, Any]) -> None:
        t = world["tasks"]["1"]
        url = f"{TASKS}/{t['id']}"
        etag = {"If-Match": client.get(url, headers=auth("coordinator")).headers["ETag"]}
        plans = get_json(client, f"{TASKS}/plans", auth("coordinator"), q="7316")["items"]
        provincial = next(p["id"] for p in plans if p["key"] == "7316-KH-UBND")
        foreign_section = get_json(client, f"{TASKS}/plans/{provincial}/sections", auth("coordinator"))[0]["id"]
        before = footprint(client, auth, t["id"])
        for body, field in [
            ({"title": ""}, "title"),
            ({"title": None}, "title"),
            ({"uu_tien": True}, "uu_tien"),
            ({"due_on": "2030-02-30"}, "due_on"),
            ({"section_id": foreign_section}, "section_id"),
            ({"is_priority": "có"}, "is_priority"),
        ]:
            _refused(client.patch(url, json=body, headers=auth("coordinator") | etag), field)
        for body, field in [({"reason": ""}, "reason"), ({"reason": "ngắn"}, "reason"), ({}, "reason")]:
            _refused(client.post(f"{url}/cancel", json=body, headers=auth("coordinator") | etag), field)
        assert footprint(client, auth, t["id"]) == before

    def test_plan_bodies_and_imports(self, client: httpx.Client, auth: Auth, world: dict[str, Any]) -> None:
        plan_url = f"{TASKS}/plans/{world['plan']['id']}"
        before = get_json(client, plan_url, auth("coordinator"))
        etag = {"If-Match": f'"{before["version"]}"'}
        for body, field in [
            ({"symbol": None}, "symbol"),
            ({"kind": ""}, "kind"),
            ({"title": None}, "title"),
            ({"parent_ids": [world["plan"]["id"]]}, "parent_ids"),
            ({"parent_ids": [str(uuid.uuid4())]}, "parent_ids"),
            ({"standing_agency_id": str(uuid.uuid4())}, "standing_agency_id"),
            ({"issued_on": "hôm qua"}, "issued_on"),
            ({"so_hieu": "1/KH"}, "so_hieu"),
        ]:
            _refused(client.patch(plan_url, json=body, headers=auth("coordinator") | etag), field)
        assert get_json(client, plan_url, auth("coordinator")) == before
        good = {"kind": "Kế hoạch", "issuer": "Sở Y tế", "title": f"Kế hoạch không được tạo {TAG}"}
        for body, field in [
            ({"kind": "Kế hoạch", "issuer": "Sở Y tế"}, "title"),
            (good | {"key": "khóa có dấu cách"}, "key"),
            (good | {"issuer_agency_id": str(uuid.uuid4())}, "issuer_agency_id"),
            (good | {"parent_ids": [str(uuid.uuid4())]}, "parent_ids"),
            (good | {"issuer": "S"}, "issuer"),
            (good | {"ngay": "2026-01-01"}, "ngay"),
        ]:
            _refused(client.post(f"{TASKS}/plans", json=body, headers=auth("coordinator")), field)
        assert get_json(client, f"{TASKS}/plans", auth("coordinator"), q=f"khong duoc tao {TAG}")["items"] == []
        csv = HEADER + "1,Nhiệm vụ nhập từ tệp sai định dạng,Sở Y tế,,Báo cáo,Năm 2030\n"
        for params, file, field in [
            ({"dry_run": "false"}, ("nhiem-vu.pdf", b"%PDF-1.4", "application/pdf"), "file"),
            ({"dry_run": "false"}, ("nhiem-vu.xlsx", b"PK\x03\x04 hong", "application/octet-stream"), "file"),
            (
                {"dry_run": "false"},
                ("nhiem-vu.csv", "Tên,nhiệm vụ".encode("cp1258", "replace") + b"\xff", "text/csv"),
                "file",
            ),
            ({"dry_run": "có lẽ"}, ("nhiem-vu.csv", csv.encode(), "text/csv"), "dry_run"),
        ]:
            _refused(
                client.post(f"{plan_url}/imports", params=params, files={"file": file}, headers=auth("coordinator")),
                field,
            )
        _refused(client.post(f"{plan_url}/imports", params={"dry_run": "false"}, headers=auth("coordinator")), "file")
        assert get_json(client, plan_url, auth("coordinator"))["task_count"] == before["task_count"]

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            ({"status": "xyz"}, "status.0"),
            ({"due_within_days": -1}, "due_within_days"),
            ({"due_within_days": "mai"}, "due_within_days"),
            ({"limit": 0}, "limit"),
            ({"limit": 201}, "limit"),
            ({"cursor": "không-phải-con-trỏ"}, "cursor"),
            ({"cursor": base64.urlsafe_b64encode(b'{"a":1}').decode()}, "cursor"),
            ({"cursor": base64.urlsafe_b64encode(b'["2026-13-01","x"]').decode()}, "cursor"),
            ({"cursor": base64.urlsafe_b64encode(b'["x",1,"y"]').decode(), "sort": "plan_order"}, "cursor"),
            ({"cursor": base64.urlsafe_b64encode(b'["hom qua","y"]').decode(), "sort": "-updated"}, "cursor"),
            ({"sort": "ngẫu nhiên"}, "sort"),
            ({"due_from": "2030-01-02", "due_to": "2030-01-01"}, "due_to"),
            ({"plan_id": "kh-7316"}, "plan_id"),
            ({"agency_id": "so-y-te"}, "agency_id"),
            ({"deadline_kind": "sớm"}, "deadline_kind"),
            ({"missing": "tien"}, "missing"),
            ({"role": "chủ trì"}, "role"),
            ({"overdue": "có lẽ"}, "overdue"),
        ],
    )
    def test_list_query_parameters(self, client: httpx.Client, auth: Auth, params: dict[str, Any], field: str) -> None:
        _refused(client.get(TASKS, params=params, headers=auth("coordinator")), field)

    def test_counts_and_export_refuse_the_same_filters(self, client: httpx.Client, auth: Auth) -> None:
        for path in ("counts", "export.xlsx"):
            _refused(client.get(f"{TASKS}/{path}", params={"status": "xyz"}, headers=auth("coordinator")), "status.0")
            _refused(
                client.get(f"{TASKS}/{path}", params={"due_within_days": -1}, headers=auth("syt.canbo")),
                "due_within_days",
            )
        _refused(client.get(f"{TASKS}/counts", params={"agency_role": "ai"}, headers=auth("syt.canbo")), "agency_role")
        _refused(client.get(f"{TASKS}/events", params={"after": "hôm-qua"}, headers=auth("coordinator")), "after")
        _refused(client.get(f"{TASKS}/events", params={"limit": 0}, headers=auth("coordinator")), "limit")
        _refused(client.get(f"{TASKS}/plans", params={"cursor": "%%%"}, headers=auth("coordinator")), "cursor")

    @pytest.mark.parametrize(
        ("method", "path", "field"),
        [
            ("GET", "/123", "task_id"),
            ("PATCH", "/123", "task_id"),
            ("GET", "/không-phải-mã/history", "task_id"),
            ("GET", "/abc/deadline-history", "task_id"),
            ("POST", "/abc/progress", "task_id"),
            ("POST", "/abc/cancel", "task_id"),
            ("POST", "/abc/children", "task_id"),
            ("GET", "/plans/kh-7316", "plan_id"),
            ("GET", "/plans/kh-7316/sections", "plan_id"),
        ],
    )
    def test_a_malformed_id_in_the_path_is_a_problem_not_a_crash(
        self, client: httpx.Client, auth: Auth, method: str, path: str, field: str
    ) -> None:
        response = client.request(method, TASKS + path, json={}, headers=auth("coordinator") | {"If-Match": '"1"'})
        _refused(response, field)

    def test_an_unknown_id_is_not_found(self, client: httpx.Client, auth: Auth) -> None:
        for path in (f"/{uuid.uuid4()}", f"/{uuid.uuid4()}/history", f"/plans/{uuid.uuid4()}"):
            assert_vietnamese_problem(client.get(TASKS + path, headers=auth("coordinator")), 404)

    @pytest.mark.parametrize("sort", ["due", "plan_order", "-updated"])
    def test_every_sort_pages_through_with_its_next_cursor(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any], sort: str
    ) -> None:
        seen: list[str] = []
        cursor: str | None = None
        while True:
            params = {"plan_id": world["plan"]["id"], "sort": sort, "limit": 2} | ({"cursor": cursor} if cursor else {})
            page = get_json(client, TASKS, auth("coordinator"), **params)
            seen += [t["id"] for t in page["items"]]
            if not (cursor := page["next_cursor"]):
                break
        whole = [
            t["id"]
            for t in get_json(client, TASKS, auth("coordinator"), plan_id=world["plan"]["id"], sort=sort, limit=200)[
                "items"
            ]
        ]
        assert seen == whole and len(set(seen)) == len(seen) >= len(world["tasks"])
