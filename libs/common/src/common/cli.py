"""`python -m <service> serve|migrate|...`: the same entry points on a laptop and in Kubernetes."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable, Coroutine, Mapping, Sequence
from typing import Any

import uvicorn

from common.migrations import migrate
from common.settings import ProcessSettings

# name → (help, how to add its arguments, what it does)
Command = tuple[
    str,
    Callable[[argparse.ArgumentParser], None],
    Callable[[ProcessSettings, argparse.Namespace], Coroutine[Any, Any, None]],
]


def service_main(
    *,
    app_path: str,
    package: str,
    schema: str,
    settings_factory: Callable[[], ProcessSettings],
    extra_commands: Mapping[str, Command] | None = None,
    argv: Sequence[str] | None = None,
) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m {package}")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("serve", help="chạy máy chủ HTTP")
    mig = sub.add_parser("migrate", help="nâng (hoặc hạ) lược đồ CSDL")
    mig.add_argument("--down", metavar="REVISION", help="hạ về phiên bản này (base = xóa hết)")
    mig.add_argument("--revision", default="head", help="nâng tới phiên bản này (mặc định head)")
    for name, (help_text, add_arguments, _) in (extra_commands or {}).items():
        add_arguments(sub.add_parser(name, help=help_text))
    args = parser.parse_args(argv)
    settings = settings_factory()
    if args.command == "migrate":
        action, revision = ("downgrade", args.down) if args.down else ("upgrade", args.revision)
        asyncio.run(migrate(settings.database_url, package, schema, action=action, revision=revision))
        print(f"{schema}: đã chuyển lược đồ tới {revision}")
        return 0
    if args.command == "serve":
        uvicorn.run(
            app_path,
            host=settings.host,
            port=settings.port,
            log_config=None,
            access_log=False,
            proxy_headers=True,
            server_header=False,
        )
        return 0
    _, _, action_fn = (extra_commands or {})[args.command]
    asyncio.run(action_fn(settings, args))
    return 0


def run(**kwargs: object) -> None:
    sys.exit(service_main(**kwargs))  # type: ignore[arg-type]
