"""Login, refresh rotation with reuse detection, logout, throttling and lockout, first-login password change."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator

import asyncpg
import httpx
import pytest
from common.settings import async_database_url
from tiendo.stack import Stack, migrate_all

from tests.conftest import assert_problem, free_port

INITIAL = "Mat-khau-ban-dau-2026"


def _sql(stack: Stack, query: str, *args: object) -> None:
    async def run() -> None:
        conn = await asyncpg.connect(stack.database_url.replace("+asyncpg", ""))
        try:
            await conn.execute(query, *args)
        finally:
            await conn.close()

    asyncio.run(run())


@pytest.fixture
def new_user(api: httpx.Client, auth: Callable[[str], dict[str, str]]) -> str:
    """A fresh account of Sở Y tế with an admin-set initial password."""
    agency = api.get("/api/v1/agencies", params={"q": "So Y te"}, headers=auth("admin")).json()["items"][0]
    username = f"kiemthu.{uuid.uuid4().hex[:8]}"
    created = api.post(
        "/api/v1/users",
        headers=auth("admin"),
        json={
            "username": username,
            "full_name": "Người Kiểm Thử",
            "email": f"{username}@example.vn",
            "agency_id": agency["id"],
            "roles": ["agency_officer"],
            "initial_password": INITIAL,
        },
    )
    assert created.status_code == 201, created.text
    return username


def _login(api: httpx.Client, username: str, password: str) -> httpx.Response:
    return api.post("/api/v1/auth/login", json={"username": username, "password": password})


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class TestFirstLogin:
    def test_initial_password_must_be_changed_before_anything_else(self, api: httpx.Client, new_user: str) -> None:
        tokens = _login(api, new_user, INITIAL).json()
        assert tokens["must_change_password"] is True
        assert api.get("/api/v1/auth/me", headers=_bearer(tokens["access_token"])).status_code == 200
        body = assert_problem(api.get("/api/v1/agencies", headers=_bearer(tokens["access_token"])), 403)
        assert "đổi mật khẩu" in str(body["detail"])
        assert_problem(api.get("/api/v1/tasks/whoami", headers=_bearer(tokens["access_token"])), 403)

        weak = api.post(
            "/api/v1/auth/change-password",
            headers=_bearer(tokens["access_token"]),
            json={"current_password": INITIAL, "new_password": "ngan"},
        )
        assert_problem(weak, 422, "new_password")
        wrong = api.post(
            "/api/v1/auth/change-password",
            headers=_bearer(tokens["access_token"]),
            json={"current_password": "sai-mat-khau-roi", "new_password": "Mat-khau-moi-2026"},
        )
        assert_problem(wrong, 422, "current_password")
        changed = api.post(
            "/api/v1/auth/change-password",
            headers=_bearer(tokens["access_token"]),
            json={"current_password": INITIAL, "new_password": "Mat-khau-moi-2026"},
        )
        assert changed.status_code == 204

        renewed = api.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}).json()
        assert renewed["must_change_password"] is False
        assert api.get("/api/v1/agencies", headers=_bearer(renewed["access_token"])).status_code == 200
        assert_problem(_login(api, new_user, INITIAL), 401)
        assert _login(api, new_user, "Mat-khau-moi-2026").status_code == 200


class TestRefreshRotation:
    def test_refresh_gives_a_new_pair_and_the_old_refresh_token_is_spent(self, api: httpx.Client) -> None:
        first = _login(api, "syt.canbo", "tiendo-demo").json()
        second = api.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
        assert second.status_code == 200
        pair = second.json()
        assert pair["refresh_token"] != first["refresh_token"]
        assert api.get("/api/v1/auth/me", headers=_bearer(pair["access_token"])).json()["username"] == "syt.canbo"

    def test_reusing_a_spent_refresh_token_revokes_the_whole_family(self, api: httpx.Client) -> None:
        first = _login(api, "syt.canbo", "tiendo-demo").json()
        second = api.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}).json()
        reuse = api.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
        body = assert_problem(reuse, 401)
        assert "dùng lại" in str(body["detail"])
        # The thief's copy and the rightful newest token are both dead now.
        assert_problem(api.post("/api/v1/auth/refresh", json={"refresh_token": second["refresh_token"]}), 401)
        assert_problem(api.get("/api/v1/auth/me", headers=_bearer(second["access_token"])), 401)

    def test_unknown_refresh_token_is_refused(self, api: httpx.Client) -> None:
        assert_problem(api.post("/api/v1/auth/refresh", json={"refresh_token": "x" * 40}), 401)


class TestLogout:
    def test_logout_ends_the_session_at_once(self, api: httpx.Client) -> None:
        pair = _login(api, "vietri.canbo", "tiendo-demo").json()
        assert api.get("/api/v1/auth/me", headers=_bearer(pair["access_token"])).status_code == 200
        assert api.post("/api/v1/auth/logout", json={"refresh_token": pair["refresh_token"]}).status_code == 204
        assert_problem(api.get("/api/v1/auth/me", headers=_bearer(pair["access_token"])), 401)
        assert_problem(api.get("/api/v1/tasks/whoami", headers=_bearer(pair["access_token"])), 401)
        assert_problem(api.post("/api/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]}), 401)

    def test_logout_twice_is_harmless(self, api: httpx.Client) -> None:
        pair = _login(api, "vietri.canbo", "tiendo-demo").json()
        for _ in range(2):
            assert api.post("/api/v1/auth/logout", json={"refresh_token": pair["refresh_token"]}).status_code == 204


class TestFailedLogins:
    """The test stack slows an account after 3 failures and locks it after 6."""

    def test_unknown_user_and_wrong_password_get_the_same_answer(self, api: httpx.Client, new_user: str) -> None:
        unknown = assert_problem(_login(api, f"khong-co-{uuid.uuid4().hex[:6]}", "abc"), 401)
        wrong = assert_problem(_login(api, new_user, "abc"), 401)
        assert unknown["detail"] == wrong["detail"] == "Tên đăng nhập hoặc mật khẩu không đúng."

    def test_repeated_failures_slow_then_lock_the_account(self, api: httpx.Client, stack: Stack, new_user: str) -> None:
        for _ in range(3):
            assert_problem(_login(api, new_user, "sai-mat-khau"), 401)
        slowed = assert_problem(_login(api, new_user, INITIAL), 429)
        assert "giây" in str(slowed["detail"])
        assert int(_login(api, new_user, INITIAL).headers["retry-after"]) >= 1
        for _ in range(3):
            # Skip the waiting the throttle imposes; each failure still counts.
            _sql(stack, "UPDATE identity.users SET next_login_at = NULL WHERE username = $1", new_user)
            assert _login(api, new_user, "sai-mat-khau").status_code == 401
        locked = assert_problem(_login(api, new_user, INITIAL), 423)
        assert "tạm khóa" in str(locked["detail"])
        # The lock expires: then the right password works and the count starts again.
        _sql(
            stack, "UPDATE identity.users SET locked_until = now() - interval '1 second' WHERE username = $1", new_user
        )
        assert _login(api, new_user, INITIAL).status_code == 200
        assert _login(api, new_user, "sai-mat-khau").status_code == 401

    def test_a_success_before_the_limit_resets_the_count(self, api: httpx.Client, new_user: str) -> None:
        for _ in range(2):
            assert _login(api, new_user, "sai-mat-khau").status_code == 401
        assert _login(api, new_user, INITIAL).status_code == 200
        for _ in range(2):
            assert _login(api, new_user, "sai-mat-khau").status_code == 401
        assert _login(api, new_user, INITIAL).status_code == 200


@pytest.fixture(scope="module")
def strict_gateway(new_database: Callable[[str], str], stack: Stack) -> Iterator[str]:
    """A gateway of its own database that refuses an address after 3 failures."""
    from gateway.demo.loader import load

    url = new_database("address")
    asyncio.run(migrate_all(url))
    asyncio.run(load(async_database_url(url), demo=True))
    port = free_port()
    env = {**stack.env(), "DATABASE_URL": url, "GATEWAY_PORT": str(port), "GATEWAY_LOGIN_ADDRESS_LIMIT": "3"}
    process = subprocess.Popen([sys.executable, "-m", "gateway", "serve"], env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/ready").status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(10)


def test_an_address_with_many_failures_is_refused_for_a_while(strict_gateway: str) -> None:
    with httpx.Client(base_url=strict_gateway, timeout=10) as api:
        for i in range(3):
            assert _login(api, f"doan-mo-{i}", "sai").status_code == 401
        refused = assert_problem(_login(api, "coordinator", "tiendo-demo"), 429)
        assert "địa chỉ" in str(refused["detail"])  # even the right password waits
