"""Import and export in the shape of Phụ lục I: a dry run reports row by row and writes nothing, a file with
errors is refused whole, the same file twice changes nothing, and the export reads back unchanged."""

from __future__ import annotations

import io
import uuid

import httpx
from openpyxl import load_workbook

from tests.conftest import assert_problem
from tests.gateway.identity_support import Auth, agency_by_code
from tests.indicators.support import HEADER, INDICATORS, all_indicators, import_file, key

GOOD = """I.,Chỉ tiêu thực hiện các nhiệm vụ chủ yếu,,,,,,,
I,Đến hết năm 2025,,,,,,,
5,Phát triển chuyển đổi số,,,,,,,
5.1,Chỉ số chuyển đổi số cấp tỉnh ≥ 0.70,Sở Khoa học và Công nghệ,,,,,,
5.2,Tỷ lệ giao dịch không dùng tiền mặt đạt tối thiểu 60%,Ngân hàng Nhà nước chi nhánh Khu vực IV,,,Quý,,,
5.3,Đẩy mạnh ứng dụng thương mại điện tử.,Sở Công thương,,,,,,
5.4,"Có ≥ 1,0 % tổng chi ngân sách địa phương chi cho khoa học; tỷ lệ chi đạt 2% GRDP.",Sở Tài chính,,,,,,
"""
BAD = """,Đến hết năm 2030,,,,,,,
1,Có ≥ 20 công trình khoa học được nghiệm thu,Sở Khoa hoc va Cong nge,,,,,,
2,Có ≥ 3 vườn ươm,,,,,,,
3,Có ≥ 30% doanh nghiệp ứng dụng công nghệ số,Sở Tài chính,,,Hàng tuần,,,
"""


def _plan(client: httpx.Client, auth: Auth) -> str:
    plan_key = f"NK-{uuid.uuid4().hex[:8]}"
    body = {
        "key": plan_key,
        "symbol": f"{plan_key}/KH",
        "title": "Kế hoạch kiểm thử nhập chỉ tiêu",
        "standing_agency_id": agency_by_code(client, auth, "SKHCN")["id"],
    }
    created = client.post(f"{INDICATORS}/plans", json=body, headers=auth("coordinator") | {"Idempotency-Key": key()})
    assert created.status_code == 201, created.text
    return plan_key


class TestImport:
    def test_a_dry_run_reports_every_row_and_writes_nothing(self, client: httpx.Client, auth: Auth) -> None:
        plan = _plan(client, auth)
        dry = import_file(client, auth, plan, HEADER + BAD, dry_run=True)
        assert dry.status_code == 200, dry.text
        errors = {(e["row"], e["field"]) for e in dry.json()["errors"]}
        assert errors == {
            (3, "Cơ quan chủ trì theo dõi, đánh giá"),  # a misspelt agency, with the name it probably means
            (4, "Cơ quan chủ trì theo dõi, đánh giá"),  # no agency at all
            (5, "Kỳ báo cáo"),
        }
        suggestion = next(e["suggestion"] for e in dry.json()["errors"] if e["row"] == 3)
        assert suggestion == "Sở Khoa học và Công nghệ"
        real = import_file(client, auth, plan, HEADER + BAD, dry_run=False)
        assert_problem(real, 422)
        assert all_indicators(client, auth("coordinator"), plan=plan) == []

    def test_the_sentence_gives_comparator_target_and_unit_or_a_person_is_asked(
        self, client: httpx.Client, auth: Auth
    ) -> None:
        plan = _plan(client, auth)
        dry = import_file(client, auth, plan, HEADER + GOOD, dry_run=True).json()
        assert (dry["indicators"], dry["created"], dry["errors"]) == (4, 4, [])
        assert [r["tt"] for r in dry["needs_review"]] == ["5.4"]  # two targets in one sentence
        assert [r["tt"] for r in dry["qualitative"]] == ["5.3"]
        done = import_file(client, auth, plan, HEADER + GOOD, dry_run=False).json()
        assert (done["created"], done["dry_run"]) == (4, False)
        rows = {i["tt"]: i for i in all_indicators(client, auth("coordinator"), plan=plan)}
        assert (rows["5.1"]["comparator"], rows["5.1"]["target_value"], rows["5.1"]["unit"]) == ("gte", "0.70", "index")
        assert (rows["5.2"]["periodicity"], rows["5.2"]["monitoring_agency"]["name"]) == (
            "quarter",
            "Ngân hàng Nhà nước chi nhánh Khu vực IV",
        )
        assert rows["5.1"]["sector"] == "chuyen_doi_so" and rows["5.1"]["part_kind"] == "chu_yeu"
        assert rows["5.4"]["needs_review"] and rows["5.3"]["comparator"] == "qualitative"

    def test_the_same_file_twice_changes_nothing_and_the_export_reads_back_unchanged(
        self, client: httpx.Client, auth: Auth
    ) -> None:
        plan = _plan(client, auth)
        first = import_file(client, auth, plan, HEADER + GOOD, dry_run=False).json()
        again = import_file(client, auth, plan, HEADER + GOOD, dry_run=False).json()
        assert first["created"] == 4 and (again["already_imported"], again["created"], again["updated"]) == (True, 0, 0)
        exported = client.get(f"{INDICATORS}/plans/{plan}/export.xlsx", headers=auth("coordinator"))
        assert exported.status_code == 200
        sheet = load_workbook(io.BytesIO(exported.content)).active
        assert sheet is not None
        rows = [[c or "" for c in r] for r in sheet.iter_rows(values_only=True)]
        assert rows[0][:3] == ["TT", "Chỉ tiêu", "Cơ quan chủ trì theo dõi, đánh giá"]
        assert rows[5][:2] == ["5.2", "Tỷ lệ giao dịch không dùng tiền mặt đạt tối thiểu 60%"]
        back = client.post(
            f"{INDICATORS}/plans/{plan}/imports",
            params={"dry_run": "true"},
            files={"file": ("chi-tieu.xlsx", exported.content, "application/octet-stream")},
            headers=auth("coordinator") | {"Idempotency-Key": key()},
        ).json()
        assert (back["errors"], back["created"], back["updated"], back["unchanged"]) == ([], 0, 0, 4)

    def test_only_the_standing_agency_imports_and_bad_files_are_refused_by_field(
        self, client: httpx.Client, auth: Auth
    ) -> None:
        plan = _plan(client, auth)
        for user in ("syt.lanhdao", "leader", "viewer"):
            assert_problem(import_file_as(client, auth, user, plan, HEADER + GOOD), 403)
        assert_problem(import_file_as(client, auth, "coordinator", plan, "Cột A,Cột B\n1,2\n"), 422, "dòng 1: header")
        missing = client.post(
            f"{INDICATORS}/plans/{plan}/imports",
            files={"file": ("chi-tieu.pdf", b"%PDF-1.4", "application/pdf")},
            headers=auth("coordinator") | {"Idempotency-Key": key()},
        )
        assert_problem(missing, 422, "file")
        assert_problem(import_file_as(client, auth, "coordinator", "khong-co", HEADER + GOOD), 404)


def import_file_as(client: httpx.Client, auth: Auth, user: str, plan: str, text: str) -> httpx.Response:
    return client.post(
        f"{INDICATORS}/plans/{plan}/imports",
        params={"dry_run": "false"},
        files={"file": ("chi-tieu.csv", text.encode(), "text/csv")},
        headers=auth(user) | {"Idempotency-Key": key()},
    )
