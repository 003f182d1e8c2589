"""`python -m tiendo bench-tasks`: the tasks service at province scale, timed through the gateway.

1. A database `tiendo_bench` on an embedded PostgreSQL in .data/bench (or on BENCH_DATABASE_URL's server),
   migrated, with the demo directory and accounts; the directory grown to --agencies agencies and
   --tasks tasks written (see tasks_data). Kept between runs: a second run measures again at once.
2. The real processes started (gateway and services, as `make run` starts them).
3. Each scenario timed through the gateway with a real login, one request after another, parameters varied
   per request (agency, deadline window, search words); then the SQL that the same call runs, captured
   in-process and replayed alone on a bare connection: the floor under the HTTP figure.
4. A short load run: concurrent clients on the agency page, throughput and latency under load.
"""

from __future__ import annotations

import asyncio
import os
import random
import socket
import time
import uuid
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from common.auth import Principal
from common.db import Database
from common.pagination import PageParams
from common.roles import Role
from common.settings import async_database_url
from jose import jwt
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession
from tasks.task.endpoints import count_tasks, list_tasks, task_filter
from tasks.task.rules import Status, today

from tiendo.bench import Timing, percentile, table, timed
from tiendo.bench.tasks_data import TaskWriter, add_plans, grow_directory, load_tasks
from tiendo.stack import PROCESSES, SEED_PLANS, Stack, ensure_database, migrate_all, service_secret

PASSWORD = "bench-tiendo-2026"  # noqa: S105  (accounts of the benchmark database only)
# A modest dedicated server: what the deploy guide recommends for the database (jit off: short OLTP queries).
SERVER_SETTINGS = {
    "shared_buffers": "2GB",
    "effective_cache_size": "8GB",
    "work_mem": "32MB",
    "maintenance_work_mem": "1GB",
    "random_page_cost": "1.1",
    "jit": "off",
}
SEARCHES = (
    "chuyen doi so",
    "ha tang so",
    "an toan thong tin",
    "du lieu",
    "dich vu cong truc tuyen",
    "tri tue nhan tao",
    "kinh te so",
    "nguon nhan luc",
    "doi moi sang tao",
    "hoc lieu so",
    "benh an dien tu",
    "khoa hoc cong nghe",
)
Call = Callable[[AsyncSession, Principal], Awaitable[object]]


@dataclass
class Request:
    token: str
    principal: Principal
    path: str
    params: list[tuple[str, str | int | float | bool | None]]
    call: Call  # the endpoint function with the same arguments, for the SQL floor


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _plain(url: str) -> str:
    return "postgresql://" + async_database_url(url).split("://", 1)[1]


async def build(url: str, key_dir: Path, *, tasks: int, agencies: int, seed: int) -> None:
    from gateway.demo.loader import load

    await migrate_all(url)
    await load(async_database_url(url), demo=True, service_secret=service_secret(key_dir))
    conn = await asyncpg.connect(_plain(url))
    try:
        have = await conn.fetchval("SELECT count(*) FROM tasks.tasks")
        if have >= tasks:
            print(f"Dữ liệu đã có: {have:,} nhiệm vụ — đo lại, không dựng lại.", flush=True)
            return
        if have:
            raise SystemExit(f"CSDL đo có {have:,} nhiệm vụ (ít hơn {tasks:,}); xóa .data/bench rồi chạy lại.")
        rng = random.Random(seed)
        started = time.monotonic()
        async with conn.transaction():
            directory = await grow_directory(conn, agencies, rng)
            plans = await add_plans(conn, directory, 300)
        print(f"Danh bạ: {len(directory.agencies):,} đơn vị; 300 kế hoạch", flush=True)
        await load_tasks(conn, TaskWriter(directory, SEED_PLANS, today(), rng), plans, tasks)
        await _add_users(url, conn, rng)
        print(f"Dựng dữ liệu mất {time.monotonic() - started:.0f} giây", flush=True)
    finally:
        await conn.close()


async def _add_users(url: str, conn: asyncpg.Connection, rng: random.Random) -> None:
    """Officers of eight departments, eight communes and eight units of communes."""
    from gateway.user.schemas import UserCreate
    from gateway.user.service import UserService
    from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

    chosen: list[uuid.UUID] = []
    for kind in ("department", "commune", "other"):
        ids = [r["id"] for r in await conn.fetch("SELECT id FROM identity.agencies WHERE kind = $1", kind)]
        chosen += rng.sample(ids, min(8, len(ids)))
    engine = create_async_engine(async_database_url(url))
    try:
        async with async_sessionmaker(engine, expire_on_commit=False)() as session, session.begin():
            users = UserService(session, "đo hiệu năng")
            for i, agency_id in enumerate(chosen):
                await users.create(
                    UserCreate(
                        username=f"bench.{i:02d}",
                        full_name=f"Cán bộ đo hiệu năng {i:02d}",
                        email=f"bench.{i:02d}@bench.tiendo.vn",
                        agency_id=agency_id,
                        roles=[Role.AGENCY_OFFICER],
                        initial_password=PASSWORD,
                    ),
                    must_change_password=False,
                )
    finally:
        await engine.dispose()


