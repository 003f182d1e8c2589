"""Each service verifies the token itself: called directly, bypassing the gateway, it refuses anything forged."""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from common.jwtkeys import generate_private_key_pem, public_jwk
from jose import jwt
from tiendo.stack import Stack

from tests.conftest import assert_problem

SERVICES = ["tasks", "indicators", "notifications"]


def _claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {
        "typ": "access",
        "sub": str(uuid.uuid4()),
        "name": "khach",
        "agency": str(uuid.uuid4()),
        "roles": ["agency_officer"],
        "subtree": [],
        "iss": "tiendo-gateway",
        "aud": "tiendo-api",
        "iat": now,
        "exp": now + 300,
        "jti": uuid.uuid4().hex,
    }
    claims.update(overrides)
    return claims


def _sign(private_pem: bytes, claims: dict[str, Any]) -> str:
    kid = public_jwk(private_pem)["kid"]
    return jwt.encode(claims, private_pem.decode(), algorithm="RS256", headers={"kid": kid})


@pytest.fixture(scope="module")
def real_key(stack: Stack) -> bytes:
    return (stack.key_dir / "jwt-private.pem").read_bytes()


def _whoami(stack: Stack, service: str, token: str | None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return httpx.get(f"{stack.url(service)}/api/v1/{service}/whoami", headers=headers, timeout=10)


@pytest.mark.parametrize("service", SERVICES)
class TestServiceCalledDirectly:
    def test_no_token_is_refused(self, stack: Stack, service: str) -> None:
        assert_problem(_whoami(stack, service, None), 401)

    def test_garbage_token_is_refused(self, stack: Stack, service: str) -> None:
        assert_problem(_whoami(stack, service, "khong-phai-jwt"), 401)

    def test_expired_token_is_refused(self, stack: Stack, service: str, real_key: bytes) -> None:
        past = int(time.time()) - 3600
        token = _sign(real_key, _claims(iat=past - 600, exp=past))
        assert_problem(_whoami(stack, service, token), 401)

    def test_token_signed_by_another_key_is_refused(self, stack: Stack, service: str) -> None:
        assert_problem(_whoami(stack, service, _sign(generate_private_key_pem(), _claims())), 401)

    def test_another_key_claiming_the_real_kid_is_refused(self, stack: Stack, service: str, real_key: bytes) -> None:
        forged = jwt.encode(
            _claims(),
            generate_private_key_pem().decode(),
            algorithm="RS256",
            headers={"kid": public_jwk(real_key)["kid"]},
        )
        assert_problem(_whoami(stack, service, forged), 401)

    def test_alg_none_is_refused(self, stack: Stack, service: str, real_key: bytes) -> None:
        def b64(data: dict[str, Any]) -> str:
            return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

        header = {"alg": "none", "typ": "JWT", "kid": public_jwk(real_key)["kid"]}
        assert_problem(_whoami(stack, service, f"{b64(header)}.{b64(_claims())}."), 401)

    def test_hs256_signed_with_the_public_key_is_refused(self, stack: Stack, service: str, real_key: bytes) -> None:
        jwk = public_jwk(real_key)
        token = jwt.encode(_claims(), jwk["n"], algorithm="HS256", headers={"kid": jwk["kid"]})
        assert_problem(_whoami(stack, service, token), 401)

    def test_wrong_audience_is_refused(self, stack: Stack, service: str, real_key: bytes) -> None:
        assert_problem(_whoami(stack, service, _sign(real_key, _claims(aud="another-api"))), 401)

    def test_wrong_issuer_is_refused(self, stack: Stack, service: str, real_key: bytes) -> None:
        assert_problem(_whoami(stack, service, _sign(real_key, _claims(iss="someone-else"))), 401)

    def test_token_of_a_user_who_must_change_password_is_refused(
        self, stack: Stack, service: str, real_key: bytes
    ) -> None:
        assert_problem(_whoami(stack, service, _sign(real_key, _claims(pwc=True))), 403)

    def test_valid_token_gives_the_principal_with_its_agency_subtree(
        self,
        stack: Stack,
        service: str,
        token_of: Callable[[str], str],
        api: httpx.Client,
        auth: Callable[[str], dict[str, str]],
    ) -> None:
        response = _whoami(stack, service, token_of("syt.lanhdao"))
        assert response.status_code == 200, response.text
        principal = response.json()
        me = api.get("/api/v1/auth/me", headers=auth("syt.lanhdao")).json()
        hospitals = api.get(
            "/api/v1/agencies", params={"within": me["agency"]["id"]}, headers=auth("syt.lanhdao")
        ).json()["items"]
        assert principal["agency_id"] == me["agency"]["id"]
        assert principal["roles"] == ["agency_manager"]
        assert principal["province_wide"] is False
        # Sở Y tế and the hospitals under it, nothing else.
        assert set(principal["agency_subtree"]) == {a["id"] for a in hospitals}
        assert len(principal["agency_subtree"]) > 1

    def test_coordinator_is_province_wide(self, stack: Stack, service: str, token_of: Callable[[str], str]) -> None:
        principal = _whoami(stack, service, token_of("coordinator")).json()
        assert principal["province_wide"] is True


def test_a_service_fetching_keys_from_the_gateway_jwks_url_verifies_tokens(
    stack: Stack, token_of: Callable[[str], str]
) -> None:
    """The Kubernetes wiring: no key file, only TIENDO_JWKS_URL pointing at the gateway."""
    import subprocess
    import sys

    from tests.conftest import free_port

    port = free_port()
    env = {k: v for k, v in stack.env().items() if k != "TIENDO_JWKS_FILE"}
    env |= {"TIENDO_JWKS_URL": stack.url("gateway") + "/.well-known/jwks.json", "TASKS_PORT": str(port)}
    process = subprocess.Popen([sys.executable, "-m", "tasks", "serve"], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + "/ready", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "tasks did not become ready"
            time.sleep(0.1)
        ok = httpx.get(base + "/api/v1/tasks/whoami", headers={"Authorization": f"Bearer {token_of('syt.canbo')}"})
        assert ok.status_code == 200 and ok.json()["username"] == "syt.canbo"
        forged = _sign(generate_private_key_pem(), _claims())
        assert_problem(httpx.get(base + "/api/v1/tasks/whoami", headers={"Authorization": f"Bearer {forged}"}), 401)
    finally:
        process.terminate()
        process.wait(10)
