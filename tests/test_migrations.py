"""Each schema migrates up and down on an empty database, keeps its version table in its own schema,
and can be migrated by a role that owns only that schema."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
import uuid
from collections.abc import Callable

import asyncpg
import httpx
import pytest
from common.migrations import migrate, schema_is_current, script_heads
from common.settings import async_database_url
from tiendo.stack import PROCESSES

from tests.conftest import free_port


async def _fetch(url: str, query: str, *args: object) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        return await conn.fetch(query, *args)
    finally:
        await conn.close()


def _tables(url: str, schema: str) -> set[str]:
    rows = asyncio.run(_fetch(url, "SELECT tablename FROM pg_tables WHERE schemaname = $1", schema))
    return {r["tablename"] for r in rows}


@pytest.mark.parametrize(("package", "schema"), [(p, s) for p, s, _ in PROCESSES])
def test_schema_migrates_up_and_down_on_an_empty_database(
    new_database: Callable[[str], str], package: str, schema: str
) -> None:
    url = async_database_url(new_database("mig"))
    asyncio.run(migrate(url, package, schema))
    tables = _tables(url, schema)
    assert {"alembic_version", "outbox_events", "idempotency_keys"} <= tables
    version = asyncio.run(_fetch(url, f'SELECT version_num FROM "{schema}".alembic_version'))
    assert {r["version_num"] for r in version} == script_heads(package, schema)
    assert _tables(url, "public") == set(), "nothing may land in public"

    asyncio.run(migrate(url, package, schema, action="downgrade", revision="base"))
    assert _tables(url, schema) == {"alembic_version"}
    asyncio.run(migrate(url, package, schema))
    assert "outbox_events" in _tables(url, schema)


def test_all_schemas_live_side_by_side_each_with_its_own_version_table(new_database: Callable[[str], str]) -> None:
    url = async_database_url(new_database("all"))
    for package, schema, _ in PROCESSES:
        asyncio.run(migrate(url, package, schema))
    rows = asyncio.run(_fetch(url, "SELECT schemaname FROM pg_tables WHERE tablename = 'alembic_version'"))
    assert sorted(r["schemaname"] for r in rows) == sorted(s for _, s, _ in PROCESSES)


def test_a_service_role_migrates_its_schema_and_cannot_read_another(new_database: Callable[[str], str]) -> None:
    url = async_database_url(new_database("roles"))
    asyncio.run(migrate(url, "gateway", "identity"))
    role = f"tiendo_tasks_{uuid.uuid4().hex[:6]}"
    database = url.rsplit("/", 1)[1]
    # What a DBA runs once per service (deploy/README.md): a login role owning only its schema.
    asyncio.run(_fetch(url, f"CREATE ROLE {role} LOGIN PASSWORD 'mat-khau-thu'"))
    asyncio.run(_fetch(url, f"CREATE SCHEMA tasks AUTHORIZATION {role}"))
    asyncio.run(_fetch(url, "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public"))
    asyncio.run(_fetch(url, f'REVOKE ALL ON DATABASE "{database}" FROM PUBLIC'))
    asyncio.run(_fetch(url, f'GRANT CONNECT ON DATABASE "{database}" TO {role}'))
    role_url = url.replace("//postgres@", f"//{role}:mat-khau-thu@", 1)
    assert role_url != url, "the test expects the server URL to log in as postgres"
    asyncio.run(migrate(role_url, "tasks", "tasks"))
    assert "outbox_events" in _tables(url, "tasks")
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        asyncio.run(_fetch(role_url, "SELECT count(*) FROM identity.users"))


def test_readiness_follows_the_schema_version(
    new_database: Callable[[str], str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    from common.jwtkeys import ensure_key_files

    url = async_database_url(new_database("ready"))
    _, jwks = ensure_key_files(tmp_path_factory.mktemp("keys"))
    port = free_port()
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": url, "TIENDO_JWKS_FILE": str(jwks), "TASKS_PORT": str(port)}
    process = subprocess.Popen([sys.executable, "-m", "tasks", "serve"], env=env)
    try:
        ready = _poll_ready(port)
        assert ready.status_code == 503 and ready.json()["migrations"] == "pending"
        asyncio.run(migrate(url, "tasks", "tasks"))
        assert _poll_ready(port).status_code == 200
    finally:
        process.terminate()
        process.wait(10)


def _poll_ready(port: int) -> httpx.Response:
    deadline = time.monotonic() + 30
    while True:
        try:
            return httpx.get(f"http://127.0.0.1:{port}/ready", timeout=5)
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@pytest.mark.parametrize(
    ("db", "code", "known", "current"),
    [
        ({"b"}, {"b"}, {"a", "b"}, True),
        (set(), {"b"}, {"a", "b"}, False),
        ({"a"}, {"b"}, {"a", "b"}, False),
        ({"c"}, {"b"}, {"a", "b"}, True),  # a newer schema from the next release
    ],
)
def test_schema_is_current_accepts_head_or_newer(db: set[str], code: set[str], known: set[str], current: bool) -> None:
    assert schema_is_current(db, code, known) is current
