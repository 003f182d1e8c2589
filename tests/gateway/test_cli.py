"""The gateway's one-off commands, run as an operator (or a Kubernetes Job) runs them."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import asyncpg
from common.jwtkeys import ensure_key_files
from common.migrations import migrate
from common.settings import async_database_url


def _load_agencies(url: str, keys: Path, **env: str) -> str:
    private_key, _ = ensure_key_files(keys)
    done = subprocess.run(
        [sys.executable, "-m", "gateway", "load-agencies"],
        env={
            **os.environ,
            "DATABASE_URL": url,
            "TIENDO_DEMO_MODE": "false",
            "GATEWAY_JWT_PRIVATE_KEY_FILE": str(private_key),
            **env,
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_load_agencies_registers_the_service_clients_with_the_shared_secret(
    new_database: Callable[[str], str], tmp_path: Path
) -> None:
    url = new_database("cli")
    asyncio.run(migrate(async_database_url(url), "gateway", "identity"))

    without = _load_agencies(url, tmp_path)
    assert "Đã thêm 58 đơn vị" in without and "tài khoản API" not in without
    with_secret = _load_agencies(url, tmp_path, GATEWAY_SERVICE_CLIENT_SECRET="bí-mật-dùng-chung-của-dịch-vụ")
    assert "Đã thêm 0 đơn vị" in with_secret and "Đã đăng ký tài khoản API của các dịch vụ" in with_secret

    async def clients() -> list[asyncpg.Record]:
        conn = await asyncpg.connect("postgresql://" + url.split("://", 1)[1])
        try:
            return await conn.fetch("SELECT client_id, secret_hash, active FROM identity.api_clients")
        finally:
            await conn.close()

    (svc,) = [r for r in asyncio.run(clients()) if r["client_id"] == "svc-tasks"]
    assert svc["active"] and "bí-mật" not in svc["secret_hash"]
