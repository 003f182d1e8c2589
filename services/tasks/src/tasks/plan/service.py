from __future__ import annotations

import uuid
from typing import Any

from common.auth import Principal
from common.db import flush_or_conflict
from common.errors import Conflict, InvalidInput
from common.outbox import publish
from common.text import fold
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from tasks.db import outbox
from tasks.models import Agency, Plan, PlanParent
from tasks.plan.repository import plan_ancestors
from tasks.plan.schemas import PlanCreate, PlanUpdate


def plan_search_text(plan: Plan) -> str:
    return fold(" | ".join([plan.kind, plan.symbol, plan.issuer, plan.title, plan.key or ""]))


class PlanService:
    def __init__(self, session: AsyncSession, actor: Principal | str) -> None:
        self.session, self.actor = session, actor

    @property
    def actor_name(self) -> str:
        return self.actor if isinstance(self.actor, str) else self.actor.username

    async def _check_agency(self, field: str, agency_id: uuid.UUID | None) -> None:
        if agency_id is not None and await self.session.get(Agency, agency_id) is None:
            raise InvalidInput.on(field, "Không có đơn vị này trong danh bạ.")

    async def _set_parents(self, plan: Plan, parent_ids: list[uuid.UUID]) -> None:
        for parent_id in parent_ids:
            if parent_id == plan.id:
                raise InvalidInput.on("parent_ids", "Văn bản không thể căn cứ vào chính nó.")
            if await self.session.get(Plan, parent_id) is None:
                raise InvalidInput.on("parent_ids", "Không có văn bản căn cứ này.")
            if plan.id in await plan_ancestors(self.session, parent_id):
                raise InvalidInput.on("parent_ids", "Quan hệ căn cứ tạo thành vòng lặp.")
        await self.session.execute(delete(PlanParent).where(PlanParent.plan_id == plan.id))
        for parent_id in dict.fromkeys(parent_ids):
            self.session.add(PlanParent(plan_id=plan.id, parent_id=parent_id))
        await self.session.flush()

    async def create(self, data: PlanCreate) -> Plan:
        await self._check_agency("issuer_agency_id", data.issuer_agency_id)
        await self._check_agency("standing_agency_id", data.standing_agency_id)
        plan = Plan(id=uuid.uuid4(), **data.model_dump(exclude={"parent_ids"}))
        plan.search_text = plan_search_text(plan)
        self.session.add(plan)
        await flush_or_conflict(self.session, Conflict("Đã có văn bản với khóa này."))
        await self._set_parents(plan, data.parent_ids)
        await self._event(plan, "plan.created")
        return plan

    async def update(self, plan: Plan, data: PlanUpdate) -> Plan:
        changes = data.model_dump(exclude_unset=True)
        # A null would reach a NOT NULL column (and the search text); "" is how a symbol is cleared.
        for field in ("kind", "symbol", "issuer", "title"):
            if field in changes and changes[field] is None:
                raise InvalidInput.on(field, "Trường này không được để trống.")
        await self._check_agency("standing_agency_id", changes.get("standing_agency_id"))
        parent_ids = changes.pop("parent_ids", None)
        for key, value in changes.items():
            setattr(plan, key, value)
        plan.search_text = plan_search_text(plan)
        await self.session.flush()
        if parent_ids is not None:
            await self._set_parents(plan, parent_ids)
        await self._event(
            plan, "plan.updated", changed=sorted([*changes, *(["parent_ids"] if parent_ids is not None else [])])
        )
        return plan

    async def _event(self, plan: Plan, event_type: str, **extra: Any) -> None:
        await publish(
            self.session,
            outbox,
            event_type,
            subject_type="plan",
            subject_id=str(plan.id),
            payload={"plan_id": str(plan.id), "symbol": plan.symbol, "title": plan.title, **extra},
            # The issuing and standing agencies follow plan changes in the feed; coordinators see every event.
            agency_ids=[a for a in (plan.issuer_agency_id, plan.standing_agency_id) if a],
            actor=self.actor_name,
        )
