"""`python -m tiendo bench-notifications`: the notifications service's day at province scale, without the gateway.

1. A database `tiendo_bench_notifications` on the benchmarks' embedded PostgreSQL in .data/bench (or on
   BENCH_DATABASE_URL's server) with the notifications schema only: --agencies agencies (the first 20 of them
   departments, the standing agencies that review), an officer with e-mail and a manager in each, and
   --deadlines copied deadlines due over three years around today (10 % periodic, 85 % open), written by
   INSERT … SELECT generate_series as the tasks feed would have copied them. Kept between runs.
2. The day's due set: `schedule_round` in-process on --days consecutive working days after today (a shifted
   `Clock` at 09:00), notices kept from one day to the next as in production; the first day starts from an
   empty notices table (a new installation's catch-up) and is reported apart. After each full round, 1,000
   deadlines are moved (as a feed would) and a later round at 09:30 is timed; they are put back after.
3. Deliveries per minute to the inbox: a fresh due set trimmed to --notices notices, then 1 and then 3 real
   `python -m notifications work` processes (no feeds, no SMTP: inbox only) until every delivery is done;
   the rate is taken from the first to the last `sent_at`, beside the CPU time of the workers and of their
   PostgreSQL backends (read from /proc) and how busy the whole machine was (other work shows there).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

import asyncpg
from common.clock import VIETNAM, today
from common.db import Database
from common.migrations import migrate
from common.settings import async_database_url
from notifications.calendar.workdays import WorkCalendar
from notifications.clock import Clock
from notifications.schedule.service import schedule_round

from tiendo.bench import percentile
from tiendo.bench.tasks import SERVER_SETTINGS, _plain
from tiendo.stack import ensure_database

DATABASE = "tiendo_bench_notifications"
DEPARTMENTS = 20
PLANS = 300
MOVED = 1_000  # deadlines changed between the full round and the later round of a day
TITLES = (
    "Triển khai nền tảng số dùng chung của tỉnh",
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "Cập nhật dữ liệu hộ tịch vào cơ sở dữ liệu quốc gia",
    "Báo cáo tình hình thực hiện Nghị quyết số 57-NQ/TW",
    "Xây dựng kho học liệu số dùng chung",
    "Triển khai bệnh án điện tử tại cơ sở khám chữa bệnh",
    "Bảo đảm an toàn thông tin cho hệ thống cấp độ 3",
    "Đào tạo kỹ năng số cho cán bộ, công chức cấp xã",
)
RESET = (
    "TRUNCATE notifications.inbox_items, notifications.deliveries, notifications.notices, "
    "notifications.schedule_runs RESTART IDENTITY"
)

_AGENCIES = """
INSERT INTO notifications.agencies (id, code, name, short_name, kind, aliases, active)
SELECT gen_random_uuid(), 'BENCH' || lpad(n::text, 5, '0'),
       CASE WHEN n <= $2 THEN 'Sở đo hiệu năng số ' ELSE 'Đơn vị đo hiệu năng số ' END || n,
       CASE WHEN n <= $2 THEN 'Sở số ' ELSE 'Đơn vị số ' END || n,
       CASE WHEN n <= $2 THEN 'department' WHEN n % 3 = 0 THEN 'other' ELSE 'commune' END, '{}', true
FROM generate_series(1, $1) n
"""
_USERS = """
INSERT INTO notifications.users (id, username, full_name, email, agency_id, roles, active)
SELECT gen_random_uuid(), 'canbo.' || lower(code), 'Cán bộ ' || short_name, lower(code) || '@bench.tiendo.vn', id,
       ARRAY['agency_officer'], true FROM notifications.agencies
UNION ALL
SELECT gen_random_uuid(), 'lanhdao.' || lower(code), 'Lãnh đạo ' || short_name, NULL, id,
       ARRAY['agency_manager'], true FROM notifications.agencies
"""
# Due dates uniform over 1,096 days centred on today; the draws are per row (volatile, in the inner select).
_DEADLINES = """
WITH a AS (SELECT array_agg(id ORDER BY code) AS ids FROM notifications.agencies),
     r AS (SELECT array_agg(id ORDER BY code) AS ids FROM notifications.agencies WHERE kind = 'department'),
     p AS (SELECT array_agg(gen_random_uuid()) AS ids FROM generate_series(1, $3))
INSERT INTO notifications.deadlines (task_id, agency_id, plan_id, plan_symbol, number, title, deadline_text,
                                     periodic, due_on, open, reviewer_agency_id, updated_at)
