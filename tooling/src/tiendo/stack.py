"""Start the gateway and the three services as separate processes, wired together; used by `make run` and tests."""

from __future__ import annotations

import os
import secrets
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
# Background processes beside the servers: (name, package, command).
WORKERS = (("notifications-worker", "notifications", "work"),)


SEED_PLANS = Path(os.environ.get("TIENDO_SEED_DIR", Path(__file__).resolve().parents[3] / "data" / "plans"))
SEED_INDICATORS = SEED_PLANS.parent / "indicators"


def service_secret(key_dir: Path) -> str:
    """The secret the services' own API clients use at the gateway, kept beside the signing keys."""
    path = key_dir / "service-client.secret"
    if not path.exists():
        key_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(32))
        path.chmod(0o600)
    return path.read_text().strip()


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
            "TASKS_DIRECTORY_URL": self.url("gateway"),
            "TASKS_DIRECTORY_CLIENT_SECRET": service_secret(self.key_dir),
            "INDICATORS_DIRECTORY_URL": self.url("gateway"),
            "INDICATORS_DIRECTORY_CLIENT_SECRET": service_secret(self.key_dir),
            # The notifications worker follows the identity, tasks and indicators feeds through the gateway.
            "NOTIFICATIONS_DIRECTORY_URL": self.url("gateway"),
            "NOTIFICATIONS_DIRECTORY_CLIENT_SECRET": service_secret(self.key_dir),
            "NOTIFICATIONS_PUBLIC_URL": self.url("gateway"),
            # Uploaded evidence files, beside the keys in the data folder (.data/evidence for `make run`).
            "TASKS_STORAGE_DIR": str(self.key_dir.parent / "evidence"),
        }
        for name, _, _ in PROCESSES:
            env[f"{name.upper()}_HOST"] = self.host
            env[f"{name.upper()}_PORT"] = str(self.ports[name])
            if name != "gateway":
                env[f"GATEWAY_{name.upper()}_URL"] = self.url(name)
        env.update(self.extra_env)
        return env

    def start(
        self, name: str, log_dir: Path | None = None, *, package: str | None = None, command: str = "serve"
    ) -> None:
        out = (log_dir / f"{name}.log").open("ab") if log_dir else None
        self.processes[name] = subprocess.Popen(
            [sys.executable, "-m", package or name, command],
            env=self.env(),
            stdout=out,
            stderr=subprocess.STDOUT if out else None,
        )

    def start_all(self, log_dir: Path | None = None) -> None:
        for name, _, _ in PROCESSES:
            self.start(name, log_dir)
        for name, package, command in WORKERS:
            self.start(name, log_dir, package=package, command=command)

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

    def load_plans(self, data_dir: Path = SEED_PLANS) -> str:
        """Load the seed plans through the tasks service's own command (after the gateway is up)."""
        return self._load("tasks", "load-plans", data_dir, "kế hoạch mẫu")

    def load_indicators(self, data_dir: Path = SEED_INDICATORS) -> str:
        """Load the seed indicators through the indicators service's own command (after the gateway is up)."""
        return self._load("indicators", "load-seeds", data_dir, "chỉ tiêu mẫu")

    def _load(self, service: str, command: str, data_dir: Path, what: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", service, command, "--data-dir", str(data_dir)],
            env=self.env(),
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"Nạp {what} thất bại:\n{done.stdout}\n{done.stderr}")
        return done.stdout

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
