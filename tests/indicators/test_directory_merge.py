"""When the directory merges agency A into B, what A monitors and reports follows it to B in the indicators
service (read from the gateway's feed), and the completeness counts B as the one who owes."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx

from tests.gateway.identity_support import Auth, create_agency
from tests.gateway.test_agencies import merge
from tests.indicators.support import HEADER, INDICATORS, all_indicators, detail, import_file, own_plan


def _eventually(check: Callable[[], Any], seconds: float = 30) -> Any:
    """The service follows the feed every few seconds."""
    deadline = time.monotonic() + seconds
    while not (found := check()):
        assert time.monotonic() < deadline, "the indicators service did not follow the directory in time"
        time.sleep(0.5)
    return found


def test_a_merged_agencys_indicators_follow_it(client: httpx.Client, auth: Auth) -> None:
    a, b = create_agency(client, auth), create_agency(client, auth)
    plan, _ = own_plan(client, auth, ",Năm 2026,,,,,,,\n1,Có ≥ 1 mô hình,Sở Y tế,,,,,,\n")
    rows = HEADER + f",Năm 2026,,,,,,,\n1,Có ≥ 1 mô hình,Sở Y tế,,,,,,\n2,Có ≥ 3 mô hình số,{a['name']},,,,,,\n"
    # The service's copy of the directory learns of A from the feed; until then a dry run names A as unknown.
    _eventually(lambda: not import_file(client, auth, plan["key"], rows, dry_run=True).json()["errors"])
    assert import_file(client, auth, plan["key"], rows, dry_run=False).status_code == 200
    indicator = next(i for i in all_indicators(client, auth("coordinator"), plan=plan["key"]) if i["tt"] == "2")
    assert indicator["monitoring_agency"]["id"] == a["id"]

    assert merge(client, auth, a["id"], b["id"]).status_code == 200
    _eventually(lambda: detail(client, auth, indicator["id"]).json()["monitoring_agency"]["id"] == b["id"])
    table = client.get(
        f"{INDICATORS}/completeness", params={"period": "2026", "plan": plan["key"]}, headers=auth("coordinator")
    ).json()
    assert {r["agency_id"] for r in table["agencies"]} >= {b["id"]}
    assert a["id"] not in {r["agency_id"] for r in table["agencies"]}
