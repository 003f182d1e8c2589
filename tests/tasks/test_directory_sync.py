"""The directory follower reads the gateway's identity feed to its end and stops there."""

from __future__ import annotations

import asyncio

import httpx
from common.directory.sync import DirectoryClient
from common.settings import async_database_url
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from tasks.directory import follower
from tiendo.stack import Stack, service_secret


def test_a_caught_up_reader_asks_the_feed_once_and_stops(stack: Stack) -> None:
    async def run() -> tuple[int, list[str]]:
        asked: list[str] = []

        async def note(request: httpx.Request) -> None:
            asked.append(request.url.path)

        engine = create_async_engine(async_database_url(stack.database_url))
        http = httpx.AsyncClient(timeout=10, event_hooks={"request": [note]})
        client = DirectoryClient(stack.url("gateway"), "svc-tasks", service_secret(stack.key_dir), http=http)
        try:
            sessionmaker = async_sessionmaker(engine, expire_on_commit=False)
            await asyncio.wait_for(
                follower.sync_once(sessionmaker, client, wait=True), 30
            )  # catch up, whatever is left
            asked.clear()
            applied = await asyncio.wait_for(follower.sync_once(sessionmaker, client, wait=True), 30)
            return applied, asked
        finally:
            await client.close()
            await engine.dispose()

    applied, asked = asyncio.run(run())
    assert applied == 0
    assert asked == ["/api/v1/identity/events"]
