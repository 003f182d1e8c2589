"""Every endpoint of the indicators service, through the gateway and straight at the service: another agency's
user is refused (not found, never a hint that it exists), read-only callers do not write, and the summaries
(scorecard, completeness, review queue) count only what the caller may see."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from tiendo.stack import Stack

from tests.conftest import assert_problem
from tests.gateway.identity_support import Auth, agency_by_code
from tests.indicators.support import INDICATORS, act, key, own_plan, report, wait_for_events

ROWS = """,Đến hết năm 2030,,,,,,,
1,Lĩnh vực Y tế,,,,,,,
1.1,Có ≥ 90% trạm y tế xã kết nối hồ sơ sức khỏe điện tử,Sở Y tế,,,,,,
1.2,Có ≥ 50% hộ gia đình dùng dịch vụ công trực tuyến,Phường Việt Trì,,,,,,
"""


@pytest.fixture(scope="module")
def world(client: httpx.Client, auth: Auth) -> dict[str, Any]:
    plan, by_tt = own_plan(client, auth, ROWS)
    value = report(client, auth, "syt.canbo", by_tt["1.1"]["id"], {"period": "2026", "value": 91, "submit": True})
    assert value.status_code == 201, value.text
    etag = client.get(f"{INDICATORS}/{by_tt['1.1']['id']}", headers=auth("coordinator")).headers["ETag"]
    return {"plan": plan, "i": by_tt, "value": value.json(), "etag": etag}


def _health_endpoints(world: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path, request arguments) for every endpoint that works on one indicator or one of its values."""
    indicator, value = world["i"]["1.1"]["id"], world["value"]
    version = {"If-Match": f'"{value["version"]}"'}
    return [
        ("GET", f"{INDICATORS}/{indicator}", {}),
        ("GET", f"{INDICATORS}/{indicator}/series", {}),
        ("GET", f"{INDICATORS}/{indicator}/values", {}),
        ("PATCH", f"{INDICATORS}/{indicator}", {"json": {"reviewed": True}, "headers": {"If-Match": world["etag"]}}),
        ("POST", f"{INDICATORS}/{indicator}/values", {"json": {"period": "2025", "value": 50}}),
        ("GET", f"{INDICATORS}/values/{value['id']}", {}),
        ("PATCH", f"{INDICATORS}/values/{value['id']}", {"json": {"value": 1}, "headers": version}),
        ("POST", f"{INDICATORS}/values/{value['id']}/submit", {"headers": version}),
        ("POST", f"{INDICATORS}/values/{value['id']}/review", {"json": {"decision": "accept"}, "headers": version}),
    ]


def _send(http: httpx.Client, headers: dict[str, str], method: str, path: str, spec: dict[str, Any]) -> httpx.Response:
    extra = spec.get("headers", {}) | {"Idempotency-Key": key()}
    return http.request(method, path, json=spec.get("json"), headers=headers | extra)


