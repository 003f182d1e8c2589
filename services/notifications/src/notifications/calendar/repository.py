"""The province's calendar as stored: extra days off and make-up working days over the national holidays."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from notifications.calendar.workdays import WorkCalendar
from notifications.models import CalendarDay


async def load_calendar(session: AsyncSession) -> WorkCalendar:
    days = (await session.scalars(select(CalendarDay))).all()
    return WorkCalendar(
        extra_days_off=[d.day for d in days if d.kind == "off"],
        extra_working_days=[d.day for d in days if d.kind == "work"],
    )
