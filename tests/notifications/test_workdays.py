"""The working-day calendar over Tết Bính Ngọ 2026, Giỗ Tổ and 30/4–1/5, the make-up Saturday of 2026 and the
province's own extra days; deadlines on a day off end on the next working day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from common.clock import VIETNAM
from notifications.calendar.workdays import SendWindow, WorkCalendar

CAL = WorkCalendar(around=2026)


def d(text: str) -> date:
    day, month, year = map(int, text.split("/"))
    return date(year, month, day)


class TestWorkingDays:
    @pytest.mark.parametrize(
        ("day", "working", "why"),
        [
            ("13/02/2026", True, "thứ Sáu trước Tết"),
            ("14/02/2026", False, "thứ Bảy"),
            ("16/02/2026", False, "29 Tết (giao thừa)"),
            ("17/02/2026", False, "mùng 1 Tết"),
            ("18/02/2026", False, "mùng 2 Tết"),
            ("19/02/2026", False, "mùng 3 Tết"),
            ("20/02/2026", False, "mùng 4 Tết"),
            ("22/02/2026", False, "Chủ nhật"),
            ("23/02/2026", True, "ngày làm việc đầu năm"),
            ("26/04/2026", False, "Giỗ Tổ Hùng Vương (Chủ nhật)"),
            ("27/04/2026", False, "nghỉ bù Giỗ Tổ"),
            ("28/04/2026", True, "thứ Ba"),
            ("29/04/2026", True, "thứ Tư"),
            ("30/04/2026", False, "Ngày Chiến thắng"),
            ("01/05/2026", False, "Quốc tế Lao động"),
            ("04/05/2026", True, "thứ Hai sau kỳ nghỉ"),
            ("22/08/2026", True, "thứ Bảy làm bù"),
            ("31/08/2026", False, "nghỉ thay cho thứ Bảy 22/8"),
            ("02/09/2026", False, "Quốc khánh"),
        ],
    )
    def test_day(self, day: str, working: bool, why: str) -> None:
        assert CAL.is_working_day(d(day)) is working, why

    def test_tet_holidays_have_vietnamese_names(self) -> None:
        assert CAL.holiday_name(d("17/02/2026")) == "Tết Nguyên Đán"
        assert "Giỗ Tổ Hùng Vương" in (CAL.holiday_name(d("26/04/2026")) or "")

    def test_tet_counts_no_working_day_from_friday_to_monday(self) -> None:
        assert CAL.working_days_between(d("13/02/2026"), d("23/02/2026")) == 1
        assert CAL.add_working_days(d("13/02/2026"), 1) == d("23/02/2026")
        assert CAL.add_working_days(d("23/02/2026"), -1) == d("13/02/2026")

    def test_april_30_and_may_1_weekend_is_four_days(self) -> None:
        assert CAL.add_working_days(d("29/04/2026"), 1) == d("04/05/2026")
        assert CAL.working_days_between(d("24/04/2026"), d("04/05/2026")) == 3  # 28/4, 29/4 and 4/5

    def test_deadline_on_a_day_off_ends_on_the_next_working_day(self) -> None:
        assert CAL.effective_due(d("17/02/2026")) == d("23/02/2026")
        assert CAL.effective_due(d("30/04/2026")) == d("04/05/2026")
        assert CAL.dues_ending_on(d("23/02/2026")) == (d("14/02/2026"), d("23/02/2026"))


class TestProvinceDays:
    def test_extra_day_off_and_make_up_saturday(self) -> None:
        cal = WorkCalendar(extra_days_off=[d("02/01/2026")], extra_working_days=[d("10/01/2026")], around=2026)
        assert not cal.is_working_day(d("02/01/2026"))
        assert cal.is_working_day(d("10/01/2026"))
        assert cal.add_working_days(d("31/12/2025"), 1) == d("05/01/2026")  # 01/01 holiday, 02/01 off, weekend


class TestSendingWindow:
    WINDOW = SendWindow(time(7, 30), time(17, 0))

    @pytest.mark.parametrize(
        ("utc", "expected_local"),
        [
            ("2026-11-23T02:00", "2026-11-23T09:00"),  # Monday 09:00 in Hà Nội: inside
            ("2026-11-23T00:00", "2026-11-23T07:30"),  # Monday 07:00: opens at 07:30
            ("2026-11-23T10:30", "2026-11-25T07:30"),  # Monday 17:30: 24/11 is Ngày Văn hóa Việt Nam, a holiday
            ("2026-02-13T11:00", "2026-02-23T07:30"),  # Friday before Tết, after hours: first day after Tết
        ],
    )
    def test_next_opening(self, utc: str, expected_local: str) -> None:
        moment = datetime.fromisoformat(utc).replace(tzinfo=UTC)
        opening = CAL.next_window_open(moment, self.WINDOW)
        assert opening.astimezone(VIETNAM).strftime("%Y-%m-%dT%H:%M") == expected_local
