"""Role × route matrix at the gateway: who may read and write each service, and the identity admin API."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from tiendo.stack import Stack

USERS = ["admin", "coordinator", "leader", "syt.lanhdao", "syt.canbo", "viewer"]
ROLE_OF = {
    "admin": "admin",
    "coordinator": "coordinator",
    "leader": "leader",
    "syt.lanhdao": "agency_manager",
    "syt.canbo": "agency_officer",
    "viewer": "viewer",
    "ioc-demo": "integration",
}
WRITERS = {"admin", "coordinator", "leader", "agency_manager", "agency_officer"}
HUMANS = set(ROLE_OF.values()) - {"integration"}
ALL = set(ROLE_OF.values())

# (method, path, roles let through the gateway). A write that passes the gateway reaches the service,
# which has no such route yet and answers 404/405: what matters here is that it was not 401/403.
MATRIX = [
    ("GET", "/api/v1/tasks/whoami", ALL),
    ("POST", "/api/v1/tasks/whoami", WRITERS),
    ("GET", "/api/v1/indicators/whoami", ALL),
    ("PATCH", "/api/v1/indicators/whoami", WRITERS),
    ("GET", "/api/v1/notifications/whoami", HUMANS),
    ("POST", "/api/v1/notifications/whoami", HUMANS),
    ("GET", "/api/v1/tasks/events", ALL),
    ("GET", "/api/v1/agencies", ALL),
    ("POST", "/api/v1/agencies", {"admin"}),
    ("GET", "/api/v1/users", {"admin", "coordinator", "leader", "agency_manager"}),
    ("POST", "/api/v1/users", {"admin"}),
    ("GET", "/api/v1/clients", {"admin"}),
    ("POST", "/api/v1/clients", {"admin"}),
    ("GET", "/api/v1/audit", {"admin"}),
    ("GET", "/api/v1/identity/events", ALL),
]


@pytest.fixture(scope="module")
def ioc_token(stack: Stack) -> str:
    response = httpx.post(
        stack.url("gateway") + "/api/v1/auth/token",
        data={"grant_type": "client_credentials", "client_id": "ioc-demo", "client_secret": "tiendo-demo"},
    )
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


@pytest.mark.parametrize(("method", "path", "allowed"), MATRIX, ids=[f"{m} {p}" for m, p, _ in MATRIX])
@pytest.mark.parametrize("who", [*USERS, "ioc-demo"])
def test_role_route_matrix(
    api: httpx.Client,
    token_of: Callable[[str], str],
    ioc_token: str,
    who: str,
    method: str,
    path: str,
    allowed: set[str],
) -> None:
    token = ioc_token if who == "ioc-demo" else token_of(who)
    response = api.request(method, path, headers={"Authorization": f"Bearer {token}"}, json={})
    if ROLE_OF[who] in allowed:
        assert response.status_code not in (401, 403), f"{who} bị từ chối {method} {path}: {response.text}"
    else:
        assert response.status_code == 403, f"{who} lẽ ra bị từ chối {method} {path}: {response.status_code}"
        assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize(("method", "path", "allowed"), MATRIX, ids=[f"{m} {p}" for m, p, _ in MATRIX])
def test_anonymous_is_refused_everywhere(api: httpx.Client, method: str, path: str, allowed: set[str]) -> None:
    response = api.request(method, path, json={})
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.headers["www-authenticate"] == "Bearer"


def test_integration_client_without_the_scope_is_refused(
    api: httpx.Client, auth: Callable[[str], dict[str, str]]
) -> None:
    created = api.post(
        "/api/v1/clients",
        headers=auth("admin"),
        json={
            "client_id": "chi-doc-chi-tieu",
            "name": "Chỉ đọc chỉ tiêu",
            "scopes": ["indicators.read"],
            "agency_id": api.get("/api/v1/agencies", params={"q": "UBND tinh Phu Tho"}, headers=auth("admin")).json()[
                "items"
            ][0]["id"],
        },
    )
    assert created.status_code == 201, created.text
    token = api.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": "chi-doc-chi-tieu",
            "client_secret": created.json()["client_secret"],
        },
    ).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert api.get("/api/v1/indicators/whoami", headers=headers).status_code == 200
    refused = api.get("/api/v1/tasks/whoami", headers=headers)
    assert refused.status_code == 403 and "tasks.read" in refused.json()["detail"]
