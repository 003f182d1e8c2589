"""API clients the services themselves use to follow the gateway's feeds (the agency directory; the tasks and
indicators feeds for the notifications service)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from gateway.auth.passwords import hash_secret, verify_secret
from gateway.client.schemas import ClientCreate
from gateway.client.service import ClientService
from gateway.models import Agency, ApiClient

# service → its client id; province-wide (at the root agency) because the directory is the whole tree.
SERVICE_CLIENTS = {"tasks": "svc-tasks", "indicators": "svc-indicators", "notifications": "svc-notifications"}
ACTOR = "cài đặt dịch vụ"


async def ensure_service_client(session: AsyncSession, client_id: str, secret: str) -> bool:
    """Create the client, or bring its secret in line with the deployment's; returns True when it changed."""
    client = await session.scalar(select(ApiClient).where(ApiClient.client_id == client_id))
    if client is None:
        root = await session.scalar(select(Agency.id).where(Agency.parent_id.is_(None)))
        if root is None:
            raise RuntimeError("Chưa có đơn vị gốc; hãy nạp danh bạ đơn vị trước.")
        await ClientService(session, ACTOR).create(
            ClientCreate(
                client_id=client_id,
                name=f"Dịch vụ nội bộ {client_id}",
                agency_id=root,
                scopes=["events.read", "identity.read"],
            ),
            secret=secret,
        )
        return True
    if await verify_secret(client.secret_hash, secret):
        return False
    client.secret_hash = await hash_secret(secret)
    client.active = True
    await session.flush()
    return True
