"""The real agency directory of the seed plans, and (demo mode only) demo accounts and an IOC client."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from common.roles import Role
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from gateway.agency.schemas import AgencyCreate
from gateway.agency.service import AgencyService
from gateway.client.schemas import ClientCreate
from gateway.client.service import ClientService
from gateway.client.service_accounts import SERVICE_CLIENTS, ensure_service_client
from gateway.models import Agency, ApiClient, User
from gateway.user.schemas import UserCreate
from gateway.user.service import UserService

LOADER = "nạp dữ liệu"
DEMO_PASSWORD = "tiendo-demo"  # noqa: S105  (demo mode only, documented in the README)


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    agency_code: str
    role: Role


# Every demo account uses DEMO_PASSWORD; the README lists them.
DEMO_USERS = (
    DemoUser("admin", "Quản trị hệ thống (trình diễn)", "SKHCN_TTCNTT_CDS", Role.ADMIN),
    DemoUser("coordinator", "Trần Thị Thu Hà (trình diễn)", "SKHCN", Role.COORDINATOR),
    DemoUser("leader", "Nguyễn Văn Khánh (trình diễn)", "UBND_TINH", Role.LEADER),
    DemoUser("syt.lanhdao", "Phạm Minh Đức (trình diễn)", "SYT", Role.AGENCY_MANAGER),
    DemoUser("syt.canbo", "Lê Thị Hương (trình diễn)", "SYT", Role.AGENCY_OFFICER),
    DemoUser("vietri.lanhdao", "Hoàng Văn Sơn (trình diễn)", "PHUONG_VIET_TRI", Role.AGENCY_MANAGER),
    DemoUser("vietri.canbo", "Đỗ Thị Lan (trình diễn)", "PHUONG_VIET_TRI", Role.AGENCY_OFFICER),
    DemoUser("viewer", "Vũ Quốc Bảo (trình diễn)", "STC", Role.VIEWER),
)
DEMO_CLIENT = ("ioc-demo", "Trung tâm giám sát điều hành thông minh (IOC) — trình diễn")


def agency_directory() -> list[dict[str, Any]]:
    text = resources.files("gateway.demo").joinpath("agencies.json").read_text(encoding="utf-8")
    data: list[dict[str, Any]] = json.loads(text)
    return data


async def load_agencies(session: AsyncSession) -> int:
    """Add the agencies that are missing; existing ones (maybe renamed since) are left as they are."""
    existing = {a.code: a.id for a in (await session.scalars(select(Agency))).all()}
    service = AgencyService(session, LOADER)
    added = 0
    for row in agency_directory():
        if row["code"] in existing:
            continue
        parent = existing.get(row["parent"]) if row.get("parent") else None
        agency = await service.create(
            AgencyCreate(
                code=row["code"],
                name=row["name"],
                short_name=row["short_name"],
                kind=row["kind"],
                parent_id=parent,
                aliases=row.get("aliases", []),
            )
        )
        existing[agency.code] = agency.id
        added += 1
    return added


async def load_demo_accounts(session: AsyncSession) -> int:
    agencies = {a.code: a.id for a in (await session.scalars(select(Agency))).all()}
    known = set((await session.scalars(select(User.username))).all())
    users = UserService(session, LOADER)
    added = 0
    for demo in DEMO_USERS:
        if demo.username in known:
            continue
        await users.create(
            UserCreate(
                username=demo.username,
                full_name=demo.full_name,
                email=f"{demo.username}@demo.tiendo.vn",
                agency_id=agencies[demo.agency_code],
                roles=[demo.role],
                initial_password=DEMO_PASSWORD,
            ),
            must_change_password=False,
        )
        added += 1
    client_id, name = DEMO_CLIENT
    if await session.scalar(select(ApiClient).where(ApiClient.client_id == client_id)) is None:
        await ClientService(session, LOADER).create(
            ClientCreate(
                client_id=client_id,
                name=name,
                agency_id=agencies["UBND_TINH"],
                scopes=["tasks.read", "indicators.read", "events.read", "identity.read"],
            ),
            secret=DEMO_PASSWORD,
        )
        added += 1
    return added


async def load(database_url: str, *, demo: bool, service_secret: str | None = None) -> tuple[int, int]:
    """The directory, the services' own API clients (when given their secret) and, in demo mode, demo accounts."""
    engine = create_async_engine(database_url)
    try:
        async with async_sessionmaker(engine, expire_on_commit=False)() as session, session.begin():
            agencies = await load_agencies(session)
            if service_secret is not None:
                for client_id in SERVICE_CLIENTS.values():
                    await ensure_service_client(session, client_id, service_secret)
            accounts = await load_demo_accounts(session) if demo else 0
        return agencies, accounts
    finally:
        await engine.dispose()
