"""Bad input at every gateway endpoint gets a Vietnamese problem+json naming the field, and writes nothing."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from common.pagination import encode_cursor

from tests.gateway.identity_support import (
    INITIAL_PASSWORD,
    Auth,
    agency_by_code,
    all_events,
    assert_vietnamese_problem,
    audit_mentions,
    create_agency,
    create_user,
    newest_audit_id,
    province_root_id,
    suffix,
    user_body,
)

NOBODY = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def admin(auth: Auth) -> dict[str, str]:
    return auth("admin")


@pytest.fixture
def syt_id(api: httpx.Client, auth: Auth) -> str:
    return str(agency_by_code(api, auth, "SYT")["id"])


def agency_body(**overrides: Any) -> dict[str, Any]:
    tag = suffix()
    body = {"code": f"BAD_{tag.upper()}", "name": f"Đơn vị {tag}", "short_name": f"ĐV {tag}", "kind": "other"}
    return body | {"parent_id": province_root_id()} | overrides


class TestLoginInput:
    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({"username": "admin"}, "password"),
            ({"password": "x"}, "username"),
            ({"username": "", "password": "x"}, "username"),
            ({"username": "a" * 65, "password": "x"}, "username"),
            ({"username": "admin", "password": "x" * 129}, "password"),
            ({"username": 42, "password": "x"}, "username"),
            ({"username": "admin", "password": "x", "remember": True}, "remember"),
        ],
    )
    def test_a_malformed_login_names_the_field(self, api: httpx.Client, body: dict[str, Any], field: str) -> None:
        assert_vietnamese_problem(api.post("/api/v1/auth/login", json=body), 422, field)

    def test_a_login_without_a_body_is_refused(self, api: httpx.Client) -> None:
        assert_vietnamese_problem(api.post("/api/v1/auth/login"), 422, "body")

    def test_a_login_whose_body_is_not_an_object_is_refused(self, api: httpx.Client) -> None:
        assert_vietnamese_problem(api.post("/api/v1/auth/login", json=["admin", "x"]), 422, "body")

    def test_a_login_with_broken_json_is_refused_in_vietnamese(self, api: httpx.Client) -> None:
        response = api.post(
            "/api/v1/auth/login", content=b'{"username": ', headers={"content-type": "application/json"}
        )
        assert_vietnamese_problem(response, 422)

    def test_a_login_with_broken_json_names_the_body(self, api: httpx.Client) -> None:
        response = api.post(
            "/api/v1/auth/login", content=b'{"username": ', headers={"content-type": "application/json"}
        )
        assert_vietnamese_problem(response, 422, "body")


class TestRefreshAndLogoutInput:
    @pytest.mark.parametrize("path", ["/api/v1/auth/refresh", "/api/v1/auth/logout"])
    @pytest.mark.parametrize(
        "body",
        [{}, {"refresh_token": "short"}, {"refresh_token": "x" * 201}, {"refresh_token": None}],
    )
    def test_a_malformed_refresh_token_names_the_field(
        self, api: httpx.Client, path: str, body: dict[str, Any]
    ) -> None:
        assert_vietnamese_problem(api.post(path, json=body), 422, "refresh_token")

    def test_an_unknown_refresh_token_is_not_authenticated(self, api: httpx.Client) -> None:
        response = api.post("/api/v1/auth/refresh", json={"refresh_token": "k" * 43})
        assert_vietnamese_problem(response, 401)

    def test_extra_fields_on_refresh_are_refused(self, api: httpx.Client) -> None:
        response = api.post("/api/v1/auth/refresh", json={"refresh_token": "k" * 43, "scope": "admin"})
        assert_vietnamese_problem(response, 422, "scope")


class TestChangePasswordInput:
    def test_without_a_token_it_is_not_authenticated(self, api: httpx.Client) -> None:
        body = {"current_password": "x", "new_password": "Mật-khẩu-mới-2026"}
        assert_vietnamese_problem(api.post("/api/v1/auth/change-password", json=body), 401)

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({"new_password": "Mật-khẩu-mới-2026"}, "current_password"),
            ({"current_password": "x"}, "new_password"),
            ({"current_password": "x", "new_password": "ngắn"}, "new_password"),
            ({"current_password": "x", "new_password": "x" * 129}, "new_password"),
        ],
    )
    def test_a_malformed_request_names_the_field(
        self, api: httpx.Client, auth: Auth, body: dict[str, Any], field: str
    ) -> None:
        response = api.post("/api/v1/auth/change-password", json=body, headers=auth("viewer"))
        assert_vietnamese_problem(response, 422, field)

    def test_a_wrong_current_password_names_current_password(self, api: httpx.Client, auth: Auth) -> None:
        body = {"current_password": "không-phải-mật-khẩu", "new_password": "Mật-khẩu-mới-2026"}
        response = api.post("/api/v1/auth/change-password", json=body, headers=auth("viewer"))
        assert_vietnamese_problem(response, 422, "current_password")


class TestClientTokenInput:
    @pytest.mark.parametrize(
        ("form", "field"),
        [
            ({}, "grant_type"),
            ({"grant_type": "password", "client_id": "ioc-demo", "client_secret": "x"}, "grant_type"),
            ({"grant_type": "client_credentials", "client_secret": "x"}, "client_id"),
            ({"grant_type": "client_credentials", "client_id": "ioc-demo"}, "client_secret"),
            ({"grant_type": "client_credentials", "client_id": "x" * 65, "client_secret": "x"}, "client_id"),
            ({"grant_type": "g" * 51}, "grant_type"),
        ],
    )
    def test_a_malformed_form_names_the_field(self, api: httpx.Client, form: dict[str, str], field: str) -> None:
        assert_vietnamese_problem(api.post("/api/v1/auth/token", data=form), 422, field)

    def test_json_instead_of_a_form_is_refused(self, api: httpx.Client) -> None:
        body = {"grant_type": "client_credentials", "client_id": "ioc-demo", "client_secret": "tiendo-demo"}
        assert_vietnamese_problem(api.post("/api/v1/auth/token", json=body), 422, "grant_type")

    def test_a_wrong_secret_is_not_authenticated(self, api: httpx.Client) -> None:
        form = {"grant_type": "client_credentials", "client_id": "ioc-demo", "client_secret": "sai-khoa"}
        assert_vietnamese_problem(api.post("/api/v1/auth/token", data=form), 401)


class TestAgencyCreateInput:
    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"code": "sở y tế"}, "code"),
            ({"code": "X"}, "code"),
            ({"code": None}, "code"),
            ({"name": "A"}, "name"),
            ({"name": "   "}, "name"),
            ({"name": "x" * 301}, "name"),
            ({"short_name": ""}, "short_name"),
            ({"kind": "ministry"}, "kind"),
            ({"parent_id": "không-phải-uuid"}, "parent_id"),
            ({"aliases": "một chuỗi"}, "aliases"),
            ({"aliases": ["a"]}, "aliases.0"),
            ({"aliases": [f"bí danh {i}" for i in range(51)]}, "aliases"),
            ({"active": False}, "active"),
        ],
    )
    def test_a_malformed_agency_names_the_field(
        self, api: httpx.Client, admin: dict[str, str], overrides: dict[str, Any], field: str
    ) -> None:
        body = agency_body(**overrides)
        assert_vietnamese_problem(api.post("/api/v1/agencies", json=body, headers=admin), 422, field)

    def test_a_missing_field_is_named(self, api: httpx.Client, admin: dict[str, str]) -> None:
        body = agency_body()
        del body["kind"]
        assert_vietnamese_problem(api.post("/api/v1/agencies", json=body, headers=admin), 422, "kind")

    def test_every_bad_field_is_named_at_once(self, api: httpx.Client, admin: dict[str, str]) -> None:
        response = api.post("/api/v1/agencies", json={"code": "x", "kind": "x"}, headers=admin)
        body = assert_vietnamese_problem(response, 422)
        assert {e["field"] for e in body["errors"]} >= {"code", "name", "short_name", "kind"}  # type: ignore[union-attr]

    def test_a_taken_code_is_a_conflict(self, api: httpx.Client, admin: dict[str, str]) -> None:
        response = api.post("/api/v1/agencies", json=agency_body(code="SYT"), headers=admin)
        assert_vietnamese_problem(response, 409)

    def test_a_lower_case_code_is_stored_in_upper_case(self, api: httpx.Client, admin: dict[str, str]) -> None:
        body = agency_body()
        response = api.post("/api/v1/agencies", json=body | {"code": body["code"].lower()}, headers=admin)
        assert response.status_code == 201, response.text
        assert response.json()["code"] == body["code"]

    def test_a_parent_that_does_not_exist_leaves_nothing_behind(
        self, api: httpx.Client, auth: Auth, admin: dict[str, str]
    ) -> None:
        body = agency_body(parent_id=NOBODY)
        audit_before = newest_audit_id(api, auth, "agency")

        response = api.post("/api/v1/agencies", json=body, headers=admin)

        assert_vietnamese_problem(response, 422, "parent_id")
        listed = api.get("/api/v1/agencies", params={"q": body["code"], "include_inactive": True}, headers=admin)
        assert listed.json()["items"] == []
        assert newest_audit_id(api, auth, "agency") == audit_before
        assert audit_mentions(api, auth, "agency", body["name"]) == []
        assert not [e for e in all_events(api, auth) if e["payload"].get("code") == body["code"]]

    def test_a_merged_parent_is_refused(self, api: httpx.Client, auth: Auth, admin: dict[str, str]) -> None:
        gone, target = create_agency(api, auth), create_agency(api, auth)
        merged = api.post(
            f"/api/v1/agencies/{gone['id']}/merge",
            json={"into_id": target["id"]},
            headers=admin | {"If-Match": f'"{gone["version"]}"'},
        )
        assert merged.status_code == 200, merged.text
        response = api.post("/api/v1/agencies", json=agency_body(parent_id=gone["id"]), headers=admin)
        assert_vietnamese_problem(response, 422, "parent_id")


class TestAgencyUpdateInput:
    def test_without_if_match_the_update_needs_a_precondition(
        self, api: httpx.Client, auth: Auth, admin: dict[str, str]
    ) -> None:
        agency = create_agency(api, auth)
        response = api.patch(f"/api/v1/agencies/{agency['id']}", json={"short_name": "Mới"}, headers=admin)
        assert_vietnamese_problem(response, 428)
        assert api.get(f"/api/v1/agencies/{agency['id']}", headers=admin).json() == agency

    @pytest.mark.parametrize("stale", ['"0"', '"99"', "garbage", 'W/"0"'])
    def test_a_stale_etag_fails_and_changes_nothing(
        self, api: httpx.Client, auth: Auth, admin: dict[str, str], stale: str
    ) -> None:
        agency = create_agency(api, auth)
        response = api.patch(
            f"/api/v1/agencies/{agency['id']}", json={"short_name": "Mới"}, headers=admin | {"If-Match": stale}
        )
        assert_vietnamese_problem(response, 412)
        assert api.get(f"/api/v1/agencies/{agency['id']}", headers=admin).json() == agency

    def test_the_right_etag_updates_and_gives_a_new_etag(
        self, api: httpx.Client, auth: Auth, admin: dict[str, str]
    ) -> None:
        agency = create_agency(api, auth)
        etag = api.get(f"/api/v1/agencies/{agency['id']}", headers=admin).headers["ETag"]

        response = api.patch(
            f"/api/v1/agencies/{agency['id']}", json={"short_name": "Tên mới"}, headers=admin | {"If-Match": etag}
        )

        assert response.status_code == 200, response.text
        assert response.json()["short_name"] == "Tên mới"
        assert response.headers["ETag"] not in (etag, None)
        assert response.headers["ETag"] == api.get(f"/api/v1/agencies/{agency['id']}", headers=admin).headers["ETag"]
        again = api.patch(
            f"/api/v1/agencies/{agency['id']}", json={"short_name": "Lần nữa"}, headers=admin | {"If-Match": etag}
        )
        assert_vietnamese_problem(again, 412)

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({"name": None}, "name"),
            ({"short_name": None}, "short_name"),
            ({"kind": None}, "kind"),
            ({"kind": "ministry"}, "kind"),
            ({"name": "A"}, "name"),
            ({"parent_id": None}, "parent_id"),
            ({"parent_id": NOBODY}, "parent_id"),
            ({"parent_id": 12}, "parent_id"),
            ({"code": "DOI_MA"}, "code"),
            ({"aliases": [f"bí danh {i}" for i in range(51)]}, "aliases"),
        ],
    )
    def test_a_bad_change_names_the_field_and_changes_nothing(
        self, api: httpx.Client, auth: Auth, admin: dict[str, str], body: dict[str, Any], field: str
    ) -> None:
        parent = agency_by_code(api, auth, "UBND_TINH")
        agency = create_agency(api, auth, parent_id=parent["id"])
        response = api.patch(
            f"/api/v1/agencies/{agency['id']}", json=body, headers=admin | {"If-Match": f'"{agency["version"]}"'}
        )
        assert_vietnamese_problem(response, 422, field)
        assert api.get(f"/api/v1/agencies/{agency['id']}", headers=admin).json() == agency

    def test_an_agency_cannot_become_its_own_descendant(
        self, api: httpx.Client, auth: Auth, admin: dict[str, str]
    ) -> None:
        top = create_agency(api, auth)
        child = create_agency(api, auth, parent_id=top["id"])
        for new_parent in (top["id"], child["id"]):
            response = api.patch(
                f"/api/v1/agencies/{top['id']}",
                json={"parent_id": new_parent},
                headers=admin | {"If-Match": f'"{top["version"]}"'},
            )
            assert_vietnamese_problem(response, 422, "parent_id")

    def test_an_unknown_agency_is_not_found(self, api: httpx.Client, admin: dict[str, str]) -> None:
        response = api.patch(f"/api/v1/agencies/{NOBODY}", json={"name": "Tên"}, headers=admin | {"If-Match": '"1"'})
        assert_vietnamese_problem(response, 404)

    def test_a_malformed_id_names_agency_id(self, api: httpx.Client, admin: dict[str, str]) -> None:
        response = api.patch("/api/v1/agencies/123", json={"name": "Tên"}, headers=admin | {"If-Match": '"1"'})
        assert_vietnamese_problem(response, 422, "agency_id")


class TestAgencyMergeInput:
    @pytest.mark.parametrize(
        ("body", "field"),
        [({}, "into_id"), ({"into_id": "xyz"}, "into_id"), ({"into_id": None}, "into_id"), ({"x": 1}, "x")],
    )
    def test_a_malformed_merge_names_the_field(
        self, api: httpx.Client, auth: Auth, admin: dict[str, str], body: dict[str, Any], field: str
    ) -> None:
        agency = create_agency(api, auth)
        response = api.post(f"/api/v1/agencies/{agency['id']}/merge", json=body, headers=admin | {"If-Match": '"1"'})
        assert_vietnamese_problem(response, 422, field)

    def test_a_merge_without_if_match_needs_a_precondition(
        self, api: httpx.Client, auth: Auth, admin: dict[str, str]
    ) -> None:
        agency, target = create_agency(api, auth), create_agency(api, auth)
        response = api.post(f"/api/v1/agencies/{agency['id']}/merge", json={"into_id": target["id"]}, headers=admin)
        assert_vietnamese_problem(response, 428)
        assert api.get(f"/api/v1/agencies/{agency['id']}", headers=admin).json()["active"] is True

    def test_a_merge_with_a_stale_etag_fails_and_changes_nothing(
        self, api: httpx.Client, auth: Auth, admin: dict[str, str]
    ) -> None:
        agency, target = create_agency(api, auth), create_agency(api, auth)
        response = api.post(
            f"/api/v1/agencies/{agency['id']}/merge",
            json={"into_id": target["id"]},
            headers=admin | {"If-Match": '"7"'},
        )
        assert_vietnamese_problem(response, 412)
        assert api.get(f"/api/v1/agencies/{agency['id']}", headers=admin).json() == agency

    def test_a_merge_into_an_unknown_agency_is_not_found(
        self, api: httpx.Client, auth: Auth, admin: dict[str, str]
    ) -> None:
        agency = create_agency(api, auth)
        response = api.post(
            f"/api/v1/agencies/{agency['id']}/merge", json={"into_id": NOBODY}, headers=admin | {"If-Match": '"1"'}
        )
        assert_vietnamese_problem(response, 404)


class TestUserCreateInput:
    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"username": "Nguyễn Văn A"}, "username"),
            ({"username": "ab"}, "username"),
            ({"username": ".dot.first"}, "username"),
            ({"username": "x" * 65}, "username"),
            ({"full_name": "A"}, "full_name"),
            ({"email": "không-phải-thư"}, "email"),
            ({"agency_id": "SYT"}, "agency_id"),
            ({"roles": []}, "roles"),
            ({"roles": ["integration"]}, "roles"),
            ({"roles": ["vua"]}, "roles.0"),
            ({"roles": "admin"}, "roles"),
            ({"initial_password": "ngắn"}, "initial_password"),
            ({"initial_password": "x" * 129}, "initial_password"),
            ({"must_change_password": False}, "must_change_password"),
        ],
    )
    def test_a_malformed_user_names_the_field(
        self, api: httpx.Client, admin: dict[str, str], syt_id: str, overrides: dict[str, Any], field: str
    ) -> None:
        body = user_body(syt_id) | overrides
        assert_vietnamese_problem(api.post("/api/v1/users", json=body, headers=admin), 422, field)

    def test_a_taken_username_is_a_conflict(self, api: httpx.Client, admin: dict[str, str], syt_id: str) -> None:
        body = user_body(syt_id, username="syt.canbo")
        assert_vietnamese_problem(api.post("/api/v1/users", json=body, headers=admin), 409)

    def test_a_username_with_capitals_is_stored_in_lower_case(
        self, api: httpx.Client, admin: dict[str, str], syt_id: str
    ) -> None:
        body = user_body(syt_id)
        response = api.post("/api/v1/users", json=body | {"username": body["username"].upper()}, headers=admin)
        assert response.status_code == 201, response.text
        assert response.json()["username"] == body["username"]

    @pytest.mark.parametrize(
        ("case", "field"),
        [
            ("agency that does not exist", "agency_id"),
            ("password containing the username", "initial_password"),
            ("password with too few distinct characters", "initial_password"),
            ("merged agency", "agency_id"),
        ],
    )
    def test_a_user_refused_by_the_service_leaves_nothing_behind(
        self, api: httpx.Client, auth: Auth, admin: dict[str, str], syt_id: str, case: str, field: str
    ) -> None:
        body = user_body(syt_id)
        if case == "agency that does not exist":
            body["agency_id"] = NOBODY
        elif case == "password containing the username":
            body["initial_password"] = f"{body['username'].upper()}!2026"
        elif case == "password with too few distinct characters":
            body["initial_password"] = "abababababab"
        else:
            gone, target = create_agency(api, auth), create_agency(api, auth)
            merged = api.post(
                f"/api/v1/agencies/{gone['id']}/merge",
                json={"into_id": target["id"]},
                headers=admin | {"If-Match": '"1"'},
            )
            assert merged.status_code == 200, merged.text
            body["agency_id"] = gone["id"]
        audit_before = newest_audit_id(api, auth, "user")

        response = api.post("/api/v1/users", json=body, headers=admin)

        assert_vietnamese_problem(response, 422, field)
        assert api.get("/api/v1/users", params={"q": body["username"]}, headers=admin).json()["items"] == []
        assert newest_audit_id(api, auth, "user") == audit_before
        assert audit_mentions(api, auth, "user", body["email"]) == []
        login = api.post("/api/v1/auth/login", json={"username": body["username"], "password": INITIAL_PASSWORD})
        assert_vietnamese_problem(login, 401)

    def test_only_an_admin_may_create_even_with_good_input(self, api: httpx.Client, auth: Auth, syt_id: str) -> None:
        body = user_body(syt_id)
        assert_vietnamese_problem(api.post("/api/v1/users", json=body, headers=auth("syt.lanhdao")), 403)
        assert api.get("/api/v1/users", params={"q": body["username"]}, headers=auth("admin")).json()["items"] == []


class TestUserUpdateInput:
    def test_without_if_match_the_update_needs_a_precondition(
        self, api: httpx.Client, auth: Auth, admin: dict[str, str], syt_id: str
    ) -> None:
        user = create_user(api, auth, syt_id)
        response = api.patch(f"/api/v1/users/{user['id']}", json={"full_name": "Tên mới"}, headers=admin)
        assert_vietnamese_problem(response, 428)
        assert api.get(f"/api/v1/users/{user['id']}", headers=admin).json() == user

    def test_a_stale_etag_fails_and_changes_nothing(
        self, api: httpx.Client, auth: Auth, admin: dict[str, str], syt_id: str
    ) -> None:
        user = create_user(api, auth, syt_id)
        response = api.patch(
            f"/api/v1/users/{user['id']}", json={"roles": ["viewer"]}, headers=admin | {"If-Match": '"0"'}
        )
        assert_vietnamese_problem(response, 412)
        assert api.get(f"/api/v1/users/{user['id']}", headers=admin).json() == user

    def test_the_right_etag_updates_and_gives_a_new_etag(
        self, api: httpx.Client, auth: Auth, admin: dict[str, str], syt_id: str
    ) -> None:
        user = create_user(api, auth, syt_id)
        etag = api.get(f"/api/v1/users/{user['id']}", headers=admin).headers["ETag"]

        response = api.patch(
            f"/api/v1/users/{user['id']}", json={"full_name": "Trần Văn Mới"}, headers=admin | {"If-Match": etag}
        )

        assert response.status_code == 200, response.text
        assert response.json()["full_name"] == "Trần Văn Mới"
        assert response.headers["ETag"] != etag
        assert response.headers["ETag"] == api.get(f"/api/v1/users/{user['id']}", headers=admin).headers["ETag"]

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({"full_name": None}, "full_name"),
            ({"email": None}, "email"),
            ({"email": "sai"}, "email"),
            ({"agency_id": None}, "agency_id"),
            ({"agency_id": NOBODY}, "agency_id"),
            ({"roles": []}, "roles"),
            ({"roles": ["integration"]}, "roles"),
            ({"active": None}, "active"),
            ({"active": "có lẽ"}, "active"),
            ({"username": "doiten"}, "username"),
            ({"password_hash": "x"}, "password_hash"),
        ],
    )
    def test_a_bad_change_names_the_field_and_changes_nothing(
        self,
        api: httpx.Client,
        auth: Auth,
        admin: dict[str, str],
        syt_id: str,
        body: dict[str, Any],
        field: str,
    ) -> None:
        user = create_user(api, auth, syt_id)
        response = api.patch(
            f"/api/v1/users/{user['id']}", json=body, headers=admin | {"If-Match": f'"{user["version"]}"'}
        )
        assert_vietnamese_problem(response, 422, field)
        assert api.get(f"/api/v1/users/{user['id']}", headers=admin).json() == user

    def test_a_malformed_id_names_user_id(self, api: httpx.Client, admin: dict[str, str]) -> None:
        response = api.patch("/api/v1/users/abc", json={"full_name": "Tên"}, headers=admin | {"If-Match": '"1"'})
        assert_vietnamese_problem(response, 422, "user_id")

    def test_an_unknown_user_is_not_found(self, api: httpx.Client, admin: dict[str, str]) -> None:
        response = api.patch(f"/api/v1/users/{NOBODY}", json={"full_name": "Tên"}, headers=admin | {"If-Match": '"1"'})
        assert_vietnamese_problem(response, 404)


class TestResetPasswordInput:
    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({}, "new_password"),
            ({"new_password": "ngắn"}, "new_password"),
            ({"new_password": "x" * 129}, "new_password"),
            ({"new_password": "Mật-khẩu-tốt-2026", "notify": True}, "notify"),
        ],
    )
    def test_a_malformed_reset_names_the_field(
        self, api: httpx.Client, auth: Auth, admin: dict[str, str], syt_id: str, body: dict[str, Any], field: str
    ) -> None:
        user = create_user(api, auth, syt_id)
        response = api.post(f"/api/v1/users/{user['id']}/reset-password", json=body, headers=admin)
        assert_vietnamese_problem(response, 422, field)

    def test_a_weak_password_is_refused_and_the_old_one_still_works(
        self, api: httpx.Client, auth: Auth, admin: dict[str, str], syt_id: str
    ) -> None:
        user = create_user(api, auth, syt_id)
        audit_before = newest_audit_id(api, auth, "user")
        weak = f"{user['username']}-2026"
        response = api.post(f"/api/v1/users/{user['id']}/reset-password", json={"new_password": weak}, headers=admin)
        assert_vietnamese_problem(response, 422, "new_password")
        assert newest_audit_id(api, auth, "user") == audit_before
        login = api.post("/api/v1/auth/login", json={"username": user["username"], "password": INITIAL_PASSWORD})
        assert login.status_code == 200, login.text

    def test_an_unknown_user_is_not_found(self, api: httpx.Client, admin: dict[str, str]) -> None:
        response = api.post(
            f"/api/v1/users/{NOBODY}/reset-password", json={"new_password": "Mật-khẩu-tốt-2026"}, headers=admin
        )
        assert_vietnamese_problem(response, 404)

    def test_a_malformed_id_names_user_id(self, api: httpx.Client, admin: dict[str, str]) -> None:
        response = api.post(
            "/api/v1/users/abc/reset-password", json={"new_password": "Mật-khẩu-tốt-2026"}, headers=admin
        )
        assert_vietnamese_problem(response, 422, "user_id")


def client_body(agency: str, **overrides: Any) -> dict[str, Any]:
    tag = suffix()
    return {
        "client_id": f"ung-dung-{tag}",
        "name": f"Ứng dụng {tag}",
        "scopes": ["tasks.read"],
        "agency_id": agency,
    } | overrides


class TestClientInput:
    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"client_id": "Ứng dụng"}, "client_id"),
            ({"client_id": "ab"}, "client_id"),
            ({"name": "A"}, "name"),
            ({"scopes": []}, "scopes"),
            ({"scopes": ["tasks.write"]}, "scopes.0"),
            ({"scopes": "tasks.read"}, "scopes"),
            ({"agency_id": "UBND_TINH"}, "agency_id"),
            ({"secret": "tự-chọn"}, "secret"),
        ],
    )
    def test_a_malformed_client_names_the_field(
        self, api: httpx.Client, admin: dict[str, str], syt_id: str, overrides: dict[str, Any], field: str
    ) -> None:
        body = client_body(syt_id, **overrides)
        assert_vietnamese_problem(api.post("/api/v1/clients", json=body, headers=admin), 422, field)

    def test_a_taken_client_id_is_a_conflict(self, api: httpx.Client, admin: dict[str, str], syt_id: str) -> None:
        response = api.post("/api/v1/clients", json=client_body(syt_id, client_id="ioc-demo"), headers=admin)
        assert_vietnamese_problem(response, 409)

    def test_an_agency_that_does_not_exist_leaves_nothing_behind(
        self, api: httpx.Client, auth: Auth, admin: dict[str, str]
    ) -> None:
        body = client_body(NOBODY)
        audit_before = newest_audit_id(api, auth, "client")
        response = api.post("/api/v1/clients", json=body, headers=admin)
        assert_vietnamese_problem(response, 422, "agency_id")
        assert body["client_id"] not in {c["client_id"] for c in api.get("/api/v1/clients", headers=admin).json()}
        assert newest_audit_id(api, auth, "client") == audit_before

    def test_patch_needs_if_match_refuses_stale_and_accepts_current(
        self, api: httpx.Client, admin: dict[str, str], syt_id: str
    ) -> None:
        created = api.post("/api/v1/clients", json=client_body(syt_id), headers=admin).json()
        path = f"/api/v1/clients/{created['id']}"

        assert_vietnamese_problem(api.patch(path, json={"name": "Tên mới"}, headers=admin), 428)
        assert_vietnamese_problem(api.patch(path, json={"name": "Tên mới"}, headers=admin | {"If-Match": '"0"'}), 412)
        current = f'"{created["version"]}"'
        assert_vietnamese_problem(
            api.patch(path, json={"scopes": []}, headers=admin | {"If-Match": current}), 422, "scopes"
        )
        assert_vietnamese_problem(
            api.patch(path, json={"agency_id": NOBODY}, headers=admin | {"If-Match": current}), 422, "agency_id"
        )
        assert_vietnamese_problem(
            api.patch(path, json={"active": None}, headers=admin | {"If-Match": current}), 422, "active"
        )
        ok = api.patch(path, json={"name": "Tên mới"}, headers=admin | {"If-Match": current})
        assert ok.status_code == 200, ok.text
        assert ok.json()["name"] == "Tên mới"
        assert ok.headers["ETag"] != current

    def test_an_unknown_client_is_not_found(self, api: httpx.Client, admin: dict[str, str]) -> None:
        response = api.patch(f"/api/v1/clients/{NOBODY}", json={"name": "Tên"}, headers=admin | {"If-Match": '"1"'})
        assert_vietnamese_problem(response, 404)
        assert_vietnamese_problem(api.post(f"/api/v1/clients/{NOBODY}/rotate-secret", headers=admin), 404)

    def test_a_malformed_id_names_client_uuid(self, api: httpx.Client, admin: dict[str, str]) -> None:
        response = api.patch("/api/v1/clients/ioc-demo", json={"name": "Tên"}, headers=admin | {"If-Match": '"1"'})
        assert_vietnamese_problem(response, 422, "client_uuid")


LISTS = ["/api/v1/agencies", "/api/v1/users", "/api/v1/audit"]


class TestListParameters:
    @pytest.mark.parametrize("path", LISTS)
    @pytest.mark.parametrize("limit", ["0", "-1", "201", "mười", "1.5"])
    def test_a_bad_limit_names_limit(self, api: httpx.Client, admin: dict[str, str], path: str, limit: str) -> None:
        assert_vietnamese_problem(api.get(path, params={"limit": limit}, headers=admin), 422, "limit")

    @pytest.mark.parametrize("path", LISTS)
    @pytest.mark.parametrize(
        "cursor",
        ["!!!", "không-phải-con-trỏ", encode_cursor([]), encode_cursor(["a", "b"]), encode_cursor({"a": 1}), "x" * 513],
    )
    def test_a_garbage_cursor_names_cursor(
        self, api: httpx.Client, admin: dict[str, str], path: str, cursor: str
    ) -> None:
        assert_vietnamese_problem(api.get(path, params={"cursor": cursor}, headers=admin), 422, "cursor")

    @pytest.mark.parametrize("value", ["abc", [1], 10**30])
    def test_a_well_formed_audit_cursor_with_a_wrong_value_names_cursor(
        self, value: Any, stack: Any, auth: Auth
    ) -> None:
        # Its own connection each time: the server closes the connection after a 500.
        with httpx.Client(base_url=stack.url("gateway"), timeout=20) as client:
            response = client.get("/api/v1/audit", params={"cursor": encode_cursor([value])}, headers=auth("admin"))
        assert_vietnamese_problem(response, 422, "cursor")

    @pytest.mark.parametrize(
        ("path", "params", "field"),
        [
            ("/api/v1/agencies", {"q": "x" * 201}, "q"),
            ("/api/v1/agencies", {"kind": "ministry"}, "kind"),
            ("/api/v1/agencies", {"within": "SKHCN"}, "within"),
            ("/api/v1/agencies", {"parent_id": "1"}, "parent_id"),
            ("/api/v1/agencies", {"include_inactive": "có lẽ"}, "include_inactive"),
            ("/api/v1/users", {"role": "vua"}, "role"),
            ("/api/v1/users", {"agency_id": "SYT"}, "agency_id"),
            ("/api/v1/users", {"q": "x" * 201}, "q"),
            ("/api/v1/audit", {"entity_type": "x" * 31}, "entity_type"),
            ("/api/v1/audit", {"entity_id": "x" * 101}, "entity_id"),
            ("/api/v1/identity/events", {"after": "không-phải"}, "after"),
            ("/api/v1/identity/events", {"after": "1-2-3"}, "after"),
            ("/api/v1/identity/events", {"after": "x" * 65}, "after"),
            ("/api/v1/identity/events", {"limit": "0"}, "limit"),
        ],
    )
    def test_a_bad_filter_names_it(
        self, api: httpx.Client, admin: dict[str, str], path: str, params: dict[str, str], field: str
    ) -> None:
        assert_vietnamese_problem(api.get(path, params=params, headers=admin), 422, field)

    def test_an_event_cursor_beyond_bigint_names_after(self, stack: Any, auth: Auth) -> None:
        with httpx.Client(base_url=stack.url("gateway"), timeout=20) as client:
            response = client.get(
                "/api/v1/identity/events", params={"after": "99999999999999999999-1"}, headers=auth("admin")
            )
        assert_vietnamese_problem(response, 422, "after")

    @pytest.mark.parametrize("path", ["/api/v1/agencies/{}", "/api/v1/users/{}", "/api/v1/clients/{}/rotate-secret"])
    def test_a_malformed_path_id_is_named(self, api: httpx.Client, admin: dict[str, str], path: str) -> None:
        method = api.post if "rotate" in path else api.get
        response = method(path.format("khong-phai-uuid"), headers=admin)
        field = {"agencies": "agency_id", "users": "user_id", "clients": "client_uuid"}[path.split("/")[3]]
        assert_vietnamese_problem(response, 422, field)

    @pytest.mark.parametrize("path", ["/api/v1/agencies/{}", "/api/v1/users/{}"])
    def test_an_unknown_id_is_not_found(self, api: httpx.Client, admin: dict[str, str], path: str) -> None:
        assert_vietnamese_problem(api.get(path.format(uuid.uuid4()), headers=admin), 404)

    def test_an_overlong_idempotency_key_is_named(self, api: httpx.Client, admin: dict[str, str]) -> None:
        response = api.post("/api/v1/agencies", json=agency_body(), headers=admin | {"Idempotency-Key": "k" * 201})
        assert_vietnamese_problem(response, 422, "idempotency-key")


def nul_cases() -> list[Any]:
    tag = suffix()
    agency = {"code": f"NUL_{tag.upper()}", "name": "Tên\x00ẩn", "short_name": "Tên", "kind": "other"}
    return [
        pytest.param("GET", "/api/v1/agencies", {"params": {"q": "a\x00b"}}, "q", id="agency search"),
        pytest.param("GET", "/api/v1/users", {"params": {"q": "a\x00b"}}, "q", id="user search"),
        pytest.param(
            "GET", "/api/v1/agencies", {"params": {"cursor": encode_cursor(["a\x00b"])}}, "cursor", id="agency cursor"
        ),
        pytest.param(
            "GET", "/api/v1/users", {"params": {"cursor": encode_cursor(["a\x00b"])}}, "cursor", id="user cursor"
        ),
        pytest.param("POST", "/api/v1/agencies", {"json": agency}, "name", id="agency name"),
        pytest.param(
            "POST", "/api/v1/auth/login", {"json": {"username": "ad\x00min", "password": "x"}}, "username", id="login"
        ),
        pytest.param(
            "POST",
            "/api/v1/auth/token",
            {"data": {"grant_type": "client_credentials", "client_id": "io\x00c", "client_secret": "x"}},
            "client_id",
            id="client token",
        ),
    ]


class TestNulCharacters:
    @pytest.mark.parametrize(("method", "path", "request_args", "field"), nul_cases())
    def test_a_nul_character_is_refused_as_bad_input(
        self, stack: Any, auth: Auth, method: str, path: str, request_args: dict[str, Any], field: str
    ) -> None:
        # Its own connection: the server drops the connection after a 500.
        with httpx.Client(base_url=stack.url("gateway"), timeout=20) as client:
            response = client.request(method, path, headers=auth("admin"), **request_args)
        assert_vietnamese_problem(response, 422, field)


def test_a_nul_character_in_a_body_forwarded_to_a_service_is_refused_by_the_service(stack: Any, auth: Auth) -> None:
    # The gateway streams proxied bodies without reading them; the service behind checks its own input.
    with httpx.Client(base_url=stack.url("gateway"), timeout=20) as client:
        response = client.post("/api/v1/tasks/whoami", headers=auth("coordinator"), json={"title": "a\x00b"})
    assert_vietnamese_problem(response, 422, "title")
