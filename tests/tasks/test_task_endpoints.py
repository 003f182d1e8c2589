"""Every endpoint of the tasks service against another agency (through the gateway and at the service itself),
against roles that may see a task but not act on it, and lists, counts and exports that hold only what the caller
may see. Own plan, so the seed counts stay untouched."""

from __future__ import annotations

import io
import uuid
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook
from tiendo.stack import Stack

from tests.conftest import DEMO_PASSWORD, assert_problem
from tests.gateway.identity_support import Auth, agency_by_code, assert_vietnamese_problem
from tests.tasks.task_support import HEADER, TASKS, all_tasks, footprint, get_json, own_plan, share

TAG = uuid.uuid4().hex[:6]
ROWS = (
    f"I,Kiểm thử phân quyền {TAG},,,,\n"
    f"1,Số hóa quy trình khám bệnh tại bệnh viện tuyến tỉnh {TAG},Sở Y tế,,Quy trình số,Tháng 12/2030\n"
    f"2,Phường số hóa hồ sơ thủ tục hành chính {TAG},Phường Việt Trì,,Hồ sơ số,Tháng 12/2030\n"
    f"3,Số hóa chứng từ kế toán ngân sách tỉnh {TAG},Sở Tài chính,,Chứng từ số,Tháng 12/2030\n"
    f"4,Số hóa hồ sơ sức khỏe người cao tuổi {TAG},Sở Y tế,,Hồ sơ sức khỏe,Tháng 12/2030\n"
    f"5,Kết nối dữ liệu tiêm chủng với các phường {TAG},Sở Y tế,,Dữ liệu tiêm chủng,Tháng 12/2030\n"
    f"6,Xây dựng kho dữ liệu dược phẩm dùng chung {TAG},Sở Y tế,,Kho dữ liệu,Tháng 12/2030\n"
)


@pytest.fixture(scope="module")
def world(client: httpx.Client, auth: Auth) -> dict[str, Any]:
    plan, tasks = own_plan(client, auth, ROWS, f"Kế hoạch kiểm thử phân quyền {TAG}")
    agencies = {code: agency_by_code(client, auth, code)["id"] for code in ("SYT", "PHUONG_VIET_TRI", "STC")}
    return {"plan": plan, "tasks": tasks, "agency": agencies}


def _direct(stack: Stack, method: str, path: str, headers: dict[str, str], **kwargs: Any) -> httpx.Response:
    return httpx.request(method, stack.url("tasks") + path, headers=headers, timeout=60, **kwargs)


Endpoints = list[tuple[str, str, dict[str, Any]]]


def _endpoints(task_id: str, *, etag: str, share_id: str, extension_id: str, commune: str) -> Endpoints:
    """(method, path, request arguments) for every endpoint that works on one task."""
    url = f"{TASKS}/{task_id}"
    later = (date.today() + timedelta(days=4000)).isoformat()
    return [
        ("GET", url, {}),
        ("GET", f"{url}/history", {}),
        ("GET", f"{url}/deadline-history", {}),
        ("GET", f"{url}/progress", {}),
        ("GET", f"{url}/extensions", {}),
        ("GET", f"{url}/comments", {}),
        ("PATCH", url, {"json": {"responsible_person": "Nguyễn Văn A"}, "headers": {"If-Match": etag}}),
        ("POST", f"{url}/children", {"json": {"title": "Phường số hóa hồ sơ khám", "lead_agency_ids": [commune]}}),
        ("POST", f"{url}/cancel", {"json": {"reason": "Không còn phù hợp"}, "headers": {"If-Match": etag}}),
        ("POST", f"{url}/progress", {"json": {"percent": 10, "narrative": "Đã triển khai"}}),
        ("POST", f"{url}/review", {"json": {"assignment_id": share_id, "decision": "return", "reason": "Thiếu hồ sơ"}}),
        ("POST", f"{url}/extensions", {"json": {"proposed_due": later, "reason": "Chờ bố trí kinh phí"}}),
        ("POST", f"{url}/extensions/{extension_id}/decision", {"json": {"decision": "approve", "note": "Đồng ý"}}),
        ("POST", f"{url}/comments", {"json": {"body": "Đề nghị báo cáo", "kind": "comment"}}),
        ("POST", f"{url}/comments", {"json": {"body": "Chỉ đạo khẩn trương", "kind": "directive"}}),
    ]