SELECT gen_random_uuid(), a.ids[1 + floor(x.ra * cardinality(a.ids))::int], p.ids[1 + x.n % $3],
       (1 + x.n % $3) || '/KH-BENCH', (1 + x.n % 97)::text, ($4::text[])[1 + x.n % cardinality($4::text[])],
       CASE WHEN x.rp < 0.1 THEN (ARRAY['Hằng quý', 'Hằng năm', 'Hằng tháng'])[1 + x.n % 3]
            ELSE 'Ngày ' || to_char(x.due, 'DD/MM/YYYY') END,
       x.rp < 0.1, x.due, x.ro < 0.85, r.ids[1 + floor(x.rr * cardinality(r.ids))::int],
       now() - interval '1 day' - interval '30 days' * x.ru
FROM (SELECT n, random() AS ra, random() AS rp, random() AS ro, random() AS rr, random() AS ru,
             $2::date - 548 + floor(random() * 1096)::int AS due
      FROM generate_series(1, $1) n) x, a, r, p
"""


async def build(url: str, *, deadlines: int, agencies: int, seed: int) -> None:
    await migrate(async_database_url(url), "notifications", "notifications")
    conn = await asyncpg.connect(_plain(url))
    try:
        have = await conn.fetchval("SELECT count(*) FROM notifications.deadlines")
        if have >= deadlines:
            print(f"Dữ liệu đã có: {have:,} hạn — đo lại, không dựng lại.", flush=True)
            return
        if have:
            raise SystemExit(f"CSDL đo có {have:,} hạn (ít hơn {deadlines:,}); xóa CSDL {DATABASE} rồi chạy lại.")
        started = time.monotonic()
        async with conn.transaction():  # a build stopped half-way leaves nothing behind
            await conn.execute("SELECT setseed($1)", (seed % 1000) / 1000)
            await conn.execute(_AGENCIES, agencies, DEPARTMENTS)
            await conn.execute(_USERS)
            await conn.execute(_DEADLINES, deadlines, today(), PLANS, list(TITLES))
        for table in ("agencies", "users", "deadlines"):
            await conn.execute(f"VACUUM ANALYZE notifications.{table}")
        print(f"Dựng dữ liệu mất {time.monotonic() - started:.0f} giây", flush=True)
    finally:
        await conn.close()


def machine() -> str:
    lines = Path("/proc/cpuinfo").read_text().splitlines()
    model = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), "?")
    return f"{os.cpu_count()} nhân ({model})"


async def describe(conn: asyncpg.Connection) -> str:
    row = await conn.fetchrow(
        """
        SELECT (SELECT count(*) FROM notifications.agencies) AS agencies,
               (SELECT count(*) FROM notifications.users) AS users,
               count(*) AS deadlines, count(*) FILTER (WHERE open) AS open,
               count(*) FILTER (WHERE periodic) AS periodic, min(due_on) AS first, max(due_on) AS last
        FROM notifications.deadlines
        """
    )
    size = await conn.fetchval("SELECT pg_size_pretty(pg_database_size(current_database()))")
    version = await conn.fetchval("SHOW server_version")
    return (
        f"Dữ liệu: {row['agencies']:,} đơn vị, {row['users']:,} người dùng, {row['deadlines']:,} hạn "
        f"({row['open']:,} còn mở, {row['periodic']:,} định kỳ; hạn từ {row['first']} đến {row['last']}); "
        f"CSDL {size}; PostgreSQL {version}; {machine()}."
    )


def working_days(after: date, count: int) -> list[date]:
    cal, days = WorkCalendar(), list[date]()
    day = after
    while len(days) < count:
        day = cal.next_working_day(day, include=False)
        days.append(day)
    return days


def clock_at(day: date, hour: int, minute: int = 0) -> Clock:
    """A clock standing at that time of that day in Vietnam (a demo shift, as the tests' workers use)."""
    return Clock(datetime.combine(day, clock_time(hour, minute), tzinfo=VIETNAM) - datetime.now(UTC))


async def timed_round(db: Database, clock: Clock) -> tuple[float, int]:
    """One round in its own transaction, as the worker runs it: (milliseconds with the commit, notices written)."""
    start = time.perf_counter()
    async with db.sessionmaker() as session, session.begin():
        written = await schedule_round(session, clock)
    return (time.perf_counter() - start) * 1000, written or 0


@dataclass
class Day:
    day: date
    full_ms: float
    full_notices: int
    later_ms: float
    later_notices: int


async def rounds(db: Database, conn: asyncpg.Connection, days: list[date]) -> list[Day]:
    """A full and a later round on each day, notices kept from one day to the next."""
    moved = await conn.fetch(
        "SELECT task_id, agency_id, due_on, open, updated_at FROM notifications.deadlines "
        "ORDER BY task_id LIMIT $1",  # task ids are random: an even draw, the same each run
        MOVED,
    )
    keys = ([r["task_id"] for r in moved], [r["agency_id"] for r in moved])
    found = []
    for day in days:
        full_ms, full = await timed_round(db, clock_at(day, 9))
        # What a morning's feed brings: deadlines extended to the next days, reopened, stamped with the
        # database's time as the feed stamps them.
        await conn.execute(
            "UPDATE notifications.deadlines d SET due_on = $3::date + (k.n % 10)::int, open = true, updated_at = now() "
            "FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS k(task_id, agency_id, n) "
            "WHERE d.task_id = k.task_id AND d.agency_id = k.agency_id",
            *keys,
            day,
        )
        later_ms, later = await timed_round(db, clock_at(day, 9, 30))
        await conn.executemany(
            "UPDATE notifications.deadlines SET due_on = $3, open = $4, updated_at = $5 "
            "WHERE task_id = $1 AND agency_id = $2",
            [tuple(r) for r in moved],
        )
        found.append(Day(day, full_ms, full, later_ms, later))
        print(
            f"  {day}: vòng đầu {full_ms / 1000:.1f} s, {full:,} thông báo; vòng sau {later_ms:.0f} ms, {later:,}",
            flush=True,
        )
    return found


def _machine_ticks() -> tuple[int, int]:
    """(busy, total) clock ticks of all cores so far, from /proc/stat."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(fields) - fields[3] - fields[4], sum(fields)


def _cpu_seconds(pids: list[int]) -> float | None:
    """CPU time (user + system) of these processes; None when they are not on this machine (a remote server)."""
    try:
        stats = [Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split() for pid in pids]
    except FileNotFoundError:
        return None
    return sum(int(f[11]) + int(f[12]) for f in stats) / os.sysconf("SC_CLK_TCK")


@dataclass
class Run:
    workers: int
    deliveries: int
    sent: int
    span_s: float  # first to last sent_at
    wall_s: float  # from starting the processes until nothing is left to send
    worker_cpu_s: float | None  # the worker processes (Python)
    db_cpu_s: float | None  # their PostgreSQL backends
    machine_busy: float  # share of all cores busy over the run, whoever used them
    load: float  # 1-minute load average at the end

    @property
    def per_minute(self) -> float:
        return self.sent / self.span_s * 60


def start_worker(url: str, name: str, shift: timedelta, batch: int, log_dir: Path) -> subprocess.Popen[bytes]:
    settings = {
        "DATABASE_URL": url,
        "TIENDO_DEMO_MODE": "true",  # a clock shift is refused outside demo mode
        "TIENDO_LOG_LEVEL": "WARNING",
        "NOTIFICATIONS_WORKER_ID": name,
        "NOTIFICATIONS_CLOCK_SHIFT_SECONDS": str(shift.total_seconds()),
        "NOTIFICATIONS_BATCH_SIZE": str(batch),
        "NOTIFICATIONS_IDLE_SECONDS": "0.2",
    }
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("NOTIFICATIONS_", "DATABASE_URL"))}
    log = (log_dir / f"{name}.log").open("ab")
    return subprocess.Popen(
        [sys.executable, "-m", "notifications", "work"], env=environment | settings, stdout=log, stderr=log
    )


async def prepare(db: Database, conn: asyncpg.Connection, day: date, notices: int) -> Clock:
    """A fresh day's due set, trimmed to `notices` notices drawn evenly from it."""
    await conn.execute(RESET)
    clock = clock_at(day, 9)
    await timed_round(db, clock)
    await conn.execute(
        "DELETE FROM notifications.notices WHERE id NOT IN "
        "(SELECT id FROM notifications.notices ORDER BY md5(id::text) LIMIT $1)",
        notices,
    )
    await conn.execute("VACUUM ANALYZE notifications.notices")
    return clock


async def deliver(url: str, conn: asyncpg.Connection, clock: Clock, workers: int, batch: int, log_dir: Path) -> Run:
    busy0, total0 = _machine_ticks()
    started = time.monotonic()
    processes = [start_worker(url, f"bench-worker-{k + 1}", clock.shift, batch, log_dir) for k in range(workers)]
    left = "SELECT count(*) FROM notifications.notices WHERE fanned_out_at IS NULL"
    pending = "SELECT count(*) FROM notifications.deliveries WHERE status IN ('pending', 'sending')"
    try:
        while await conn.fetchval(left) or await conn.fetchval(pending):
            if any(p.poll() is not None for p in processes):
                raise SystemExit(f"Một tiến trình worker đã dừng; xem {log_dir}")
            if time.monotonic() - started > 1800:
                raise SystemExit("Quá 30 phút mà chưa gửi xong")
            await asyncio.sleep(0.25)
        wall = time.monotonic() - started
        busy1, total1 = _machine_ticks()
        backends = await conn.fetch(
            "SELECT pid FROM pg_stat_activity WHERE application_name = 'notifications-worker' "
            "AND datname = current_database()"
        )
        worker_cpu = _cpu_seconds([p.pid for p in processes])
        db_cpu = _cpu_seconds([r["pid"] for r in backends])
    finally:
        for p in processes:
            p.terminate()
        for p in processes:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
    row = await conn.fetchrow(
        "SELECT count(*) AS deliveries, count(*) FILTER (WHERE status = 'sent') AS sent, "
        "extract(epoch FROM max(sent_at) - min(sent_at)) AS span FROM notifications.deliveries"
    )
    return Run(
        workers,
        row["deliveries"],
        row["sent"],
        float(row["span"] or 0),
        wall,
        worker_cpu,
        db_cpu,
        (busy1 - busy0) / ((total1 - total0) or 1),
        os.getloadavg()[0],
    )


def _s(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds:.1f}"


def _p(values: list[float]) -> str:
    return f"{percentile(values, 50):,.0f} / {percentile(values, 95):,.0f}"


def report(days: list[Day], runs: list[Run], batch: int) -> str:
    first, rest = days[0], days[1:] or days
    lines = [
        "",
        "| lịch nhắc hằng ngày (schedule_round) | số ngày | p50 / p95 ms | thông báo mỗi ngày (trung vị; ít–nhiều) |",
        "| --- | ---: | ---: | ---: |",
        f"| ngày đầu, bảng thông báo trống (bắt kịp khi mới cài) | 1 | {first.full_ms:,.0f} | {first.full_notices:,} |",
        f"| vòng đầu của ngày, các ngày sau | {len(rest)} | {_p([d.full_ms for d in rest])} | "
        f"{statistics.median(d.full_notices for d in rest):,.0f}; "
        f"{min(d.full_notices for d in rest):,}–{max(d.full_notices for d in rest):,} |",
        f"| vòng sau cùng ngày ({MOVED:,} hạn vừa đổi) | {len(days)} | {_p([d.later_ms for d in days])} | "
        f"{statistics.median(d.later_notices for d in days):,.0f} |",
        "",
        f"| gửi vào hộp thư (lô {batch}) | lượt gửi | đã gửi | sent_at đầu→cuối | lượt/phút | "
        "cả thời gian (gồm khởi động) | CPU giây: worker / PostgreSQL của worker | máy bận; tải 1 phút |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in runs:
        lines.append(
            f"| {r.workers} worker | {r.deliveries:,} | {r.sent:,} | {r.span_s:.1f} s | {r.per_minute:,.0f} | "
            f"{r.wall_s:.1f} s | {_s(r.worker_cpu_s)} / {_s(r.db_cpu_s)} | {r.machine_busy:.0%}; {r.load:.1f} |"
        )
    return "\n".join(lines)


async def measure(url: str, *, days: int, notices: int, batch: int, log_dir: Path) -> str:
    db = Database(async_database_url(url), schema="notifications", application_name="bench-notifications", pool_size=2)
    conn = await asyncpg.connect(_plain(url))
    try:
        await conn.execute(RESET)
        print(await describe(conn), flush=True)
        plan = working_days(today(), days + 2)
        print(f"Vòng nhắc hạn, {days + 1} ngày làm việc liên tiếp từ {plan[0]}:", flush=True)
        found = await rounds(db, conn, plan[: days + 1])
        runs = []
        for workers in (1, 3):
            clock = await prepare(db, conn, plan[-1], notices)
            print(f"Gửi vào hộp thư với {workers} worker ({notices:,} thông báo ngày {plan[-1]})…", flush=True)
            run = await deliver(url, conn, clock, workers, batch, log_dir)
            runs.append(run)
            print(f"  {run.sent:,}/{run.deliveries:,} đã gửi, {run.per_minute:,.0f} lượt/phút", flush=True)
        await conn.execute(RESET)
        return report(found, runs, batch)
    finally:
        await conn.close()
        await db.dispose()


def main(*, deadlines: int, agencies: int, days: int, notices: int, batch: int, seed: int, data_dir: Path) -> int:
    server = None
    if not (server_url := os.environ.get("BENCH_DATABASE_URL")):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from tiendo.postgres import EmbeddedPostgres
        server = EmbeddedPostgres(
            data_dir / "postgres", int(os.environ.get("BENCH_PG_PORT", "54339")), settings=SERVER_SETTINGS
        )
        server_url = server.start()
    log_dir = data_dir / "logs-notifications"
    log_dir.mkdir(parents=True, exist_ok=True)
    try:
        url = asyncio.run(ensure_database(server_url, DATABASE))
        asyncio.run(build(url, deadlines=deadlines, agencies=agencies, seed=seed))
        print(asyncio.run(measure(url, days=days, notices=notices, batch=batch, log_dir=log_dir)), flush=True)
        return 0
    finally:
        if server is not None:
            server.stop()
