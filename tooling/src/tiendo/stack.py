"""Start the gateway and the three services as separate processes, wired together; used by `make run` and tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from common.jwtkeys import ensure_key_files
from common.migrations import migrate
from common.settings import async_database_url
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

# (package, schema, default port): the gateway first, it is what users open.
PROCESSES = (
    ("gateway", "identity", 8000),
    ("tasks", "tasks", 8101),
    ("indicators", "indicators", 8102),
    ("notifications", "notifications", 8103),
)


@dataclass
class Stack:
    database_url: str
    key_dir: Path
    ports: dict[str, int]
    demo: bool = True
    host: str = "127.0.0.1"
    extra_env: dict[str, str] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def url(self, name: str) -> str:
        return f"http://{self.host}:{self.ports[name]}"

    def env(self) -> dict[str, str]:
        private_key, jwks = ensure_key_files(self.key_dir)
        env = {
            **os.environ,
            "DATABASE_URL": self.database_url,
            "TIENDO_DEMO_MODE": "true" if self.demo else "false",
            "TIENDO_JWKS_FILE": str(jwks),
            "GATEWAY_JWT_PRIVATE_KEY_FILE": str(private_key),
            "GATEWAY_PUBLIC_URL": self.url("gateway"),
        }
        for name, _, _ in PROCESSES:
            env[f"{name.upper()}_HOST"] = self.host
            env[f"{name.upper()}_PORT"] = str(self.ports[name])
            if name != "gateway":
                env[f"GATEWAY_{name.upper()}_URL"] = self.url(name)
        env.update(self.extra_env)
        return env

    def start(self, name: str, log_dir: Path | None = None) -> None:
        out = (log_dir / f"{name}.log").open("ab") if log_dir else None
        self.processes[name] = subprocess.Popen(
            [sys.executable, "-m", name, "serve"], env=self.env(), stdout=out, stderr=subprocess.STDOUT if out else None
        )

    def start_all(self, log_dir: Path | None = None) -> None:
        for name, _, _ in PROCESSES:
            self.start(name, log_dir)

    def wait_ready(self, names: list[str] | None = None, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        for name in names or [n for n, _, _ in PROCESSES]:
            while True:
                process = self.processes.get(name)
                if process is not None and process.poll() is not None:
                    raise RuntimeError(f"Tiến trình {name} đã dừng (mã {process.returncode})")
                try:
                    if httpx.get(self.url(name) + "/ready", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{name} chưa sẵn sàng sau {timeout:.0f} giây")
                time.sleep(0.1)

    def stop(self, name: str, timeout: float = 10.0) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def stop_all(self) -> None:
        for name in reversed(list(self.processes)):
            self.stop(name)


async def ensure_database(server_url: str, name: str) -> str:
    """Create database `name` on the server if it is missing; return its URL."""
    engine = create_async_engine(async_database_url(server_url), isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            exists = await conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
            if not exists:
                await conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        await engine.dispose()
    base, _, _ = async_database_url(server_url).rpartition("/")
    return f"{base}/{name}"


async def migrate_all(database_url: str, *, action: str = "upgrade", revision: str = "head") -> None:
    for package, schema, _ in PROCESSES:
        await migrate(async_database_url(database_url), package, schema, action=action, revision=revision)
