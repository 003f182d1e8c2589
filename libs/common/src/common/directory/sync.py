"""Follow the gateway's event feeds into a service's own tables; above all the agency directory (identity feed).

The cursor is stored with the rows it produced, in one transaction per page, so a restart resumes where it
stopped and a page read twice changes nothing. When an agency is merged, the service's `on_merge` hook moves
its open work to the agency it was merged into. The same reader follows the tasks and indicators feeds for
the notifications service.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from functools import partial
from typing import Any

import httpx
import structlog
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from common.directory.tables import AgencyColumns, FeedCursorColumns
from common.settings import FollowerSettings

FEED = "identity"
PAGE = 200
log = structlog.get_logger("directory")

MergeHook = Callable[[AsyncSession, uuid.UUID, uuid.UUID, str], Awaitable[Any]]
EventHandler = Callable[[AsyncSession, dict[str, Any]], Awaitable[Any]]


class DirectoryUnavailable(RuntimeError):
    pass


class DirectoryClient:
    """Reads the gateway's event feeds (identity by default) with this service's own API client."""

    def __init__(self, base_url: str, client_id: str, client_secret: str, http: httpx.AsyncClient | None = None):
        self.base_url = base_url.rstrip("/")
        self.client_id, self.client_secret = client_id, client_secret
        self.http = http or httpx.AsyncClient(timeout=10)
        self._token: str | None = None

    async def _fetch_token(self) -> str:
        response = await self.http.post(
            f"{self.base_url}/api/v1/auth/token",
            data={"grant_type": "client_credentials", "client_id": self.client_id, "client_secret": self.client_secret},
        )
        if response.status_code != 200:
            raise DirectoryUnavailable(f"gateway refused the service client ({response.status_code})")
        token: str = response.json()["access_token"]
        return token

    async def events(self, after: str | None, *, feed: str = FEED) -> dict[str, Any]:
        for attempt in range(2):
            if self._token is None:
                self._token = await self._fetch_token()
            params: dict[str, Any] = {"limit": PAGE}
            if after:
                params["after"] = after
            response = await self.http.get(
                f"{self.base_url}/api/v1/{feed}/events",
                params=params,
                headers={"Authorization": f"Bearer {self._token}"},
            )
            if response.status_code == 401 and attempt == 0:
                self._token = None  # expired: fetch a new one and try once more
                continue
            if response.status_code != 200:
                raise DirectoryUnavailable(f"{feed} feed answered {response.status_code}")
            body: dict[str, Any] = response.json()
            return body
        raise DirectoryUnavailable(f"{feed} feed refused a fresh token")

    async def close(self) -> None:
        await self.http.aclose()


def _agency_values(payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": uuid.UUID(payload["id"]),
        "code": payload["code"],
        "name": payload["name"],
        "short_name": payload.get("short_name") or payload["name"],
        "kind": payload["kind"],
        "parent_id": uuid.UUID(payload["parent_id"]) if payload.get("parent_id") else None,
        "aliases": list(payload.get("aliases") or []),
        "active": bool(payload.get("active", True)),
        "merged_into_id": uuid.UUID(payload["merged_into_id"]) if payload.get("merged_into_id") else None,
    }


class FeedFollower:
    """Reads one feed page by page into a service's tables through `apply`, with its cursor in `cursor`."""

    def __init__(
        self,
        cursor: type[FeedCursorColumns],
        *,
        feed: str,
        lock: str,
        apply: EventHandler,
        finish: Callable[[AsyncSession], Awaitable[Any]] | None = None,
    ) -> None:
        self.cursor, self.feed, self.lock, self.apply, self.finish = cursor, feed, lock, apply, finish

    async def sync_once(
        self, sessionmaker: async_sessionmaker[AsyncSession], client: DirectoryClient, *, wait: bool = False
    ) -> int:
        """Read the feed to its end; returns the number of events applied. One reader at a time across replicas:
        the followers skip a round when another holds the lock; with `wait` (a one-off loader that needs the
        whole feed) the caller waits for it and then reads what is left."""
        applied = 0
        lock = text("SELECT pg_advisory_xact_lock(hashtext(:key))").bindparams(key=self.lock)
        try_lock = text("SELECT pg_try_advisory_xact_lock(hashtext(:key))").bindparams(key=self.lock)
        while True:
            async with sessionmaker() as session, session.begin():
                if wait:
                    await session.execute(lock)
                elif not await session.scalar(try_lock):
                    return applied
                cursor = await session.get(self.cursor, self.feed)
                page = await client.events(cursor.cursor if cursor else None, feed=self.feed)
                for event in page["items"]:
                    await self.apply(session, event)
                if self.finish is not None:
                    await self.finish(session)  # what the page's events add up to, in the same transaction
                if page["items"]:
                    last = page["items"][-1]["cursor"]
                    await session.execute(
                        insert(self.cursor)
                        .values(feed=self.feed, cursor=last)
                        .on_conflict_do_update(index_elements=[self.cursor.feed], set_={"cursor": last})
                    )
                applied += len(page["items"])
            # The feed always names a cursor (the last one, even on an empty page); a short page is its end.
            if len(page["items"]) < PAGE:
                return applied


