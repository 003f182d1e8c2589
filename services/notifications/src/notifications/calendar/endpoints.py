"""The working-day calendar reminders count on: the national holidays, and the extra days off and make-up working
days the province sets, which the standing agency keeps here. Everyone may read it; the scheduler computes the
day's reminders afresh when a day is added or removed."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated, Literal

from common.auth import CurrentPrincipal, Principal, actor_name
from common.db import SessionDep, flush_or_conflict
from common.errors import Conflict, Forbidden, InvalidInput, NotAuthenticated, NotFound, problem_responses
from common.idempotency import Idempotency, idempotency_dependency
from common.roles import HUMAN_ROLES
from fastapi import APIRouter, Path, Query, Response
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from sqlalchemy import select

from notifications.auth import require_admin
from notifications.calendar.repository import load_calendar
from notifications.calendar.workdays import WorkCalendar
from notifications.db import idempotency_keys
from notifications.models import CalendarDay

router = APIRouter(prefix="/api/v1/notifications/calendar", tags=["notifications"])
IdempotencyDep = Annotated[Idempotency, idempotency_dependency(idempotency_keys)]

MAX_DAYS = 400
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
KIND_LABELS = {"off": "Ngày nghỉ thêm", "work": "Ngày làm việc bù"}
Kind = Literal["off", "work"]


class CalendarDayNotFound(NotFound):
    code = "calendar-day-not-found"
    title = "Không tìm thấy ngày"

    def __init__(self) -> None:
        super().__init__("Ngày này không có trong danh sách ngày nghỉ thêm, làm bù của tỉnh.")


class CalendarDayExists(Conflict):
    code = "calendar-day-exists"
    title = "Ngày đã có"

    def __init__(self) -> None:
        super().__init__("Ngày này đã có trong danh sách; hãy xoá ngày cũ trước nếu muốn đổi.")


class DayRead(BaseModel):
    date: date
    weekday: str = Field(description="Thứ trong tuần, bằng tiếng Việt")
    working: bool = Field(description="Ngày làm việc (tính hạn, gửi nhắc)")
    holiday: str | None = Field(description="Tên ngày lễ, Tết theo lịch nhà nước")
    extra: Kind | None = Field(description="off: tỉnh cho nghỉ thêm; work: ngày làm việc bù")
    note: str


class ExtraDayCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    day: date
    kind: Kind
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)] = ""


class ExtraDayRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    day: date
    weekday: str
    kind: Kind
    kind_label: str
    note: str
    created_by: str
    created_at: datetime


READ_ERRORS = problem_responses(NotAuthenticated, Forbidden, InvalidInput)


def may_read(principal: Principal) -> None:
    if not principal.roles & HUMAN_ROLES:
        raise Forbidden("Lịch làm việc chỉ dành cho người dùng đăng nhập.")


def read_extra(row: CalendarDay) -> ExtraDayRead:
    return ExtraDayRead(
        day=row.day,
        weekday=WEEKDAYS[row.day.weekday()],
        kind=row.kind,
        kind_label=KIND_LABELS.get(row.kind, row.kind),
        note=row.note,
        created_by=row.created_by,
        created_at=row.created_at,
    )


@router.get("", summary="Lịch làm việc từng ngày: ngày lễ, ngày nghỉ thêm, ngày làm bù", responses=READ_ERRORS)
async def calendar(
    session: SessionDep,
    principal: CurrentPrincipal,
    start: Annotated[date, Query(alias="from", description="Từ ngày (yyyy-mm-dd)")],
    end: Annotated[date, Query(alias="to", description=f"Đến ngày (yyyy-mm-dd), tối đa {MAX_DAYS} ngày")],
) -> list[DayRead]:
    may_read(principal)
    if end < start:
        raise InvalidInput.on("to", "Ngày kết thúc không được trước ngày bắt đầu.")
    if (end - start).days + 1 > MAX_DAYS:
        raise InvalidInput.on("to", f"Mỗi lần xem tối đa {MAX_DAYS} ngày.")
    extras = {
        d.day: d for d in (await session.scalars(select(CalendarDay).where(CalendarDay.day.between(start, end)))).all()
    }
    cal = await load_calendar(session)
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    return [
        DayRead(
            date=day,
            weekday=WEEKDAYS[day.weekday()],
            working=cal.is_working_day(day),
            holiday=cal.holiday_name(day),
            extra=extras[day].kind if day in extras else None,
            note=extras[day].note if day in extras else "",
        )
        for day in days
    ]


@router.get("/days", summary="Các ngày nghỉ thêm, làm việc bù tỉnh đã đặt", responses=READ_ERRORS)
async def list_extra_days(
    session: SessionDep,
    principal: CurrentPrincipal,
    year: Annotated[int | None, Query(ge=2000, le=2100, description="Chỉ các ngày của năm này")] = None,
) -> list[ExtraDayRead]:
    may_read(principal)
    stmt = select(CalendarDay).order_by(CalendarDay.day)
    if year is not None:
        stmt = stmt.where(CalendarDay.day.between(date(year, 1, 1), date(year, 12, 31)))
    return [read_extra(d) for d in (await session.scalars(stmt)).all()]


@router.post(
    "/days",
    status_code=201,
    summary="Thêm một ngày nghỉ thêm hoặc ngày làm việc bù",
    responses=problem_responses(NotAuthenticated, Forbidden, InvalidInput, CalendarDayExists),
)
async def add_extra_day(
    body: ExtraDayCreate, session: SessionDep, principal: CurrentPrincipal, idem: IdempotencyDep
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    require_admin(principal)
    if await session.get(CalendarDay, body.day) is not None:
        raise CalendarDayExists()
    national = WorkCalendar(around=body.day.year).is_working_day(body.day)
    if body.kind == "off" and not national:
        raise InvalidInput.on("day", "Ngày này vốn đã là ngày nghỉ (cuối tuần hoặc ngày lễ).")
    if body.kind == "work" and national:
        raise InvalidInput.on("day", "Ngày này vốn đã là ngày làm việc.")
    row = CalendarDay(day=body.day, kind=body.kind, note=body.note, created_by=actor_name(principal))
    session.add(row)
    await flush_or_conflict(session, CalendarDayExists())
    return await idem.remember(201, read_extra(row))


@router.delete(
    "/days/{day}",
    status_code=204,
    summary="Bỏ một ngày nghỉ thêm hoặc làm bù (ngày đó lại theo lịch nhà nước)",
    responses=problem_responses(NotAuthenticated, Forbidden, InvalidInput, CalendarDayNotFound),
)
async def remove_extra_day(day: Annotated[date, Path()], session: SessionDep, principal: CurrentPrincipal) -> Response:
    require_admin(principal)
    row = await session.get(CalendarDay, day, with_for_update=True)
    if row is None:
        raise CalendarDayNotFound()
    await session.delete(row)
    await session.flush()
    return Response(status_code=204)
