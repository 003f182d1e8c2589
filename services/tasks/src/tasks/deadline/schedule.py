"""What a parsed deadline means on the calendar: the next date something is due, and a Vietnamese summary."""

from __future__ import annotations

import calendar
from datetime import date

from tasks.deadline.parser import Deadline, DeadlineKind, Frequency, Recurrence

# Ongoing tasks and "định kỳ" ones report at each quarter's end unless the plan says otherwise.
REPORTING_PERIOD = Recurrence(Frequency.QUARTERLY)

_EVERY = {
    Frequency.YEARLY: "Hằng năm",
    Frequency.HALF_YEARLY: "6 tháng/lần",
    Frequency.QUARTERLY: "Hằng quý",
    Frequency.MONTHLY: "Hằng tháng",
    Frequency.PERIODIC: "Định kỳ (theo kỳ báo cáo)",
}


def next_occurrence(deadline: Deadline, after: date) -> date | None:
    """The next due date strictly after `after`, or None when there is none (or none can be known)."""
    match deadline.kind:
        case DeadlineKind.DATE:
            return deadline.due if deadline.due is not None and deadline.due > after else None
        case DeadlineKind.WINDOW:
            return next((mark for mark in deadline.checkpoints if mark > after), None)
        case DeadlineKind.RECURRING:
            return _next_due(deadline, deadline.recurrence or REPORTING_PERIOD, after)
        case DeadlineKind.ONGOING:
            return _next_due(deadline, REPORTING_PERIOD, after)
        case _:
            return None


def _next_due(deadline: Deadline, recurrence: Recurrence, after: date) -> date | None:
    """The schedule's next date, not before the start (or the first due date); a first due date counts too."""
    scheduled = _next_scheduled(recurrence, after, deadline.start or deadline.due, deadline.end)
    first = deadline.due
    if first is not None and first > after and (scheduled is None or first < scheduled):
        return first
    return scheduled


def _next_scheduled(recurrence: Recurrence, after: date, floor: date | None, end: date | None) -> date | None:
    first_year = max(after.year, floor.year) if floor else after.year
    for year in (first_year, first_year + 1):  # every schedule falls due at least once a year
        if year > date.max.year:
            return None
        for month in _months(recurrence):
            day = _on(year, month, recurrence.day)
            if day > after and (floor is None or day >= floor):
                return day if end is None or day <= end else None
    return None


def _on(year: int, month: int, day: int | None) -> date:
    """That day of the month, or its last day when the month is shorter (31 → 30/06) or no day is set."""
    return date(year, month, min(day or 31, calendar.monthrange(year, month)[1]))


def _months(recurrence: Recurrence) -> range:
    """The months it falls due in, in order: "month" is the first of them in the year."""
    if recurrence.frequency is Frequency.MONTHLY:
        return range(1, 13)
    if recurrence.frequency is Frequency.YEARLY:
        month = recurrence.month or 12
        return range(month, month + 1)
    step = 6 if recurrence.frequency is Frequency.HALF_YEARLY else 3
    return range(((recurrence.month or step) - 1) % step + 1, 13, step)


def describe(deadline: Deadline) -> str:
    """A short Vietnamese summary for a person, dates as dd/mm/yyyy."""
    text = _summary(deadline)
    if deadline.condition and deadline.kind is not DeadlineKind.CONDITIONAL:
        text += f"; điều kiện: {deadline.condition}"
    if deadline.needs_review and deadline.kind is not DeadlineKind.UNKNOWN:
        text += " (cần kiểm tra)"
    return text


def _summary(deadline: Deadline) -> str:
    match deadline.kind:
        case DeadlineKind.DATE if deadline.due is not None:
            return f"Hạn {_dmy(deadline.due)}"
        case DeadlineKind.WINDOW if deadline.start is not None and deadline.end is not None:
            return f"Giai đoạn {_dmy(deadline.start)} – {_dmy(deadline.end)}, mốc hằng năm 31/12"
        case DeadlineKind.RECURRING if deadline.recurrence is not None:
            return ", ".join([*_repeats(deadline.recurrence), *_bounds(deadline)])
        case DeadlineKind.ONGOING:
            return ", ".join(["Thường xuyên (báo cáo theo kỳ)", *_bounds(deadline)])
        case DeadlineKind.CONDITIONAL:
            return f"Chờ điều kiện: {deadline.condition or deadline.text}"
        case _:
            return "Chưa xác định — cần nhập ngày"


def _repeats(recurrence: Recurrence) -> list[str]:
    parts = [_EVERY[recurrence.frequency]]
    if recurrence.day is not None:
        days = [_on(2000, month, recurrence.day) for month in _months(recurrence)]  # a leap year keeps 29/02
        parts.append("trước " + ", ".join(f"{d.day:02d}/{d.month:02d}" for d in days))
    elif recurrence.month is not None and recurrence.frequency is Frequency.YEARLY:
        parts.append(f"tháng {recurrence.month}")
    return parts


def _bounds(deadline: Deadline) -> list[str]:
    parts = []
    if deadline.due is not None:
        parts.append(f"hạn đầu {_dmy(deadline.due)}")
    elif deadline.start is not None:
        parts.append(f"từ {_dmy(deadline.start)}")
    if deadline.end is not None:
        parts.append(f"đến {_dmy(deadline.end)}")
    return parts


def _dmy(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
