"""Reporting periods and their due dates as the indicators service publishes them with each plan's schedule
(`{"quarter": {"month_of_quarter", "day"}, "half_year": [{"month", "day"}, ...], "year": {"month", "day"}}`,
each the first day a report is late). Only what reminders need: the periods around a day and their due dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

MONTHS = {"quarter": 3, "half_year": 6, "year": 12}
ROMAN = ("I", "II", "III", "IV")
DEFAULT_SCHEDULE: dict[str, Any] = {
    "quarter": {"month_of_quarter": 3, "day": 10},
    "half_year": [{"month": 6, "day": 1}, {"month": 12, "day": 1}],
    "year": {"month": 12, "day": 15},
}


@dataclass(frozen=True)
class Period:
    kind: str
    year: int
    number: int = 1

    @property
    def code(self) -> str:
        if self.kind == "year":
            return str(self.year)
        return f"{self.year}-{'Q' if self.kind == 'quarter' else 'H'}{self.number}"

    @property
    def label(self) -> str:
        if self.kind == "quarter":
            return f"Quý {ROMAN[self.number - 1]}/{self.year}"
        if self.kind == "half_year":
            return f"6 tháng {'đầu' if self.number == 1 else 'cuối'} năm {self.year}"
        return f"Năm {self.year}"

    def shifted(self, by: int) -> Period:
        count = 12 // MONTHS[self.kind]
        index = self.year * count + self.number - 1 + by
        return Period(self.kind, index // count, index % count + 1)

    def due_on(self, schedule: dict[str, Any]) -> date:
        """The last day a report is on time: the day before the schedule's first late day."""
        if self.kind == "quarter":
            mark = schedule.get("quarter") or DEFAULT_SCHEDULE["quarter"]
            late = date(self.year, (self.number - 1) * 3 + mark["month_of_quarter"], mark["day"])
        else:
            mark = (
                (schedule.get("half_year") or DEFAULT_SCHEDULE["half_year"])[self.number - 1]
                if self.kind == "half_year"
                else (schedule.get("year") or DEFAULT_SCHEDULE["year"])
            )
            late = date(self.year, mark["month"], mark["day"])
        return late - timedelta(days=1)


def periods_around(kind: str, day: date) -> list[Period]:
    """The period holding the day, the one before and the one after: every due date a reminder can be about."""
    current = Period(kind, day.year, (day.month - 1) // MONTHS[kind] + 1)
    return [current.shifted(-1), current, current.shifted(1)]
