from __future__ import annotations

import secrets
import uuid
from typing import Any

from common.auth import Principal
from common.db import flush_or_conflict
from common.errors import Conflict, InvalidInput
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.agency.repository import AgencyRepository
from gateway.audit.service import diff, record
from gateway.auth.passwords import hash_secret
from gateway.client.schemas import ClientCreate, ClientUpdate
from gateway.models import ApiClient


def _snapshot(client: ApiClient) -> dict[str, Any]:
    return {
        "name": client.name,
        "scopes": list(client.scopes),
        "agency_id": str(client.agency_id),
        "active": client.active,
    }


class ClientService:
    def __init__(self, session: AsyncSession, actor: Principal | str) -> None:
        self.session, self.actor = session, actor

    async def _check_agency(self, agency_id: uuid.UUID) -> None:
        agency = await AgencyRepository(self.session).get(agency_id)
        if agency is None or not agency.active:
            raise InvalidInput.on("agency_id", "Đơn vị không tồn tại hoặc đã ngừng hoạt động.")

    async def create(self, data: ClientCreate, secret: str | None = None) -> tuple[ApiClient, str]:
        if await self.session.scalar(select(ApiClient).where(ApiClient.client_id == data.client_id)):
            raise Conflict(f"Mã ứng dụng {data.client_id} đã tồn tại.")
        await self._check_agency(data.agency_id)
        secret = secret or secrets.token_urlsafe(32)
        client = ApiClient(**data.model_dump(), secret_hash=await hash_secret(secret), active=True)
        self.session.add(client)
        await flush_or_conflict(self.session, Conflict(f"Mã ứng dụng {data.client_id} đã tồn tại."))
        await record(self.session, self.actor, "client.create", "client", client.id, _snapshot(client))
        return client, secret

    async def update(self, client: ApiClient, data: ClientUpdate) -> ApiClient:
        changes = data.model_dump(exclude_unset=True)
        for field, value in changes.items():
            if value is None:
                raise InvalidInput.on(field, "Trường này không được để trống.")
        if "agency_id" in changes:
            await self._check_agency(changes["agency_id"])
        before = _snapshot(client)
        for key, value in changes.items():
            setattr(client, key, value)
        await self.session.flush()
        if changed := diff(before, _snapshot(client)):
            await record(self.session, self.actor, "client.update", "client", client.id, changed)
        return client

    async def rotate_secret(self, client: ApiClient) -> str:
        secret = secrets.token_urlsafe(32)
        client.secret_hash = await hash_secret(secret)
        await self.session.flush()
        await record(self.session, self.actor, "client.rotate_secret", "client", client.id, {})
        return secret
