"""Live inbox updates without polling: the worker calls `pg_notify` in the transaction that writes an item; the
API process keeps one LISTEN connection and wakes the open streams of that person (Server-Sent Events)."""

from __future__ import annotations

import asyncio
import uuid
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import structlog
from fastapi import FastAPI

from notifications.delivery.engine import INBOX_CHANNEL

log = structlog.get_logger("inbox.live")


class InboxBroker:
    def __init__(self) -> None:
        self._queues: dict[uuid.UUID, set[asyncio.Queue[None]]] = defaultdict(set)
        self._connection: Any = None

    async def start(self, dsn: str) -> None:
        self._connection = await asyncpg.connect(dsn)
        await self._connection.add_listener(INBOX_CHANNEL, self._notified)

    async def stop(self) -> None:
        if self._connection is not None:
            await self._connection.close()

    def _notified(self, _conn: object, _pid: int, _channel: str, payload: str) -> None:
        try:
            user = uuid.UUID(payload)
        except ValueError:
            return
        for queue in self._queues.get(user, ()):
            if queue.empty():  # one wake-up is enough: the stream reads the current state
                queue.put_nowait(None)

    @asynccontextmanager
    async def subscribe(self, user: uuid.UUID) -> AsyncIterator[asyncio.Queue[None]]:
        queue: asyncio.Queue[None] = asyncio.Queue(maxsize=1)
        self._queues[user].add(queue)
        try:
            yield queue
        finally:
            self._queues[user].discard(queue)
            if not self._queues[user]:
                del self._queues[user]


def plain_dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


@asynccontextmanager
async def live_inbox(app: FastAPI) -> AsyncIterator[None]:
    broker = InboxBroker()
    try:
        await broker.start(plain_dsn(app.state.settings.database_url))
    except (OSError, asyncpg.PostgresError) as exc:
        log.warning("live inbox unavailable; streams will only send heartbeats", reason=str(exc))
    app.state.inbox_broker = broker
    try:
        yield
    finally:
        await broker.stop()
