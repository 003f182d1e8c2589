"""The agency directory: readable by all, searchable without accents, changed only by admins, merged with history."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from tests.gateway.identity_support import (
    Auth,
    agency_by_code,
    all_events,
    assert_vietnamese_problem,
    create_agency,
    create_user,
    login_fresh_user,
    suffix,
)

EVERY_ACCOUNT = [
    "admin",
    "coordinator",
    "leader",
    "syt.lanhdao",
    "syt.canbo",
    "vietri.lanhdao",
    "vietri.canbo",
    "viewer",
]
NOT_ADMINS = [u for u in EVERY_ACCOUNT if u != "admin"]
SKHCN_DIVISIONS = {
    "SKHCN_VP",
    "SKHCN_CDS",
    "SKHCN_CNDMST",
    "SKHCN_TTCNTT_CDS",
    "SKHCN_TTUD_DMST",
    "SKHCN_TTKT_TDC",
    "SKHCN_QUY_PTKHCN",
}


@pytest.fixture(scope="module")
def ioc_headers(stack: Any) -> dict[str, str]:
    form = {"grant_type": "client_credentials", "client_id": "ioc-demo", "client_secret": "tiendo-demo"}
    response = httpx.post(stack.url("gateway") + "/api/v1/auth/token", data=form, timeout=20)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def codes(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [a["code"] for a in response.json()["items"]]


def merge(api: httpx.Client, auth: Auth, agency_id: str, into_id: str) -> httpx.Response:
    etag = api.get(f"/api/v1/agencies/{agency_id}", headers=auth("admin")).headers["ETag"]
    return api.post(
        f"/api/v1/agencies/{agency_id}/merge",
        json={"into_id": into_id},
        headers=auth("admin") | {"If-Match": etag},
    )


def wait_for_event(api: httpx.Client, auth: Auth, event_type: str, subject_id: str) -> dict[str, Any]:
    """The feed only shows transactions older than every running one, so allow it a moment."""
    for _ in range(50):
        found = [e for e in all_events(api, auth) if e["event_type"] == event_type and e["subject_id"] == subject_id]
        if found:
            assert len(found) == 1, found
            return found[0]
        time.sleep(0.1)
    raise AssertionError(f"no {event_type} event for {subject_id}")


class TestReadingTheDirectory:
    @pytest.mark.parametrize("username", EVERY_ACCOUNT)
    def test_every_role_reads_the_directory_and_one_agency(self, api: httpx.Client, auth: Auth, username: str) -> None:
        listed = api.get("/api/v1/agencies", params={"limit": 200}, headers=auth(username))
        assert {"UBND_TINH", "SKHCN", "SYT", "PHUONG_VIET_TRI"} <= set(codes(listed))
        syt = next(a for a in listed.json()["items"] if a["code"] == "SYT")
        one = api.get(f"/api/v1/agencies/{syt['id']}", headers=auth(username))
        assert one.status_code == 200, one.text
        assert one.json() == syt
        assert one.headers["ETag"] == f'"{syt["version"]}"'

    def test_an_integration_client_reads_the_directory(self, api: httpx.Client, ioc_headers: dict[str, str]) -> None:
        assert "SYT" in codes(api.get("/api/v1/agencies", params={"limit": 200}, headers=ioc_headers))

    def test_without_a_token_the_directory_is_closed(self, api: httpx.Client) -> None:
        assert_vietnamese_problem(api.get("/api/v1/agencies"), 401)

    def test_pages_follow_each_other_in_code_order_without_gaps(self, api: httpx.Client, auth: Auth) -> None:
        everything = codes(api.get("/api/v1/agencies", params={"limit": 200}, headers=auth("viewer")))
        paged: list[str] = []
        cursor: str | None = None
        while True:
            params: dict[str, Any] = {"limit": 7} | ({"cursor": cursor} if cursor else {})
            page = api.get("/api/v1/agencies", params=params, headers=auth("viewer"))
            paged += codes(page)
            cursor = page.json()["next_cursor"]
            if cursor is None:
                break
        assert paged == everything == sorted(everything)

    def test_kind_and_parent_filters(self, api: httpx.Client, auth: Auth) -> None:
        communes = api.get("/api/v1/agencies", params={"kind": "commune", "limit": 200}, headers=auth("viewer"))
        assert "PHUONG_VIET_TRI" in codes(communes)
        assert {a["kind"] for a in communes.json()["items"]} == {"commune"}
        syt = agency_by_code(api, auth, "SYT")
        children = api.get("/api/v1/agencies", params={"parent_id": syt["id"]}, headers=auth("viewer"))
        assert set(codes(children)) >= {"SYT_BVDK_PHU_THO", "SYT_BVDK_VINH_PHUC", "SYT_BVDK_HOA_BINH"}
        assert {a["parent_id"] for a in children.json()["items"]} == {syt["id"]}


class TestSearchingWithoutAccents:
    @pytest.mark.parametrize(
        ("query", "code"),
        [
            ("khoa hoc va cong nghe", "SKHCN"),
            ("Khoa học và Công nghệ", "SKHCN"),
            ("so y te", "SYT"),
            ("SỞ Y TẾ", "SYT"),
            ("  so   y   te ", "SYT"),
            ("phuong viet tri", "PHUONG_VIET_TRI"),
            ("Sở YT", "SYT"),
            ("dai hoc hung vuong", "DH_HUNG_VUONG"),
            ("skhcn_cds", "SKHCN_CDS"),
        ],
    )
    def test_a_query_finds_the_agency(self, api: httpx.Client, auth: Auth, query: str, code: str) -> None:
        assert code in codes(api.get("/api/v1/agencies", params={"q": query}, headers=auth("viewer")))

    def test_words_of_the_name_find_it_even_when_one_is_left_out(self, api: httpx.Client, auth: Auth) -> None:
        found = codes(api.get("/api/v1/agencies", params={"q": "khoa hoc cong nghe"}, headers=auth("viewer")))
        assert "SKHCN" in found

    def test_a_search_does_not_find_unrelated_agencies(self, api: httpx.Client, auth: Auth) -> None:
        found = codes(api.get("/api/v1/agencies", params={"q": "so y te"}, headers=auth("viewer")))
        assert "STC" not in found and "SKHCN" not in found

    @pytest.mark.parametrize("wildcard", ["%", "\\", "so%te"])
    def test_like_wildcards_are_taken_literally(self, api: httpx.Client, auth: Auth, wildcard: str) -> None:
        assert codes(api.get("/api/v1/agencies", params={"q": wildcard}, headers=auth("viewer"))) == []

    def test_an_underscore_matches_only_an_underscore(self, api: httpx.Client, auth: Auth) -> None:
        found = codes(api.get("/api/v1/agencies", params={"q": "_", "limit": 200}, headers=auth("viewer")))
        assert "UBND_TINH" in found and "SYT" not in found and "STC" not in found

    def test_within_lists_the_agency_and_its_divisions(self, api: httpx.Client, auth: Auth) -> None:
        skhcn = agency_by_code(api, auth, "SKHCN")
        response = api.get("/api/v1/agencies", params={"within": skhcn["id"], "limit": 200}, headers=auth("viewer"))
        items = response.json()["items"]
        found = set(codes(response))
        assert found >= {"SKHCN", *SKHCN_DIVISIONS}
        ids = {a["id"] for a in items}
        assert all(a["code"] == "SKHCN" or a["parent_id"] in ids for a in items), items
        assert "SYT" not in found and "UBND_TINH" not in found

    def test_within_and_q_combine(self, api: httpx.Client, auth: Auth) -> None:
        skhcn = agency_by_code(api, auth, "SKHCN")
        found = codes(
            api.get("/api/v1/agencies", params={"within": skhcn["id"], "q": "chuyen doi so"}, headers=auth("viewer"))
        )
        assert set(found) == {"SKHCN_CDS", "SKHCN_TTCNTT_CDS"}


class TestOnlyAdminsChangeTheDirectory:
    @pytest.mark.parametrize("username", NOT_ADMINS)
    def test_others_cannot_create_patch_or_merge(self, api: httpx.Client, auth: Auth, username: str) -> None:
        target, victim = create_agency(api, auth), create_agency(api, auth)
        headers = auth(username) | {"If-Match": f'"{victim["version"]}"'}
        tag = suffix()
        body = {"code": f"NOPE_{tag.upper()}", "name": "Đơn vị trái phép", "short_name": "Trái phép", "kind": "other"}

        assert_vietnamese_problem(api.post("/api/v1/agencies", json=body, headers=headers), 403)
        assert_vietnamese_problem(
            api.patch(f"/api/v1/agencies/{victim['id']}", json={"name": "Tên bị đổi"}, headers=headers), 403
        )
        assert_vietnamese_problem(
            api.post(f"/api/v1/agencies/{victim['id']}/merge", json={"into_id": target["id"]}, headers=headers), 403
        )
        assert api.get(f"/api/v1/agencies/{victim['id']}", headers=auth("admin")).json() == victim
        assert api.get("/api/v1/agencies", params={"q": body["code"]}, headers=auth("admin")).json()["items"] == []

    def test_an_integration_client_cannot_create(self, api: httpx.Client, ioc_headers: dict[str, str]) -> None:
        body = {"code": f"IOC_{suffix().upper()}", "name": "Đơn vị IOC", "short_name": "IOC", "kind": "other"}
        assert_vietnamese_problem(api.post("/api/v1/agencies", json=body, headers=ioc_headers), 403)

    def test_a_second_root_agency_is_refused(self, api: httpx.Client, auth: Auth) -> None:
        tag = suffix()
        body = {"code": f"ROOT_{tag.upper()}", "name": f"Gốc thứ hai {tag}", "short_name": "Gốc", "kind": "other"}
        response = api.post("/api/v1/agencies", json=body, headers=auth("admin"))
        assert_vietnamese_problem(response, 422, "parent_id")

    def test_users_of_a_parentless_agency_are_not_province_wide(self, api: httpx.Client, auth: Auth) -> None:
        tag = suffix()
        body = {"code": f"ROOT_{tag.upper()}", "name": f"Gốc lạ {tag}", "short_name": "Gốc lạ", "kind": "other"}
        created = api.post("/api/v1/agencies", json=body, headers=auth("admin"))
        if created.status_code == 422:
            return  # a second root cannot exist at all: also fine
        officer = create_user(api, auth, created.json()["id"], roles=["agency_officer"])
        whoami = api.get("/api/v1/tasks/whoami", headers=login_fresh_user(api, officer["username"]))
        assert whoami.json()["province_wide"] is False

    def test_an_admin_creates_an_agency_with_history(self, api: httpx.Client, auth: Auth) -> None:
        parent = agency_by_code(api, auth, "SKHCN")
        created = create_agency(api, auth, parent_id=parent["id"], aliases=["Tên gọi khác"])
        assert created["active"] is True and created["version"] == 1 and created["parent_id"] == parent["id"]
        audit = api.get(
            "/api/v1/audit", params={"entity_type": "agency", "entity_id": created["id"]}, headers=auth("admin")
        ).json()["items"]
        assert [(r["action"], r["actor"]) for r in audit] == [("agency.create", "admin")]
        event = wait_for_event(api, auth, "agency.created", created["id"])
        assert event["payload"]["code"] == created["code"] and event["actor"] == "admin"


class TestRenaming:
    def test_a_rename_keeps_the_old_name_as_an_alias_and_in_the_audit_trail(
        self, api: httpx.Client, auth: Auth
    ) -> None:
        tag = suffix()
        old_name, new_name = f"Phòng Cũ Kỹ {tag}", f"Phòng Đổi Mới {tag}"
        agency = create_agency(api, auth, name=old_name)

        renamed = api.patch(
            f"/api/v1/agencies/{agency['id']}",
            json={"name": new_name},
            headers=auth("admin") | {"If-Match": f'"{agency["version"]}"'},
        )

        assert renamed.status_code == 200, renamed.text
        assert renamed.json()["name"] == new_name
        assert old_name in renamed.json()["aliases"]
        for query in (f"phong cu ky {tag}", f"phong doi moi {tag}"):
            assert codes(api.get("/api/v1/agencies", params={"q": query}, headers=auth("viewer"))) == [agency["code"]]
        audit = api.get(
            "/api/v1/audit", params={"entity_type": "agency", "entity_id": agency["id"]}, headers=auth("admin")
        ).json()["items"]
        update = next(r for r in audit if r["action"] == "agency.update")
        assert update["changes"]["name"] == [old_name, new_name]
        assert update["changes"]["aliases"] == [[], [old_name]]
        assert update["actor"] == "admin"
        assert wait_for_event(api, auth, "agency.updated", agency["id"])["payload"]["name"] == new_name

    def test_renaming_twice_keeps_both_old_names(self, api: httpx.Client, auth: Auth) -> None:
        agency = create_agency(api, auth)
        path, etag = f"/api/v1/agencies/{agency['id']}", f'"{agency["version"]}"'
        first = api.patch(path, json={"name": "Tên thứ hai"}, headers=auth("admin") | {"If-Match": etag})
        second = api.patch(
            path, json={"name": "Tên thứ ba"}, headers=auth("admin") | {"If-Match": first.headers["ETag"]}
        )
        assert second.status_code == 200, second.text
        assert second.json()["aliases"] == [agency["name"], "Tên thứ hai"]

    def test_a_patch_that_changes_nothing_records_nothing(self, api: httpx.Client, auth: Auth) -> None:
        agency = create_agency(api, auth)
        same = api.patch(
            f"/api/v1/agencies/{agency['id']}",
            json={"name": agency["name"]},
            headers=auth("admin") | {"If-Match": f'"{agency["version"]}"'},
        )
        assert same.status_code == 200, same.text
        audit = api.get(
            "/api/v1/audit", params={"entity_type": "agency", "entity_id": agency["id"]}, headers=auth("admin")
        ).json()["items"]
        assert [r["action"] for r in audit] == ["agency.create"]


@pytest.fixture
def merged(api: httpx.Client, auth: Auth) -> dict[str, Any]:
    """A fresh agency A with a sub-agency and a user, merged into a fresh B."""
    b = create_agency(api, auth)
    b_user = create_user(api, auth, b["id"])
    a = create_agency(api, auth)
    child = create_agency(api, auth, parent_id=a["id"])
    a_user = create_user(api, auth, a["id"])
    response = merge(api, auth, a["id"], b["id"])
    assert response.status_code == 200, response.text
    return {"a": a, "b": b, "child": child, "a_user": a_user, "b_user": b_user, "response": response.json()}


class TestMerging:
    def test_the_merged_agency_stays_readable_and_points_to_the_new_one(
        self, api: httpx.Client, auth: Auth, merged: dict[str, Any]
    ) -> None:
        a, b = merged["a"], merged["b"]
        assert merged["response"]["active"] is False
        assert merged["response"]["merged_into_id"] == b["id"]
        assert merged["response"]["merged_at"] is not None
        read = api.get(f"/api/v1/agencies/{a['id']}", headers=auth("viewer"))
        assert read.status_code == 200, read.text
        assert read.json() == merged["response"]
        assert read.json()["code"] == a["code"] and read.json()["name"] == a["name"]

    def test_the_merged_agency_leaves_the_default_listing_only(
        self, api: httpx.Client, auth: Auth, merged: dict[str, Any]
    ) -> None:
        a = merged["a"]
        assert codes(api.get("/api/v1/agencies", params={"q": a["code"]}, headers=auth("viewer"))) == []
        with_inactive = api.get(
            "/api/v1/agencies", params={"q": a["code"], "include_inactive": True}, headers=auth("viewer")
        )
        assert codes(with_inactive) == [a["code"]]
        within_b = api.get(
            "/api/v1/agencies",
            params={"within": merged["b"]["id"], "include_inactive": True},
            headers=auth("viewer"),
        )
        assert set(codes(within_b)) == {merged["b"]["code"], a["code"], merged["child"]["code"]}

    def test_sub_agencies_and_users_move_to_the_new_agency(
        self, api: httpx.Client, auth: Auth, merged: dict[str, Any]
    ) -> None:
        b = merged["b"]
        child = api.get(f"/api/v1/agencies/{merged['child']['id']}", headers=auth("admin")).json()
        assert child["parent_id"] == b["id"] and child["active"] is True
        user = api.get(f"/api/v1/users/{merged['a_user']['id']}", headers=auth("admin")).json()
        assert user["agency_id"] == b["id"]
        in_b = api.get("/api/v1/users", params={"agency_id": b["id"]}, headers=auth("admin")).json()["items"]
        assert {u["id"] for u in in_b} == {merged["a_user"]["id"], merged["b_user"]["id"]}

    def test_the_merge_is_audited_with_the_moves(self, api: httpx.Client, auth: Auth, merged: dict[str, Any]) -> None:
        a, b, child = merged["a"], merged["b"], merged["child"]
        audit = api.get(
            "/api/v1/audit", params={"entity_type": "agency", "entity_id": a["id"]}, headers=auth("admin")
        ).json()["items"]
        record = next(r for r in audit if r["action"] == "agency.merge")
        assert record["changes"]["merged_into_id"] == [None, b["id"]]
        assert record["changes"]["active"] == [True, False]
        assert record["changes"]["moved_users"][1] == [merged["a_user"]["id"]]
        moves = api.get(
            "/api/v1/audit", params={"entity_type": "agency", "entity_id": child["id"]}, headers=auth("admin")
        ).json()["items"]
        move = next(r for r in moves if r["action"] == "agency.move")
        assert move["changes"]["parent_id"] == [a["id"], b["id"]]

    def test_the_event_feed_announces_the_merge(self, api: httpx.Client, auth: Auth, merged: dict[str, Any]) -> None:
        a, b = merged["a"], merged["b"]
        event = wait_for_event(api, auth, "agency.merged", a["id"])
        assert event["subject_type"] == "agency"
        assert event["payload"]["into_id"] == b["id"]
        assert event["payload"]["merged_into_id"] == b["id"]
        assert event["payload"]["active"] is False
        assert set(event["agency_ids"]) == {a["id"], b["id"]}
        assert event["actor"] == "admin"

    def test_a_user_of_the_new_agency_logging_in_sees_the_old_one_in_their_subtree(
        self, api: httpx.Client, auth: Auth, merged: dict[str, Any]
    ) -> None:
        for user in (merged["b_user"], merged["a_user"]):
            headers = login_fresh_user(api, user["username"])
            whoami = api.get("/api/v1/tasks/whoami", headers=headers)
            assert whoami.status_code == 200, whoami.text
            assert whoami.json()["agency_id"] == merged["b"]["id"]
            assert whoami.json()["province_wide"] is False
            assert set(whoami.json()["agency_subtree"]) == {
                merged["a"]["id"],
                merged["b"]["id"],
                merged["child"]["id"],
            }

    def test_a_retried_merge_with_the_same_key_is_replayed(self, api: httpx.Client, auth: Auth) -> None:
        a, b = create_agency(api, auth), create_agency(api, auth)
        headers = auth("admin") | {"If-Match": '"1"', "Idempotency-Key": f"hop-nhat-{suffix()}"}
        first = api.post(f"/api/v1/agencies/{a['id']}/merge", json={"into_id": b["id"]}, headers=headers)
        second = api.post(f"/api/v1/agencies/{a['id']}/merge", json={"into_id": b["id"]}, headers=headers)
        assert first.status_code == 200, first.text
        assert second.status_code == 200, second.text
        assert second.headers["Idempotent-Replayed"] == "true"
        assert second.json() == first.json()

    def test_a_user_moved_by_a_merge_gets_a_new_etag(
        self, api: httpx.Client, auth: Auth, merged: dict[str, Any]
    ) -> None:
        moved = api.get(f"/api/v1/users/{merged['a_user']['id']}", headers=auth("admin"))
        assert moved.headers["ETag"] != f'"{merged["a_user"]["version"]}"'


class TestRefusedMerges:
    def test_into_itself(self, api: httpx.Client, auth: Auth) -> None:
        a = create_agency(api, auth)
        assert_vietnamese_problem(merge(api, auth, a["id"], a["id"]), 422, "into_id")

    @pytest.mark.parametrize("depth", [1, 2])
    def test_into_a_descendant(self, api: httpx.Client, auth: Auth, depth: int) -> None:
        a = create_agency(api, auth)
        below = a
        for _ in range(depth):
            below = create_agency(api, auth, parent_id=below["id"])
        assert_vietnamese_problem(merge(api, auth, a["id"], below["id"]), 422, "into_id")
        assert api.get(f"/api/v1/agencies/{a['id']}", headers=auth("admin")).json()["active"] is True

    def test_an_agency_already_merged(self, api: httpx.Client, auth: Auth) -> None:
        a, b, c = create_agency(api, auth), create_agency(api, auth), create_agency(api, auth)
        assert merge(api, auth, a["id"], b["id"]).status_code == 200
        response = merge(api, auth, a["id"], c["id"])
        assert_vietnamese_problem(response, 422, "id")
        assert api.get(f"/api/v1/agencies/{a['id']}", headers=auth("admin")).json()["merged_into_id"] == b["id"]

    def test_into_an_agency_already_merged(self, api: httpx.Client, auth: Auth) -> None:
        a, b, c = create_agency(api, auth), create_agency(api, auth), create_agency(api, auth)
        assert merge(api, auth, b["id"], c["id"]).status_code == 200
        assert_vietnamese_problem(merge(api, auth, a["id"], b["id"]), 422, "into_id")
        assert api.get(f"/api/v1/agencies/{a['id']}", headers=auth("admin")).json()["active"] is True

    def test_into_the_agency_it_was_merged_into_leaves_no_second_record(self, api: httpx.Client, auth: Auth) -> None:
        a, b = create_agency(api, auth), create_agency(api, auth)
        assert merge(api, auth, a["id"], b["id"]).status_code == 200
        assert_vietnamese_problem(merge(api, auth, a["id"], b["id"]), 422, "id")
        audit = api.get(
            "/api/v1/audit", params={"entity_type": "agency", "entity_id": a["id"]}, headers=auth("admin")
        ).json()["items"]
        assert [r["action"] for r in audit].count("agency.merge") == 1
