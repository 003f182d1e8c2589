"""Reporting periods (quarter, half-year, year), their codes and labels, and the dates reports are due.

The default deadlines follow the plans: quarterly reports before day 10 of the quarter's last month, half-year
reports before 01/6 and 01/12, annual reports before 15/12. "Before" a date means that date is already late.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from common.clock import VIETNAM

from indicators.vocabulary import Periodicity

ROMAN = ("I", "II", "III", "IV")
COUNT = {Periodicity.QUARTER: 4, Periodicity.HALF_YEAR: 2, Periodicity.YEAR: 1}
MONTHS = {Periodicity.QUARTER: 3, Periodicity.HALF_YEAR: 6, Periodicity.YEAR: 12}
SUFFIX = {Periodicity.QUARTER: "Q", Periodicity.HALF_YEAR: "H"}
CODE = re.compile(r"(\d{4})(?:-([QH])(\d))?")


@dataclass(frozen=True)
class Period:
    year: int
    kind: Periodicity
    number: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.number <= COUNT[self.kind]:
            raise ValueError(f"Kỳ báo cáo không hợp lệ: số thứ tự {self.number} không có trong năm")
        if not 1900 <= self.year <= 9999:
            raise ValueError(f"Năm {self.year} của kỳ báo cáo không hợp lệ")

    @property
    def code(self) -> str:
        if self.kind is Periodicity.YEAR:
            return str(self.year)
        return f"{self.year}-{SUFFIX[self.kind]}{self.number}"

    @property
    def label(self) -> str:
        if self.kind is Periodicity.QUARTER:
            return f"Quý {ROMAN[self.number - 1]}/{self.year}"
        if self.kind is Periodicity.HALF_YEAR:
            return f"6 tháng {'đầu' if self.number == 1 else 'cuối'} năm {self.year}"
        return f"Năm {self.year}"

    @property
    def first_month(self) -> int:
        return (self.number - 1) * MONTHS[self.kind] + 1

    @property
    def start(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        last_month = self.first_month + MONTHS[self.kind] - 1
        return date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    def next(self) -> Period:
        if self.number < COUNT[self.kind]:
            return Period(self.year, self.kind, self.number + 1)
        return Period(self.year + 1, self.kind, 1)


def parse_period(code: str) -> Period:
    """ "2026-Q1", "2026-H2" or "2026" → the period; a ValueError in Vietnamese for anything else."""
    found = CODE.fullmatch(code.strip().upper())
    problem = f"Mã kỳ báo cáo không hợp lệ: «{code}» (dạng đúng: 2026-Q1, 2026-H2 hoặc 2026)"
    if found is None:
        raise ValueError(problem)
    year, letter, number = found.groups()
    if letter is None:
        return Period(int(year), Periodicity.YEAR)
    kind = Periodicity.QUARTER if letter == "Q" else Periodicity.HALF_YEAR
    try:
        return Period(int(year), kind, int(number))
    except ValueError:
        raise ValueError(problem) from None


def current_period(kind: Periodicity, today: date) -> Period:
    """The period of this kind that contains the day."""
    return Period(today.year, kind, (today.month - 1) // MONTHS[kind] + 1)


def periods_between(kind: Periodicity, first: Period, last: Period) -> list[Period]:
    """The periods of this kind from the one holding first's start to the one holding last's end; [] if reversed."""
    found: list[Period] = []
    period = current_period(kind, first.start)
    while period.start <= last.end:
        found.append(period)
        period = period.next()
    return found


class ScheduleError(ValueError):
    """A report schedule that cannot be used; the message is for the user, in Vietnamese."""


@dataclass(frozen=True)
class MonthDay:
    month: int
    day: int

    def check(self, where: str) -> None:
        if not 1 <= self.month <= 12:
            raise ScheduleError(f"Lịch báo cáo: tháng của «{where}» phải từ 1 đến 12")
        _check_day(self.day, [self.month], where)

    def to_json(self) -> dict[str, int]:
        return {"month": self.month, "day": self.day}


@dataclass(frozen=True)
class ReportSchedule:
    """When the reports of a plan are due, each as the first date that is already late."""

    quarter_month: int = 3  # the month of the quarter (1–3) holding the date
    quarter_day: int = 10
    half_year: tuple[MonthDay, MonthDay] = (MonthDay(6, 1), MonthDay(12, 1))
    year: MonthDay = MonthDay(12, 15)

    def __post_init__(self) -> None:
        if not 1 <= self.quarter_month <= 3:
            raise ScheduleError("Lịch báo cáo: «quarter.month_of_quarter» phải từ 1 đến 3")
        _check_day(self.quarter_day, [self.quarter_month + 3 * q for q in range(4)], "quarter")
        first, second = self.half_year
        first.check("half_year[0]")
        second.check("half_year[1]")
        if (first.month, first.day) >= (second.month, second.day):
            raise ScheduleError("Lịch báo cáo: hạn 6 tháng đầu năm phải trước hạn 6 tháng cuối năm")
        self.year.check("year")

    def late_from(self, period: Period) -> date:
        """The first day a report for the period is late."""
        if period.kind is Periodicity.QUARTER:
            return date(period.year, period.first_month + self.quarter_month - 1, self.quarter_day)
        mark = self.half_year[period.number - 1] if period.kind is Periodicity.HALF_YEAR else self.year
        return date(period.year, mark.month, mark.day)

    def due_on(self, period: Period) -> date:
        """The last day a report for the period is still on time."""
        return self.late_from(period) - timedelta(days=1)

    def to_json(self) -> dict[str, Any]:
        return {
            "quarter": {"month_of_quarter": self.quarter_month, "day": self.quarter_day},
            "half_year": [mark.to_json() for mark in self.half_year],
            "year": self.year.to_json(),
        }

    @classmethod
    def from_json(cls, data: object) -> ReportSchedule:
        """Read the schedule a plan stores; None or a missing part keeps the default of the documents."""
        if data is None:
            return cls()
        if not isinstance(data, Mapping):
            raise ScheduleError("Lịch báo cáo phải là một đối tượng JSON")
        unknown = sorted(set(data) - {"quarter", "half_year", "year"})
        if unknown:
            raise ScheduleError(f"Lịch báo cáo có mục không hợp lệ: {', '.join(map(str, unknown))}")
        default = cls()
        quarter = _object(data.get("quarter", default.to_json()["quarter"]), "quarter", ("month_of_quarter", "day"))
        return cls(
            quarter_month=quarter["month_of_quarter"],
            quarter_day=quarter["day"],
            half_year=_half_year(data.get("half_year", default.to_json()["half_year"])),
            year=_month_day(data.get("year", default.to_json()["year"]), "year"),
        )


def _check_day(day: int, months: list[int], where: str) -> None:
    """The day must exist in every month it applies to, in any year (so 29/2 is refused)."""
    for month in months:
        last = calendar.monthrange(2001, month)[1]
        if not 1 <= day <= last:
            raise ScheduleError(f"Lịch báo cáo: ngày {day} của «{where}» không có trong tháng {month}")


def _object(raw: object, where: str, keys: tuple[str, ...]) -> dict[str, int]:
    """A JSON object with exactly these integer keys."""
    if not isinstance(raw, Mapping) or set(raw) != set(keys):
        raise ScheduleError(f"Lịch báo cáo: «{where}» phải có đúng các mục {', '.join(keys)}")
    values = {key: raw[key] for key in keys}
    for key, value in values.items():
        if not isinstance(value, int) or isinstance(value, bool):
            raise ScheduleError(f"Lịch báo cáo: «{where}.{key}» phải là số nguyên")
    return values


def _month_day(raw: object, where: str) -> MonthDay:
    found = _object(raw, where, ("month", "day"))
    return MonthDay(found["month"], found["day"])


def _half_year(raw: object) -> tuple[MonthDay, MonthDay]:
    if not isinstance(raw, list) or len(raw) != 2:
        raise ScheduleError("Lịch báo cáo: «half_year» phải là danh sách 2 mốc (6 tháng đầu năm, 6 tháng cuối năm)")
    return _month_day(raw[0], "half_year[0]"), _month_day(raw[1], "half_year[1]")


DEFAULT_SCHEDULE = ReportSchedule()


def is_late(period: Period, submitted_at: datetime, schedule: ReportSchedule = DEFAULT_SCHEDULE) -> bool:
    """Whether a report submitted at that instant is late, by the calendar day in Vietnam."""
    if submitted_at.tzinfo is None:
        raise ValueError("submitted_at must be timezone-aware")  # a naive time could be UTC or local: refuse to guess
    return submitted_at.astimezone(VIETNAM).date() > schedule.due_on(period)
