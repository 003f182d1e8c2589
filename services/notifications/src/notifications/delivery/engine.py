"""The delivery engine: any number of workers claim due deliveries with `FOR UPDATE SKIP LOCKED`, each claim
for a lease; a worker that dies leaves claims that expire and another worker takes them over.

An inbox item is written in the same transaction that marks its delivery sent, and only while the worker still
holds the claim, so it exists exactly once. E-mail and webhooks leave the database: a worker that dies between
sending and recording could send one twice, so each carries a stable id (Message-ID, X-TienDo-Delivery) that
lets the receiver drop a repeat. Failures are retried with exponential backoff, then dead-lettered."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
import structlog
from common.clock import VIETNAM, vn_date
from sqlalchemy import text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from notifications.calendar.workdays import SendWindow
from notifications.channel.email import SmtpConfig, send_email
from notifications.channel.errors import DeliveryFailed
from notifications.channel.templates import Rendered, render, render_digest
from notifications.channel.webhook import backoff_seconds, post_webhook
from notifications.clock import Clock
from notifications.models import Delivery, InboxItem

log = structlog.get_logger("delivery")
INBOX_CHANNEL = "notifications_inbox"
STALE = "Không gửi: hạn đã thay đổi hoặc nhiệm vụ đã xong trước khi đến lượt gửi."

# The notice columns every delivery needs, and whether a task reminder still holds.
_NOTICE = """
    n.subject_type, n.subject_id, n.event_type, n.context, n.link, n.reminder, n.urgent, n.created_at AS noticed_at,
    (n.reminder AND n.task_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM notifications.deadlines x
        WHERE x.task_id = n.task_id AND x.agency_id = n.holder_agency_id AND x.open AND x.due_on = n.due_on)) AS stale,
    u.full_name, u.email
