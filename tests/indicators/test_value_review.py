"""Values per period and their review: a contributing agency submits, the monitoring agency (or the standing
agency) returns with a reason, the agency corrects and resubmits, it is accepted and the province value follows;
other agencies neither see nor touch it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest

from tests.conftest import assert_problem
from tests.gateway.identity_support import Auth, agency_by_code
from tests.indicators.support import INDICATORS, act, detail, key, own_plan, report

ROWS = """I.,Chỉ tiêu các nhiệm vụ có tính trọng tâm,,,,,,,
,Đến hết năm 2030,,,,,,,
1,Lĩnh vực Y tế,,,,,,,
1.1,Có ≥ 80% cơ sở khám chữa bệnh triển khai bệnh án điện tử,Sở Y tế,,,,,,
1.2,80% dân số trưởng thành tiếp cận dịch vụ số trong y tế,Sở Y tế; Phường Việt Trì,,,,,,
1.3,Có ≥ 10 bài báo khoa học (Scopus/WoS),Đại học Hùng Vương 05 bài; Đại học Công nghiệp Việt Trì 05 bài,,,,,,
1.4,"Chuyển đổi số toàn diện, hình thành nền y tế thông minh",Sở Y tế,,,,,,
1.5,Đón ≥12 triệu lượt khách/năm và doanh thu ≥15.000 tỷ đồng/năm,"Sở Văn hóa, Thể thao và Du lịch",,du_lich_van_hoa,,,,
1.5.a,đón ≥12 triệu lượt khách/năm,,,,,,,
1.5.b,doanh thu ≥15.000 tỷ đồng/năm,,,,,,,
"""


@pytest.fixture(scope="module")
def world(client: httpx.Client, auth: Auth) -> dict[str, Any]:
    plan, by_tt = own_plan(client, auth, ROWS)
    codes = ("SYT", "PHUONG_VIET_TRI", "DH_HUNG_VUONG", "DH_CN_VIET_TRI", "STC")
    return {"plan": plan, "i": by_tt, "agency": {c: agency_by_code(client, auth, c)["id"] for c in codes}}


def _value(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    return body


class TestReviewFlow:
    def test_submitted_returned_corrected_resubmitted_accepted(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        shared = world["i"]["1.2"]
        assert shared["monitoring_agency"]["name"] == "Sở Khoa học và Công nghệ"  # several reporters: standing agency
        sent = _value(
            report(client, auth, "syt.canbo", shared["id"], {"period": "2026", "value": 62, "submit": True}), 201
        )
        assert (sent["state"], sent["late"], sent["agency_name"]) == ("submitted", False, "Sở Y tế")

        # The reporting agency's own leader does not monitor this indicator; nobody reviews without a reason.
        assert_problem(act(client, auth, "syt.lanhdao", sent, "review", {"decision": "accept"}), 403)
        assert_problem(act(client, auth, "coordinator", sent, "review", {"decision": "return"}), 422, "reason")
        why = "Số liệu chưa khớp báo cáo thống kê của Cục Thống kê"
        returned = _value(act(client, auth, "coordinator", sent, "review", {"decision": "return", "reason": why}))
        assert (returned["state"], returned["return_reason"]) == ("returned", why)

        corrected = client.patch(
            f"{INDICATORS}/values/{sent['id']}",
            json={"value": 64, "note": "Theo số liệu Cục Thống kê", "submit": True},
            headers=auth("syt.canbo") | {"If-Match": f'"{returned["version"]}"'},
        )
        resubmitted = _value(corrected)
        assert (resubmitted["state"], Decimal(resubmitted["value"])) == ("submitted", 64)
        accepted = _value(act(client, auth, "coordinator", resubmitted, "review", {"decision": "accept"}))
        assert accepted["state"] == "accepted" and accepted["reviewed_by"] == "coordinator"
        actions = [(r["action"], r["state"]) for r in accepted["revisions"]]
        assert actions == [
            ("created", "draft"),
            ("submitted", "submitted"),
            ("returned", "returned"),
            ("corrected", "draft"),
            ("submitted", "submitted"),
            ("accepted", "accepted"),
        ]
        assert [Decimal(r["value"]) for r in accepted["revisions"][:3]] == [62, 62, 62]  # the first figure is kept

        # The province value is the mean of what was accepted; the commune's share arrives and moves it.
        assert Decimal(_value(detail(client, auth, shared["id"]))["current_value"]) == 64
        commune = _value(
            report(client, auth, "vietri.canbo", shared["id"], {"period": "2026", "value": 70, "submit": True}), 201
        )
        _value(act(client, auth, "coordinator", commune, "review", {"decision": "accept"}))
        after = _value(detail(client, auth, shared["id"]))
        assert Decimal(after["current_value"]) == 67 and after["current_period"] == "2026"
        assert after["status"] in {"on_track", "needs_acceleration", "at_risk"}

    def test_the_monitoring_agency_reviews_but_nobody_accepts_their_own_submission(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        own = world["i"]["1.1"]
        assert own["monitoring_agency"]["name"] == "Sở Y tế"
        sent = _value(
            report(client, auth, "syt.lanhdao", own["id"], {"period": "2026", "value": 85, "submit": True}), 201
        )
        assert_problem(act(client, auth, "syt.lanhdao", sent, "review", {"decision": "accept"}), 403)
        draft = _value(
            report(
                client,
                auth,
                "syt.canbo",
                world["i"]["1.4"]["id"],
                {
                    "period": "2026",
                    "claimed_status": "on_track",
                    "note": "Đã triển khai bệnh án điện tử tại 12 bệnh viện",
                    "evidence": [
                        {"title": "Báo cáo số 15/BC-SYT", "document_number": "15/BC-SYT", "document_date": "2026-10-01"}
                    ],
                },
            ),
            201,
        )
        assert draft["state"] == "draft"
        submitted = _value(act(client, auth, "syt.canbo", draft, "submit"))
        assert_problem(act(client, auth, "syt.canbo", submitted, "review", {"decision": "accept"}), 403)
        _value(act(client, auth, "syt.lanhdao", submitted, "review", {"decision": "accept"}))
        qualitative = _value(detail(client, auth, world["i"]["1.4"]["id"]))
        assert (qualitative["comparator"], qualitative["status"], qualitative["manual_status"]) == (
            "qualitative",
            "on_track",
            "on_track",
        )
        accepted = _value(act(client, auth, "coordinator", sent, "review", {"decision": "accept"}))
        assert accepted["reviewed_by"] == "coordinator"
        assert _value(detail(client, auth, own["id"]))["status"] == "achieved"  # 85% ≥ 80%

    def test_split_targets_are_carried_and_the_universities_values_add_up(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        papers = _value(detail(client, auth, world["i"]["1.3"]["id"]))
        splits = {
            c["agency"]["id"]: (Decimal(c["split_target"]), c["split_unit_label"]) for c in papers["contributors"]
        }
        assert splits == {
            world["agency"]["DH_HUNG_VUONG"]: (Decimal(5), "bài"),
            world["agency"]["DH_CN_VIET_TRI"]: (Decimal(5), "bài"),
        }
        assert (papers["aggregation"], Decimal(papers["target_value"])) == ("sum", 10)
        for code, count in (("DH_HUNG_VUONG", 6), ("DH_CN_VIET_TRI", 5)):
            body = {"period": "2026", "value": count, "agency_id": world["agency"][code], "submit": True}
            sent = _value(report(client, auth, "coordinator", papers["id"], body), 201)
            _value(act(client, auth, "admin", sent, "review", {"decision": "accept"}))
        rolled = _value(detail(client, auth, papers["id"]))
        assert (Decimal(rolled["current_value"]), rolled["status"], Decimal(rolled["attainment"])) == (
            11,
            "achieved",
            1,
        )
        series = _value(client.get(f"{INDICATORS}/{papers['id']}/series", headers=auth("leader")))
        assert [(p["period"], Decimal(p["value"]), p["reported"], p["expected"]) for p in series["province"]] == [
            ("2026", Decimal(11), 2, 2)
        ]

    def test_a_composite_keeps_each_target_as_a_part_and_takes_its_status_from_them(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        whole = _value(detail(client, auth, world["i"]["1.5"]["id"]))
        parts = {p["tt"]: (p["comparator"], Decimal(p["target_value"]), p["unit"]) for p in whole["parts"]}
        assert parts == {
            "1.5.a": ("gte", Decimal(12_000_000), "visitors"),
            "1.5.b": ("gte", Decimal(15_000), "billion_vnd"),
        }
        assert whole["composite"] and whole["sector"] == "du_lich_van_hoa" and whole["status"] == "no_data"


class TestBadReports:
    def test_late_periods_wrong_periods_and_impossible_values(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        own = world["i"]["1.1"]["id"]
        late = _value(report(client, auth, "syt.canbo", own, {"period": "2025", "value": 70, "submit": True}), 201)
        assert late["late"] and late["due_on"] == "2025-12-14"  # annual reports are due before 15/12
        assert_problem(report(client, auth, "syt.canbo", own, {"period": "2026-Q1", "value": 70}), 422, "period")
        assert_problem(report(client, auth, "syt.canbo", own, {"period": "2031", "value": 70}), 422, "period")
        assert_problem(report(client, auth, "syt.canbo", own, {"period": "năm nay", "value": 70}), 422, "period")
        assert_problem(report(client, auth, "syt.canbo", own, {"period": "2024", "value": 120}), 422, "value")
        assert_problem(report(client, auth, "syt.canbo", own, {"period": "2024"}), 422, "value")
        assert_problem(report(client, auth, "syt.canbo", own, {"period": "2025", "value": 71}), 409, "period")
        qualitative = world["i"]["1.4"]["id"]
        assert_problem(
            report(client, auth, "syt.canbo", qualitative, {"period": "2024", "value": 1}), 422, "claimed_status"
        )
        bare = {"period": "2024", "claimed_status": "achieved"}
        assert_problem(report(client, auth, "syt.canbo", qualitative, bare), 422, "evidence")
        # Nothing half-written: the refused reports left no value behind.
        values = f"{INDICATORS}/{own}/values"
        assert _value(client.get(values, params={"period": "2024"}, headers=auth("syt.canbo"))) == []
        assert [
            v["period"] for v in _value(client.get(values, params={"period": "2025"}, headers=auth("syt.canbo")))
        ] == ["2025"]

    def test_a_retried_report_acts_once_and_a_stale_copy_is_refused(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        own = world["i"]["1.1"]["id"]
        retry = key()
        first = report(client, auth, "syt.canbo", own, {"period": "2024", "value": 50}, idem=retry)
        again = report(client, auth, "syt.canbo", own, {"period": "2024", "value": 50}, idem=retry)
        assert first.status_code == again.status_code == 201 and first.json()["id"] == again.json()["id"]
        assert again.headers.get("Idempotent-Replayed") == "true"
        value = first.json()
        fresh = client.patch(
            f"{INDICATORS}/values/{value['id']}",
            json={"value": 52},
            headers=auth("syt.canbo") | {"If-Match": f'"{value["version"]}"'},
        )
        assert fresh.status_code == 200, fresh.text
        stale = client.patch(
            f"{INDICATORS}/values/{value['id']}",
            json={"value": 53},
            headers=auth("syt.canbo") | {"If-Match": f'"{value["version"]}"'},
        )
        assert_problem(stale, 412)
        assert_problem(
            client.patch(f"{INDICATORS}/values/{value['id']}", json={"value": 53}, headers=auth("syt.canbo")), 428
        )


class TestAnotherAgency:
    def test_a_commune_neither_sees_nor_touches_the_departments_indicator_or_value(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        own = world["i"]["1.1"]["id"]
        value = _value(report(client, auth, "syt.canbo", own, {"period": "2023", "value": 40, "submit": True}), 201)
        headers = auth("vietri.canbo")
        assert_problem(client.get(f"{INDICATORS}/{own}", headers=headers), 404)
        assert_problem(client.get(f"{INDICATORS}/{own}/series", headers=headers), 404)
        assert_problem(client.get(f"{INDICATORS}/{own}/values", headers=headers), 404)
        assert_problem(client.get(f"{INDICATORS}/values/{value['id']}", headers=headers), 404)
        assert_problem(report(client, auth, "vietri.canbo", own, {"period": "2026", "value": 1}), 404)
        assert_problem(act(client, auth, "vietri.lanhdao", value, "review", {"decision": "accept"}), 404)
        patched = client.patch(
            f"{INDICATORS}/values/{value['id']}",
            json={"value": 1},
            headers=headers | {"If-Match": f'"{value["version"]}"'},
        )
        assert_problem(patched, 404)
        listed = _value(client.get(INDICATORS, params={"plan": world["plan"]["key"]}, headers=headers))
        assert {i["tt"] for i in listed["items"]} == {"1.2"}  # only the indicator it reports a share of
        queue = _value(client.get(f"{INDICATORS}/review-queue", headers=auth("vietri.lanhdao")))
        assert all(v["agency_name"] != "Sở Y tế" for v in queue["items"])
        assert (
            _value(client.get(f"{INDICATORS}/values/{value['id']}", headers=auth("syt.canbo")))["state"] == "submitted"
        )

    def test_the_viewer_of_the_same_agency_reads_but_may_not_report(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        plan, by_tt = own_plan(
            client, auth, ",Đến hết năm 2030,,,,,,,\n1,Có ≥ 20% doanh nghiệp ứng dụng công nghệ số,Sở Tài chính,,,,,,\n"
        )
        indicator = by_tt["1"]["id"]
        assert detail(client, auth, indicator, "viewer").status_code == 200
        assert_problem(report(client, auth, "viewer", indicator, {"period": "2026", "value": 10}), 403)
        assert_problem(client.get(f"{INDICATORS}/review-queue", headers=auth("viewer")), 403)
        assert plan["key"]
