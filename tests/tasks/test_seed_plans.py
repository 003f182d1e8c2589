"""The run command leaves every task of the seed plans loaded, each agency seeing exactly its share."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from tiendo.stack import SEED_PLANS

from tests.conftest import assert_problem

TASKS = "/api/v1/tasks"


def _all(api: httpx.Client, headers: dict[str, str], **params: object) -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    cursor = None
    while True:
        response = api.get(
            TASKS, params={**params, "limit": 200, **({"cursor": cursor} if cursor else {})}, headers=headers
        )
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        if not (cursor := body["next_cursor"]):
            return items


def _task_rows(file: Path) -> int:
    """Rows of the task file that are tasks: anything with more than a number and a title."""
    rows = list(csv.reader(file.open(encoding="utf-8")))[1:]
    return sum(1 for r in rows if any(r[2:]) or (r[0] and "." in r[0].strip(".")))


def _plans() -> list[dict[str, object]]:
    return json.loads((SEED_PLANS / "plans.json").read_text(encoding="utf-8"))


class TestSeedPlans:
    def test_coordinator_sees_every_task_of_every_seed_plan(
        self, api: httpx.Client, auth: Callable[[str], dict[str, str]]
    ) -> None:
        listed = api.get(f"{TASKS}/plans", params={"limit": 200}, headers=auth("coordinator")).json()["items"]
        plans = {p["key"]: p for p in listed}  # the tests' own plans have no key: counted from `listed` below
        for seed in _plans():
            assert seed["key"] in plans
            if seed["tasks"]:
                assert plans[seed["key"]]["task_count"] == _task_rows(SEED_PLANS / str(seed["tasks"])), seed["key"]
        assert plans["7316-KH-UBND"]["task_count"] == 185
        assert len(_all(api, auth("coordinator"))) == sum(p["task_count"] for p in listed)

    def test_plan_graph_links_the_provincial_plan_to_its_parents(
        self, api: httpx.Client, auth: Callable[[str], dict[str, str]]
    ) -> None:
        graph = api.get(f"{TASKS}/plans/graph", headers=auth("viewer")).json()
        by_symbol = {p["symbol"]: p["id"] for p in graph["plans"]}
        edges = {(e["plan_id"], e["parent_id"]) for e in graph["edges"]}
        assert (by_symbol["7316/KH-UBND"], by_symbol["02-CTr/TU"]) in edges
        assert (by_symbol["02-CTr/TU"], by_symbol["57-NQ/TW"]) in edges

    def test_commune_officer_sees_only_the_communes_tasks(
        self, api: httpx.Client, auth: Callable[[str], dict[str, str]]
    ) -> None:
        mine = _all(api, auth("vietri.canbo"))
        everything = _all(api, auth("coordinator"))
        assert 0 < len(mine) < len(everything)
        for task in mine:
            assert task["my_shares"], task["title"]

    def test_commune_officer_is_refused_another_agencys_task_through_the_gateway_and_at_the_service(
        self, api: httpx.Client, auth: Callable[[str], dict[str, str]], stack: object
    ) -> None:
        mine = {t["id"] for t in _all(api, auth("vietri.canbo"))}
        health_only = next(t for t in _all(api, auth("syt.canbo")) if t["id"] not in mine)
        assert_problem(api.get(f"{TASKS}/{health_only['id']}", headers=auth("vietri.canbo")), 404)
        direct = httpx.get(f"{stack.url('tasks')}{TASKS}/{health_only['id']}", headers=auth("vietri.canbo"))  # type: ignore[attr-defined]
        assert_problem(direct, 404)
        assert api.get(f"{TASKS}/{health_only['id']}", headers=auth("syt.canbo")).status_code == 200

    def test_accent_insensitive_search_finds_the_plan_words(
        self, api: httpx.Client, auth: Callable[[str], dict[str, str]]
    ) -> None:
        found = _all(api, auth("coordinator"), q="mot cua so")
        assert any("một cửa số" in str(t["title"]) for t in found)

    @pytest.mark.parametrize("q", [None, "chuyen doi so"])
    @pytest.mark.parametrize("sort", ["due", "plan_order", "-updated"])
    @pytest.mark.parametrize("who", ["vietri.canbo", "syt.canbo", "coordinator"])
    def test_paging_gives_every_task_once_in_order_for_every_sort(
        self, api: httpx.Client, auth: Callable[[str], dict[str, str]], sort: str, who: str, q: str | None
    ) -> None:
        """Agency users are paged along their own task list (task_scope), the province along the whole table,
        with or without search words; tasks with no due date (sorted last, as 'infinity') page past as well."""
        search = {"q": q} if q else {}
        whole = api.get(TASKS, params={"limit": 200, "sort": sort, **search}, headers=auth(who)).json()["items"]
        assert 2 < len(whole) < 200 or (who == "coordinator" and not q)
        paged: list[dict[str, object]] = []
        cursor = None
        while who != "coordinator" or len(paged) < 120:  # the province has more; its first pages are enough
            params = {"limit": 11, "sort": sort, **search, **({"cursor": cursor} if cursor else {})}
            body = api.get(TASKS, params=params, headers=auth(who)).json()
            paged += body["items"]
            if not (cursor := body["next_cursor"]):
                break
        assert [t["id"] for t in paged] == [t["id"] for t in whole[: len(paged)]]
        assert len({t["id"] for t in paged}) == len(paged)
        if who != "coordinator" or q:
            assert len(paged) == len(whole)
        if not q and who != "coordinator":
            assert any(t["deadline"]["due_on"] is None for t in whole)  # type: ignore[index]

    def test_an_agencys_open_tasks_in_a_window_match_the_same_filter_applied_by_hand(
        self, api: httpx.Client, auth: Callable[[str], dict[str, str]]
    ) -> None:
        """Statuses and dates are answered from task_scope for an agency: the same answer as reading them off."""
        every = _all(api, auth("syt.canbo"))
        wanted = {
            t["id"]
            for t in every
            if t["status"] in ("not_started", "in_progress")
            and t["deadline"]["due_on"] is not None  # type: ignore[index]
            and "2025-10-01" <= str(t["deadline"]["due_on"]) <= "2026-06-30"  # type: ignore[index]
        }
        found = _all(
            api,
            auth("syt.canbo"),
            status=["not_started", "in_progress"],
            due_from="2025-10-01",
            due_to="2026-06-30",
        )
        assert wanted and {t["id"] for t in found} == wanted
        counts = api.get(
            f"{TASKS}/counts", params={"due_from": "2025-10-01", "due_to": "2026-06-30"}, headers=auth("syt.canbo")
        ).json()
        assert counts["total"] == len(_all(api, auth("syt.canbo"), due_from="2025-10-01", due_to="2026-06-30"))
