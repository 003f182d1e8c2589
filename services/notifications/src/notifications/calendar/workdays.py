"""Vietnamese working days: Monday to Friday, minus the public holidays (Tết and Giỗ Tổ Hùng Vương follow the
lunar calendar, from the `holidays` library, make-up Saturdays included), minus the extra days off and plus
the make-up working days the province sets. Pure functions over dates; no I/O."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property

import holidays
from common.clock import VIETNAM, today

# Reminders look this far around today; the holiday table is built once for these years.
YEARS_AROUND = 3


@dataclass(frozen=True)
class SendWindow:
    """When non-urgent e-mail may go out: working days between these local times."""

    start: time = time(7, 30)
    end: time = time(17, 0)

    def __post_init__(self) -> None:
        if self.start >= self.end:
            raise ValueError("Khung giờ gửi: giờ bắt đầu phải trước giờ kết thúc")


class WorkCalendar:
    def __init__(
        self,
        extra_days_off: Iterable[date] = (),
        extra_working_days: Iterable[date] = (),
        *,
        around: int | None = None,
    ) -> None:
        self.extra_off = frozenset(extra_days_off)
        self.extra_work = frozenset(extra_working_days)
        self._around = around if around is not None else today().year

    @cached_property
    def _public(self) -> holidays.HolidayBase:
        years = range(self._around - YEARS_AROUND, self._around + YEARS_AROUND + 1)
        return holidays.country_holidays("VN", years=years, language="vi")

    def holiday_name(self, day: date) -> str | None:
        """The public holiday's Vietnamese name, or None."""
        name = self._public.get(day)
        return str(name) if name else None

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_work:
            return True
        if day in self.extra_off:
            return False
        if day in self._public.weekend_workdays:
            return True
        return day.weekday() < 5 and day not in self._public

    def next_working_day(self, day: date, *, include: bool = True) -> date:
        """The first working day on or after `day` (strictly after when include is False)."""
        day = day if include else day + timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def previous_working_day(self, day: date, *, include: bool = True) -> date:
        day = day if include else day - timedelta(days=1)
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def add_working_days(self, day: date, count: int) -> date:
        """`count` working days after (or before, when negative) the working day on or after `day`."""
        day = self.next_working_day(day)
        for _ in range(abs(count)):
            if count > 0:
                day = self.next_working_day(day, include=False)
            else:
                day = self.previous_working_day(day, include=False)
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(1 for n in range(1, (end - start).days + 1) if self.is_working_day(start + timedelta(days=n)))

    def effective_due(self, due: date) -> date:
        """A deadline that falls on a day off ends on the next working day (Bộ luật Dân sự 2015, Điều 148)."""
        return self.next_working_day(due)

    def dues_ending_on(self, working_day: date) -> tuple[date, date]:
        """The calendar dates whose effective due date is this working day: (first, last), both inclusive."""
        return self.previous_working_day(working_day, include=False) + timedelta(days=1), working_day

    def in_window(self, moment: datetime, window: SendWindow) -> bool:
        local = moment.astimezone(VIETNAM)
        return self.is_working_day(local.date()) and window.start <= local.time() < window.end

    def next_window_open(self, moment: datetime, window: SendWindow) -> datetime:
        """`moment` if it is inside the window, else when the window next opens (an aware datetime)."""
        if self.in_window(moment, window):
            return moment
        local = moment.astimezone(VIETNAM)
        day = local.date()
        if not (self.is_working_day(day) and local.time() < window.start):
            day = self.next_working_day(day, include=False)
        return datetime.combine(day, window.start, tzinfo=VIETNAM)

    def next_morning_opening(self, moment: datetime, window: SendWindow) -> datetime:
        """When the window next opens, not counting the one under way: when a daily digest goes."""
        opening = self.next_window_open(moment, window)
        if opening <= moment:
            tomorrow = moment.astimezone(VIETNAM).date() + timedelta(days=1)
            opening = self.next_window_open(datetime.combine(tomorrow, time(0), tzinfo=VIETNAM), window)
        return opening
