"""What a follower of the indicators feed (the notifications service) learns from the events alone, without
reading the indicators schema: who owes each indicator a value, how often and by which dates (`indicator.duties`,
`plan.schedule_changed`), and values that name their indicator and period."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.gateway.identity_support import Auth, agency_by_code, create_agency
from tests.gateway.test_agencies import merge
from tests.indicators.support import (
    HEADER,
    INDICATORS,
    act,
    all_indicators,
    detail,
    events_after,
    import_file,
    own_plan,
    report,
    wait_for_events,
)

ROWS = """,Đến hết năm 2030,,,,,,,
1,Lĩnh vực Y tế,,,,,,,
1.1,Có ≥ 80% cơ sở khám chữa bệnh triển khai bệnh án điện tử,Sở Y tế,,,,,,
1.2,Có ≥ 10 bài báo khoa học (Scopus/WoS),Đại học Hùng Vương 05 bài; Đại học Công nghiệp Việt Trì 05 bài,,,,,,
1.3,Đón ≥12 triệu lượt khách/năm và doanh thu ≥15.000 tỷ đồng/năm,"Sở Văn hóa, Thể thao và Du lịch",,du_lich_van_hoa,,,,
1.3.a,đón ≥12 triệu lượt khách/năm,,,,,,,
1.3.b,doanh thu ≥15.000 tỷ đồng/năm,,,,,,,
"""
CODES = ("SYT", "SKHCN", "DH_HUNG_VUONG", "DH_CN_VIET_TRI")
DEFAULT_SCHEDULE = {
    "quarter": {"month_of_quarter": 3, "day": 10},
    "half_year": [{"month": 6, "day": 1}, {"month": 12, "day": 1}],
    "year": {"month": 12, "day": 15},
}


def tail(api: httpx.Client, auth: Auth) -> str | None:
    return events_after(api, auth("coordinator"), None)[1]


def wait_for(
    api: httpx.Client, auth: Auth, after: str | None, found: Callable[[list[dict[str, Any]]], bool]
) -> list[dict[str, Any]]:
    return wait_for_events(api, auth("coordinator"), after, found)


def duties(events: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The last `indicator.duties` event of each indicator."""
    return {e["subject_id"]: e for e in events if e["event_type"] == "indicator.duties"}


@pytest.fixture(scope="module")
def world(client: httpx.Client, auth: Auth) -> dict[str, Any]:
    after = tail(client, auth)
    plan, by_tt = own_plan(client, auth, ROWS)
    ids = {i["id"] for i in by_tt.values()}
    events = wait_for(client, auth, after, lambda found: ids <= duties(found).keys())
    return {
        "plan": plan,
        "i": by_tt,
        "imported": duties(events),
        "agency": {c: agency_by_code(client, auth, c)["id"] for c in CODES},
    }