"""

_CLAIM = f"""
WITH claimed AS (
    UPDATE notifications.deliveries d
    SET status = 'sending', claimed_by = :worker, claimed_until = :until, attempts = d.attempts + 1
    WHERE d.id IN (
        SELECT id FROM notifications.deliveries
        WHERE status IN ('pending', 'sending') AND next_attempt_at <= :now AND channel <> 'digest'
          AND (status = 'pending' OR claimed_until < :now)
        ORDER BY next_attempt_at, id
        LIMIT :limit
        FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.notice_id, d.recipient_id, d.channel, d.attempts
)
SELECT c.id, c.recipient_id, c.channel, c.attempts, {_NOTICE}, w.url, w.secret, w.active AS webhook_active
FROM claimed c
JOIN notifications.notices n ON n.id = c.notice_id
LEFT JOIN notifications.users u ON c.channel <> 'webhook' AND u.id = c.recipient_id
LEFT JOIN notifications.webhooks w ON c.channel = 'webhook' AND w.id = c.recipient_id
ORDER BY c.id
"""  # noqa: S608  (composed of the constants above, nothing from outside)

_DIGEST_PEOPLE = """
SELECT DISTINCT recipient_id FROM notifications.deliveries
WHERE channel = 'digest' AND status = 'pending' AND next_attempt_at <= :now
LIMIT :limit
"""

_DIGEST_ITEMS = f"""
SELECT d.id, d.attempts, {_NOTICE}
FROM notifications.deliveries d
JOIN notifications.notices n ON n.id = d.notice_id
JOIN notifications.users u ON u.id = d.recipient_id
WHERE d.recipient_id = :user AND d.channel = 'digest' AND d.status = 'pending' AND d.next_attempt_at <= :now
ORDER BY d.id
FOR UPDATE OF d SKIP LOCKED
"""  # noqa: S608  (composed of the constants above, nothing from outside)


@dataclass
class Engine:
    sessionmaker: async_sessionmaker[AsyncSession]
    clock: Clock
    worker: str
    public_url: str
    window: SendWindow
    smtp: SmtpConfig | None
    http: httpx.AsyncClient
    production: bool
    batch_size: int = 100
    claim_seconds: float = 120.0
    max_attempts: int = 6
    retry_base: float = 60.0
    retry_cap: float = 6 * 3600.0

    # ---- claiming and dispatch

    async def deliver_batch(self) -> int:
        """Claim a batch and deliver it; returns how many were claimed (0: nothing is due)."""
        now = self.clock.now()
        async with self.sessionmaker() as session, session.begin():
            rows = (
                await session.execute(
                    text(_CLAIM),
                    {
                        "worker": self.worker,
                        "now": now,
                        "until": now + timedelta(seconds=self.claim_seconds),
                        "limit": self.batch_size,
                    },
                )
            ).all()
        for row in rows:
            await self._deliver(row)
        return len(rows)

    async def _deliver(self, row: Row[Any]) -> None:
        if row.stale:
            await self._finish(row.id, "skipped", error=STALE)
            return
        try:
            if row.channel == "inbox":
                await self._inbox(row)
            elif row.channel == "email":
                await self._email(row)
            elif row.channel == "webhook":
                await self._webhook(row)
        except DeliveryFailed as failure:
            await self._failed(row.id, row.attempts, failure)
        except Exception as exc:  # a bug or an outage must not lose the delivery: it is retried like a failure
            log.exception("delivery error", delivery=row.id)
            await self._failed(row.id, row.attempts, DeliveryFailed(f"Lỗi: {type(exc).__name__}", retryable=True))

    def rendered(self, row: Row[Any]) -> Rendered:
        return render(row.event_type, self.context(row))

    def context(self, row: Row[Any]) -> dict[str, Any]:
        return dict(row.context) | {
            "recipient_name": row.full_name or "",
            "link": self.absolute(row.link),
            "app_name": "Tiến Độ",
        }

    def absolute(self, link: str | None) -> str | None:
        return f"{self.public_url.rstrip('/')}{link}" if link else None

    # ---- channels

    async def _inbox(self, row: Row[Any]) -> None:
        rendered = self.rendered(row)
        now = self.clock.now()
        async with self.sessionmaker() as session, session.begin():
            if not await self._mark_sent(session, row.id, now):
                return  # the claim expired and another worker has it now: it writes the item
            if row.reminder:
                # One live unread reminder per subject and person: the newer replaces it.
                key = f"inbox:{row.recipient_id}:{row.subject_type}:{row.subject_id}"
                await session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": key})
                await session.execute(
                    update(InboxItem)
                    .where(
                        InboxItem.user_id == row.recipient_id,
                        InboxItem.subject_type == row.subject_type,
                        InboxItem.subject_id == row.subject_id,
                        InboxItem.reminder,
                        InboxItem.read_at.is_(None),
                        InboxItem.superseded_at.is_(None),
                    )
                    .values(superseded_at=now)
                )
            await session.execute(
                insert(InboxItem)
                .values(
                    user_id=row.recipient_id,
                    delivery_id=row.id,
                    event_type=row.event_type,
                    subject_type=row.subject_type,
                    subject_id=row.subject_id,
                    title=rendered.subject,
                    summary=rendered.summary,
                    link=row.link,
                    reminder=row.reminder,
                    urgent=row.urgent,
                    created_at=now,
                )
                .on_conflict_do_nothing(index_elements=[InboxItem.delivery_id])
            )
            await session.execute(
                text("SELECT pg_notify(:channel, :user)"), {"channel": INBOX_CHANNEL, "user": str(row.recipient_id)}
            )

    async def _email(self, row: Row[Any]) -> None:
        if self.smtp is None:
            await self._finish(row.id, "skipped", error="Không gửi: chưa cấu hình máy chủ thư (SMTP).")
            return
        if not row.email:
            await self._finish(row.id, "skipped", error="Không gửi: người nhận chưa có địa chỉ thư.")
            return
        await send_email(self.smtp, row.email, self.rendered(row), message_id=message_id(f"delivery-{row.id}"))
        await self._finish(row.id, "sent")

    async def _webhook(self, row: Row[Any]) -> None:
        if not row.webhook_active:
            await self._finish(row.id, "skipped", error="Không gửi: webhook đã bị tắt hoặc xoá.")
            return
        rendered = self.rendered(row)
        payload = {
            "id": str(row.id),
            "event_type": row.event_type,
            "occurred_at": row.noticed_at.isoformat(),
            "subject": {"type": row.subject_type, "id": row.subject_id},
            "title": rendered.subject,
            "summary": rendered.summary,
            "link": self.absolute(row.link),
            "data": dict(row.context),
        }
        await post_webhook(
            self.http,
            row.url,
            row.secret,
            row.event_type,
            str(row.id),
            payload,
            now=int(time.time()),  # real time: the receiver checks it against its own clock
            production=self.production,
        )
        await self._finish(row.id, "sent")

    # ---- the daily digest

    async def send_digests(self) -> int:
        """One e-mail per person with every digest item due; returns how many people got one."""
        now = self.clock.now()
        async with self.sessionmaker() as session:
            people = (await session.scalars(text(_DIGEST_PEOPLE), {"now": now, "limit": self.batch_size})).all()
        sent = 0
        for user in people:
            sent += await self._digest(user, now)
        return sent

    async def _digest(self, user: uuid.UUID, now: datetime) -> int:
        async with self.sessionmaker() as session, session.begin():
            lock = text("SELECT pg_try_advisory_xact_lock(hashtext(:k))")
            if not await session.scalar(lock, {"k": f"digest:{user}"}):
                return 0  # another worker is sending this person's digest
            rows = (await session.execute(text(_DIGEST_ITEMS), {"user": user, "now": now})).all()
            live = [r for r in rows if not r.stale]
            stale = [r.id for r in rows if r.stale]
            if stale:
                await session.execute(
                    update(Delivery).where(Delivery.id.in_(stale)).values(status="skipped", last_error=STALE)
                )
            if not live:
                return 0
            ids = [r.id for r in live]
            if self.smtp is None or not live[0].email:
                reason = (
                    "Không gửi: chưa cấu hình máy chủ thư (SMTP)." if self.smtp is None else "Không có địa chỉ thư."
                )
                await session.execute(
                    update(Delivery).where(Delivery.id.in_(ids)).values(status="skipped", last_error=reason)
                )
                return 0
            digest = render_digest(
                live[0].full_name or "",
                vn_date(now.astimezone(VIETNAM).date()),  # the province's day, not UTC's
                [self.rendered(r) for r in live],
                [self.absolute(r.link) for r in live],
            )
            attempts = max(r.attempts for r in live) + 1
            try:
                await send_email(self.smtp, live[0].email, digest, message_id=message_id(f"digest-{user}-{ids[0]}"))
            except DeliveryFailed as failure:
                values = self._retry_values(attempts, failure)
                await session.execute(update(Delivery).where(Delivery.id.in_(ids)).values(attempts=attempts, **values))
                return 0
            await session.execute(
                update(Delivery)
                .where(Delivery.id.in_(ids))
                .values(status="sent", sent_at=now, attempts=attempts, last_error=None)
            )
            return 1

    # ---- bookkeeping

    async def _mark_sent(self, session: AsyncSession, delivery_id: int, now: datetime) -> bool:
        result = await session.execute(
            update(Delivery)
            .where(Delivery.id == delivery_id, Delivery.status == "sending", Delivery.claimed_by == self.worker)
            .values(status="sent", sent_at=now, claimed_until=None, last_error=None)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def _finish(self, delivery_id: int, status: str, *, error: str | None = None) -> None:
        async with self.sessionmaker() as session, session.begin():
            await session.execute(
                update(Delivery)
                .where(Delivery.id == delivery_id, Delivery.claimed_by == self.worker)
                .values(
                    status=status,
                    sent_at=self.clock.now() if status == "sent" else None,
                    claimed_until=None,
                    last_error=error,
                )
            )

    def _retry_values(self, attempts: int, failure: DeliveryFailed) -> dict[str, Any]:
        if not failure.retryable or attempts >= self.max_attempts:
            return {"status": "dead", "last_error": failure.reason, "claimed_until": None}
        wait = backoff_seconds(attempts, base=self.retry_base, cap=self.retry_cap)
        return {
            "status": "pending",
            "last_error": failure.reason,
            "claimed_until": None,
            "next_attempt_at": self.clock.now() + timedelta(seconds=wait),
        }

    async def _failed(self, delivery_id: int, attempts: int, failure: DeliveryFailed) -> None:
        log.warning("delivery failed", delivery=delivery_id, attempts=attempts, reason=failure.reason)
        async with self.sessionmaker() as session, session.begin():
            await session.execute(
                update(Delivery)
                .where(Delivery.id == delivery_id, Delivery.claimed_by == self.worker)
                .values(**self._retry_values(attempts, failure))
            )


def message_id(key: str) -> str:
    return f"<{key}@tiendo>"