def _send(send: Any, method: str, path: str, headers: dict[str, str], spec: dict[str, Any]) -> httpx.Response:
    extra = spec.get("headers", {})
    return send(method, path, headers=headers | extra, **{k: v for k, v in spec.items() if k != "headers"})  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def health_task(client: httpx.Client, auth: Auth, world: dict[str, Any]) -> dict[str, Any]:
    """Task 1, led by Sở Y tế alone, with a pending extension request."""
    t = world["tasks"]["1"]
    asked = client.post(
        f"{TASKS}/{t['id']}/extensions",
        json={"proposed_due": "2031-06-30", "reason": "Chờ bố trí kinh phí"},
        headers=auth("syt.lanhdao"),
    )
    assert asked.status_code == 201, asked.text
    detail = client.get(f"{TASKS}/{t['id']}", headers=auth("syt.canbo"))
    return {
        "id": t["id"],
        "title": t["title"],
        "etag": detail.headers["ETag"],
        "share_id": share(detail.json(), world["agency"]["SYT"])["id"],
        "extension_id": asked.json()["id"],
    }


@pytest.fixture(scope="module")
def endpoints(health_task: dict[str, Any], world: dict[str, Any]) -> Endpoints:
    """Every endpoint that works on one task, aimed at the health task."""
    return _endpoints(
        health_task["id"],
        etag=health_task["etag"],
        share_id=health_task["share_id"],
        extension_id=health_task["extension_id"],
        commune=world["agency"]["PHUONG_VIET_TRI"],
    )