class TestAnotherAgencyIsRefused:
    def test_every_endpoint_answers_not_found_to_the_commune_through_the_gateway_and_at_the_service(
        self, client: httpx.Client, stack: Stack, auth: Auth, world: dict[str, Any]
    ) -> None:
        with httpx.Client(base_url=stack.url("indicators"), timeout=60) as direct:
            for http in (client, direct):
                for method, path, spec in _health_endpoints(world):
                    assert_problem(_send(http, auth("vietri.lanhdao"), method, path, spec), 404)
        unchanged = client.get(f"{INDICATORS}/values/{world['value']['id']}", headers=auth("syt.canbo")).json()
        assert (unchanged["state"], unchanged["value"], unchanged["version"]) == (
            "submitted",
            "91",
            world["value"]["version"],
        )

    def test_the_service_itself_refuses_a_missing_or_forged_token(
        self, stack: Stack, auth: Auth, world: dict[str, Any]
    ) -> None:
        with httpx.Client(base_url=stack.url("indicators"), timeout=60) as direct:
            for headers in ({}, {"Authorization": "Bearer gia-mao"}):
                for method, path, spec in _health_endpoints(world)[:3]:
                    assert_problem(_send(direct, headers, method, path, spec), 401)

    def test_read_only_callers_read_but_never_write(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any], stack: Stack
    ) -> None:
        token = httpx.post(
            stack.url("gateway") + "/api/v1/auth/token",
            data={"grant_type": "client_credentials", "client_id": "ioc-demo", "client_secret": "tiendo-demo"},
        ).json()["access_token"]
        ioc = {"Authorization": f"Bearer {token}"}
        for headers in (auth("leader"), ioc):
            for method, path, spec in _health_endpoints(world):
                response = _send(client, headers, method, path, spec)
                if method == "GET":
                    assert response.status_code == 200, (path, response.text)
                else:
                    assert response.status_code == 403, (method, path, response.text)

    def test_plan_writes_belong_to_the_standing_agency(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        plan = world["plan"]["key"]
        body = {
            "key": "KT-nhom",
            "symbol": "x",
            "title": "Kế hoạch thử",
            "standing_agency_id": world["plan"]["standing_agency_id"],
        }
        schedule = {"year": {"month": 12, "day": 20}}
        for user in ("syt.lanhdao", "vietri.lanhdao", "leader", "viewer"):
            assert_problem(_send(client, auth(user), "POST", f"{INDICATORS}/plans", {"json": body}), 403)
            put = client.put(
                f"{INDICATORS}/plans/{plan}/schedule", json=schedule, headers=auth(user) | {"If-Match": '"1"'}
            )
            assert_problem(put, 403)

    def test_the_report_schedule_is_configurable_per_plan_and_checked(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        plan = world["plan"]["key"]
        current = client.get(f"{INDICATORS}/plans/{plan}", headers=auth("coordinator"))
        bad = client.put(
            f"{INDICATORS}/plans/{plan}/schedule",
            json={"year": {"month": 2, "day": 30}},
            headers=auth("coordinator") | {"If-Match": current.headers["ETag"]},
        )
        assert_problem(bad, 422, "schedule")
        good = client.put(
            f"{INDICATORS}/plans/{plan}/schedule",
            json={"year": {"month": 12, "day": 20}},
            headers=auth("coordinator") | {"If-Match": current.headers["ETag"]},
        )
        assert good.status_code == 200 and good.json()["report_schedule"]["year"] == {"month": 12, "day": 20}
        stale = client.put(
            f"{INDICATORS}/plans/{plan}/schedule",
            json={},
            headers=auth("coordinator") | {"If-Match": current.headers["ETag"]},
        )
        assert_problem(stale, 412)
        late = report(
            client, auth, "vietri.canbo", world["i"]["1.2"]["id"], {"period": "2025", "value": 40, "submit": True}
        )
        assert late.json()["due_on"] == "2025-12-19" and late.json()["late"]


class TestSummariesAreScoped:
    def test_the_scorecard_counts_only_what_the_caller_may_see(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        plan = world["plan"]["key"]
        mine = client.get(f"{INDICATORS}/scorecard", params={"plan": plan}, headers=auth("vietri.canbo")).json()
        everything = client.get(f"{INDICATORS}/scorecard", params={"plan": plan}, headers=auth("coordinator")).json()
        assert (mine["total"]["total"], everything["total"]["total"]) == (1, 2)
        assert [r["label"] for r in everything["rows"]] == ["Y tế"]
        by_agency = client.get(
            f"{INDICATORS}/scorecard", params={"plan": plan, "by": "agency"}, headers=auth("coordinator")
        ).json()
        assert sorted(r["label"] for r in by_agency["rows"]) == ["Phường Việt Trì", "Sở Y tế"]
        assert_problem(
            client.get(f"{INDICATORS}/scorecard", params={"by": "tháng"}, headers=auth("coordinator")), 422, "by"
        )

    def test_completeness_names_who_has_not_reported_within_the_callers_reach(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        plan = world["plan"]["key"]
        table = client.get(
            f"{INDICATORS}/completeness", params={"plan": plan, "period": "2026"}, headers=auth("coordinator")
        ).json()
        rows = {r["agency_name"]: (r["expected"], r["reported"], r["missing"]) for r in table["agencies"]}
        assert rows == {"Sở Y tế": (1, 1, 0), "Phường Việt Trì": (1, 0, 1)}
        assert (table["period_label"], table["missing_agencies"], table["agency_count"]) == ("Năm 2026", 1, 2)
        assert [r["agency_name"] for r in table["agencies"]] == ["Phường Việt Trì", "Sở Y tế"]  # most missing first
        first = client.get(
            f"{INDICATORS}/completeness",
            params={"plan": plan, "period": "2026", "limit": 1},
            headers=auth("coordinator"),
        ).json()
        second = client.get(
            f"{INDICATORS}/completeness",
            params={"plan": plan, "period": "2026", "limit": 1, "cursor": first["next_cursor"]},
            headers=auth("coordinator"),
        ).json()
        assert [r["agency_name"] for r in first["agencies"] + second["agencies"]] == ["Phường Việt Trì", "Sở Y tế"]
        assert second["next_cursor"] is None and first["expected"] == second["expected"] == 2
        commune = client.get(
            f"{INDICATORS}/completeness", params={"plan": plan, "period": "2026"}, headers=auth("vietri.canbo")
        ).json()
        assert [r["agency_name"] for r in commune["agencies"]] == ["Phường Việt Trì"]
        assert_problem(
            client.get(f"{INDICATORS}/completeness", params={"period": "Q5-2026"}, headers=auth("coordinator")),
            422,
            "period",
        )

    def test_the_review_queue_holds_what_waits_for_the_caller(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        waiting = {
            v["id"]
            for v in client.get(
                f"{INDICATORS}/review-queue", params={"limit": 200}, headers=auth("syt.lanhdao")
            ).json()["items"]
        }
        assert world["value"]["id"] in waiting
        commune = client.get(f"{INDICATORS}/review-queue", headers=auth("vietri.lanhdao")).json()["items"]
        assert world["value"]["id"] not in {v["id"] for v in commune}
        accepted = act(client, auth, "syt.lanhdao", world["value"], "review", {"decision": "accept"})
        assert accepted.status_code == 200, accepted.text
        world["value"] = accepted.json()
        after = client.get(f"{INDICATORS}/review-queue", params={"limit": 200}, headers=auth("syt.lanhdao")).json()
        assert world["value"]["id"] not in {v["id"] for v in after["items"]}

    def test_the_indicator_feed_carries_review_events_for_the_agencies_involved(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        events = client.get(f"{INDICATORS}/events", params={"limit": 200}, headers=auth("coordinator"))
        assert events.status_code == 200 and events.headers.get("ETag")
        # Past the first page: the seed import alone publishes an `indicator.duties` event per indicator.
        mine = wait_for_events(
            client, auth("coordinator"), None, lambda found: any(e["subject_id"] == world["value"]["id"] for e in found)
        )
        seen = [e for e in mine if e["subject_id"] == world["value"]["id"]]
        assert {e["event_type"] for e in seen} >= {"value.submitted"}
        syt = agency_by_code(client, auth, "SYT")["id"]
        assert all(syt in e["agency_ids"] for e in seen)

    def test_the_provinces_completeness_from_the_tallies_equals_the_sum_of_its_plans(
        self, client: httpx.Client, auth: Auth, world: dict[str, Any]
    ) -> None:
        headers = auth("coordinator")
        whole = client.get(f"{INDICATORS}/completeness", params={"period": "2025"}, headers=headers).json()
        plans = [p["key"] for p in client.get(f"{INDICATORS}/plans", headers=headers).json()]
        per_plan = [
            client.get(
                f"{INDICATORS}/completeness", params={"period": "2025", "plan": k, "limit": 1}, headers=headers
            ).json()
            for k in plans
        ]
        assert whole["expected"] == sum(p["expected"] for p in per_plan) > 0
        assert whole["reported"] == sum(p["reported"] for p in per_plan) > 0
        commune = client.get(
            f"{INDICATORS}/completeness", params={"period": "2025"}, headers=auth("vietri.canbo")
        ).json()
        assert [r["agency_name"] for r in commune["agencies"]] == ["Phường Việt Trì"]
        row = next(
            r for r in whole["agencies"] + _all_pages(client, headers, whole) if r["agency_name"] == "Phường Việt Trì"
        )
        assert commune["agencies"][0] == row

    def test_a_composite_is_reported_through_its_parts(self, client: httpx.Client, auth: Auth) -> None:
        _, by_tt = own_plan(
            client,
            auth,
            ",Năm 2026,,,,,,,\n1,Có ≥ 10 hội thảo và ≥ 5 tọa đàm,Sở Y tế,,,,,,\n"
            "1.a,≥ 10 hội thảo,,,,,,,\n1.b,≥ 5 tọa đàm,,,,,,,\n",
        )
        refused = report(
            client, auth, "syt.canbo", by_tt["1"]["id"], {"period": "2026", "claimed_status": "achieved", "note": "x"}
        )
        assert_problem(refused, 422, "indicator")
        assert report(client, auth, "syt.canbo", by_tt["1.a"]["id"], {"period": "2026", "value": 3}).status_code == 201


def _all_pages(client: httpx.Client, headers: dict[str, str], first: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    cursor = first["next_cursor"]
    while cursor:
        page = client.get(
            f"{INDICATORS}/completeness", params={"period": "2025", "cursor": cursor}, headers=headers
        ).json()
        rows.extend(page["agencies"])
        cursor = page["next_cursor"]
    return rows
