"""`python -m tiendo bench-indicators`: the indicators service at province scale, timed through the gateway.

1. A database `tiendo_bench_indicators` on the benchmarks' embedded PostgreSQL in .data/bench (or on
   BENCH_DATABASE_URL's server), migrated, with the demo directory and accounts; the directory grown to
   --agencies agencies, --indicators indicators with their shares and 20 periods of values written (see
   indicators_data). Kept between runs: a second run measures again at once. The tasks benchmark's database
   `tiendo_bench` on the same server is not touched.
2. The real processes started (gateway and services, as `make run` starts them); on the first run of a day, the
   indicators process's daily reassessment of every indicator is awaited (and timed) before measuring.
3. Each scenario timed through the gateway with a real login, one request after another, parameters varied
   per request (user, plan, milestone, indicator, period); then the SQL that the same endpoint function runs,
   captured in-process and replayed alone on a bare connection: the floor under the HTTP figure.
4. A short load run: concurrent clients on the sector scorecard, throughput and latency under load.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import time
import uuid
import warnings
from datetime import datetime
from datetime import time as clock
from pathlib import Path

import asyncpg
import httpx
from common.auth import Principal
from common.clock import VIETNAM, today
from common.pagination import PageParams
from common.roles import Role
from common.settings import async_database_url
from indicators.indicator.endpoints import indicator_or_404, indicator_series, list_indicators
from indicators.indicator.repository import IndicatorFilter
from indicators.report.endpoints import completeness, scorecard
from indicators.vocabulary import Periodicity, Sector, Status
from sqlalchemy.ext.asyncio import AsyncSession

from tiendo.bench import Timing, timed
from tiendo.bench.indicators_data import IndicatorWriter, add_plans, copy_agencies, last_periods, load_indicators
from tiendo.bench.tasks import (
    PASSWORD,
    SERVER_SETTINGS,
    Request,
    SqlFloor,
    _free_port,
    _http_call,
    _login,
    _plain,
    _replay,
    load_run,
)
from tiendo.bench.tasks_data import grow_directory
from tiendo.stack import PROCESSES, SEED_INDICATORS, Stack, ensure_database, migrate_all, service_secret

DATABASE = "tiendo_bench_indicators"
PLANS = 20
USERS_PER_KIND = 8  # officers of departments, of communes and of communes' units
Params = list[tuple[str, str | int | float | bool | None]]


async def build(url: str, key_dir: Path, *, indicators: int, agencies: int, seed: int) -> None:
    from gateway.demo.loader import load

    await migrate_all(url)
    await load(async_database_url(url), demo=True, service_secret=service_secret(key_dir))
    conn = await asyncpg.connect(_plain(url))
    try:
        have = await conn.fetchval("SELECT count(*) FROM indicators.indicators")
        rng = random.Random(seed)
        if have >= indicators:
            print(f"Dữ liệu đã có: {have:,} chỉ tiêu — đo lại, không dựng lại.", flush=True)
        elif have:
            raise SystemExit(f"CSDL đo có {have:,} chỉ tiêu (ít hơn {indicators:,}); xóa CSDL {DATABASE} rồi chạy lại.")
        else:
            started = time.monotonic()
            # One transaction: a build stopped half-way leaves nothing behind, the next run starts afresh.
            async with conn.transaction():
                directory = await grow_directory(conn, agencies, rng)
                await copy_agencies(conn, directory)
                plans = await add_plans(conn, directory, PLANS)
                print(f"Danh bạ: {len(directory.agencies):,} đơn vị; {PLANS} kế hoạch", flush=True)
                writer = IndicatorWriter(directory, SEED_INDICATORS, today(), rng)
                await load_indicators(conn, directory, writer, plans, indicators)
            for table in ("indicator_values", "shares", "indicators", "agencies", "plans"):
                await conn.execute(f"VACUUM ANALYZE indicators.{table}")
            print(f"Dựng dữ liệu mất {time.monotonic() - started:.0f} giây", flush=True)
        await _add_users(url, conn, rng)
    finally:
        await conn.close()


async def _add_users(url: str, conn: asyncpg.Connection, rng: random.Random) -> None:
    """Officers of 8 departments (the 4 that see the most indicators and 4 others), 8 communes and 8 units of
    communes that report at least one indicator: bench.00–07, bench.08–15, bench.16–23."""
    if await conn.fetchval("SELECT count(*) FROM identity.users WHERE username LIKE 'bench.%'"):
        return
    from gateway.user.schemas import UserCreate
    from gateway.user.service import UserService
    from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

    departments = [
        r["id"]
        for r in await conn.fetch(
            """
            SELECT d.id, count(DISTINCT s.indicator_id) AS seen
            FROM indicators.agencies d
            JOIN indicators.agencies a ON a.id = d.id OR a.parent_id = d.id
            JOIN indicators.shares s ON s.agency_id = a.id
            WHERE d.kind = 'department' GROUP BY d.id ORDER BY seen DESC, d.id
            """
        )
    ]
    chosen = departments[:4] + rng.sample(departments[4:], 4)
    for kind in ("commune", "other"):
        ids = [
            r["id"]
            for r in await conn.fetch(
                "SELECT DISTINCT a.id FROM indicators.agencies a JOIN indicators.shares s ON s.agency_id = a.id "
                "WHERE a.kind = $1 ORDER BY a.id",
                kind,
            )
        ]
        chosen += rng.sample(ids, USERS_PER_KIND)
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


class Facts:
    """What the scenarios draw their parameters from, read once from the benchmark database."""

    def __init__(self, plan_keys: list[str], indicator_ids: list[uuid.UUID], largest: uuid.UUID) -> None:
        self.plan_keys, self.indicator_ids, self.largest = plan_keys, indicator_ids, largest
        # The last seven quarters: 2025-Q1 to 2026-Q3 on 2026-11-23, the most recent ones still incomplete.
        self.quarters = [p.code for p in last_periods(Periodicity.QUARTER, today())][-7:]

    @classmethod
    async def read(cls, url: str) -> Facts:
        conn = await asyncpg.connect(_plain(url))
        try:
            keys = [r["key"] for r in await conn.fetch("SELECT key FROM indicators.plans WHERE key LIKE 'bench-%'")]
            ids = [
                r["id"]
                for r in await conn.fetch(
                    "SELECT i.id FROM indicators.indicators i WHERE NOT EXISTS "
                    "(SELECT 1 FROM indicators.indicators p WHERE p.parent_id = i.id)"
                )
            ]
            largest = await conn.fetchval(
                "SELECT indicator_id FROM indicators.indicator_values GROUP BY indicator_id ORDER BY count(*) DESC "
                "LIMIT 1"
            )
            return cls(keys, ids, largest)
        finally:
            await conn.close()


def scenarios(
    departments: list[tuple[str, Principal]],
    everyone: list[tuple[str, Principal]],
    province: tuple[str, Principal],
    facts: Facts,
    n: int,
    rng: random.Random,
) -> dict[str, list[Request]]:
    base = "/api/v1/indicators"

    def narrowing() -> tuple[IndicatorFilter, Params]:
        """No filter half the time, else one plan or one milestone, as the scorecard page offers."""
        roll = rng.random()
        if roll < 0.25:
            key = rng.choice(facts.plan_keys)
            return IndicatorFilter(plan_key=key), [("plan", key)]
        if roll < 0.5:
            year = rng.choice((2025, 2030, 2045))
            return IndicatorFilter(milestone_year=year), [("milestone", year)]
        return IndicatorFilter(), []

    def card(who: tuple[str, Principal], by: str = "sector") -> Request:
        f, params = narrowing()

        async def call(session: AsyncSession, p: Principal) -> object:
            return await scorecard(session, p, f, by)  # type: ignore[arg-type]

        return Request(who[0], who[1], f"{base}/scorecard", [("by", by), *params], call)

    def series(who: tuple[str, Principal], indicator_id: uuid.UUID) -> Request:
        async def call(session: AsyncSession, p: Principal) -> object:
            indicator = await indicator_or_404(indicator_id, session, p)
            return await indicator_series(indicator, session)

        return Request(who[0], who[1], f"{base}/{indicator_id}/series", [], call)

    def complete(who: tuple[str, Principal]) -> Request:
        period = rng.choice(facts.quarters)

        async def call(session: AsyncSession, p: Principal) -> object:
            first_page = PageParams(limit=50, cursor=None)
            return await completeness(session=session, principal=p, f=IndicatorFilter(), page=first_page, period=period)

        return Request(who[0], who[1], f"{base}/completeness", [("period", period), ("limit", 50)], call)

    def page(who: tuple[str, Principal]) -> Request:
        roll = rng.random()
        f, params = IndicatorFilter(), Params()
        if roll < 0.25:
            sector = rng.choice(list(Sector)).value
            f, params = IndicatorFilter(sector=sector), [("sector", sector)]
        elif roll < 0.5:
            year = rng.choice((2025, 2030, 2045))
            f, params = IndicatorFilter(milestone_year=year), [("milestone", year)]
        elif roll < 0.75:
            status = rng.choice([Status.AT_RISK, Status.NEEDS_ACCELERATION]).value
            f, params = IndicatorFilter(statuses=[status]), [("status", status)]

        async def call(session: AsyncSession, p: Principal) -> object:
            return await list_indicators(session, p, f, PageParams(limit=50, cursor=None))

        return Request(who[0], who[1], base, [*params, ("limit", 50)], call)

    def department() -> tuple[str, Principal]:
        return rng.choice(departments)

    few = max(20, n // 4)
    return {
        "Bảng điểm theo lĩnh vực — cơ quan thường trực (toàn tỉnh)": [card(province) for _ in range(n)],
        "Bảng điểm theo lĩnh vực — cán bộ sở": [card(department()) for _ in range(n)],
        "Bảng điểm theo cơ quan theo dõi — toàn tỉnh": [card(province, "agency") for _ in range(n)],
        "Chuỗi số liệu một chỉ tiêu ngẫu nhiên — toàn tỉnh": [
            series(province, rng.choice(facts.indicator_ids)) for _ in range(n)
        ],
        "Chuỗi số liệu chỉ tiêu lớn nhất (200 đơn vị × 20 kỳ)": [series(province, facts.largest) for _ in range(few)],
        "Mức đầy đủ báo cáo một quý — toàn tỉnh": [complete(province) for _ in range(few)],
        "Mức đầy đủ báo cáo một quý — cán bộ sở": [complete(department()) for _ in range(n)],
        "Danh sách chỉ tiêu, 50 một trang — cán bộ đơn vị": [page(rng.choice(everyone)) for _ in range(n)],
    }


def _throughput(t: Timing) -> float:
    return len(t.samples_ms) / (sum(t.samples_ms) / 1000)


def _table(rows: list[tuple[Timing, Timing | None, int]]) -> str:
    lines = [
        "| what | requests | p50 ms | p95 ms | p99 ms | max ms | req/s (1 client) | SQL alone p50 / p95 | response |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for http, sql, size in rows:
        floor = f"{sql.p50:.1f} / {sql.p95:.1f}" if sql else "—"
        lines.append(
            f"| {http.name} | {len(http.samples_ms)} | {http.p50:.1f} | {http.p95:.1f} | {http.p99:.1f} | "
            f"{max(http.samples_ms):.1f} | {_throughput(http):.1f} | {floor} | {size / 1024:,.0f} KB |"
        )
    return "\n".join(lines)


async def _size(http: httpx.AsyncClient, r: Request) -> int:
    response = await http.get(r.path, params=r.params, headers={"Authorization": f"Bearer {r.token}"})
    response.raise_for_status()
    return len(response.content)


async def measure(stack: Stack, url: str, requests: int, seed: int) -> str:
    rng = random.Random(seed)
    facts = await Facts.read(url)
    async with httpx.AsyncClient(base_url=stack.url("gateway"), timeout=120) as http:
        users = [await _login(http, f"bench.{i:02d}", PASSWORD) for i in range(3 * USERS_PER_KIND)]
        province = await _login(http, "coordinator", "tiendo-demo")
        plan = scenarios(users[:USERS_PER_KIND], users, province, facts, requests, rng)
        floor = SqlFloor(url)
        raw = await asyncpg.connect(
            _plain(url), server_settings={"search_path": "indicators,public", "plan_cache_mode": "force_custom_plan"}
        )
        rows: list[tuple[Timing, Timing | None, int]] = []
        try:
            for name, batch in plan.items():
                print(f"… {name}", flush=True)
                http_timing = await timed(name, [_http_call(http, r) for r in batch])
                replays = [await floor.statements(r) for r in batch]
                sql_timing = await timed(name, [_replay(raw, statements) for statements in replays])
                sizes = [await _size(http, r) for r in batch[:10]]
                rows.append((http_timing, sql_timing, int(statistics.mean(sizes))))
                print(
                    f"  HTTP p50 {http_timing.p50:.1f} / p95 {http_timing.p95:.1f} / max "
                    f"{max(http_timing.samples_ms):.1f} ms; SQL p50 {sql_timing.p50:.1f} / p95 {sql_timing.p95:.1f} ms",
                    flush=True,
                )
        finally:
            await raw.close()
            await floor.db.dispose()
        # The first scenario again, straight to the indicators service: what the gateway's hop adds.
        first_name, first = next(iter(plan.items()))
        async with httpx.AsyncClient(base_url=stack.url("indicators"), timeout=120) as direct:
            bypass = await timed(
                f"{first_name} — thẳng tới dịch vụ, không qua cổng", [_http_call(direct, r) for r in first]
            )
        rows.append((bypass, None, rows[0][2]))
        cards = [r for name, batch in plan.items() if name.startswith("Bảng điểm theo lĩnh vực") for r in batch]
        rng.shuffle(cards)
        what = "bảng điểm theo lĩnh vực (toàn tỉnh và sở)"
        load = await load_run(stack, cards, seconds=20, clients=8, what=what)
    return _table(rows) + "\n\n" + load


async def _wait_for_sweep(url: str, limit: float = 1800) -> None:
    """The indicators process reassesses, once a day, what was assessed before today: on the first run of a day
    that is every indicator of the dataset. Measure after it, as a deployment is measured after its nightly job."""
    start_of_day = datetime.combine(today(), clock(), tzinfo=VIETNAM)
    conn = await asyncpg.connect(_plain(url))
    try:
        stale = "SELECT count(*) FROM indicators.indicators WHERE assessed_at IS NULL OR assessed_at < $1"
        left = await conn.fetchval(stale, start_of_day)
        if not left:
            return
        print(f"Dịch vụ đang đánh giá lại {left:,} chỉ tiêu (việc hằng ngày); chờ xong rồi mới đo…", flush=True)
        started = time.monotonic()
        while left and time.monotonic() - started < limit:
            await asyncio.sleep(5)
            left = await conn.fetchval(stale, start_of_day)
        print(f"  đánh giá lại xong sau {time.monotonic() - started:.0f} giây (còn {left:,})", flush=True)
    finally:
        await conn.close()


async def _describe(url: str) -> str:
    conn = await asyncpg.connect(_plain(url))
    try:
        counts = await conn.fetchrow(
            """
            SELECT (SELECT count(*) FROM indicators.indicators) AS indicators,
                   (SELECT count(*) FROM indicators.indicators WHERE parent_id IS NOT NULL) AS parts,
                   (SELECT count(*) FROM indicators.shares WHERE role = 'monitoring') AS monitoring,
                   (SELECT count(*) FROM indicators.shares WHERE role = 'contributor') AS contributors,
                   (SELECT count(*) FROM indicators.agencies) AS agencies,
                   (SELECT count(*) FROM indicators.plans WHERE key LIKE 'bench-%') AS plans
            """
        )
        states = await conn.fetch(
            "SELECT state, count(*) AS n, count(*) FILTER (WHERE late) AS late "
            "FROM indicators.indicator_values GROUP BY state ORDER BY n DESC"
        )
        statuses = await conn.fetch(
            "SELECT status, count(*) AS n FROM indicators.indicators GROUP BY 1 ORDER BY 2 DESC"
        )
        kinds = await conn.fetch(
            "SELECT periodicity, count(*) AS n FROM indicators.indicators GROUP BY 1 ORDER BY 2 DESC"
        )
        seen = await conn.fetch(
            """
            SELECT u.username, a.kind, a.short_name, count(DISTINCT s.indicator_id) AS seen
            FROM identity.users u
            JOIN indicators.agencies a ON a.id = u.agency_id
            JOIN indicators.agencies sub ON sub.id = a.id OR sub.parent_id = a.id
            JOIN indicators.shares s ON s.agency_id = sub.id
            WHERE u.username LIKE 'bench.%' GROUP BY 1, 2, 3 ORDER BY 1
            """
        )
        size = await conn.fetchval("SELECT pg_size_pretty(pg_database_size(current_database()))")
        values = await conn.fetchval("SELECT pg_size_pretty(pg_total_relation_size('indicators.indicator_values'))")
        version = await conn.fetchval("SHOW server_version")
        total = sum(r["n"] for r in states)
        by_kind: dict[str, list[int]] = {}
        for r in seen:
            by_kind.setdefault(r["kind"], []).append(r["seen"])
        lines = [
            f"Dữ liệu: {counts['indicators']:,} chỉ tiêu ({counts['parts']:,} là chỉ tiêu thành phần) trong "
            f"{counts['plans']} kế hoạch; {counts['monitoring']:,} phần theo dõi + {counts['contributors']:,} phần "
            f"báo cáo; {counts['agencies']:,} đơn vị; {total:,} số liệu ("
            + ", ".join(f"{r['state']} {r['n']:,}" for r in states)
            + f"; trễ hạn {sum(r['late'] for r in states):,}); bảng số liệu {values}; CSDL {size}; "
            f"PostgreSQL {version}; {os.cpu_count()} nhân.",
            "Trạng thái: " + ", ".join(f"{r['status']} {r['n']:,}" for r in statuses),
            "Kỳ báo cáo: " + ", ".join(f"{r['periodicity']} {r['n']:,}" for r in kinds),
            "Người dùng đo thấy (chỉ tiêu): "
            + "; ".join(
                f"{k}: {min(v):,}–{max(v):,} (trung vị {int(statistics.median(v)):,})" for k, v in by_kind.items()
            ),
            "  " + ", ".join(f"{r['username']} {r['short_name']} {r['seen']:,}" for r in seen),
        ]
        return "\n".join(lines)
    finally:
        await conn.close()


def main(*, indicators: int, agencies: int, requests: int, seed: int, data_dir: Path) -> int:
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
    url = asyncio.run(ensure_database(server_url, DATABASE))
    key_dir = data_dir / "keys"
    log_dir = data_dir / "logs-indicators"
    log_dir.mkdir(parents=True, exist_ok=True)
    stack = Stack(database_url=url, key_dir=key_dir, ports={name: _free_port() for name, _, _ in PROCESSES})
    try:
        asyncio.run(build(url, key_dir, indicators=indicators, agencies=agencies, seed=seed))
        stack.start_all(log_dir)
        stack.wait_ready()
        asyncio.run(_wait_for_sweep(url))
        print(asyncio.run(_describe(url)), flush=True)
        print(asyncio.run(measure(stack, url, requests, seed)), flush=True)
        return 0
    finally:
        stack.stop_all()
        if server is not None:
            server.stop()
