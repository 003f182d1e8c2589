"""`tiendo run` (the whole product on one machine), `tiendo migrate`, `tiendo openapi`, `tiendo bench-tasks`,
`tiendo bench-indicators`, `tiendo bench-notifications`."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
import time
import warnings
from pathlib import Path
from types import FrameType

from common.settings import async_database_url

from tiendo.stack import PROCESSES, Stack, ensure_database, migrate_all, service_secret

ROOT = Path(__file__).resolve().parents[3]
DATA = Path(os.environ.get("TIENDO_DATA_DIR", ROOT / ".data"))
DEMO_LOGINS = (
    ("admin", "Quản trị hệ thống"),
    ("coordinator", "Cơ quan thường trực — Sở Khoa học và Công nghệ"),
    ("leader", "Lãnh đạo — UBND tỉnh"),
    ("syt.lanhdao", "Lãnh đạo đơn vị — Sở Y tế"),
    ("syt.canbo", "Cán bộ đơn vị — Sở Y tế"),
    ("vietri.lanhdao", "Lãnh đạo đơn vị — Phường Việt Trì"),
    ("vietri.canbo", "Cán bộ đơn vị — Phường Việt Trì"),
    ("viewer", "Người xem — Sở Tài chính"),
)


def _say(message: str) -> None:
    print(f"[tiendo] {message}", flush=True)


def _database_url() -> tuple[str, object | None]:
    """DATABASE_URL if set; otherwise an embedded PostgreSQL kept in .data/postgres."""
    if url := os.environ.get("DATABASE_URL"):
        return url, None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from tiendo.postgres import EmbeddedPostgres

    server = EmbeddedPostgres(DATA / "postgres", int(os.environ.get("TIENDO_PG_PORT", "54329")))
    server_url = server.start()
    return asyncio.run(ensure_database(server_url, "tiendo")), server


def _demo_mode() -> bool:
    return os.environ.get("TIENDO_DEMO_MODE", "true").lower() in ("1", "true", "yes")


def run() -> int:
    started = time.monotonic()
    url, embedded = _database_url()
    where = "PostgreSQL nhúng tại " + str(DATA / "postgres") if embedded else "theo DATABASE_URL"
    _say(f"CSDL: {where} ({time.monotonic() - started:.1f} giây)")
    mark = time.monotonic()
    asyncio.run(migrate_all(url))
    _say(f"Lược đồ đã ở phiên bản mới nhất ({time.monotonic() - mark:.1f} giây)")
    demo = _demo_mode()
    from gateway.demo.loader import load

    mark = time.monotonic()
    secret = service_secret(DATA / "keys")
    agencies, accounts = asyncio.run(load(async_database_url(url), demo=demo, service_secret=secret))
    _say(f"Danh bạ: thêm {agencies} đơn vị, {accounts} tài khoản trình diễn ({time.monotonic() - mark:.1f} giây)")
    host = os.environ.get("TIENDO_HOST", "127.0.0.1")
    ports = {name: int(os.environ.get(f"{name.upper()}_PORT", port)) for name, _, port in PROCESSES}
    stack = Stack(database_url=url, key_dir=DATA / "keys", ports=ports, demo=demo, host=host)
    log_dir = DATA / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    stopping = False

    def _stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    code = 0
    try:
        mark = time.monotonic()
        stack.start_all(log_dir)
        stack.wait_ready()
        _say(f"Bốn tiến trình đã sẵn sàng ({time.monotonic() - mark:.1f} giây)")
        mark = time.monotonic()
        for line in stack.load_plans().splitlines():
            _say("  " + line)
        _say(f"Đã nạp các kế hoạch mẫu ({time.monotonic() - mark:.1f} giây)")
        mark = time.monotonic()
        for line in stack.load_indicators().splitlines():
            _say("  " + line)
        _say(f"Đã nạp các chỉ tiêu mẫu ({time.monotonic() - mark:.1f} giây)")
        _print_banner(stack, demo, time.monotonic() - started, log_dir)
        while not stopping:
            for name, process in stack.processes.items():
                if process.poll() is not None:
                    _say(f"Tiến trình {name} đã dừng bất thường (mã {process.returncode}); xem {log_dir}/{name}.log")
                    stopping, code = True, 1
            time.sleep(0.5)
    except RuntimeError as exc:
        _say(f"Lỗi khởi động: {exc}; xem nhật ký trong {log_dir}")
        code = 1
    finally:
        _say("Đang dừng các tiến trình...")
        stack.stop_all()
        if embedded is not None:
            embedded.stop()  # type: ignore[attr-defined]
        _say("Đã dừng.")
    return code


def _print_banner(stack: Stack, demo: bool, seconds: float, log_dir: Path) -> None:
    lines = [
        "",
        "  Tiến Độ đang chạy",
        f"  Mở trình duyệt:  {stack.url('gateway')}",
        f"  Tài liệu API:    {stack.url('gateway')}/api/docs",
        f"  Khởi động mất:   {seconds:.1f} giây",
        f"  Nhật ký:         {log_dir}",
    ]
    if demo:
        lines += ["", "  DỮ LIỆU TRÌNH DIỄN — mọi tài khoản dùng mật khẩu: tiendo-demo"]
        lines += [f"    {user:<16} {label}" for user, label in DEMO_LOGINS]
        lines += ["    ioc-demo         ứng dụng tích hợp IOC (client credentials)"]
    lines += ["", "  Nhấn Ctrl-C để dừng.", ""]
    print("\n".join(lines), flush=True)


def migrate_command(args: argparse.Namespace) -> int:
    url, embedded = _database_url()
    try:
        if args.down:
            asyncio.run(migrate_all(url, action="downgrade", revision="base"))
            _say("Đã hạ mọi lược đồ về base")
        else:
            asyncio.run(migrate_all(url))
            _say("Mọi lược đồ đã ở phiên bản mới nhất")
    finally:
        if embedded is not None:
            embedded.stop()  # type: ignore[attr-defined]
    return 0


def openapi_command(args: argparse.Namespace) -> int:
    """Write the merged OpenAPI document without a database: the frontend client is generated from it."""
    from common.jwtkeys import ensure_key_files

    private_key, jwks = ensure_key_files(DATA / "keys")
    os.environ.setdefault("DATABASE_URL", "postgresql://openapi@127.0.0.1:1/none")
    os.environ.setdefault("GATEWAY_JWT_PRIVATE_KEY_FILE", str(private_key))
    os.environ.setdefault("TIENDO_JWKS_FILE", str(jwks))
    from gateway.main import app as gateway_app
    from gateway.proxy.openapi import merge_openapi
    from indicators.main import app as indicators_app
    from notifications.main import app as notifications_app
    from tasks.main import app as tasks_app

    document = merge_openapi(
        gateway_app.openapi(),
        {
            "tasks": tasks_app.openapi(),
            "indicators": indicators_app.openapi(),
            "notifications": notifications_app.openapi(),
        },
    )
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
        _say(f"Đã ghi {args.out}")
    return 0


def bench_tasks_command(args: argparse.Namespace) -> int:
    from tiendo.bench.tasks import main as bench

    return bench(
        tasks=args.tasks, agencies=args.agencies, requests=args.requests, seed=args.seed, data_dir=DATA / "bench"
    )


def bench_indicators_command(args: argparse.Namespace) -> int:
    from tiendo.bench.indicators import main as bench

    return bench(
        indicators=args.indicators,
        agencies=args.agencies,
        requests=args.requests,
        seed=args.seed,
        data_dir=DATA / "bench",
    )


def bench_notifications_command(args: argparse.Namespace) -> int:
    from tiendo.bench.notifications import main as bench

    return bench(
        deadlines=args.deadlines,
        agencies=args.agencies,
        days=args.days,
        notices=args.notices,
        batch=args.batch,
        seed=args.seed,
        data_dir=DATA / "bench",
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="tiendo", description="Tiến Độ trên một máy")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="chạy toàn bộ sản phẩm (CSDL nhúng nếu không có DATABASE_URL)")
    mig = sub.add_parser("migrate", help="nâng mọi lược đồ lên mới nhất")
    mig.add_argument("--down", action="store_true", help="hạ mọi lược đồ về base (xóa dữ liệu)")
    api = sub.add_parser("openapi", help="ghi tài liệu OpenAPI hợp nhất")
    api.add_argument("--out", default="-")
    bench = sub.add_parser(
        "bench-tasks", help="đo hiệu năng dịch vụ nhiệm vụ trên dữ liệu cỡ lớn (giữ trong .data/bench)"
    )
    bench.add_argument("--tasks", type=int, default=1_000_000)
    bench.add_argument("--agencies", type=int, default=5_000)
    bench.add_argument("--requests", type=int, default=200, help="số yêu cầu mỗi kịch bản")
    bench.add_argument("--seed", type=int, default=57)
    bench_ind = sub.add_parser(
        "bench-indicators", help="đo hiệu năng dịch vụ chỉ tiêu trên dữ liệu cỡ lớn (giữ trong .data/bench)"
    )
    bench_ind.add_argument("--indicators", type=int, default=10_000)
    bench_ind.add_argument("--agencies", type=int, default=5_000)
    bench_ind.add_argument("--requests", type=int, default=200, help="số yêu cầu mỗi kịch bản")
    bench_ind.add_argument("--seed", type=int, default=57)
    bench_not = sub.add_parser(
        "bench-notifications", help="đo lịch nhắc hạn và tốc độ gửi của dịch vụ thông báo (giữ trong .data/bench)"
    )
    bench_not.add_argument("--deadlines", type=int, default=1_000_000)
    bench_not.add_argument("--agencies", type=int, default=5_000)
    bench_not.add_argument("--days", type=int, default=10, help="số ngày làm việc đo vòng nhắc hạn")
    bench_not.add_argument("--notices", type=int, default=25_000, help="số thông báo cho phép đo gửi")
    bench_not.add_argument("--batch", type=int, default=200, help="NOTIFICATIONS_BATCH_SIZE của worker")
    bench_not.add_argument("--seed", type=int, default=57)
    args = parser.parse_args(argv)
    handlers = {
        "run": lambda _: run(),
        "migrate": migrate_command,
        "openapi": openapi_command,
        "bench-tasks": bench_tasks_command,
        "bench-indicators": bench_indicators_command,
        "bench-notifications": bench_notifications_command,
    }
    sys.exit(handlers[args.command](args))