class TestAnotherAgency:
    @pytest.mark.parametrize("user", ["vietri.lanhdao", "vietri.canbo"])
    def test_every_endpoint_answers_not_found_to_the_commune_through_the_gateway_and_at_the_service(
        self,
        client: httpx.Client,
        auth: Auth,
        stack: Stack,
        health_task: dict[str, Any],
        endpoints: Endpoints,
        user: str,
    ) -> None:
        before = footprint(client, auth, health_task["id"])
        for method, path, spec in endpoints:
            through_gateway = _send(client.request, method, path, auth(user), spec)
            # An officer may not cascade at all: the role check answers first, without looking at the task.
            expected = 403 if (user == "vietri.canbo" and path.endswith("/children")) else 404
            assert_vietnamese_problem(through_gateway, expected)
            direct = _send(lambda m, p, **kw: _direct(stack, m, p, **kw), method, path, auth(user), spec)
            assert_vietnamese_problem(direct, expected)
        assert footprint(client, auth, health_task["id"]) == before

    def test_the_viewer_of_another_agency_is_refused_reads_and_writes(
        self, client: httpx.Client, auth: Auth, stack: Stack, health_task: dict[str, Any], endpoints: Endpoints
    ) -> None:
        before = footprint(client, auth, health_task["id"])
        for method, path, spec in endpoints:
            # The gateway refuses a viewer's writes by role; the service hides the task from the viewer's agency.
            assert_vietnamese_problem(
                _send(client.request, method, path, auth("viewer"), spec), 404 if method == "GET" else 403
            )
            direct = _send(lambda m, p, **kw: _direct(stack, m, p, **kw), method, path, auth("viewer"), spec)
            assert_vietnamese_problem(direct, 403 if path.endswith("/children") else 404)
        assert footprint(client, auth, health_task["id"]) == before

    def test_a_read_only_integration_client_reads_everything_but_the_service_refuses_its_writes(
        self, client: httpx.Client, auth: Auth, stack: Stack, health_task: dict[str, Any], endpoints: Endpoints
    ) -> None:
        form = {"grant_type": "client_credentials", "client_id": "ioc-demo", "client_secret": DEMO_PASSWORD}
        token = client.post("/api/v1/auth/token", data=form)
        assert token.status_code == 200, token.text
        ioc = {"Authorization": f"Bearer {token.json()['access_token']}"}
        before = footprint(client, auth, health_task["id"])
        for method, path, spec in endpoints:
            answers = [
                _send(client.request, method, path, ioc, spec),
                _send(lambda m, p, **kw: _direct(stack, m, p, **kw), method, path, ioc, spec),
            ]
            for answer in answers:
                if method == "GET":
                    assert answer.status_code == 200, answer.text
                else:
                    assert_vietnamese_problem(answer, 403)
        assert footprint(client, auth, health_task["id"]) == before

    def test_the_viewer_sees_its_agencys_task_but_the_service_refuses_its_writes(
        self, client: httpx.Client, auth: Auth, stack: Stack, world: dict[str, Any]
    ) -> None:
        finance = world["tasks"]["3"]
        url = f"{TASKS}/{finance['id']}"
        assert client.get(url, headers=auth("viewer")).status_code == 200
        before = footprint(client, auth, finance["id"])
        writes = [
            (f"{url}/progress", {"percent": 10}),
            (f"{url}/comments", {"body": "Ý kiến của người xem"}),
            (f"{url}/extensions", {"proposed_due": "2031-06-30", "reason": "Chờ bố trí kinh phí"}),
        ]
        for path, body in writes:
            assert_vietnamese_problem(_direct(stack, "POST", path, auth("viewer"), json=body), 403)
        assert footprint(client, auth, finance["id"]) == before

    def test_the_lead_agency_may_not_act_as_the_assigning_level(
        self, client: httpx.Client, auth: Auth, stack: Stack, world: dict[str, Any], health_task: dict[str, Any]
    ) -> None:
        url = f"{TASKS}/{health_task['id']}"
        etag = {"If-Match": health_task["etag"]}
        before = footprint(client, auth, health_task["id"])
        refused = [
            ("syt.canbo", "PATCH", url, {"json": {"title": "Tên nhiệm vụ do đơn vị tự sửa"}, "headers": etag}),
            ("syt.lanhdao", "PATCH", url, {"json": {"deadline_text": "Năm 2035"}, "headers": etag}),
            ("syt.canbo", "POST", f"{url}/cancel", {"json": {"reason": "Đơn vị tự hủy"}, "headers": etag}),
            ("syt.lanhdao", "POST", f"{url}/cancel", {"json": {"reason": "Đơn vị tự hủy"}, "headers": etag}),
            (
                "syt.canbo",
                "POST",
                f"{url}/children",
                {"json": {"title": "Bệnh viện làm", "lead_agency_ids": [world["agency"]["PHUONG_VIET_TRI"]]}},
            ),
            (
                "syt.lanhdao",
                "POST",
                f"{url}/review",
                {"json": {"assignment_id": health_task["share_id"], "decision": "accept"}},
            ),
            (
                "syt.lanhdao",
                "POST",
                f"{url}/extensions/{health_task['extension_id']}/decision",
                {"json": {"decision": "approve"}},
            ),
            ("syt.canbo", "POST", f"{url}/comments", {"json": {"body": "Chỉ đạo của cán bộ", "kind": "directive"}}),
            ("syt.lanhdao", "POST", f"{url}/comments", {"json": {"body": "Chỉ đạo của sở", "kind": "directive"}}),
        ]
        for user, method, path, spec in refused:
            assert_vietnamese_problem(_send(client.request, method, path, auth(user), spec), 403)
            direct = _send(lambda m, p, **kw: _direct(stack, m, p, **kw), method, path, auth(user), spec)
            assert_vietnamese_problem(direct, 403)
        assert footprint(client, auth, health_task["id"]) == before

    def test_leaders_and_the_standing_agency_give_directives_the_lead_comments(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        url = f"{TASKS}/{world['tasks']['6']['id']}/comments"
        for user, kind in (("leader", "directive"), ("coordinator", "directive"), ("syt.canbo", "comment")):
            written = client.post(url, json={"body": f"Ý kiến của {user}", "kind": kind}, headers=auth(user))
            assert written.status_code == 201, written.text
        listed = get_json(client, url, auth("syt.canbo"))
        assert [(c["author"], c["kind"]) for c in listed] == [
            ("leader", "directive"),
            ("coordinator", "directive"),
            ("syt.canbo", "comment"),
        ]

    def test_a_commune_sees_the_child_given_to_it_not_the_parent_and_only_the_giver_reviews_it(
        self, client: httpx.Client, auth: Auth, stack: Stack, world: dict[str, Any]
    ) -> None:
        parent = world["tasks"]["5"]
        commune = world["agency"]["PHUONG_VIET_TRI"]
        child = client.post(
            f"{TASKS}/{parent['id']}/children",
            json={"title": "Phường cập nhật dữ liệu tiêm chủng", "lead_agency_ids": [commune]},
            headers=auth("syt.lanhdao"),
        )
        assert child.status_code == 201, child.text
        child_url = f"{TASKS}/{child.json()['id']}"
        assert client.get(child_url, headers=auth("vietri.canbo")).status_code == 200
        assert_problem(client.get(f"{TASKS}/{parent['id']}", headers=auth("vietri.canbo")), 404)
        submitted = client.post(
            f"{child_url}/progress",
            json={
                "percent": 100,
                "submit": True,
                "evidence": [{"kind": "link", "url": "https://vietri.phutho.gov.vn/bc"}],
            },
            headers=auth("vietri.canbo"),
        )
        assert submitted.status_code == 201, submitted.text
        commune_share = share(submitted.json(), commune)["id"]
        own_review = {"assignment_id": commune_share, "decision": "accept"}
        assert_vietnamese_problem(
            client.post(f"{child_url}/review", json=own_review, headers=auth("vietri.lanhdao")), 403
        )
        assert_vietnamese_problem(
            _direct(stack, "POST", f"{child_url}/review", auth("vietri.lanhdao"), json=own_review), 403
        )
        directive = {"body": "Phường hoàn thiện trước quý IV", "kind": "directive"}
        assert_vietnamese_problem(
            client.post(f"{child_url}/comments", json=directive, headers=auth("vietri.lanhdao")), 403
        )
        assert client.post(f"{child_url}/comments", json=directive, headers=auth("syt.lanhdao")).status_code == 201
        accepted = client.post(f"{child_url}/review", json=own_review, headers=auth("syt.lanhdao"))
        assert accepted.status_code == 200, accepted.text
        assert accepted.json()["status"] == "completed_on_time"

    def test_plan_writes_belong_to_the_standing_agency(
        self, client: httpx.Client, auth: Auth, stack: Stack, world: dict[str, Any]
    ) -> None:
        plan_url = f"{TASKS}/plans/{world['plan']['id']}"
        before = get_json(client, plan_url, auth("coordinator"))
        etag = client.get(plan_url, headers=auth("syt.canbo")).headers["ETag"]
        body = {"kind": "Kế hoạch", "issuer": "Sở Y tế", "title": "Kế hoạch do sở tự thêm"}
        csv = HEADER + "1,Nhiệm vụ do sở tự nhập vào kế hoạch,Sở Y tế,,Báo cáo,Năm 2030\n"
        calls: list[tuple[str, str, dict[str, Any]]] = [
            ("POST", f"{TASKS}/plans", {"json": body}),
            ("PATCH", plan_url, {"json": {"title": "Tên kế hoạch do sở tự sửa"}, "headers": {"If-Match": etag}}),
            (
                "POST",
                f"{plan_url}/imports",
                {"params": {"dry_run": "false"}, "files": {"file": ("a.csv", csv.encode(), "text/csv")}},
            ),
        ]
        for user in ("syt.canbo", "syt.lanhdao", "vietri.lanhdao"):
            for method, path, spec in calls:
                assert_vietnamese_problem(_send(client.request, method, path, auth(user), spec), 403)
                direct = _send(lambda m, p, **kw: _direct(stack, m, p, **kw), method, path, auth(user), spec)
                assert_vietnamese_problem(direct, 403)
        assert get_json(client, plan_url, auth("coordinator")) == before
        assert not [p for p in get_json(client, f"{TASKS}/plans", auth("coordinator"), q="do so tu them")["items"]]


class TestVisibleOnly:
    def test_the_export_holds_exactly_the_tasks_the_commune_may_see(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        response = client.get(f"{TASKS}/export.xlsx", headers=auth("vietri.canbo"))
        assert response.status_code == 200, response.text
        sheet = load_workbook(io.BytesIO(response.content), read_only=True).worksheets[0]
        rows = [r for r in sheet.iter_rows(min_row=2, values_only=True)]
        titles = {str(r[2]) for r in rows}
        visible = all_tasks(client, auth("vietri.canbo"))
        assert len(rows) == len(visible) and titles == {t["title"] for t in visible}
        assert world["tasks"]["2"]["title"] in titles
        assert not titles & {world["tasks"][n]["title"] for n in ("1", "3", "4", "5", "6")}
        in_plan = client.get(f"{TASKS}/export.xlsx", params={"plan_id": world["plan"]["id"]}, headers=auth("syt.canbo"))
        plan_rows = list(
            load_workbook(io.BytesIO(in_plan.content), read_only=True)
            .worksheets[0]
            .iter_rows(min_row=2, values_only=True)
        )
        assert {str(r[2]) for r in plan_rows} >= {world["tasks"][n]["title"] for n in ("1", "4", "5", "6")}
        assert not {str(r[2]) for r in plan_rows} & {world["tasks"][n]["title"] for n in ("2", "3")}

    def test_counts_count_only_what_the_commune_may_see(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        headers = auth("vietri.canbo")
        whoami = get_json(client, f"{TASKS}/whoami", headers)
        counts = get_json(client, f"{TASKS}/counts", headers, agency_role="any")
        visible = all_tasks(client, headers)
        everything = get_json(client, f"{TASKS}/counts", auth("coordinator"))
        assert counts["total"] == len(visible) < everything["total"]
        assert sum(s["count"] for s in counts["by_status"]) == counts["total"]
        assert counts["overdue"] == sum(1 for t in visible if t["is_overdue"])
        assert {a["agency_id"] for a in counts["by_agency"]} <= set(whoami["agency_subtree"])
        in_plan = get_json(client, f"{TASKS}/counts", headers, plan_id=world["plan"]["id"])
        visible_in_plan = all_tasks(client, headers, plan_id=world["plan"]["id"])
        assert in_plan["total"] == len(visible_in_plan)
        assert world["tasks"]["1"]["id"] not in {t["id"] for t in visible_in_plan}
        assert world["tasks"]["2"]["id"] in {t["id"] for t in visible_in_plan}
