"""On which days each rule fires for a deadline, walking the calendar day by day as the scheduler does: a tier
fires on the first day the deadline is in it; nothing fires on a day off; a missed day is caught up."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from notifications.calendar.workdays import WorkCalendar
from notifications.rule.firing import (
    DEFAULTS,
    EscalationParams,
    ReminderParams,
    RuleKey,
    escalation_firings,
    reminder_firings,
)

CAL = WorkCalendar(around=2026)


def d(text: str) -> date:
    day, month, year = map(int, text.split("/"))
    return date(year, month, day)


def firing_days(
    params: ReminderParams | EscalationParams, due: date, start: date, end: date, skip: frozenset[date] = frozenset()
) -> list[tuple[str, str, int]]:
    """(day, moment, offset) of the first firing of each occurrence, running once a day except on `skip`."""
    seen: dict[str, tuple[date, str, int]] = {}
    day = start
    while day <= end:
        if day not in skip:
            if isinstance(params, EscalationParams):
                firings = escalation_firings(params, day, CAL)
            else:
                firings = reminder_firings(params, day, CAL)
            for f in firings:
                if f.due == due and f.occurrence not in seen:
                    seen[f.occurrence] = (day, f.moment.value + (f":{f.level}" if f.level else ""), f.offset)
        day += timedelta(days=1)
    return [(day.strftime("%d/%m"), moment, offset) for day, moment, offset in sorted(seen.values())]


class TestTaskDue:
    PARAMS = DEFAULTS[RuleKey.TASK_DUE]

    def test_due_the_tuesday_after_tet(self) -> None:
        assert firing_days(self.PARAMS, d("24/02/2026"), d("20/01/2026"), d("12/03/2026")) == [
            ("06/02", "before", 7),
            ("12/02", "before", 3),
            ("23/02", "before", 1),
            ("24/02", "today", 0),
            ("25/02", "overdue", -1),
            ("02/03", "overdue", -4),
            ("05/03", "overdue", -7),
            ("10/03", "overdue", -10),
        ]

    def test_due_on_april_30_ends_on_may_4(self) -> None:
        assert firing_days(self.PARAMS, d("30/04/2026"), d("10/04/2026"), d("06/05/2026")) == [
            ("20/04", "before", 7),  # counted back from 04/05: 27/04 (Giỗ Tổ, observed) is not a working day
            ("24/04", "before", 3),
            ("29/04", "before", 1),
            ("04/05", "today", 0),
            ("05/05", "overdue", -1),
        ]

    def test_a_missed_day_is_caught_up_the_next_working_day(self) -> None:
        days = firing_days(
            self.PARAMS, d("24/02/2026"), d("20/01/2026"), d("24/02/2026"), skip=frozenset({d("12/02/2026")})
        )
        assert ("13/02", "before", 2) in days  # the 3-day tier, a day late, says 2 days left

    def test_a_deadline_first_seen_two_days_ahead_gets_the_three_day_reminder_once(self) -> None:
        assert firing_days(self.PARAMS, d("26/11/2026"), d("23/11/2026"), d("26/11/2026")) == [
            ("23/11", "before", 2),  # 24/11 is Ngày Văn hóa Việt Nam: 25 and 26/11 are the two working days left
            ("25/11", "before", 1),
            ("26/11", "today", 0),
        ]


class TestPeriodicReport:
    def test_report_due_three_and_one_day_before_and_on_the_day(self) -> None:
        assert firing_days(DEFAULTS[RuleKey.TASK_REPORT], d("31/12/2026"), d("01/12/2026"), d("04/01/2027")) == [
            ("28/12", "before", 3),
            ("30/12", "before", 1),
            ("31/12", "today", 0),
            ("04/01", "overdue", -1),  # 1/1 is a holiday and 2–3/1 a weekend
        ]


class TestEscalation:
    def test_levels_fire_at_5_10_and_20_working_days_overdue(self) -> None:
        assert firing_days(DEFAULTS[RuleKey.TASK_ESCALATION], d("02/02/2026"), d("02/02/2026"), d("31/03/2026")) == [
            ("09/02", "overdue:managers", -5),
            ("23/02", "overdue:reviewers", -10),  # Tết: 13/02 is the 9th working day late, 23/02 the 10th
            ("09/03", "overdue:leaders", -20),
        ]

    def test_an_old_lateness_is_not_escalated_all_at_once(self) -> None:
        assert firing_days(DEFAULTS[RuleKey.TASK_ESCALATION], d("02/02/2026"), d("01/06/2026"), d("05/06/2026")) == []


class TestIndicatorReport:
    def test_quarter_report_opens_then_reminds_5_and_1_days_before_then_late_once(self) -> None:
        # Quý IV/2026 is due 09/12/2026 (late from 10/12, by the documents' schedule).
        assert firing_days(DEFAULTS[RuleKey.INDICATOR_REPORT], d("09/12/2026"), d("01/11/2026"), d("31/12/2026")) == [
            ("17/11", "open", 15),
            ("02/12", "before", 5),
            ("08/12", "before", 1),
            ("10/12", "overdue", -1),
        ]


@pytest.mark.parametrize("day", ["14/02/2026", "17/02/2026", "30/04/2026", "22/11/2026"])
def test_nothing_fires_on_a_day_off(day: str) -> None:
    assert reminder_firings(DEFAULTS[RuleKey.TASK_DUE], d(day), CAL) == []  # type: ignore[arg-type]
