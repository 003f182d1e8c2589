"""Agency tree changes: create, rename or move, merge. Each leaves an audit record and an outbox event."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from common.auth import Principal
from common.db import flush_or_conflict
from common.errors import InvalidInput
from common.outbox import publish
from common.text import fold
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.agency.exceptions import AgencyCodeTaken, AgencyNotFound, InvalidAgencyMerge
from gateway.agency.repository import AgencyRepository
from gateway.agency.schemas import AgencyCreate, AgencyRead, AgencyUpdate
from gateway.audit.service import diff, record
from gateway.db import outbox
from gateway.models import Agency, User

_TRACKED = ("name", "short_name", "kind", "parent_id", "aliases", "active", "merged_into_id")


def search_text(agency: Agency) -> str:
    return fold(" | ".join([agency.code, agency.name, agency.short_name, *agency.aliases]))


def snapshot(agency: Agency) -> dict[str, Any]:
    return {k: (str(v) if isinstance(v, uuid.UUID) else v) for k in _TRACKED for v in [getattr(agency, k)]}


class AgencyService:
    def __init__(self, session: AsyncSession, actor: Principal | str) -> None:
        self.session, self.actor = session, actor
        self.repo = AgencyRepository(session)

    @property
    def _actor_name(self) -> str:
        return self.actor if isinstance(self.actor, str) else self.actor.username

    async def _event(self, event_type: str, agency: Agency, **extra: Any) -> None:
        ids = [agency.id, *[v for v in extra.values() if isinstance(v, uuid.UUID)]]
        payload = {**AgencyRead.model_validate(agency).model_dump(mode="json"), **{k: str(v) for k, v in extra.items()}}
        await publish(
            self.session,
            outbox,
            event_type,
            subject_type="agency",
            subject_id=str(agency.id),
            payload=payload,
            agency_ids=ids,
            actor=self._actor_name,
        )

    async def _check_parent(self, parent_id: uuid.UUID | None, agency_id: uuid.UUID | None = None) -> None:
        if parent_id is None:
            return
        parent = await self.repo.get(parent_id)
        if parent is None or not parent.active:
            raise InvalidInput.on("parent_id", "Đơn vị cấp trên không tồn tại hoặc đã ngừng hoạt động.")
        if agency_id is not None and parent_id in await self.repo.subtree_ids(agency_id):
            raise InvalidInput.on("parent_id", "Không thể đặt đơn vị làm cấp dưới của chính nó.")

    async def create(self, data: AgencyCreate) -> Agency:
        if await self.repo.by_code(data.code) is not None:
            raise AgencyCodeTaken(data.code)
        if data.parent_id is None and await self.repo.root() is not None:
            raise InvalidInput.on("parent_id", "Chỉ có một đơn vị gốc (UBND tỉnh); hãy chọn đơn vị cấp trên.")
        await self._check_parent(data.parent_id)
        agency = Agency(**data.model_dump(), active=True)
        agency.search_text = search_text(agency)
        self.session.add(agency)
        await flush_or_conflict(self.session, AgencyCodeTaken(data.code))
        await record(self.session, self.actor, "agency.create", "agency", agency.id, snapshot(agency))
        await self._event("agency.created", agency)
        return agency

    async def update(self, agency: Agency, data: AgencyUpdate) -> Agency:
        changes = data.model_dump(exclude_unset=True)
        if changes.get("parent_id") is None and "parent_id" in changes and agency.parent_id is not None:
            raise InvalidInput.on("parent_id", "Chỉ có một đơn vị gốc (UBND tỉnh).")
        for field in ("name", "short_name", "kind"):
            if field in changes and changes[field] is None:
                raise InvalidInput.on(field, "Trường này không được để trống.")
        if "parent_id" in changes:
            await self._check_parent(changes["parent_id"], agency.id)
        before = snapshot(agency)
        if "name" in changes and changes["name"] != agency.name and agency.name not in agency.aliases:
            # The old name stays findable: documents keep using it after a rename.
            changes["aliases"] = [*(changes.get("aliases") or agency.aliases), agency.name]
        for key, value in changes.items():
            setattr(agency, key, value)
        agency.search_text = search_text(agency)
        await self.session.flush()
        changed = diff(before, snapshot(agency))
        if changed:
            await record(self.session, self.actor, "agency.update", "agency", agency.id, changed)
            await self._event("agency.updated", agency)
        return agency

    async def merge(self, agency: Agency, into_id: uuid.UUID) -> Agency:
        """A keeps its record and history, points to B; A's sub-agencies and users move to B."""
        if not agency.active:
            raise InvalidAgencyMerge.on("id", "Đơn vị này đã ngừng hoạt động hoặc đã được hợp nhất.")
        if into_id == agency.id:
            raise InvalidAgencyMerge.on("into_id", "Không thể hợp nhất đơn vị vào chính nó.")
        target = await self.repo.get(into_id)
        if target is None:
            raise AgencyNotFound()
        if not target.active:
            raise InvalidAgencyMerge.on("into_id", "Đơn vị tiếp nhận đã ngừng hoạt động.")
        if into_id in await self.repo.subtree_ids(agency.id):
            raise InvalidAgencyMerge.on("into_id", "Không thể hợp nhất vào một đơn vị cấp dưới của chính nó.")
        before = snapshot(agency)
        agency.active, agency.merged_into_id, agency.merged_at = False, target.id, datetime.now(UTC)
        for child in await self.repo.children(agency.id):
            if child.active:
                child_before = snapshot(child)
                child.parent_id = target.id
                await self.session.flush()
                await record(
                    self.session, self.actor, "agency.move", "agency", child.id, diff(child_before, snapshot(child))
                )
                await self._event("agency.updated", child)
        # Moved accounts get a new version, so an edit based on the old ETag is refused.
        moved_users = await self.session.execute(
            update(User)
            .where(User.agency_id == agency.id)
            .values(agency_id=target.id, version=User.version + 1)
            .returning(User.id)
        )
        await self.session.flush()
        changes = diff(before, snapshot(agency)) | {"moved_users": [None, [str(u) for u in moved_users.scalars()]]}
        await record(self.session, self.actor, "agency.merge", "agency", agency.id, changes)
        await self._event("agency.merged", agency, into_id=target.id)
        return agency
