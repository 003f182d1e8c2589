"""`Idempotency-Key` on creates: a retry replays the first answer, a reused key with another body is refused."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
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
    province_root_id,
    suffix,
    user_body,
)

REPLAYED = "Idempotent-Replayed"
ROUNDS = 5


def agency_body() -> dict[str, Any]:
    tag = suffix()
    return {
        "code": f"IDEM_{tag.upper()}",
        "name": f"Đơn vị gửi trùng {tag}",
        "short_name": f"ĐV {tag}",
        "kind": "other",
        "parent_id": province_root_id(),
    }


def key() -> str:
    return f"khoa-{uuid.uuid4()}"


def agencies_with_code(api: httpx.Client, auth: Auth, code: str) -> list[dict[str, Any]]:
    response = api.get("/api/v1/agencies", params={"q": code, "include_inactive": True}, headers=auth("admin"))
    assert response.status_code == 200, response.text
    return [a for a in response.json()["items"] if a["code"] == code]


def users_named(api: httpx.Client, auth: Auth, username: str) -> list[dict[str, Any]]:
    response = api.get("/api/v1/users", params={"q": username}, headers=auth("admin"))
    assert response.status_code == 200, response.text
    return [u for u in response.json()["items"] if u["username"] == username]


def audit_of(api: httpx.Client, auth: Auth, entity_type: str, entity_id: str) -> list[dict[str, Any]]:
    params = {"entity_type": entity_type, "entity_id": entity_id}
    response = api.get("/api/v1/audit", params=params, headers=auth("admin"))
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def all_at_once(stack: Any, count: int, send: Callable[[httpx.Client], httpx.Response]) -> list[httpx.Response]:
    """`count` requests released together, each from its own thread and connection."""
    barrier = threading.Barrier(count)

    def one(_: int) -> httpx.Response:
        with httpx.Client(base_url=stack.url("gateway"), timeout=30) as client:
            barrier.wait()
            return send(client)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(one, range(count)))


@pytest.fixture(scope="module")
def syt_id(stack: Any, auth: Auth) -> str:
    with httpx.Client(base_url=stack.url("gateway"), timeout=20) as client:
        return str(agency_by_code(client, auth, "SYT")["id"])


class TestAgencyCreateIdempotency:
    def test_a_retry_with_the_same_key_replays_the_first_answer(self, api: httpx.Client, auth: Auth) -> None:
        body, headers = agency_body(), auth("admin") | {"Idempotency-Key": key()}

        first = api.post("/api/v1/agencies", json=body, headers=headers)
        second = api.post("/api/v1/agencies", json=body, headers=headers)

        assert first.status_code == 201, first.text
        assert REPLAYED not in first.headers
        assert second.status_code == 201, second.text
        assert second.headers[REPLAYED] == "true"
        assert second.json() == first.json()
        assert len(agencies_with_code(api, auth, body["code"])) == 1
        assert len(audit_of(api, auth, "agency", first.json()["id"])) == 1

    def test_the_same_key_with_another_body_is_refused(self, api: httpx.Client, auth: Auth) -> None:
        headers = auth("admin") | {"Idempotency-Key": key()}
        first_body, other_body = agency_body(), agency_body()
        assert api.post("/api/v1/agencies", json=first_body, headers=headers).status_code == 201

        response = api.post("/api/v1/agencies", json=other_body, headers=headers)

        assert_vietnamese_problem(response, 422, "Idempotency-Key")
        assert agencies_with_code(api, auth, other_body["code"]) == []

    def test_the_same_key_on_another_endpoint_is_refused(self, api: httpx.Client, auth: Auth, syt_id: str) -> None:
        headers = auth("admin") | {"Idempotency-Key": key()}
        assert api.post("/api/v1/agencies", json=agency_body(), headers=headers).status_code == 201
        body = user_body(syt_id)
        response = api.post("/api/v1/users", json=body, headers=headers)
        assert_vietnamese_problem(response, 422, "Idempotency-Key")
        assert users_named(api, auth, body["username"]) == []

    def test_concurrent_requests_with_one_key_create_one_agency(
        self, api: httpx.Client, auth: Auth, stack: Any
    ) -> None:
        body, headers = agency_body(), auth("admin") | {"Idempotency-Key": key()}

        answers = all_at_once(stack, 6, lambda c: c.post("/api/v1/agencies", json=body, headers=headers))

        assert [r.status_code for r in answers] == [201] * 6, [r.text for r in answers]
        assert all(r.json() == answers[0].json() for r in answers)
        assert sum(REPLAYED not in r.headers for r in answers) == 1
        [agency] = agencies_with_code(api, auth, body["code"])
        assert agency["id"] == answers[0].json()["id"]
        assert len(audit_of(api, auth, "agency", agency["id"])) == 1
        created = [e for e in all_events(api, auth) if e["event_type"] == "agency.created"]
        assert [e["subject_id"] for e in created].count(agency["id"]) == 1

    def test_a_request_that_failed_does_not_use_up_its_key(self, api: httpx.Client, auth: Auth) -> None:
        headers = auth("admin") | {"Idempotency-Key": key()}
        bad = agency_body() | {"parent_id": str(uuid.uuid4())}
        assert_vietnamese_problem(api.post("/api/v1/agencies", json=bad, headers=headers), 422, "parent_id")

        fixed = bad | {"parent_id": province_root_id()}
        response = api.post("/api/v1/agencies", json=fixed, headers=headers)

        assert response.status_code == 201, response.text
        assert REPLAYED not in response.headers

    def test_without_a_key_a_retry_is_a_conflict_not_a_duplicate(self, api: httpx.Client, auth: Auth) -> None:
        body = agency_body()
        assert api.post("/api/v1/agencies", json=body, headers=auth("admin")).status_code == 201
        assert_vietnamese_problem(api.post("/api/v1/agencies", json=body, headers=auth("admin")), 409)
        assert len(agencies_with_code(api, auth, body["code"])) == 1

    def test_concurrent_creates_of_one_code_without_a_key_give_one_agency_and_conflicts(
        self, api: httpx.Client, auth: Auth, stack: Any
    ) -> None:
        # Several rounds, so that at least one really races.
        headers = auth("admin")
        for _ in range(ROUNDS):
            body = agency_body()

            answers = all_at_once(stack, 6, lambda c, b=body: c.post("/api/v1/agencies", json=b, headers=headers))

            assert len(agencies_with_code(api, auth, body["code"])) == 1
            assert sorted(r.status_code for r in answers) == [201] + [409] * 5, [r.text for r in answers]

    def test_keys_belong_to_their_caller(self, api: httpx.Client, auth: Auth) -> None:
        """Another admin reusing a key someone else used is not answered with that person's agency."""
        home = create_agency(api, auth)
        other_admin = create_user(api, auth, home["id"], roles=["admin"])
        other_headers = login_fresh_user(api, other_admin["username"])
        shared = key()
        mine, theirs = agency_body(), agency_body()

        first = api.post("/api/v1/agencies", json=mine, headers=auth("admin") | {"Idempotency-Key": shared})
        second = api.post("/api/v1/agencies", json=theirs, headers=other_headers | {"Idempotency-Key": shared})

        assert first.status_code == 201 and second.status_code == 201, second.text
        assert REPLAYED not in second.headers
        assert second.json()["code"] == theirs["code"]


