"""Reporting periods: codes, labels, dates, the deadlines of the documents, a plan's own schedule, lateness."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from indicators.compute.periods import (
    DEFAULT_SCHEDULE,
    MonthDay,
    Period,
    ReportSchedule,
    ScheduleError,
    current_period,
    is_late,
    parse_period,
    periods_between,
)
from indicators.vocabulary import Periodicity

P = Periodicity


@pytest.mark.parametrize(
    ("code", "period", "label", "start", "end"),
    [
        pytest.param("2026-Q1", Period(2026, P.QUARTER, 1), "Quý I/2026", date(2026, 1, 1), date(2026, 3, 31), id="Q1"),
        pytest.param(
            "2026-Q2", Period(2026, P.QUARTER, 2), "Quý II/2026", date(2026, 4, 1), date(2026, 6, 30), id="Q2"
        ),
        pytest.param(
            "2026-Q3", Period(2026, P.QUARTER, 3), "Quý III/2026", date(2026, 7, 1), date(2026, 9, 30), id="Q3"
        ),
        pytest.param(
            "2026-Q4", Period(2026, P.QUARTER, 4), "Quý IV/2026", date(2026, 10, 1), date(2026, 12, 31), id="Q4"
        ),
        pytest.param(
            "2026-H1",
            Period(2026, P.HALF_YEAR, 1),
            "6 tháng đầu năm 2026",
            date(2026, 1, 1),
            date(2026, 6, 30),
            id="H1",
        ),
        pytest.param(
            "2026-H2",
            Period(2026, P.HALF_YEAR, 2),
            "6 tháng cuối năm 2026",
            date(2026, 7, 1),
            date(2026, 12, 31),
            id="H2",
        ),
        pytest.param("2026", Period(2026, P.YEAR), "Năm 2026", date(2026, 1, 1), date(2026, 12, 31), id="year"),
    ],
)
def test_codes_labels_and_dates(code: str, period: Period, label: str, start: date, end: date) -> None:
    assert parse_period(code) == period
    assert (period.code, period.label, period.start, period.end) == (code, label, start, end)


def test_parse_is_lenient_on_case_and_spaces() -> None:
    assert parse_period(" 2026-q3 ") == Period(2026, P.QUARTER, 3)


@pytest.mark.parametrize(
    "code",
    [
        pytest.param("2026-Q5", id="no fifth quarter"),
        pytest.param("2026-H3", id="no third half"),
        pytest.param("2026-Q0", id="quarter zero"),
        pytest.param("26-Q1", id="short year"),
        pytest.param("2026Q1", id="no dash"),
        pytest.param("Quý I/2026", id="a label is not a code"),
        pytest.param("", id="empty"),
    ],
)
def test_bad_codes(code: str) -> None:
    with pytest.raises(ValueError, match="Mã kỳ báo cáo không hợp lệ"):
        parse_period(code)


def test_period_number_is_checked() -> None:
    with pytest.raises(ValueError, match="Kỳ báo cáo không hợp lệ"):
        Period(2026, P.YEAR, 2)


@pytest.mark.parametrize(
    ("kind", "today", "code"),
    [
        pytest.param(P.QUARTER, date(2026, 5, 20), "2026-Q2", id="quarter"),
        pytest.param(P.QUARTER, date(2026, 12, 31), "2026-Q4", id="last day of the year"),
        pytest.param(P.HALF_YEAR, date(2026, 6, 30), "2026-H1", id="last day of H1"),
        pytest.param(P.HALF_YEAR, date(2026, 7, 1), "2026-H2", id="first day of H2"),
        pytest.param(P.YEAR, date(2026, 1, 1), "2026", id="year"),
    ],
)
def test_current_period(kind: Periodicity, today: date, code: str) -> None:
    assert current_period(kind, today).code == code


@pytest.mark.parametrize(
    ("kind", "first", "last", "codes"),
    [
        pytest.param(P.QUARTER, "2025-Q3", "2026-Q2", ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"], id="over a year"),
        pytest.param(P.HALF_YEAR, "2025-H2", "2026-H2", ["2025-H2", "2026-H1", "2026-H2"], id="halves"),
        pytest.param(P.YEAR, "2025", "2025", ["2025"], id="one year"),
        pytest.param(P.QUARTER, "2026", "2026", ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], id="quarters of a year"),
        pytest.param(P.QUARTER, "2026-Q2", "2026-Q1", [], id="reversed is empty"),
    ],
)
def test_periods_between(kind: Periodicity, first: str, last: str, codes: list[str]) -> None:
    assert [p.code for p in periods_between(kind, parse_period(first), parse_period(last))] == codes


@pytest.mark.parametrize(
    ("code", "due"),
    [
        pytest.param("2026-Q1", date(2026, 3, 9), id="Q1 before 10/3"),
        pytest.param("2026-Q2", date(2026, 6, 9), id="Q2 before 10/6"),
        pytest.param("2026-Q3", date(2026, 9, 9), id="Q3 before 10/9"),
        pytest.param("2026-Q4", date(2026, 12, 9), id="Q4 before 10/12"),
        pytest.param("2026-H1", date(2026, 5, 31), id="H1 before 01/6"),
        pytest.param("2026-H2", date(2026, 11, 30), id="H2 before 01/12"),
        pytest.param("2026", date(2026, 12, 14), id="year before 15/12"),
    ],
)
def test_default_due_dates(code: str, due: date) -> None:
    assert DEFAULT_SCHEDULE.due_on(parse_period(code)) == due


@pytest.mark.parametrize(
    ("code", "submitted", "late"),
    [
        pytest.param("2026", "2026-12-14T16:59:59+00:00", False, id="annual 23:59 on 14/12 in Vietnam"),
        pytest.param("2026", "2026-12-14T17:30:00+00:00", True, id="annual 00:30 on 15/12 in Vietnam"),
        pytest.param("2026", "2026-12-15T06:00:00+07:00", True, id="annual on 15/12 local"),
        pytest.param("2026-Q1", "2026-03-09T23:00:00+07:00", False, id="Q1 on the last day"),
        pytest.param("2026-Q1", "2026-03-09T17:00:00+00:00", True, id="Q1 at midnight in Vietnam"),
        pytest.param("2026-H1", "2026-05-31T16:00:00+00:00", False, id="H1 23:00 on 31/5 in Vietnam"),
        pytest.param("2026-H2", "2026-12-01T00:00:00+07:00", True, id="H2 on 01/12"),
    ],
)
def test_is_late_by_the_date_in_vietnam(code: str, submitted: str, late: bool) -> None:
    assert is_late(parse_period(code), datetime.fromisoformat(submitted)) is late


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        is_late(parse_period("2026"), datetime(2026, 12, 14, 12, 0))


CUSTOM = {
    "quarter": {"month_of_quarter": 1, "day": 20},
    "half_year": [{"month": 7, "day": 15}, {"month": 12, "day": 20}],
    "year": {"month": 12, "day": 31},
}


def test_custom_schedule() -> None:
    schedule = ReportSchedule.from_json(CUSTOM)
    assert schedule.due_on(parse_period("2026-Q2")) == date(2026, 4, 19)
    assert schedule.due_on(parse_period("2026-H1")) == date(2026, 7, 14)
    assert schedule.due_on(parse_period("2026-H2")) == date(2026, 12, 19)
    assert schedule.due_on(parse_period("2026")) == date(2026, 12, 30)
    assert is_late(parse_period("2026"), datetime.fromisoformat("2026-12-30T20:00:00+07:00"), schedule) is False
    assert schedule.to_json() == CUSTOM


def test_defaults_round_trip_and_fill_gaps() -> None:
    assert ReportSchedule.from_json(None) == DEFAULT_SCHEDULE
    assert ReportSchedule.from_json(DEFAULT_SCHEDULE.to_json()) == DEFAULT_SCHEDULE
    partial = ReportSchedule.from_json({"year": {"month": 11, "day": 30}})
    assert partial == ReportSchedule(year=MonthDay(11, 30))
    assert partial.due_on(parse_period("2026-Q1")) == date(2026, 3, 9)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param([], "phải là một đối tượng JSON", id="not an object"),
        pytest.param({"monthly": {}}, "mục không hợp lệ: monthly", id="unknown key"),
        pytest.param({"quarter": {"day": 10}}, "«quarter» phải có đúng các mục", id="quarter misses a key"),
        pytest.param({"quarter": {"month_of_quarter": 4, "day": 10}}, "từ 1 đến 3", id="month of quarter 4"),
        pytest.param({"quarter": {"month_of_quarter": 3, "day": "10"}}, "phải là số nguyên", id="day as text"),
        pytest.param({"quarter": {"month_of_quarter": True, "day": 10}}, "phải là số nguyên", id="bool is no int"),
        pytest.param(
            {"quarter": {"month_of_quarter": 3, "day": 31}}, "không có trong tháng 6", id="31 not in every 3rd month"
        ),
        pytest.param({"half_year": [{"month": 6, "day": 1}]}, "danh sách 2 mốc", id="one half only"),
        pytest.param(
            {"half_year": [{"month": 12, "day": 1}, {"month": 6, "day": 1}]}, "phải trước", id="halves reversed"
        ),
        pytest.param({"year": {"month": 13, "day": 1}}, "từ 1 đến 12", id="month 13"),
        pytest.param({"year": {"month": 2, "day": 29}}, "không có trong tháng 2", id="29 February"),
    ],
)
def test_bad_schedule(data: Any, message: str) -> None:
    with pytest.raises(ScheduleError, match=message):
        ReportSchedule.from_json(data)