class DirectoryFollower(FeedFollower):
    """Follows the identity feed into one service's `agencies` and `feed_cursors` tables; `on_event` sees every
    event after the agency copy is written (the notifications service copies users from it)."""

    def __init__(
        self,
        agency: type[AgencyColumns],
        cursor: type[FeedCursorColumns],
        *,
        lock: str,
        on_merge: MergeHook | None = None,
        on_event: EventHandler | None = None,
    ) -> None:
        super().__init__(cursor, feed=FEED, lock=lock, apply=self.apply_event)
        self.agency, self.on_merge, self.on_event = agency, on_merge, on_event

    async def apply_event(self, session: AsyncSession, event: dict[str, Any]) -> None:
        if event["subject_type"] == "agency":
            await self._apply_agency(session, event)
        if self.on_event is not None:
            await self.on_event(session, event)

    async def _apply_agency(self, session: AsyncSession, event: dict[str, Any]) -> None:
        values = _agency_values(event["payload"])
        stmt = insert(self.agency).values(**values)
        await session.execute(
            stmt.on_conflict_do_update(
                index_elements=[self.agency.id],
                set_={k: stmt.excluded[k] for k in values if k != "id"} | {"synced_at": text("now()")},
            )
        )
        merged_into = values["merged_into_id"]
        if event["event_type"] == "agency.merged" and merged_into is not None and self.on_merge is not None:
            await self.on_merge(session, values["id"], merged_into, event.get("actor") or "danh bạ")

    async def load(self, sessionmaker: async_sessionmaker[AsyncSession], settings: FollowerSettings) -> None:
        """For one-off loaders: read the whole feed now, when the process is configured to follow it."""
        client = directory_client(settings)
        if client is None:
            return
        try:
            await self.sync_once(sessionmaker, client, wait=True)
        finally:
            await client.close()

    def lifespan(self) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
        return partial(_follow, self)


def directory_client(settings: FollowerSettings) -> DirectoryClient | None:
    if not settings.directory_url or not settings.directory_client_secret:
        return None
    return DirectoryClient(settings.directory_url, settings.directory_client_id, settings.directory_client_secret)


@asynccontextmanager
async def _follow(follower: FeedFollower, app: FastAPI) -> AsyncIterator[None]:
    """Background loop of the API process: follow the feed every few seconds while the process runs."""
    settings: FollowerSettings = app.state.settings
    client = directory_client(settings)
    if client is None:
        log.warning("directory feed not configured; agency directory will not follow the gateway")
        yield
        return

    async def loop() -> None:
        while True:
            try:
                if applied := await follower.sync_once(app.state.db.sessionmaker, client):
                    log.info("feed synced", feed=follower.feed, events=applied)
            except (DirectoryUnavailable, httpx.HTTPError) as exc:
                log.warning("feed sync failed; will retry", feed=follower.feed, reason=str(exc))
            except Exception:
                log.exception("feed sync error; will retry", feed=follower.feed)
            await asyncio.sleep(settings.directory_poll_seconds)

    task = asyncio.create_task(loop())
    try:
        yield
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await client.close()
