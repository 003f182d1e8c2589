"""Load the seed plans of `data/plans/` through the same importer users have; running it again changes nothing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from common.errors import InvalidInput
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from tasks.config import Settings
from tasks.directory import follower
from tasks.importer.service import ImportService
from tasks.models import Agency, Plan
from tasks.plan.schemas import PlanCreate
from tasks.plan.service import PlanService

LOADER = "nạp dữ liệu"


@dataclass(frozen=True)
class Loaded:
    symbol: str
    title: str
    tasks: int
    created: int


def _date(value: str | None) -> Any:
    return datetime.strptime(value, "%d/%m/%Y").date() if value else None


async def _agency_id(session: AsyncSession, code: str | None) -> Any:
    if not code:
        return None
    return await session.scalar(select(Agency.id).where(Agency.code == code))


async def load_plans(session: AsyncSession, data_dir: Path) -> list[Loaded]:
    entries: list[dict[str, Any]] = json.loads((data_dir / "plans.json").read_text(encoding="utf-8"))
    by_key: dict[str, Plan] = {}
    loaded: list[Loaded] = []
    for entry in entries:
        plan = await session.scalar(select(Plan).where(Plan.key == entry["key"]))
        if plan is None:
            plan = await PlanService(session, LOADER).create(
                PlanCreate(
                    key=entry["key"],
                    kind=entry["kind"],
                    symbol=entry.get("symbol") or "",
                    issued_on=_date(entry.get("issued_on")),
                    issued_text=entry.get("issued_text"),
                    issuer=entry["issuer"],
                    issuer_agency_id=await _agency_id(session, entry.get("issuer_code")),
                    standing_agency_id=await _agency_id(session, entry.get("standing_code")),
                    title=entry.get("title") or entry.get("symbol") or entry["key"],
                    parent_ids=[by_key[k].id for k in entry.get("parents", [])],
                )
            )
        by_key[entry["key"]] = plan
        if entry.get("tasks"):
            path = data_dir / entry["tasks"]
            try:
                report = await ImportService(session, LOADER).run(plan, path.name, path.read_bytes(), dry_run=False)
            except InvalidInput as exc:
                problems = "\n".join(f"  {e.field}: {e.message}" for e in exc.errors)
                raise RuntimeError(f"{path.name} có lỗi, chưa nạp:\n{problems}") from exc
            loaded.append(Loaded(plan.symbol or entry["key"], plan.title, report.tasks, report.created))
    return loaded


async def load(settings: Settings, data_dir: Path) -> list[Loaded]:
    engine = create_async_engine(settings.database_url)
    sessionmaker = async_sessionmaker(engine, expire_on_commit=False)
    try:
        await follower.load(sessionmaker, settings)
        async with sessionmaker() as session, session.begin():
            if not await session.scalar(select(func.count()).select_from(Agency)):
                raise RuntimeError("Danh bạ đơn vị của dịch vụ nhiệm vụ còn trống; cần cấu hình TASKS_DIRECTORY_URL.")
            return await load_plans(session, data_dir)
    finally:
        await engine.dispose()
