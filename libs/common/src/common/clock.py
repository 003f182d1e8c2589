"""The province's calendar: dates users read and deadlines are days in Asia/Ho_Chi_Minh."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def today() -> date:
    return datetime.now(VIETNAM).date()


def vn_date(day: date) -> str:
    """A date as users read it: dd/mm/yyyy."""
    return day.strftime("%d/%m/%Y")
