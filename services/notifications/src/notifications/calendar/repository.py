"""The province's calendar as stored: extra days off and make-up working days over the national holidays."""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from notifications.calendar.workdays import WorkCalendar
from notifications.models import CalendarDay, Rule


async def load_calendar(session: AsyncSession) -> WorkCalendar:
    days = (await session.scalars(select(CalendarDay))).all()
    return WorkCalendar(
        extra_days_off=[d.day for d in days if d.kind == "off"],
        extra_working_days=[d.day for d in days if d.kind == "work"],
    )


async def fingerprint(session: AsyncSession) -> str:
    """Changes when a rule or a calendar day changes: the day's reminders are then computed afresh."""
    rules = (await session.execute(select(Rule.id, Rule.version, Rule.enabled).order_by(Rule.id))).all()
    days = (await session.execute(select(CalendarDay.day, CalendarDay.kind).order_by(CalendarDay.day))).all()
    raw = json.dumps([[list(map(str, r)) for r in rules], [list(map(str, d)) for d in days]])
    return hashlib.sha256(raw.encode()).hexdigest()[:32]