class TestUserCreateIdempotency:
    def test_a_retry_with_the_same_key_replays_the_first_answer(
        self, api: httpx.Client, auth: Auth, syt_id: str
    ) -> None:
        body, headers = user_body(syt_id), auth("admin") | {"Idempotency-Key": key()}

        first = api.post("/api/v1/users", json=body, headers=headers)
        second = api.post("/api/v1/users", json=body, headers=headers)

        assert first.status_code == 201, first.text
        assert REPLAYED not in first.headers
        assert second.status_code == 201, second.text
        assert second.headers[REPLAYED] == "true"
        assert second.json() == first.json()
        assert len(users_named(api, auth, body["username"])) == 1
        assert len(audit_of(api, auth, "user", first.json()["id"])) == 1

    def test_the_same_key_with_another_body_is_refused(self, api: httpx.Client, auth: Auth, syt_id: str) -> None:
        headers = auth("admin") | {"Idempotency-Key": key()}
        first_body, other_body = user_body(syt_id), user_body(syt_id)
        assert api.post("/api/v1/users", json=first_body, headers=headers).status_code == 201

        response = api.post("/api/v1/users", json=other_body, headers=headers)

        assert_vietnamese_problem(response, 422, "Idempotency-Key")
        assert users_named(api, auth, other_body["username"]) == []

    def test_the_same_body_with_another_key_is_a_conflict(self, api: httpx.Client, auth: Auth, syt_id: str) -> None:
        body = user_body(syt_id)
        assert (
            api.post("/api/v1/users", json=body, headers=auth("admin") | {"Idempotency-Key": key()}).status_code == 201
        )
        again = api.post("/api/v1/users", json=body, headers=auth("admin") | {"Idempotency-Key": key()})
        assert_vietnamese_problem(again, 409)

    def test_concurrent_requests_with_one_key_create_one_user(
        self, api: httpx.Client, auth: Auth, stack: Any, syt_id: str
    ) -> None:
        body, headers = user_body(syt_id), auth("admin") | {"Idempotency-Key": key()}

        answers = all_at_once(stack, 6, lambda c: c.post("/api/v1/users", json=body, headers=headers))

        assert [r.status_code for r in answers] == [201] * 6, [r.text for r in answers]
        assert all(r.json() == answers[0].json() for r in answers)
        assert sum(REPLAYED not in r.headers for r in answers) == 1
        [user] = users_named(api, auth, body["username"])
        assert user["id"] == answers[0].json()["id"]
        assert len(audit_of(api, auth, "user", user["id"])) == 1

    def test_concurrent_creates_of_one_username_without_a_key_give_one_user_and_conflicts(
        self, api: httpx.Client, auth: Auth, stack: Any, syt_id: str
    ) -> None:
        headers = auth("admin")
        for _ in range(ROUNDS):
            body = user_body(syt_id)

            answers = all_at_once(stack, 6, lambda c, b=body: c.post("/api/v1/users", json=b, headers=headers))

            assert len(users_named(api, auth, body["username"])) == 1
            assert sorted(r.status_code for r in answers) == [201] + [409] * 5, [r.text for r in answers]
