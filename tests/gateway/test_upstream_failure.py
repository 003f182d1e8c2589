"""A service that is down or slow gives a quick, clean problem at the gateway, never a hang or a trace."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator

import httpx
import pytest
from tiendo.stack import Stack

from tests.conftest import assert_problem, free_port


def test_stopped_service_gives_503_quickly_and_recovers(
    stack: Stack, api: httpx.Client, auth: Callable[[str], dict[str, str]]
) -> None:
    headers = auth("coordinator")
    assert api.get("/api/v1/tasks/whoami", headers=headers).status_code == 200
    stack.stop("tasks")
    try:
        started = time.monotonic()
        down = api.get("/api/v1/tasks/whoami", headers=headers)
        elapsed = time.monotonic() - started
        body = assert_problem(down, 503)
        assert "Nhiệm vụ" in str(body["detail"])
        assert down.headers["retry-after"] == "5"
        assert elapsed < 3, f"503 took {elapsed:.1f}s"
        # The other services are unaffected.
        assert api.get("/api/v1/indicators/whoami", headers=headers).status_code == 200
    finally:
        stack.start("tasks")
        stack.wait_ready(["tasks"])
    assert api.get("/api/v1/tasks/whoami", headers=headers).status_code == 200


@pytest.fixture
def silent_upstream() -> Iterator[int]:
    """Accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield int(server.getsockname()[1])
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


def test_slow_service_gives_504_within_the_timeout(
    stack: Stack, silent_upstream: int, token_of: Callable[[str], str]
) -> None:
    port = free_port()
    env = {
        **stack.env(),
        "GATEWAY_PORT": str(port),
        "GATEWAY_INDICATORS_URL": f"http://127.0.0.1:{silent_upstream}",
        "GATEWAY_UPSTREAM_TIMEOUT_SECONDS": "1",
    }
    process = subprocess.Popen([sys.executable, "-m", "gateway", "serve"], env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + "/ready").status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline
            time.sleep(0.1)
        started = time.monotonic()
        slow = httpx.get(
            base + "/api/v1/indicators/whoami",
            headers={"Authorization": f"Bearer {token_of('coordinator')}"},
            timeout=10,
        )
        elapsed = time.monotonic() - started
        body = assert_problem(slow, 504)
        assert "Chỉ tiêu" in str(body["detail"])
        assert 0.9 < elapsed < 3, elapsed
    finally:
        process.terminate()
        process.wait(10)
