"""A plan of its own, imported from a file, then worked on: dry run, idempotent import, extension, completion
after the extension, cascade, and another agency refused. Own plan, so the seed counts stay untouched."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from tests.conftest import assert_problem
from tests.gateway.identity_support import agency_by_code

TASKS = "/api/v1/tasks"
HEADER = "TT,Tên nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Kết quả/sản phẩm,Thời gian hoàn thành\n"
GOOD = (
    HEADER
    + "I,Chuyển đổi số ngành Y tế,,,,\n"
    + "1,Triển khai bệnh án điện tử tại các bệnh viện công lập,Sở Y tế,Sở KH&CN,Bệnh án điện tử,Tháng 12/2025\n"
    + '2,Kết nối dữ liệu khám chữa bệnh với nền tảng của tỉnh,Sở Y tế,"VP UBND tỉnh; UBND cấp xã",'
    + "Dữ liệu được kết nối,Giai đoạn 2026-2030\n"
)
BAD = (
    HEADER
    + "I,Chuyển đổi số ngành Y tế,,,,\n"
    + "1,Triển khai bệnh án điện tử tại các bệnh viện công lập,Sở Y tết,,Bệnh án điện tử,Chưa rõ thời gian\n"
)

Auth = Callable[[str], dict[str, str]]


def _upload(api: httpx.Client, auth: Auth, plan_id: str, text: str, *, dry_run: bool) -> httpx.Response:
    return api.post(
        f"{TASKS}/plans/{plan_id}/imports",
        params={"dry_run": str(dry_run).lower()},
        files={"file": ("nhiem-vu.csv", text.encode(), "text/csv")},
        headers=auth("coordinator"),
    )


@pytest.fixture(scope="module")
def plan(client: httpx.Client, auth: Auth) -> dict[str, Any]:
    standing = agency_by_code(client, auth, "SKHCN")
    response = client.post(
        f"{TASKS}/plans",
        json={
            "kind": "Kế hoạch",
            "symbol": f"{uuid.uuid4().hex[:4]}/KH-SYT",
            "issuer": "Sở Y tế",
            "standing_agency_id": standing["id"],
            "title": "Kế hoạch chuyển đổi số ngành y tế (kiểm thử)",
        },
        headers={**auth("coordinator"), "Idempotency-Key": uuid.uuid4().hex},
    )
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def _tasks(api: httpx.Client, auth: Auth, user: str, plan_id: str) -> list[dict[str, Any]]:
    response = api.get(TASKS, params={"plan_id": plan_id, "sort": "plan_order"}, headers=auth(user))
    assert response.status_code == 200, response.text
    return response.json()["items"]  # type: ignore[no-any-return]


class TestImport:
    def test_dry_run_reports_misspelt_agency_and_unknown_deadline_row_by_row_and_writes_nothing(
        self, client: httpx.Client, auth: Auth, plan: dict[str, Any]
    ) -> None:
        response = _upload(client, auth, plan["id"], BAD, dry_run=True)
        assert response.status_code == 200, response.text
        report = response.json()
        assert [(e["row"], e["field"]) for e in report["errors"]] == [(3, "Cơ quan chủ trì")]
        assert report["unmatched_agencies"][0]["suggestion"] == "Sở Y tế"
        assert report["unparsed_deadlines"] == [{"name": "Chưa rõ thời gian", "rows": [3], "suggestion": None}]
        assert_problem(_upload(client, auth, plan["id"], BAD, dry_run=False), 422)
        assert _tasks(client, auth, "coordinator", plan["id"]) == []

    def test_importing_the_same_file_twice_changes_nothing(
        self, client: httpx.Client, auth: Auth, plan: dict[str, Any]
    ) -> None:
        first = _upload(client, auth, plan["id"], GOOD, dry_run=False).json()
        second = _upload(client, auth, plan["id"], GOOD, dry_run=False).json()
        assert (first["created"], first["unchanged"]) == (2, 0)
        assert (second["created"], second["updated"], second["unchanged"]) == (0, 0, 2)
        tasks = _tasks(client, auth, "coordinator", plan["id"])
        assert [t["number"] for t in tasks] == ["1", "2"]
        assert tasks[1]["coordinator_shares"]["total"] > 2  # "UBND cấp xã" fanned out to every commune


class TestExtensionAndCompletion:
    def test_completed_after_an_approved_extension_is_reported_as_such(
        self, client: httpx.Client, auth: Auth, plan: dict[str, Any]
    ) -> None:
        task = next(t for t in _tasks(client, auth, "syt.lanhdao", plan["id"]) if t["number"] == "1")
        assert task["is_overdue"] and task["deadline"]["due_on"] == "2025-12-31"
        url = f"{TASKS}/{task['id']}"
        new_due = (date.today() + timedelta(days=200)).isoformat()
        asked = client.post(
            f"{url}/extensions",
            json={"proposed_due": new_due, "reason": "Chờ bổ sung kinh phí"},
            headers=auth("syt.lanhdao"),
        )
        assert asked.status_code == 201, asked.text
        decided = client.post(
            f"{url}/extensions/{asked.json()['id']}/decision",
            json={"decision": "approve", "note": "Đồng ý gia hạn"},
            headers=auth("leader"),
        )
        assert decided.status_code == 200, decided.text
        history = client.get(f"{url}/deadline-history", headers=auth("syt.canbo")).json()
        assert [(h["old_due"], h["new_due"]) for h in history] == [("2025-12-31", new_due)]
        submitted = client.post(
            f"{url}/progress",
            json={
                "percent": 100,
                "submit": True,
                "evidence": [{"kind": "document", "document_number": "125/BC-SYT", "document_date": "2026-11-20"}],
            },
            headers=auth("syt.canbo"),
        )
        assert submitted.status_code == 201, submitted.text
        share = next(a for a in submitted.json()["assignments"] if a["role"] == "lead")
        accepted = client.post(
            f"{url}/review", json={"assignment_id": share["id"], "decision": "accept"}, headers=auth("coordinator")
        )
        assert accepted.status_code == 200, accepted.text
        final = client.get(url, headers=auth("syt.canbo")).json()
        assert final["status"] == "completed_after_extension"
        assert not final["is_overdue"]


class TestCascade:
    def test_progress_on_a_task_after_cascading_part_of_it(
        self, client: httpx.Client, auth: Auth, plan: dict[str, Any]
    ) -> None:
        task = next(t for t in _tasks(client, auth, "syt.lanhdao", plan["id"]) if t["number"] == "2")
        hospital = agency_by_code(client, auth, "SYT_BVDK_PHU_THO")
        child = client.post(
            f"{TASKS}/{task['id']}/children",
            json={"title": "Bệnh viện kết nối dữ liệu khám chữa bệnh", "lead_agency_ids": [hospital["id"]]},
            headers={**auth("syt.lanhdao"), "Idempotency-Key": uuid.uuid4().hex},
        )
        assert child.status_code == 201, child.text
        assert child.json()["parent_task_id"] == task["id"]
        reported = client.post(
            f"{TASKS}/{task['id']}/progress",
            json={"percent": 30, "narrative": "Đang kết nối"},
            headers=auth("syt.canbo"),
        )
        assert reported.status_code == 201, reported.text
        detail = client.get(f"{TASKS}/{task['id']}", headers=auth("syt.canbo")).json()
        assert [c["title"] for c in detail["children"]] == ["Bệnh viện kết nối dữ liệu khám chữa bệnh"]

    def test_an_officer_of_another_agency_cannot_report_on_the_task(
        self, client: httpx.Client, auth: Auth, plan: dict[str, Any]
    ) -> None:
        task = next(t for t in _tasks(client, auth, "syt.lanhdao", plan["id"]) if t["number"] == "1")
        refused = client.post(f"{TASKS}/{task['id']}/progress", json={"percent": 10}, headers=auth("vietri.canbo"))
        assert_problem(refused, 404)