async def _login(http: httpx.AsyncClient, username: str, password: str) -> tuple[str, Principal]:
    response = await http.post("/api/v1/auth/login", json={"username": username, "password": password})
    response.raise_for_status()
    token: str = response.json()["access_token"]
    return token, Principal.from_claims(jwt.get_unverified_claims(token))


def _window(rng: random.Random) -> tuple[date, date]:
    start = date(rng.randint(2025, 2030), rng.randint(1, 12), 1)
    return start, start + timedelta(days=90)


def scenarios(
    agency_users: list[tuple[str, Principal]], province: tuple[str, Principal], n: int, rng: random.Random
) -> dict[str, list[Request]]:
    open_statuses = [Status.NOT_STARTED, Status.IN_PROGRESS]

    def page(who: tuple[str, Principal], mine: bool) -> Request:
        start, end = _window(rng)
        params: list[tuple[str, str | int | float | bool | None]] = [("status", s.value) for s in open_statuses]
        params += [("due_from", start.isoformat()), ("due_to", end.isoformat()), ("limit", "50")]
        if mine:
            params.append(("mine", "true"))

        async def call(session: AsyncSession, p: Principal) -> object:
            f = await task_filter(session, p, status=open_statuses, due_from=start, due_to=end, mine=mine)
            return await list_tasks(session, p, f, PageParams(limit=50, cursor=None))

        return Request(who[0], who[1], "/api/v1/tasks", params, call)

    def search(who: tuple[str, Principal]) -> Request:
        q = rng.choice(SEARCHES)

        async def call(session: AsyncSession, p: Principal) -> object:
            return await list_tasks(session, p, await task_filter(session, p, q=q), PageParams(limit=50, cursor=None))

        return Request(who[0], who[1], "/api/v1/tasks", [("q", q), ("limit", "50")], call)

    def counts(who: tuple[str, Principal]) -> Request:
        async def call(session: AsyncSession, p: Principal) -> object:
            return await count_tasks(session, p, await task_filter(session, p))

        return Request(who[0], who[1], "/api/v1/tasks/counts", [], call)

    def anyone() -> tuple[str, Principal]:
        return rng.choice(agency_users)

    return {
        "Trang của đơn vị: 50 việc, lọc trạng thái + hạn trong 90 ngày": [page(anyone(), False) for _ in range(n)],
        "Như trên, chỉ việc đơn vị được giao (mine=true)": [page(anyone(), True) for _ in range(n)],
        "Tìm không dấu, cán bộ đơn vị": [search(anyone()) for _ in range(n)],
        "Tìm không dấu, cơ quan thường trực (toàn tỉnh)": [search(province) for _ in range(n)],
        "Đếm theo trạng thái, đơn vị, mục — đơn vị": [counts(anyone()) for _ in range(n)],
        "Trang toàn tỉnh: lọc trạng thái + hạn trong 90 ngày": [page(province, False) for _ in range(n)],
        "Đếm theo trạng thái, đơn vị, mục — toàn tỉnh": [counts(province) for _ in range(max(20, n // 10))],
    }


class SqlFloor:
    """The statements an endpoint function runs, captured in-process, then replayed alone."""

    def __init__(self, url: str) -> None:
        self.db = Database(async_database_url(url), schema="tasks", application_name="bench-floor", pool_size=1)
        self.captured: list[tuple[str, Any]] = []
        event.listen(self.db.engine.sync_engine, "before_cursor_execute", self._capture)

    def _capture(self, conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        if statement.strip() != "SELECT 1":
            self.captured.append((statement, parameters))

    async def statements(self, request: Request) -> list[tuple[str, Any]]:
        self.captured = []
        async with self.db.sessionmaker() as session:
            await request.call(session, request.principal)
        return self.captured


async def measure(stack: Stack, url: str, requests: int, seed: int) -> str:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=stack.url("gateway"), timeout=60) as http:
        agency_users = [await _login(http, f"bench.{i:02d}", PASSWORD) for i in range(24)]
        province = await _login(http, "coordinator", "tiendo-demo")
        plan = scenarios(agency_users, province, requests, rng)
        floor = SqlFloor(url)
        raw = await asyncpg.connect(
            _plain(url), server_settings={"search_path": "tasks,public", "plan_cache_mode": "force_custom_plan"}
        )
        rows: list[tuple[Timing, Timing | None]] = []
        try:
            for name, batch in plan.items():
                print(f"… {name}", flush=True)
                http_timing = await timed(name, [_http_call(http, r) for r in batch])
                replays = [await floor.statements(r) for r in batch]
                sql_timing = await timed(name, [_replay(raw, statements) for statements in replays])
                rows.append((http_timing, sql_timing))
                print(
                    f"  HTTP p50 {http_timing.p50:.1f} / p95 {http_timing.p95:.1f} ms; SQL p50 {sql_timing.p50:.1f} ms"
                )
        finally:
            await raw.close()
            await floor.db.dispose()
        # The first scenario again, straight to the tasks service: what the gateway's hop adds.
        first_name, first = next(iter(plan.items()))
        async with httpx.AsyncClient(base_url=stack.url("tasks"), timeout=60) as direct:
            bypass = await timed(
                f"{first_name} — thẳng tới dịch vụ, không qua cổng", [_http_call(direct, r) for r in first]
            )
        rows.append((bypass, None))
        load = await load_run(stack, first, seconds=20, clients=8, what="trang của đơn vị")
    return table(rows) + "\n\n" + load


def _http_call(http: httpx.AsyncClient, r: Request) -> Callable[[], Awaitable[object]]:
    async def call() -> object:
        response = await http.get(r.path, params=r.params, headers={"Authorization": f"Bearer {r.token}"})
        if response.status_code != 200:
            raise RuntimeError(f"{r.path} {r.params}: {response.status_code} {response.text[:300]}")
        return response

    return call


def _replay(conn: asyncpg.Connection, statements: list[tuple[str, Any]]) -> Callable[[], Awaitable[object]]:
    async def call() -> object:
        for sql, params in statements:
            await conn.fetch(sql, *(params or ()))
        return None

    return call


async def load_run(stack: Stack, batch: list[Request], *, seconds: float, clients: int, what: str) -> str:
    """`clients` concurrent users sending `batch`'s requests back to back for `seconds`; `what` they open."""
    samples: list[float] = []
    stop_at = time.monotonic() + seconds

    async def client(k: int) -> None:
        async with httpx.AsyncClient(base_url=stack.url("gateway"), timeout=120) as http:
            i = k
            while time.monotonic() < stop_at:
                r = batch[i % len(batch)]
                start = time.perf_counter()
                await _http_call(http, r)()
                samples.append((time.perf_counter() - start) * 1000)
                i += clients

    started = time.monotonic()
    await asyncio.gather(*(client(k) for k in range(clients)))
    elapsed = time.monotonic() - started
    return (
        f"Tải: {clients} người dùng đồng thời mở {what} trong {elapsed:.0f} giây: "
        f"{len(samples) / elapsed:.0f} yêu cầu/giây, p50 {percentile(samples, 50):.1f} ms, "
        f"p95 {percentile(samples, 95):.1f} ms, p99 {percentile(samples, 99):.1f} ms."
    )


def _describe(url: str) -> str:
    async def run() -> str:
        conn = await asyncpg.connect(_plain(url))
        try:
            tasks = await conn.fetchval("SELECT count(*) FROM tasks.tasks")
            shares = await conn.fetchval("SELECT count(*) FROM tasks.assignments")
            agencies = await conn.fetchval("SELECT count(*) FROM tasks.agencies")
            size = await conn.fetchval("SELECT pg_size_pretty(pg_database_size(current_database()))")
            version = await conn.fetchval("SHOW server_version")
            return (
                f"Dữ liệu: {tasks:,} nhiệm vụ, {shares:,} phần việc (chủ trì + phối hợp), {agencies:,} đơn vị; "
                f"CSDL {size}; PostgreSQL {version}; {os.cpu_count()} nhân."
            )
        finally:
            await conn.close()

    return asyncio.run(run())


def main(*, tasks: int, agencies: int, requests: int, seed: int, data_dir: Path) -> int:
    server = None
    if server_url := os.environ.get("BENCH_DATABASE_URL"):
        pass
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from tiendo.postgres import EmbeddedPostgres
        server = EmbeddedPostgres(
            data_dir / "postgres", int(os.environ.get("BENCH_PG_PORT", "54339")), settings=SERVER_SETTINGS
        )
        server_url = server.start()
    url = asyncio.run(ensure_database(server_url, "tiendo_bench"))
    key_dir = data_dir / "keys"
    log_dir = data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    stack = Stack(database_url=url, key_dir=key_dir, ports={name: _free_port() for name, _, _ in PROCESSES})
    try:
        asyncio.run(build(url, key_dir, tasks=tasks, agencies=agencies, seed=seed))
        stack.start_all(log_dir)
        stack.wait_ready()
        print(_describe(url), flush=True)
        print(asyncio.run(measure(stack, url, requests, seed)), flush=True)
        return 0
    finally:
        stack.stop_all()
        if server is not None:
            server.stop()
