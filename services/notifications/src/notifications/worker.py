"""The worker process (`python -m notifications work`): follows the feeds, computes the day's reminders, turns
notices into deliveries and delivers them. Run as many replicas as needed: they share work through the database
(advisory locks for the feeds and the scheduler, SKIP LOCKED claims for deliveries)."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable
from datetime import timedelta
from functools import partial

import httpx
import structlog
from common.db import Database
from common.directory.sync import DirectoryUnavailable, FeedFollower, directory_client
from common.logging import configure_logging

from notifications.calendar.repository import load_calendar
from notifications.calendar.workdays import SendWindow
from notifications.channel.email import SmtpConfig
from notifications.clock import Clock
from notifications.config import Settings
from notifications.delivery.engine import Engine
from notifications.delivery.fanout import fan_out
from notifications.follow.identity import identity
from notifications.follow.indicators import IndicatorFeed
from notifications.follow.tasks import TaskFeed
from notifications.models import FeedCursor
from notifications.schedule.service import schedule_round

log = structlog.get_logger("worker")


def smtp_config(settings: Settings) -> SmtpConfig | None:
    if not settings.smtp_host:
        return None
    return SmtpConfig(
        host=settings.smtp_host,
        port=settings.smtp_port,
        sender=settings.smtp_sender,
        username=settings.smtp_username,
        password=settings.smtp_password,
        starttls=settings.smtp_starttls,
    )


class Worker:
    def __init__(self, settings: Settings, db: Database, http: httpx.AsyncClient) -> None:
        self.settings, self.db = settings, db
        self.clock = Clock(settings.clock_shift)
        self.window = SendWindow(settings.send_window_start, settings.send_window_end)
        # Measured on the worker's clock, so a demo shift ahead does not make fresh events look old.
        max_age = timedelta(hours=settings.announce_max_age_hours) + self.clock.shift
        self.task_feed = TaskFeed(self.clock, max_age)
        self.indicator_feed = IndicatorFeed(self.clock, max_age)
        self.followers: list[FeedFollower] = [
            identity,
            *(
                FeedFollower(FeedCursor, feed=name, lock=f"notifications.{name}", apply=feed.apply, finish=feed.finish)
                for name, feed in (("tasks", self.task_feed), ("indicators", self.indicator_feed))
            ),
        ]
        self.engine = Engine(
            sessionmaker=db.sessionmaker,
            clock=self.clock,
            worker=settings.worker_id,
            public_url=settings.public_url,
            window=self.window,
            smtp=smtp_config(settings),
            http=http,
            production=settings.production,
            batch_size=settings.batch_size,
            claim_seconds=settings.claim_seconds,
            max_attempts=settings.max_attempts,
            retry_base=settings.retry_base_seconds,
            retry_cap=settings.retry_cap_seconds,
        )

    async def follow(self) -> None:
        client = directory_client(self.settings)
        if client is None:
            log.warning("feeds not configured; the worker only schedules and delivers")
            return
        try:
            while True:
                for follower in self.followers:
                    try:
                        if applied := await follower.sync_once(self.db.sessionmaker, client):
                            log.info("feed read", feed=follower.feed, events=applied)
                    except (DirectoryUnavailable, httpx.HTTPError) as exc:
                        log.warning("feed unavailable; will retry", feed=follower.feed, reason=str(exc))
                await asyncio.sleep(self.settings.directory_poll_seconds)
        finally:
            await client.close()

    async def schedule(self) -> None:
        while True:
            async with self.db.sessionmaker() as session, session.begin():
                written = await schedule_round(session, self.clock)
            if written:
                log.info("reminders scheduled", notices=written)
            await asyncio.sleep(self.settings.schedule_every_seconds)

    async def fan_out_once(self) -> int:
        now = self.clock.now()
        async with self.db.sessionmaker() as session, session.begin():
            calendar = await load_calendar(session)
            taken, _ = await fan_out(
                session,
                now=now,
                email_at=calendar.next_window_open(now, self.window),
                digest_at=calendar.next_morning_opening(now, self.window),
                email=self.engine.smtp is not None,
            )
        return taken

    async def deliver(self) -> None:
        while True:
            busy = await self.fan_out_once()
            busy += await self.engine.deliver_batch()
            busy += await self.engine.send_digests()
            if not busy:
                await asyncio.sleep(self.settings.idle_seconds)

    async def run(self) -> None:
        loops: list[Callable[[], Awaitable[None]]] = [self.follow, self.schedule, self.deliver]
        await asyncio.gather(*(_forever(loop) for loop in loops))


async def _forever(loop: Callable[[], Awaitable[None]]) -> None:
    """A loop that fails (the database restarting, say) starts again after a pause instead of ending the worker."""
    while True:
        try:
            await loop()
            return
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("worker loop failed; restarting", loop=getattr(loop, "__name__", "?"))
            await asyncio.sleep(2)


async def _probe(db: Database, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """/health: the process answers; /ready: and its database does. Enough HTTP for a kubelet probe."""
    try:
        request = await asyncio.wait_for(reader.readline(), 5)
        status = "200 OK"
        if b" /ready" in request:
            try:
                await asyncio.wait_for(db.ping(), 3)
            except Exception:
                status = "503 Service Unavailable"
        writer.write(f"HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
    except (TimeoutError, ConnectionError):
        pass
    finally:
        writer.close()


async def work(settings: Settings) -> None:
    configure_logging("notifications-worker", settings.log_level, settings.log_format)
    db = Database(settings.database_url, schema="notifications", application_name="notifications-worker", pool_size=4)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    probes = None
    if settings.worker_health_port is not None:
        probes = await asyncio.start_server(partial(_probe, db), settings.host, settings.worker_health_port)
    async with httpx.AsyncClient(timeout=10, follow_redirects=False) as http:
        runner = asyncio.create_task(Worker(settings, db, http).run())
        log.info("worker started", worker=settings.worker_id)
        await stop.wait()
        runner.cancel()
        await asyncio.gather(runner, return_exceptions=True)
    if probes is not None:
        probes.close()
    await db.dispose()
