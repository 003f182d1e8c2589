"""The seed indicators after the run command: every indicator of the documents, counted per plan, part and
milestone as the documents print them; split and composite indicators; targets that disagree across plans."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import httpx
import pytest

from tests.gateway.identity_support import Auth
from tests.indicators.support import INDICATORS, all_indicators

# Counted by hand from the documents: 002 Phụ lục I (part I "trọng tâm", part II "chủ yếu"), 001 "Mục tiêu cụ
# thể", 003 "Mục tiêu cụ thể", 004 "Mục tiêu cụ thể năm 2026" (the three bullets of 2.1, the second of which
# states two targets, and the deliverable of 2.3).
EXPECTED = {
    ("7316-KH-UBND", "trong_tam", 2025): 22,
    ("7316-KH-UBND", "trong_tam", 2030): 40,
    ("7316-KH-UBND", "trong_tam", 2045): 15,
    ("7316-KH-UBND", "chu_yeu", 2025): 27,
    ("7316-KH-UBND", "chu_yeu", 2030): 36,
    ("7316-KH-UBND", "chu_yeu", 2045): 34,
    ("02-CTr-TU", None, 2025): 8,
    ("02-CTr-TU", None, 2030): 16,
    ("02-CTr-TU", None, 2045): 8,
    ("003-KH-UBND", None, 2026): 4,
    ("003-KH-UBND", None, 2030): 3,
    ("004-KH-SNgV", None, 2026): 4,
}


@pytest.fixture(scope="module")
def seeds(client: httpx.Client, auth: Auth) -> list[dict[str, object]]:
    return [i for i in all_indicators(client, auth("coordinator")) if i["plan_key"] in {k[0] for k in EXPECTED}]


def test_every_indicator_of_the_documents_is_loaded_per_plan_part_and_milestone(seeds: list[dict[str, object]]) -> None:
    counted = Counter((i["plan_key"], i["part_kind"], i["milestone_year"]) for i in seeds)
    assert dict(counted) == EXPECTED
    assert sum(EXPECTED.values()) == 217


def test_the_plans_report_their_counts(client: httpx.Client, auth: Auth) -> None:
    plans = {p["key"]: p["indicators"] for p in client.get(f"{INDICATORS}/plans", headers=auth("coordinator")).json()}
    assert plans["7316-KH-UBND"] == 174 and plans["02-CTr-TU"] == 32 and plans["003-KH-UBND"] == 7


def test_the_scopus_papers_are_split_between_the_two_universities_at_every_milestone(
    client: httpx.Client, auth: Auth, seeds: list[dict[str, object]]
) -> None:
    papers = [i for i in seeds if "Scopus" in str(i["text"]) and i["plan_key"] == "7316-KH-UBND"]
    found = {}
    for paper in papers:
        detail = client.get(f"{INDICATORS}/{paper['id']}", headers=auth("coordinator")).json()
        found[detail["milestone_year"]] = (
            Decimal(detail["target_value"]),
            detail["aggregation"],
            sorted((c["agency"]["name"], Decimal(c["split_target"])) for c in detail["contributors"]),
        )
    universities = ("Trường Đại học Công nghiệp Việt Trì", "Trường Đại học Hùng Vương")
    assert found == {
        year: (Decimal(total), "sum", [(universities[0], Decimal(total // 2)), (universities[1], Decimal(total // 2))])
        for year, total in ((2025, 10), (2030, 20), (2045, 30))
    }


def test_the_tourism_target_of_2030_keeps_every_sub_target_as_a_part(
    client: httpx.Client, auth: Auth, seeds: list[dict[str, object]]
) -> None:
    tourism = next(
        i for i in seeds if str(i["text"]).startswith("Đến năm 2030, đưa Phú Thọ trở thành trung tâm văn hóa")
    )
    detail = client.get(f"{INDICATORS}/{tourism['id']}", headers=auth("leader")).json()
    assert detail["composite"] and len(detail["parts"]) == 11
    visitors = next(p for p in detail["parts"] if "12 triệu" in p["text"])
    assert (visitors["comparator"], Decimal(visitors["target_value"]), visitors["unit"]) == (
        "gte",
        12_000_000,
        "visitors",
    )
    top = next(p for p in detail["parts"] if "Top 5" in p["text"])
    assert (top["comparator"], Decimal(top["target_value"]), top["unit"]) == ("lte", 5, "rank")


def test_the_same_metric_across_plans_is_linked_and_a_different_target_is_shown_as_a_conflict(
    client: httpx.Client, auth: Auth
) -> None:
    conflicts = client.get(f"{INDICATORS}/conflicts", headers=auth("coordinator")).json()
    by_key = {
        (c["metric_key"], c["milestone_year"]): sorted((t["plan_key"], str(t["target_value"])) for t in c["targets"])
        for c in conflicts
    }
    assert by_key[("chi_so_cds_tinh", 2030)] == [("02-CTr-TU", "0.75"), ("7316-KH-UBND", "0.80")]
    assert by_key[("nhan_luc_nckh_van_dan", 2045)] == [("02-CTr-TU", "15"), ("7316-KH-UBND", "54")]
    index_2030 = next(
        i["indicator_id"]
        for c in conflicts
        if c["metric_key"] == "chi_so_cds_tinh" and c["milestone_year"] == 2030
        for i in c["targets"]
        if i["plan_key"] == "7316-KH-UBND"
    )
    linked = client.get(f"{INDICATORS}/{index_2030}", headers=auth("coordinator")).json()["linked"]
    assert {(x["plan_key"], x["milestone_year"], x["conflict"]) for x in linked} >= {
        ("02-CTr-TU", 2030, True),
        ("7316-KH-UBND", 2025, False),
        ("7316-KH-UBND", 2045, False),
    }


def test_a_commune_sees_only_the_indicators_it_reports_and_the_sentences_no_one_could_read_wait_for_a_person(
    client: httpx.Client, auth: Auth, seeds: list[dict[str, object]]
) -> None:
    commune = all_indicators(client, auth("vietri.canbo"), plan="7316-KH-UBND")
    everything = [i for i in seeds if i["plan_key"] == "7316-KH-UBND"]
    assert 0 < len(commune) < len(everything)
    assert all(i["id"] in {s["id"] for s in everything} for i in commune)
    assert any(
        "UBND cấp" in str(i["monitoring_text"]) or "Các Sở, ban, ngành" in str(i["monitoring_text"]) for i in commune
    )
    flagged = all_indicators(client, auth("coordinator"), plan="7316-KH-UBND", needs_review="true")
    assert flagged and all(i["review_reasons"] for i in flagged)


def test_demo_history_is_marked_as_demo(client: httpx.Client, auth: Auth, seeds: list[dict[str, object]]) -> None:
    with_values = next(i for i in seeds if i["current_value"] is not None)
    series = client.get(f"{INDICATORS}/{with_values['id']}/series", headers=auth("coordinator")).json()
    assert series["province"] and all(p["demo"] for p in series["province"])


def test_the_list_filters_by_sector_milestone_status_agency_and_words_without_accents(
    client: httpx.Client, auth: Auth, seeds: list[dict[str, object]]
) -> None:
    headers = auth("coordinator")
    health = all_indicators(client, headers, plan="7316-KH-UBND", sector="y_te", milestone=2030)
    assert len(health) == 7 and all(i["sector"] == "y_te" and i["milestone_year"] == 2030 for i in health)
    index = all_indicators(client, headers, q="chi so chuyen doi so cap tinh")
    assert {(i["plan_key"], i["milestone_year"]) for i in index} >= {
        ("7316-KH-UBND", 2025),
        ("7316-KH-UBND", 2030),
        ("7316-KH-UBND", 2045),
    }
    syt = next(i["monitoring_agency"]["id"] for i in health)
    monitored = all_indicators(client, headers, monitoring_agency_id=syt)
    assert monitored and all(i["monitoring_agency"]["id"] == syt for i in monitored)
    reporting = all_indicators(client, headers, contributing_agency_id=syt, plan="7316-KH-UBND")
    assert len(reporting) > len([i for i in monitored if i["plan_key"] == "7316-KH-UBND"])  # shares of group rows too
    for status in ("achieved", "at_risk", "no_data"):
        found = all_indicators(client, headers, status=status)
        assert all(i["status"] == status for i in found)
    assert sum(
        len(all_indicators(client, headers, status=s))
        for s in ("achieved", "on_track", "needs_acceleration", "at_risk", "no_data")
    ) >= len(seeds)
    bad = client.get(INDICATORS, params={"sector": "thể thao"}, headers=headers)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "sector"
