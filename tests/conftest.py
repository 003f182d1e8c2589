"""Real parts only: an embedded PostgreSQL (or TEST_DATABASE_URL), the real processes, real HTTP."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import tempfile
import uuid
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from common.settings import async_database_url
from tiendo.stack import PROCESSES, Stack, ensure_database, migrate_all, service_secret

from tests.mailbox import Mailbox
from tests.notifications.worker_support import working_morning_shift

DEMO_PASSWORD = "tiendo-demo"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """A PostgreSQL server: TEST_DATABASE_URL (e.g. the local 15 on 127.0.0.1:5432) or an embedded 18."""
    if url := os.environ.get("TEST_DATABASE_URL"):
        yield url
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from tiendo.postgres import EmbeddedPostgres
    folder = Path(tempfile.mkdtemp(prefix="tiendo-test-pg-"))
    server = EmbeddedPostgres(folder / "data", free_port())
    try:
        yield server.start()
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def new_database(pg_server_url: str) -> Callable[[str], str]:
    """Each call creates an empty database and returns its URL."""

    def make(prefix: str) -> str:
        return asyncio.run(ensure_database(pg_server_url, f"tiendo_{prefix}_{uuid.uuid4().hex[:8]}"))

    return make


@pytest.fixture(scope="session")
def mailbox() -> Iterator[Mailbox]:
    """The SMTP server the stack's notifications worker sends to."""
    box = Mailbox(free_port()).start()
    try:
        yield box
    finally:
        box.stop()


@contextmanager
def running_stack(url: str, folder: Path, mailbox: Mailbox) -> Iterator[Stack]:
    """Gateway, three services and the notifications worker as separate processes on free ports, over a migrated
    database with demo data and the seed plans loaded, as the run command leaves them; e-mail goes to `mailbox`."""
    from gateway.demo.loader import load

    asyncio.run(migrate_all(url))
    asyncio.run(load(async_database_url(url), demo=True, service_secret=service_secret(folder / "keys")))
    running = Stack(
        database_url=url,
        key_dir=folder / "keys",
        ports={name: free_port() for name, _, _ in PROCESSES},
        extra_env={
            "TIENDO_LOG_LEVEL": "WARNING",
            "GATEWAY_LOGIN_SLOW_AFTER": "3",
            "GATEWAY_LOGIN_LOCK_AFTER": "6",
            # Many tests fail logins on purpose from 127.0.0.1; the address limit has its own test.
            "GATEWAY_LOGIN_ADDRESS_LIMIT": "100000",
            "GATEWAY_UPSTREAM_TIMEOUT_SECONDS": "5",
            "NOTIFICATIONS_SMTP_HOST": "127.0.0.1",
            "NOTIFICATIONS_SMTP_PORT": str(mailbox.port),
            "NOTIFICATIONS_CLOCK_SHIFT_SECONDS": str(working_morning_shift()),
            "NOTIFICATIONS_DIRECTORY_POLL_SECONDS": "0.5",
            "NOTIFICATIONS_SCHEDULE_EVERY_SECONDS": "1",
            "NOTIFICATIONS_IDLE_SECONDS": "0.2",
            "NOTIFICATIONS_STREAM_HEARTBEAT_SECONDS": "1",
        },
    )
    running.start_all(folder)
    try:
        running.wait_ready()
        running.load_plans()
        running.load_indicators()
        yield running
    finally:
        running.stop_all()


@pytest.fixture(scope="session")
def stack(
    new_database: Callable[[str], str], tmp_path_factory: pytest.TempPathFactory, mailbox: Mailbox
) -> Iterator[Stack]:
    """The product as `make run` leaves it, shared by the whole session."""
    with running_stack(new_database("stack"), tmp_path_factory.mktemp("stack"), mailbox) as running:
        yield running


@pytest.fixture
def api(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.url("gateway"), timeout=20) as client:
        yield client


@pytest.fixture(scope="session")
def token_of(stack: Stack) -> Callable[[str], str]:
    """An access token for a demo account (cached: logins are deliberately slow to hash)."""
    cache: dict[str, str] = {}

    def get(username: str) -> str:
        if username not in cache:
            response = httpx.post(
                stack.url("gateway") + "/api/v1/auth/login",
                json={"username": username, "password": DEMO_PASSWORD},
                timeout=20,
            )
            assert response.status_code == 200, response.text
            cache[username] = response.json()["access_token"]
        return cache[username]

    return get


@pytest.fixture(scope="session")
def auth(token_of: Callable[[str], str]) -> Callable[[str], dict[str, str]]:
    """`Authorization` header for a demo account."""
    return lambda username: {"Authorization": f"Bearer {token_of(username)}"}


def assert_problem(response: httpx.Response, status: int, field: str | None = None) -> dict[str, object]:
    """The response is problem+json with that status, a Vietnamese title, and (if given) names the field."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json"), response.headers
    body: dict[str, object] = response.json()
    assert body["status"] == status and body["title"] and body["type"]
    if field is not None:
        fields = [e["field"] for e in body["errors"]]  # type: ignore[union-attr]
        assert field in fields, body
    return body
