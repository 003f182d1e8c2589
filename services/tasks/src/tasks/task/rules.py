"""Pure rules about a task: the "6 rõ" check, how shares roll up into the task, how a completion is judged,
and the facts of the date (overdue, due soon) in Asia/Ho_Chi_Minh. No I/O here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

# The facts of the date use the province's calendar; re-exported for the modules that read them here.
from common.clock import VIETNAM as VIETNAM
from common.clock import today as today


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    AWAITING_CONDITION = "awaiting_condition"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    COMPLETED_ON_TIME = "completed_on_time"
    COMPLETED_AFTER_EXTENSION = "completed_after_extension"
    COMPLETED_LATE = "completed_late"
    CANCELLED = "cancelled"


STATUS_LABELS = {
    Status.NOT_STARTED: "Chưa triển khai",
    Status.IN_PROGRESS: "Đang thực hiện",
    Status.AWAITING_CONDITION: "Chờ điều kiện",
    Status.SUBMITTED: "Đã báo cáo hoàn thành, chờ thẩm định",
    Status.RETURNED: "Bị trả lại",
    Status.COMPLETED_ON_TIME: "Hoàn thành đúng hạn",
    Status.COMPLETED_AFTER_EXTENSION: "Hoàn thành sau gia hạn",
    Status.COMPLETED_LATE: "Hoàn thành trễ hạn",
    Status.CANCELLED: "Đã hủy",
}
COMPLETED = frozenset({Status.COMPLETED_ON_TIME, Status.COMPLETED_AFTER_EXTENSION, Status.COMPLETED_LATE})
CLOSED = COMPLETED | {Status.CANCELLED}
OPEN = frozenset(Status) - CLOSED
# States an agency moves its own share through by reporting; the rest are decided by a reviewer.
REPORTABLE = frozenset({Status.NOT_STARTED, Status.IN_PROGRESS, Status.AWAITING_CONDITION, Status.RETURNED})


class Clarity(StrEnum):
    """The "6 rõ" of doc 004: rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ sản phẩm, rõ thẩm quyền."""

    PERSON = "nguoi"
    WORK = "viec"
    TIME = "thoi_gian"
    RESPONSIBILITY = "trach_nhiem"
    PRODUCT = "san_pham"
    AUTHORITY = "tham_quyen"


CLARITY_LABELS = {
    Clarity.PERSON: "Rõ người — có người phụ trách cụ thể",
    Clarity.WORK: "Rõ việc — nội dung nhiệm vụ cụ thể",
    Clarity.TIME: "Rõ thời gian — có thời hạn xác định được",
    Clarity.RESPONSIBILITY: "Rõ trách nhiệm — có cơ quan chủ trì trong danh bạ",
    Clarity.PRODUCT: "Rõ sản phẩm — có kết quả, sản phẩm đầu ra",
    Clarity.AUTHORITY: "Rõ thẩm quyền — có cơ quan thẩm định, nghiệm thu",
}
MIN_WORK_WORDS = 4


@dataclass(frozen=True)
class ClarityFacts:
    responsible_person: str
    title: str
    deadline_kind: str
    deadline_needs_review: bool
    has_due_date: bool
    lead_count: int
    result: str
    reviewer_known: bool


def unclear(facts: ClarityFacts) -> list[str]:
    """Which of the 6 rõ a task misses. A conditional deadline is not yet clear time until a date is set."""
    missing: list[Clarity] = []
    if not facts.responsible_person.strip():
        missing.append(Clarity.PERSON)
    if len(facts.title.split()) < MIN_WORK_WORDS:
        missing.append(Clarity.WORK)
    time_known = facts.deadline_kind in ("date", "window", "recurring", "ongoing") or facts.has_due_date
    if not time_known or facts.deadline_needs_review:
        missing.append(Clarity.TIME)
    if facts.lead_count == 0:
        missing.append(Clarity.RESPONSIBILITY)
    if not facts.result.strip():
        missing.append(Clarity.PRODUCT)
    if not facts.reviewer_known:
        missing.append(Clarity.AUTHORITY)
    return [c.value for c in missing]


@dataclass(frozen=True)
class Share:
    status: Status
    percent: int


def roll_up(shares: Sequence[Share], *, waiting: bool = False) -> tuple[Status, int]:
    """The task's status and percent from its lead agencies' shares (coordinators help, they do not finish it)."""
    live = [s for s in shares if s.status is not Status.CANCELLED]
    if not shares:
        return (Status.AWAITING_CONDITION if waiting else Status.NOT_STARTED), 0
    if not live:
        return Status.CANCELLED, 0
    percent = round(sum(s.percent for s in live) / len(live))
    states = {s.status for s in live}
    if states <= COMPLETED:
        # The whole task is as late as its latest share.
        for worst in (Status.COMPLETED_LATE, Status.COMPLETED_AFTER_EXTENSION):
            if worst in states:
                return worst, 100
        return Status.COMPLETED_ON_TIME, 100
    if Status.RETURNED in states:
        return Status.RETURNED, percent
    if states <= COMPLETED | {Status.SUBMITTED}:
        return Status.SUBMITTED, percent
    if states & {Status.IN_PROGRESS, Status.SUBMITTED} or states & COMPLETED or percent > 0:
        return Status.IN_PROGRESS, percent
    if Status.AWAITING_CONDITION in states:
        return Status.AWAITING_CONDITION, percent
    return Status.NOT_STARTED, percent


def completion_status(submitted_on: date, due_on: date | None, extended: bool) -> Status:
    """Judged on the day the agency reported it done, not the day the reviewer got to it."""
    if due_on is None or submitted_on <= due_on:
        return Status.COMPLETED_AFTER_EXTENSION if extended else Status.COMPLETED_ON_TIME
    return Status.COMPLETED_LATE


def is_overdue(status: str, due_on: date | None, on: date) -> bool:
    return status in OPEN and status != Status.SUBMITTED and due_on is not None and due_on < on