class TestDuties:
    def test_an_import_tells_who_reports_each_indicator_how_often_and_by_which_dates(
        self, world: dict[str, Any]
    ) -> None:
        agency, plan = world["agency"], world["plan"]
        split = world["imported"][world["i"]["1.2"]["id"]]

        assert split["subject_type"] == "indicator"
        assert split["payload"] == {
            "indicator_id": world["i"]["1.2"]["id"],
            "plan_id": plan["id"],
            "plan_key": plan["key"],
            "plan_symbol": plan["symbol"],
            "tt": "1.2",
            "name": "Có ≥ 10 bài báo khoa học (Scopus/WoS)",
            "periodicity": "year",
            "reporters": sorted([agency["DH_HUNG_VUONG"], agency["DH_CN_VIET_TRI"]]),
            "schedule": DEFAULT_SCHEDULE,
        }
        # The standing agency monitors a split indicator: it is told too, but owes nothing.
        assert set(split["agency_ids"]) == {agency["DH_HUNG_VUONG"], agency["DH_CN_VIET_TRI"], agency["SKHCN"]}

    def test_a_single_agency_reports_what_it_monitors_and_a_composite_is_reported_through_its_parts(
        self, world: dict[str, Any]
    ) -> None:
        imported, i = world["imported"], world["i"]
        assert imported[i["1.1"]["id"]]["payload"]["reporters"] == [world["agency"]["SYT"]]
        composite = imported[i["1.3"]["id"]]
        assert composite["payload"]["reporters"] == []
        assert composite["agency_ids"] == [i["1.3"]["monitoring_agency"]["id"]]
        for part in ("1.3.a", "1.3.b"):
            assert imported[i[part]["id"]]["payload"]["tt"] == part

    def test_a_new_periodicity_is_published_and_other_corrections_are_not(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        indicator = world["i"]["1.1"]["id"]
        after = tail(client, auth)
        for change in ({"note": "Theo số liệu của Sở Y tế"}, {"periodicity": "quarter"}):
            current = detail(client, auth, indicator)
            saved = client.patch(
                f"{INDICATORS}/{indicator}",
                json=change,
                headers=auth("coordinator") | {"If-Match": current.headers["ETag"]},
            )
            assert saved.status_code == 200, saved.text

        events = wait_for(client, auth, after, lambda found: indicator in duties(found))
        published = [e for e in events if e["event_type"] == "indicator.duties" and e["subject_id"] == indicator]
        assert [e["payload"]["periodicity"] for e in published] == ["quarter"]
        assert published[0]["payload"]["reporters"] == [world["agency"]["SYT"]]

    def test_a_new_schedule_is_published_once_with_the_agencies_that_report_under_the_plan(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        agency, plan = world["agency"], world["plan"]
        url = f"{INDICATORS}/plans/{plan['key']}/schedule"
        after = tail(client, auth)
        for _ in range(2):  # the second time changes nothing
            etag = client.get(f"{INDICATORS}/plans/{plan['key']}", headers=auth("coordinator")).headers["ETag"]
            put = client.put(
                url, json={"year": {"month": 12, "day": 20}}, headers=auth("coordinator") | {"If-Match": etag}
            )
            assert put.status_code == 200, put.text

        events = wait_for(client, auth, after, lambda found: any(e["subject_id"] == plan["id"] for e in found))
        (changed,) = [e for e in events if e["event_type"] == "plan.schedule_changed"]
        assert (changed["subject_type"], changed["subject_id"]) == ("plan", plan["id"])
        assert changed["payload"] == {
            "plan_id": plan["id"],
            "plan_key": plan["key"],
            "plan_symbol": plan["symbol"],
            "schedule": DEFAULT_SCHEDULE | {"year": {"month": 12, "day": 20}},
        }
        assert {agency[c] for c in CODES} <= set(changed["agency_ids"])


def test_a_value_names_its_indicator_plan_and_period(client: httpx.Client, auth: Auth, world: dict[str, Any]) -> None:
    indicator = world["i"]["1.2"]
    after = tail(client, auth)
    sent = report(
        client,
        auth,
        "coordinator",
        indicator["id"],
        {"agency_id": world["agency"]["DH_HUNG_VUONG"], "period": "2025", "value": 3, "submit": True},
    )
    assert sent.status_code == 201, sent.text
    assert act(client, auth, "admin", sent.json(), "review", {"decision": "accept"}).status_code == 200

    events = wait_for(
        client, auth, after, lambda found: len([e for e in found if e["subject_id"] == sent.json()["id"]]) == 2
    )
    by_type = {e["event_type"]: e["payload"] for e in events if e["subject_id"] == sent.json()["id"]}
    assert set(by_type) == {"value.submitted", "value.accepted"}
    for payload in by_type.values():
        assert payload["indicator_id"] == indicator["id"]
        assert payload["indicator_name"] == "Có ≥ 10 bài báo khoa học (Scopus/WoS)"
        assert (payload["plan_id"], payload["period"], payload["period_label"]) == (
            world["plan"]["id"],
            "2025",
            "Năm 2025",
        )


def test_every_seed_indicator_published_who_reports_it(client: httpx.Client, auth: Auth) -> None:
    events, _ = events_after(client, auth("coordinator"), None)
    published = duties(events)
    plans = {p["key"]: p for p in client.get(f"{INDICATORS}/plans", headers=auth("coordinator")).json()}
    seeds = [i for i in all_indicators(client, auth("coordinator")) if i["plan_key"] in ("7316-KH-UBND", "02-CTr-TU")]
    assert len(seeds) == 206 and all(i["id"] in published for i in seeds)

    papers = [i for i in seeds if "Scopus" in i["text"] and i["plan_key"] == "7316-KH-UBND"]
    universities = sorted(agency_by_code(client, auth, c)["id"] for c in ("DH_HUNG_VUONG", "DH_CN_VIET_TRI"))
    assert len(papers) == 3
    for paper in papers:
        payload = published[paper["id"]]["payload"]
        assert payload["reporters"] == universities
        assert (payload["plan_symbol"], payload["tt"]) == (plans["7316-KH-UBND"]["symbol"], paper["tt"])
        assert payload["schedule"] == plans["7316-KH-UBND"]["report_schedule"]

    for seed in seeds[::10]:
        shown = detail(client, auth, seed["id"]).json()
        owed = [c["agency"]["id"] for c in shown["contributors"]] or [shown["monitoring_agency"]["id"]]
        expected = [] if shown["parts"] else sorted(owed)
        assert published[seed["id"]]["payload"]["reporters"] == expected, seed["tt"]


def test_a_merged_agencys_duties_follow_it(client: httpx.Client, auth: Auth) -> None:
    a, b = create_agency(client, auth), create_agency(client, auth)
    plan, _ = own_plan(client, auth, ",Năm 2026,,,,,,,\n1,Có ≥ 1 mô hình,Sở Y tế,,,,,,\n")
    rows = HEADER + f",Năm 2026,,,,,,,\n1,Có ≥ 1 mô hình,Sở Y tế,,,,,,\n2,Có ≥ 3 mô hình số,{a['name']},,,,,,\n"
    deadline = time.monotonic() + 90  # the directory feed is polled; a loaded CI machine is slow
    while import_file(client, auth, plan["key"], rows, dry_run=True).json()["errors"]:  # until A is in the directory
        assert time.monotonic() < deadline, "the indicators service did not learn of the new agency in time"
        time.sleep(0.5)
    assert import_file(client, auth, plan["key"], rows, dry_run=False).status_code == 200
    indicator = next(i for i in all_indicators(client, auth("coordinator"), plan=plan["key"]) if i["tt"] == "2")
    after = tail(client, auth)

    assert merge(client, auth, a["id"], b["id"]).status_code == 200

    events = wait_for(client, auth, after, lambda found: indicator["id"] in duties(found))
    moved = duties(events)[indicator["id"]]
    assert moved["payload"]["reporters"] == [b["id"]] and moved["agency_ids"] == [b["id"]]
    assert moved["actor"]
