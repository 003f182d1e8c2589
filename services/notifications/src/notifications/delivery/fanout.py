"""From notices to deliveries: who is in each notice's audience, on which channels, and when each may go.

One statement per batch: it marks the batch's notices fanned out and writes a delivery per person and channel
(in-app inbox; e-mail, or the daily digest for people who chose it; each unless the person turned that event
off on that channel) and per subscribed webhook of the notice's agency. The unique key (notice, recipient,
channel) makes a second writer a no-op."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

_TAKE = """
UPDATE notifications.notices SET fanned_out_at = :now
WHERE id IN (
    SELECT id FROM notifications.notices WHERE fanned_out_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)
RETURNING id
"""

_FAN_OUT = """
WITH batch AS (
    SELECT id, event_type, audience, agency_id, urgent FROM notifications.notices WHERE id = ANY(:ids)
),
has_role AS (
    SELECT DISTINCT u.agency_id, r.role
    FROM notifications.users u CROSS JOIN LATERAL unnest(u.roles) AS r(role)
    WHERE u.active AND u.agency_id IN (SELECT agency_id FROM batch)
),
people AS (
    SELECT n.id AS notice_id, n.event_type, n.urgent, u.id AS user_id, u.email
    FROM batch n
    JOIN notifications.users u ON u.active AND (
        (n.audience = 'leaders' AND 'leader' = ANY(u.roles))
        OR (n.audience <> 'leaders' AND u.agency_id = n.agency_id AND (
            (n.audience = 'members' AND u.roles && ARRAY['agency_officer', 'agency_manager']::varchar[])
            OR (n.audience = 'managers' AND 'agency_manager' = ANY(u.roles))
            -- officers, or the head where the agency has no officer account
            OR (n.audience = 'officers' AND ('agency_officer' = ANY(u.roles) OR (
                'agency_manager' = ANY(u.roles) AND NOT EXISTS (
                    SELECT 1 FROM has_role h WHERE h.agency_id = n.agency_id AND h.role = 'agency_officer'))))
            -- the standing agency's coordinators, or the head of an agency that cascaded the task
            OR (n.audience = 'reviewers' AND ('coordinator' = ANY(u.roles) OR (
                'agency_manager' = ANY(u.roles) AND NOT EXISTS (
                    SELECT 1 FROM has_role h WHERE h.agency_id = n.agency_id AND h.role = 'coordinator'))))
        ))
    )
),
personal AS (
    SELECT p.notice_id, p.user_id, p.urgent,
           CASE WHEN c.channel = 'email' AND coalesce(s.digest, false) AND NOT p.urgent THEN 'digest'
                ELSE c.channel END AS channel
    FROM people p
    CROSS JOIN (VALUES ('inbox'), ('email')) AS c(channel)
    LEFT JOIN notifications.recipient_settings s ON s.user_id = p.user_id
    WHERE (c.channel = 'inbox' OR (:email AND coalesce(p.email, '') <> ''))
      AND NOT EXISTS (
          SELECT 1 FROM notifications.preferences pr
          WHERE pr.user_id = p.user_id AND pr.event_type = p.event_type AND pr.channel = c.channel AND NOT pr.enabled)
)
INSERT INTO notifications.deliveries (notice_id, recipient_id, channel, status, attempts, next_attempt_at, created_at)
SELECT notice_id, user_id, channel, 'pending', 0,
       CASE channel WHEN 'inbox' THEN CAST(:now AS timestamptz)
                    WHEN 'digest' THEN CAST(:digest_at AS timestamptz)
                    ELSE CASE WHEN urgent THEN CAST(:now AS timestamptz) ELSE CAST(:email_at AS timestamptz) END END,
       :now
FROM personal
UNION ALL
SELECT n.id, w.id, 'webhook', 'pending', 0, :now, :now
FROM batch n
JOIN notifications.webhooks w ON w.active AND w.agency_id = n.agency_id
     AND (cardinality(w.event_types) = 0 OR n.event_type = ANY(w.event_types))
ON CONFLICT DO NOTHING
"""


async def fan_out(
    session: AsyncSession, *, now: datetime, email_at: datetime, digest_at: datetime, email: bool, limit: int = 2000
) -> tuple[int, int]:
    """Turn up to `limit` new notices into deliveries; returns (notices taken, deliveries written)."""
    ids = list((await session.scalars(text(_TAKE), {"now": now, "limit": limit})).all())
    if not ids:
        return 0, 0
    result = await session.execute(
        text(_FAN_OUT), {"ids": ids, "now": now, "email_at": email_at, "digest_at": digest_at, "email": email}
    )
    return len(ids), int(result.rowcount)  # type: ignore[attr-defined]
