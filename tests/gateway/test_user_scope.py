"""Who sees which accounts at the gateway, and what integration clients may and may not do."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.gateway.identity_support import (
    Auth,
    agency_by_code,
    assert_vietnamese_problem,
    create_user,
    suffix,
    user_body,
)

PROVINCE_WIDE = ["admin", "coordinator", "leader"]
IOC = {"grant_type": "client_credentials", "client_id": "ioc-demo", "client_secret": "tiendo-demo"}


def client_token(api: httpx.Client, client_id: str, secret: str) -> httpx.Response:
    return api.post(
        "/api/v1/auth/token",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
    )


def bearer(response: httpx.Response) -> dict[str, str]:
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def every_user(api: httpx.Client, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    users: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        page = {"limit": 200} | ({"cursor": cursor} if cursor else {})
        response = api.get("/api/v1/users", params=params | page, headers=headers)
        assert response.status_code == 200, response.text
        users += response.json()["items"]
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return users


def user_id(api: httpx.Client, auth: Auth, username: str) -> str:
    [user] = [u for u in every_user(api, auth("admin"), q=username) if u["username"] == username]
    return str(user["id"])


def subtree_ids(api: httpx.Client, auth: Auth, code: str) -> set[str]:
    root = agency_by_code(api, auth, code)
    response = api.get(
        "/api/v1/agencies",
        params={"within": root["id"], "include_inactive": True, "limit": 200},
        headers=auth("admin"),
    )
    return {a["id"] for a in response.json()["items"]}


@pytest.fixture(scope="module")
def ioc(stack: Any) -> dict[str, str]:
    with httpx.Client(base_url=stack.url("gateway"), timeout=20) as client:
        return bearer(client.post("/api/v1/auth/token", data=IOC))


def new_client_body(agency_id: str, scopes: list[str] | None = None) -> dict[str, Any]:
    tag = suffix()
    return {
        "client_id": f"ung-dung-{tag}",
        "name": f"Ứng dụng thử {tag}",
        "scopes": scopes or ["tasks.read"],
        "agency_id": agency_id,
    }


class TestAnAgencyHeadSeesTheirSubtree:
    def test_the_list_holds_only_accounts_of_their_agency_and_below(self, api: httpx.Client, auth: Auth) -> None:
        syt_tree = subtree_ids(api, auth, "SYT")
        division = agency_by_code(api, auth, "SYT_BVDK_PHU_THO")
        in_division = create_user(api, auth, division["id"])

        seen = every_user(api, auth("syt.lanhdao"))

        assert {u["agency_id"] for u in seen} <= syt_tree
        names = {u["username"] for u in seen}
        assert {"syt.lanhdao", "syt.canbo", in_division["username"]} <= names
        assert not names & {"vietri.canbo", "vietri.lanhdao", "admin", "viewer", "coordinator"}

    def test_a_search_cannot_reach_outside_the_subtree(self, api: httpx.Client, auth: Auth) -> None:
        assert every_user(api, auth("syt.lanhdao"), q="vietri") == []
        vietri = agency_by_code(api, auth, "PHUONG_VIET_TRI")
        assert every_user(api, auth("syt.lanhdao"), agency_id=vietri["id"]) == []

    def test_an_account_outside_the_subtree_is_not_found(self, api: httpx.Client, auth: Auth) -> None:
        outsider = user_id(api, auth, "vietri.canbo")
        assert_vietnamese_problem(api.get(f"/api/v1/users/{outsider}", headers=auth("syt.lanhdao")), 404)

    def test_an_account_inside_the_subtree_is_readable(self, api: httpx.Client, auth: Auth) -> None:
        insider = user_id(api, auth, "syt.canbo")
        response = api.get(f"/api/v1/users/{insider}", headers=auth("syt.lanhdao"))
        assert response.status_code == 200, response.text
        assert response.json()["username"] == "syt.canbo"
        assert "password_hash" not in response.json()

    def test_the_other_agency_head_sees_the_mirror_image(self, api: httpx.Client, auth: Auth) -> None:
        names = {u["username"] for u in every_user(api, auth("vietri.lanhdao"))}
        assert {"vietri.lanhdao", "vietri.canbo"} <= names
        assert not names & {"syt.lanhdao", "syt.canbo"}
        syt = user_id(api, auth, "syt.canbo")
        assert_vietnamese_problem(api.get(f"/api/v1/users/{syt}", headers=auth("vietri.lanhdao")), 404)

    def test_an_agency_head_cannot_change_accounts(self, api: httpx.Client, auth: Auth) -> None:
        syt = agency_by_code(api, auth, "SYT")
        mine = create_user(api, auth, syt["id"])
        response = api.patch(
            f"/api/v1/users/{mine['id']}",
            json={"roles": ["agency_manager"]},
            headers=auth("syt.lanhdao") | {"If-Match": f'"{mine["version"]}"'},
        )
        assert_vietnamese_problem(response, 403)
        reset = api.post(
            f"/api/v1/users/{mine['id']}/reset-password",
            json={"new_password": "Mật-khẩu-khác-2026"},
            headers=auth("syt.lanhdao"),
        )
        assert_vietnamese_problem(reset, 403)
        assert api.get(f"/api/v1/users/{mine['id']}", headers=auth("admin")).json() == mine


class TestOfficersAndViewers:
    @pytest.mark.parametrize("username", ["vietri.canbo", "syt.canbo", "viewer"])
    def test_they_cannot_list_accounts(self, api: httpx.Client, auth: Auth, username: str) -> None:
        assert_vietnamese_problem(api.get("/api/v1/users", headers=auth(username)), 403)

    def test_an_officer_reads_only_their_own_account(self, api: httpx.Client, auth: Auth) -> None:
        own = user_id(api, auth, "vietri.canbo")
        response = api.get(f"/api/v1/users/{own}", headers=auth("vietri.canbo"))
        assert response.status_code == 200, response.text
        colleague = user_id(api, auth, "vietri.lanhdao")
        assert_vietnamese_problem(api.get(f"/api/v1/users/{colleague}", headers=auth("vietri.canbo")), 404)


class TestProvinceWideRoles:
    @pytest.mark.parametrize("username", PROVINCE_WIDE)
    def test_they_see_every_account(self, api: httpx.Client, auth: Auth, username: str) -> None:
        names = {u["username"] for u in every_user(api, auth(username))}
        assert {"admin", "syt.canbo", "vietri.canbo", "viewer", "leader"} <= names
        outsider = user_id(api, auth, "vietri.canbo")
        assert api.get(f"/api/v1/users/{outsider}", headers=auth(username)).status_code == 200

    @pytest.mark.parametrize("username", ["coordinator", "leader", "syt.lanhdao", "syt.canbo", "viewer"])
    def test_only_an_admin_creates_accounts(self, api: httpx.Client, auth: Auth, username: str) -> None:
        syt = agency_by_code(api, auth, "SYT")
        body = user_body(syt["id"])
        assert_vietnamese_problem(api.post("/api/v1/users", json=body, headers=auth(username)), 403)
        assert every_user(api, auth("admin"), q=body["username"]) == []

    def test_the_role_filter_narrows_the_list(self, api: httpx.Client, auth: Auth) -> None:
        managers = every_user(api, auth("leader"), role="agency_manager")
        assert {"syt.lanhdao", "vietri.lanhdao"} <= {u["username"] for u in managers}
        assert all("agency_manager" in u["roles"] for u in managers)


class TestIntegrationClient:
    @pytest.mark.parametrize(
        ("method", "path"),
        [
            ("GET", "/api/v1/users"),
            ("POST", "/api/v1/users"),
            ("GET", "/api/v1/clients"),
            ("POST", "/api/v1/clients"),
            ("GET", "/api/v1/audit"),
            ("GET", "/api/v1/notifications/whoami"),
            ("POST", "/api/v1/tasks/whoami"),
        ],
    )
    def test_it_is_refused_outside_its_grant(
        self, api: httpx.Client, ioc: dict[str, str], method: str, path: str
    ) -> None:
        json = {} if method == "POST" else None
        assert_vietnamese_problem(api.request(method, path, json=json, headers=ioc), 403)

    def test_it_is_not_a_person(self, api: httpx.Client, ioc: dict[str, str]) -> None:
        assert_vietnamese_problem(api.get("/api/v1/auth/me", headers=ioc), 403)
        body = {"current_password": "tiendo-demo", "new_password": "Khóa-mới-của-máy-2026"}
        assert_vietnamese_problem(api.post("/api/v1/auth/change-password", json=body, headers=ioc), 403)

    def test_it_reads_tasks_with_its_scopes(self, api: httpx.Client, ioc: dict[str, str]) -> None:
        response = api.get("/api/v1/tasks/whoami", headers=ioc)
        assert response.status_code == 200, response.text
        who = response.json()
        assert who["kind"] == "client" and who["username"] == "ioc-demo" and who["roles"] == ["integration"]
        assert "tasks.read" in who["scopes"]

    def test_a_client_scoped_to_an_agency_sees_only_that_subtree(self, api: httpx.Client, auth: Auth) -> None:
        syt = agency_by_code(api, auth, "SYT")
        created = api.post("/api/v1/clients", json=new_client_body(syt["id"]), headers=auth("admin")).json()
        who = api.get(
            "/api/v1/tasks/whoami", headers=bearer(client_token(api, created["client_id"], created["client_secret"]))
        )
        assert who.json()["province_wide"] is False
        assert set(who.json()["agency_subtree"]) == subtree_ids(api, auth, "SYT")

    def test_a_client_without_the_scope_is_refused(self, api: httpx.Client, auth: Auth) -> None:
        syt = agency_by_code(api, auth, "SYT")
        body = new_client_body(syt["id"], scopes=["indicators.read"])
        created = api.post("/api/v1/clients", json=body, headers=auth("admin")).json()
        headers = bearer(client_token(api, created["client_id"], created["client_secret"]))
        assert_vietnamese_problem(api.get("/api/v1/tasks/whoami", headers=headers), 403)
        assert api.get("/api/v1/indicators/whoami", headers=headers).status_code == 200


class TestClientAdministration:
    @pytest.mark.parametrize("username", ["coordinator", "leader", "syt.lanhdao", "viewer"])
    def test_only_an_admin_manages_clients(self, api: httpx.Client, auth: Auth, username: str) -> None:
        syt = agency_by_code(api, auth, "SYT")
        assert_vietnamese_problem(api.get("/api/v1/clients", headers=auth(username)), 403)
        body = new_client_body(syt["id"])
        assert_vietnamese_problem(api.post("/api/v1/clients", json=body, headers=auth(username)), 403)

    def test_the_secret_is_shown_once_and_never_listed(self, api: httpx.Client, auth: Auth) -> None:
        syt = agency_by_code(api, auth, "SYT")
        body = new_client_body(syt["id"])

        created = api.post("/api/v1/clients", json=body, headers=auth("admin"))

        assert created.status_code == 201, created.text
        secret = created.json()["client_secret"]
        assert len(secret) >= 32
        listed = api.get("/api/v1/clients", headers=auth("admin"))
        assert listed.status_code == 200, listed.text
        assert body["client_id"] in {c["client_id"] for c in listed.json()}
        assert secret not in listed.text
        assert all("client_secret" not in c and "secret_hash" not in c for c in listed.json())
        patched = api.patch(
            f"/api/v1/clients/{created.json()['id']}",
            json={"name": "Tên khác"},
            headers=auth("admin") | {"If-Match": f'"{created.json()["version"]}"'},
        )
        assert patched.status_code == 200, patched.text
        assert "client_secret" not in patched.json() and secret not in patched.text
        audit = api.get(
            "/api/v1/audit",
            params={"entity_type": "client", "entity_id": created.json()["id"]},
            headers=auth("admin"),
        )
        assert secret not in audit.text
        assert bearer(client_token(api, body["client_id"], secret))

    def test_rotating_the_secret_invalidates_the_old_one(self, api: httpx.Client, auth: Auth) -> None:
        syt = agency_by_code(api, auth, "SYT")
        created = api.post("/api/v1/clients", json=new_client_body(syt["id"]), headers=auth("admin")).json()
        old = created["client_secret"]
        assert client_token(api, created["client_id"], old).status_code == 200

        rotated = api.post(f"/api/v1/clients/{created['id']}/rotate-secret", headers=auth("admin"))

        assert rotated.status_code == 200, rotated.text
        new = rotated.json()["client_secret"]
        assert new != old
        assert_vietnamese_problem(client_token(api, created["client_id"], old), 401)
        assert client_token(api, created["client_id"], new).status_code == 200
        assert secret_free(api.get("/api/v1/clients", headers=auth("admin")).text, old, new)

    def test_a_deactivated_client_gets_no_token(self, api: httpx.Client, auth: Auth) -> None:
        syt = agency_by_code(api, auth, "SYT")
        created = api.post("/api/v1/clients", json=new_client_body(syt["id"]), headers=auth("admin")).json()
        etag = f'"{created["version"]}"'
        off = api.patch(
            f"/api/v1/clients/{created['id']}", json={"active": False}, headers=auth("admin") | {"If-Match": etag}
        )
        assert off.status_code == 200, off.text
        assert_vietnamese_problem(client_token(api, created["client_id"], created["client_secret"]), 401)

    def test_the_demo_client_secret_is_not_listed(self, api: httpx.Client, auth: Auth) -> None:
        listed = api.get("/api/v1/clients", headers=auth("admin"))
        assert "ioc-demo" in {c["client_id"] for c in listed.json()}
        assert "tiendo-demo" not in listed.text


def secret_free(text: str, *secrets: str) -> bool:
    return not any(s in text for s in secrets)
