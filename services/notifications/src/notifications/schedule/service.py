"""One round of the scheduler: today's reminders, computed by one worker at a time."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

from sqlalchemy import func, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from notifications.calendar.repository import load_calendar
from notifications.calendar.workdays import WorkCalendar
from notifications.clock import Clock
from notifications.models import ScheduleRun
from notifications.rule.book import RuleBook
from notifications.schedule.due import schedule_reports, schedule_tasks

OVERLAP = timedelta(minutes=10)


def fingerprint(book: RuleBook, calendar: WorkCalendar) -> str:
    """Changes when a rule or a calendar day changes: the day's reminders are then computed afresh."""
    rules = sorted((str(r.id), r.version, r.enabled) for r in book.rows)
    days = sorted(calendar.extra_off), sorted(calendar.extra_work)
    raw = json.dumps([rules, [[d.isoformat() for d in kind] for kind in days]])
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


async def schedule_round(session: AsyncSession, clock: Clock) -> int | None:
    """Write the day's reminder notices; None when another worker is at it. The first round of a day (or after a
    rule or calendar change) looks at every open deadline; later rounds only at deadlines changed since."""
    if not await session.scalar(text("SELECT pg_try_advisory_xact_lock(hashtext('notifications.schedule'))")):
        return None
    now, on = clock.now(), clock.today()
    calendar = await load_calendar(session)
    book = await RuleBook.load(session)
    mark = fingerprint(book, calendar)
    last = await session.get(ScheduleRun, on)
    # A deadline written by a feed transaction still open when the last round looked is caught by the overlap.
    since = last.ran_at - OVERLAP if last is not None and last.fingerprint == mark else None
    written = await schedule_tasks(session, on, calendar, book, now, since)
    written += await schedule_reports(session, on, calendar, book, now)
    # Rounds and deadline changes are stamped with the database's time, so a shifted demo clock cannot skew them.
    stmt = insert(ScheduleRun).values(day=on, fingerprint=mark, ran_at=func.now())
    await session.execute(
        stmt.on_conflict_do_update(index_elements=[ScheduleRun.day], set_={"fingerprint": mark, "ran_at": func.now()})
    )
    return written
