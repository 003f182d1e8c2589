from __future__ import annotations

import argparse
import getpass
import os
import sys

from common.cli import run
from common.settings import ProcessSettings

from gateway.config import get_settings
from gateway.db import SCHEMA


async def _load(settings: ProcessSettings, args: argparse.Namespace) -> None:
    from gateway.demo.loader import load

    if args.demo and not settings.demo_mode:
        sys.exit("Tài khoản trình diễn chỉ được tạo khi TIENDO_DEMO_MODE=true.")
    # The services' own API clients (svc-tasks) are registered when their shared secret is given.
    secret = os.environ.get("GATEWAY_SERVICE_CLIENT_SECRET") or None
    agencies, accounts = await load(settings.database_url, demo=args.demo, service_secret=secret)
    print(f"Đã thêm {agencies} đơn vị" + (f", {accounts} tài khoản trình diễn" if args.demo else ""))
    if secret:
        print("Đã đăng ký tài khoản API của các dịch vụ")


async def _create_admin(settings: ProcessSettings, args: argparse.Namespace) -> None:
    from common.roles import Role
    from sqlalchemy import select
    from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

    from gateway.models import Agency
    from gateway.user.schemas import UserCreate
    from gateway.user.service import UserService

    password = os.environ.get("TIENDO_ADMIN_PASSWORD") or getpass.getpass("Mật khẩu ban đầu: ")
    engine = create_async_engine(settings.database_url)
    try:
        async with async_sessionmaker(engine)() as session, session.begin():
            agency = await session.scalar(select(Agency).where(Agency.code == args.agency_code))
            if agency is None:
                sys.exit(f"Không có đơn vị mã {args.agency_code}; chạy `python -m gateway load-agencies` trước.")
            await UserService(session, "dòng lệnh").create(
                UserCreate(
                    username=args.username,
                    full_name=args.full_name,
                    email=args.email,
                    agency_id=agency.id,
                    roles=[Role.ADMIN],
                    initial_password=password,
                )
            )
    finally:
        await engine.dispose()
    print(f"Đã tạo tài khoản quản trị {args.username}; mật khẩu phải đổi ở lần đăng nhập đầu.")


def _load_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--demo", action="store_true", help="thêm tài khoản trình diễn (chỉ ở chế độ trình diễn)")


def _admin_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--username", required=True)
    parser.add_argument("--full-name", required=True)
    parser.add_argument("--email", required=True)
    parser.add_argument("--agency-code", default="SKHCN")


run(
    app_path="gateway.main:app",
    package="gateway",
    schema=SCHEMA,
    settings_factory=get_settings,
    extra_commands={
        "load-agencies": ("nạp danh bạ đơn vị của tỉnh (và tài khoản trình diễn với --demo)", _load_args, _load),
        "create-admin": ("tạo tài khoản quản trị đầu tiên", _admin_args, _create_admin),
    },
)
