"""The reminder rules and the days they fire. Pure: a rule's parameters, a day and the working-day calendar give
the due dates that get a reminder that day, with how far they are from it in working days.

A deadline on a day off ends on the next working day; "due in N working days" fires N working days before
that day, "due today" on it, "overdue" on the first working day after it and then every few working days;
escalation fires once at each level's count of working days overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from notifications.calendar.workdays import WorkCalendar

# Overdue reminders stop after a year of working days: by then the deadline is a matter for a meeting.
MAX_OVERDUE = 260
# A one-off reminder (late once, an escalation level) missed on its day is still sent this many days later,
# but no later: a new installation does not announce every old lateness at once.
CATCH_UP = 3


class RuleKey(StrEnum):
    TASK_DUE = "task.due"
    TASK_REPORT = "task.report_due"
    TASK_ESCALATION = "task.escalation"
    INDICATOR_REPORT = "indicator.report"
    TASK_ASSIGNED = "task.assigned"
    TASK_RETURNED = "task.returned"
    TASK_EXTENSION = "task.extension_decided"
    TASK_DIRECTIVE = "task.directive"
    TASK_COMMENTED = "task.commented"
    VALUE_RETURNED = "indicator.value_returned"
    VALUE_ACCEPTED = "indicator.value_accepted"


RULE_LABELS: dict[RuleKey, str] = {
    RuleKey.TASK_DUE: "Nhắc hạn nhiệm vụ: sắp đến hạn, đến hạn, quá hạn",
    RuleKey.TASK_REPORT: "Nhắc báo cáo định kỳ của nhiệm vụ thường xuyên, hằng năm",
    RuleKey.TASK_ESCALATION: "Báo cáo cấp trên khi nhiệm vụ quá hạn kéo dài",
    RuleKey.INDICATOR_REPORT: "Nhắc báo cáo số liệu chỉ tiêu theo kỳ",
    RuleKey.TASK_ASSIGNED: "Được giao hoặc phân cấp nhiệm vụ",
    RuleKey.TASK_RETURNED: "Kết quả nhiệm vụ bị trả lại",
    RuleKey.TASK_EXTENSION: "Đề nghị gia hạn đã có quyết định",
    RuleKey.TASK_DIRECTIVE: "Ý kiến chỉ đạo gửi đơn vị",
    RuleKey.TASK_COMMENTED: "Ý kiến trao đổi gửi đơn vị",
    RuleKey.VALUE_RETURNED: "Số liệu chỉ tiêu bị trả lại để sửa",
    RuleKey.VALUE_ACCEPTED: "Số liệu chỉ tiêu được chấp nhận",
}


class ReminderParams(BaseModel):
    """Days are working days. `before` counts down to the deadline; `overdue_every` 0 means once."""

    model_config = ConfigDict(extra="forbid")

    before: list[int] = Field(default_factory=list, max_length=10, description="Nhắc trước hạn bao nhiêu ngày làm việc")
    on_day: bool = Field(True, description="Nhắc vào ngày đến hạn")
    overdue: bool = Field(True, description="Nhắc khi quá hạn")
    overdue_every: int = Field(
        0, ge=0, le=60, description="Nhắc lại sau mỗi chừng ấy ngày làm việc quá hạn (0: một lần)"
    )
    open_before: int | None = Field(
        None, ge=1, le=120, description="Báo mở kỳ báo cáo trước hạn bao nhiêu ngày làm việc (chỉ tiêu)"
    )

    @field_validator("before")
    @classmethod
    def _days(cls, days: list[int]) -> list[int]:
        if any(not 1 <= d <= 120 for d in days):
            raise ValueError("mỗi số ngày nhắc trước hạn phải từ 1 đến 120")
        return sorted(set(days), reverse=True)


class EscalationLevel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    after: int = Field(ge=1, le=MAX_OVERDUE, description="Số ngày làm việc quá hạn")
    to: str = Field(pattern="^(managers|reviewers|leaders)$", description="managers | reviewers | leaders")


class EscalationParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    levels: list[EscalationLevel] = Field(max_length=6)


class NoParams(BaseModel):
    model_config = ConfigDict(extra="forbid")


DEFAULTS: dict[RuleKey, BaseModel] = {
    RuleKey.TASK_DUE: ReminderParams(before=[7, 3, 1], on_day=True, overdue=True, overdue_every=3),
    RuleKey.TASK_REPORT: ReminderParams(before=[3, 1], on_day=True, overdue=True, overdue_every=3),
    RuleKey.TASK_ESCALATION: EscalationParams(
        levels=[
            EscalationLevel(after=5, to="managers"),
            EscalationLevel(after=10, to="reviewers"),
            EscalationLevel(after=20, to="leaders"),
        ]
    ),
    RuleKey.INDICATOR_REPORT: ReminderParams(
        before=[5, 1], on_day=False, overdue=True, overdue_every=0, open_before=15
    ),
} | {
    key: NoParams()
    for key in RuleKey
    if key not in {RuleKey.TASK_DUE, RuleKey.TASK_REPORT, RuleKey.TASK_ESCALATION, RuleKey.INDICATOR_REPORT}
}


def params_model(key: RuleKey) -> type[BaseModel]:
    return type(DEFAULTS[key])


class Moment(StrEnum):
    OPEN = "open"
    BEFORE = "before"
    TODAY = "today"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class Firing:
    """A deadline due on `due` is in this tier today. A tier fires once per deadline (its occurrence key), on the
    first day the deadline is seen in it, so a day the worker missed is caught up and a moved deadline is
    reminded of in the tier it lands in. `offset` is working days to the deadline, negative when overdue."""

    due: date
    moment: Moment
    tier: int
    offset: int
    level: str | None = None  # the escalation audience

    @property
    def occurrence(self) -> str:
        return f"{self.due.isoformat()}:{self.moment.value}:{self.tier}" + (f":{self.level}" if self.level else "")


def _tiers(params: ReminderParams) -> list[tuple[Moment, int, int, int]]:
    """(moment, tier, lowest offset, highest offset) for the offsets a rule covers; tiers never overlap."""
    tiers: list[tuple[Moment, int, int, int]] = []
    floor = 0 if params.on_day else -1
    marks = sorted(params.before)
    if params.open_before and (not marks or params.open_before > marks[-1]):
        tiers.append((Moment.OPEN, params.open_before, (marks[-1] if marks else floor) + 1, params.open_before))
    for i, days in enumerate(marks):
        lower = marks[i - 1] + 1 if i else floor + 1
        tiers.append((Moment.BEFORE, days, lower, days))
    if params.on_day:
        tiers.append((Moment.TODAY, 0, 0, 0))
    if params.overdue:
        if params.overdue_every == 0:
            tiers.append((Moment.OVERDUE, 1, -CATCH_UP, -1))
        else:
            for k in range(1, MAX_OVERDUE + 1, params.overdue_every):
                tiers.append((Moment.OVERDUE, k, -min(k + params.overdue_every - 1, MAX_OVERDUE), -k))
    return tiers


class _Spans:
    """The calendar dates whose effective deadline is `offset` working days from a day, walked once per day."""

    def __init__(self, on: date, low: int, high: int, cal: WorkCalendar) -> None:
        self.by_offset: dict[int, tuple[date, date]] = {}
        day = cal.add_working_days(on, low)
        for offset in range(low, high + 1):
            self.by_offset[offset] = cal.dues_ending_on(day)
            day = cal.next_working_day(day, include=False)

    def covering(self, low: int, high: int) -> list[tuple[date, int]]:
        found: list[tuple[date, int]] = []
        for offset in range(low, high + 1):
            first, last = self.by_offset[offset]
            found.extend((first + timedelta(days=n), offset) for n in range((last - first).days + 1))
        return found


def reminder_firings(params: ReminderParams, on: date, cal: WorkCalendar) -> list[Firing]:
    """What is in a tier on `on`; nothing fires on a day off."""
    tiers = _tiers(params)
    if not cal.is_working_day(on) or not tiers:
        return []
    spans = _Spans(on, min(t[2] for t in tiers), max(t[3] for t in tiers), cal)
    return [
        Firing(due, moment, tier, offset)
        for moment, tier, low, high in tiers
        for due, offset in spans.covering(low, high)
    ]


def escalation_firings(params: EscalationParams, on: date, cal: WorkCalendar) -> list[Firing]:
    """Each level once, when the deadline has been overdue that many working days (caught up for a few days)."""
    if not cal.is_working_day(on) or not params.levels:
        return []
    deepest = max(level.after for level in params.levels) + CATCH_UP - 1
    spans = _Spans(on, -deepest, -1, cal)
    return [
        Firing(due, Moment.OVERDUE, level.after, offset, level.to)
        for level in params.levels
        for due, offset in spans.covering(-(level.after + CATCH_UP - 1), -level.after)
    ]
