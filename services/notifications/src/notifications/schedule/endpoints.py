"""The reminders a task's deadlines will get, day by day, as the worker will send them: what a user sees
under "Lịch nhắc" and what shows that an extension moved the schedule."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Annotated

from common.auth import CurrentPrincipal
from common.db import SessionDep
from common.errors import Forbidden, NotAuthenticated, NotFound, problem_responses
from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, Field
from sqlalchemy import select

from notifications.calendar.repository import load_calendar
from notifications.calendar.workdays import WorkCalendar
from notifications.clock import Clock
from notifications.models import Deadline, TaskShare
from notifications.rule.book import RuleBook
from notifications.rule.firing import ReminderParams, RuleKey, reminder_firings
from notifications.schedule.due import TASK_EVENTS

router = APIRouter(prefix="/api/v1/notifications/tasks", tags=["notifications"])
# How far past the deadline the schedule is shown: the first overdue reminders.
AFTER_DUE = timedelta(days=14)


class TaskNotFound(NotFound):
    code = "task-not-found"
    title = "Không có nhiệm vụ này"


class UpcomingReminder(BaseModel):
    agency_id: uuid.UUID = Field(description="Cơ quan chủ trì được nhắc")
    due_on: date = Field(description="Hạn đang theo dõi")
    day: date = Field(description="Ngày gửi nhắc (ngày làm việc)")
    event_type: str
    offset: int = Field(description="Số ngày làm việc còn lại đến hạn (âm: đã quá hạn)")


def upcoming(
    deadline: Deadline, params: ReminderParams, key: RuleKey, today: date, cal: WorkCalendar
) -> list[UpcomingReminder]:
    """Walk the days as the scheduler does; each tier is sent on the first day the deadline is in it."""
    assert deadline.due_on is not None
    found: list[UpcomingReminder] = []
    seen: set[str] = set()
    day = today
    while day <= deadline.due_on + AFTER_DUE:
        for f in reminder_firings(params, day, cal):
            if f.due == deadline.due_on and f.occurrence not in seen:
                seen.add(f.occurrence)
                found.append(
                    UpcomingReminder(
                        agency_id=deadline.agency_id,
                        due_on=deadline.due_on,
                        day=day,
                        event_type=TASK_EVENTS[key][f.moment],
                        offset=f.offset,
                    )
                )
        day += timedelta(days=1)
    return found


@router.get(
    "/{task_id}/reminders",
    summary="Lịch nhắc hạn sắp tới của một nhiệm vụ (theo ngày làm việc và quy tắc đang áp dụng)",
    responses=problem_responses(NotAuthenticated, Forbidden, TaskNotFound),
)
async def task_reminders(
    request: Request, session: SessionDep, principal: CurrentPrincipal, task_id: Annotated[uuid.UUID, Path()]
) -> list[UpcomingReminder]:
    deadlines = (await session.scalars(select(Deadline).where(Deadline.task_id == task_id))).all()
    agencies = set((await session.scalars(select(TaskShare.agency_id).where(TaskShare.task_id == task_id))).all())
    agencies |= {d.reviewer_agency_id for d in deadlines if d.reviewer_agency_id}
    if not deadlines or not (principal.province_wide or agencies & principal.agency_subtree):
        raise TaskNotFound("Không có nhiệm vụ này, hoặc bạn không được xem.")
    today = Clock(request.app.state.settings.clock_shift).today()
    cal, book = await load_calendar(session), await RuleBook.load(session)
    found: list[UpcomingReminder] = []
    for deadline in deadlines:
        if not deadline.open or deadline.due_on is None:
            continue
        key = RuleKey.TASK_REPORT if deadline.periodic else RuleKey.TASK_DUE
        rule = book.resolve(key, plan_id=deadline.plan_id, agency_id=deadline.agency_id)
        if rule.enabled:
            found.extend(upcoming(deadline, rule.params, key, today, cal))
    return sorted(found, key=lambda r: (r.day, str(r.agency_id)))
