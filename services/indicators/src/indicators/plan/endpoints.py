"""Plans that set indicators: list with counts, the report schedule (configurable per plan), import of a
Phụ lục I table and its export in the same shape."""

from __future__ import annotations

import io
import uuid
from typing import Annotated, Any

from common.auth import CurrentPrincipal, require_roles
from common.concurrency import check_if_match, etag
from common.db import SessionDep, flush_or_conflict
from common.errors import (
    Conflict,
    FieldError,
    Forbidden,
    InvalidInput,
    NotAuthenticated,
    PreconditionFailed,
    PreconditionRequired,
    problem_responses,
)
from common.idempotency import Idempotency, idempotency_dependency
from common.roles import Role
from fastapi import APIRouter, Depends, File, Header, Query, Response, UploadFile
from openpyxl import Workbook
from openpyxl.styles import Font
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from sqlalchemy import func, select

from indicators.compute.periods import ReportSchedule, ScheduleError
from indicators.db import idempotency_keys
from indicators.importer.layout import COLUMNS
from indicators.importer.service import ImportReport, ImportService
from indicators.indicator.exceptions import PlanNotFound
from indicators.indicator.repository import IndicatorRepository
from indicators.models import Agency, Indicator, Plan
from indicators.report.duties import publish_schedule
from indicators.vocabulary import AGGREGATION_LABELS, PERIODICITY_LABELS, Aggregation, Periodicity

router = APIRouter(prefix="/api/v1/indicators/plans", tags=["kế hoạch có chỉ tiêu"])
IdempotencyDep = Annotated[Idempotency, idempotency_dependency(idempotency_keys)]
Planners = require_roles(Role.ADMIN, Role.COORDINATOR)
READ_ERRORS = problem_responses(NotAuthenticated, PlanNotFound, InvalidInput)
WRITE_ERRORS = problem_responses(NotAuthenticated, Forbidden, PlanNotFound, InvalidInput, Conflict)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class PlanRead(BaseModel):
    id: uuid.UUID
    key: str
    symbol: str
    title: str
    standing_agency_id: uuid.UUID | None
    indicators: int = Field(description="Chỉ tiêu người gọi được xem (không kể chỉ tiêu thành phần)")
    report_schedule: dict[str, Any] = Field(description="Hạn báo cáo theo kỳ (ngày đầu tiên bị tính muộn)")
    version: int


async def plan_or_404(plan_key: str, session: SessionDep, _: CurrentPrincipal) -> Plan:
    plan = await session.scalar(select(Plan).where(Plan.key == plan_key))
    if plan is None:
        raise PlanNotFound()
    return plan


async def plan_for_write(plan_key: str, session: SessionDep, _: CurrentPrincipal) -> Plan:
    """Locked until the request ends: racing imports of one file create once; racing edits get 412."""
    plan = await session.scalar(select(Plan).where(Plan.key == plan_key).with_for_update())
    if plan is None:
        raise PlanNotFound()
    return plan


PlanDep = Annotated[Plan, Depends(plan_or_404)]
PlanForWrite = Annotated[Plan, Depends(plan_for_write)]


async def _read(session: SessionDep, principal: CurrentPrincipal, plans: list[Plan]) -> list[PlanRead]:
    repo = IndicatorRepository(session, principal)
    stmt = repo.readable(
        select(Indicator.plan_id, func.count())
        .where(Indicator.plan_id.in_([p.id for p in plans]), Indicator.parent_id.is_(None))
        .group_by(Indicator.plan_id)
    )
    counts = dict((await session.execute(stmt)).tuples().all())
    return [
        PlanRead(
            id=p.id,
            key=p.key,
            symbol=p.symbol,
            title=p.title,
            standing_agency_id=p.standing_agency_id,
            indicators=counts.get(p.id, 0),
            report_schedule=ReportSchedule.from_json(p.report_schedule).to_json(),
            version=p.version,
        )
        for p in plans
    ]


@router.get("", summary="Các kế hoạch có chỉ tiêu, với số chỉ tiêu người gọi được xem")
async def list_plans(session: SessionDep, principal: CurrentPrincipal) -> list[PlanRead]:
    plans = list((await session.scalars(select(Plan).order_by(Plan.key))).all())
    return await _read(session, principal, plans)


class PlanCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{1,59}$")] = Field(
        description="Mã kế hoạch dùng trong đường dẫn, ví dụ 7316-KH-UBND"
    )
    symbol: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=2000)]
    standing_agency_id: uuid.UUID = Field(description="Cơ quan thường trực theo dõi chỉ tiêu dùng chung")


@router.post(
    "",
    status_code=201,
    summary="Đăng ký một kế hoạch có chỉ tiêu (trước khi nhập bảng chỉ tiêu)",
    dependencies=[Planners],
    responses=WRITE_ERRORS,
)
async def create_plan(
    body: PlanCreate, session: SessionDep, principal: CurrentPrincipal, idem: IdempotencyDep
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    if await session.get(Agency, body.standing_agency_id) is None:
        raise InvalidInput.on("standing_agency_id", "Không có đơn vị này trong danh bạ.")
    plan = Plan(**body.model_dump(), version=1)
    session.add(plan)
    await flush_or_conflict(
        session,
        Conflict(
            f"Đã có kế hoạch mã {body.key}.", errors=[FieldError(field="key", message="Mã kế hoạch đã được dùng.")]
        ),
    )
    return await idem.remember(201, (await _read(session, principal, [plan]))[0])


@router.get("/{plan_key}", summary="Một kế hoạch có chỉ tiêu", responses=READ_ERRORS)
async def get_plan(plan: PlanDep, session: SessionDep, principal: CurrentPrincipal, response: Response) -> PlanRead:
    response.headers["ETag"] = etag(plan.version)
    return (await _read(session, principal, [plan]))[0]


@router.put(
    "/{plan_key}/schedule",
    summary="Đặt hạn báo cáo theo kỳ của kế hoạch (quý, 6 tháng, năm)",
    dependencies=[Planners],
    responses=WRITE_ERRORS | problem_responses(PreconditionFailed, PreconditionRequired),
)
async def set_schedule(
    plan: PlanForWrite,
    body: dict[str, Any],
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> PlanRead:
    check_if_match(if_match, plan.version)
    try:
        schedule = ReportSchedule.from_json(body)
    except ScheduleError as exc:
        raise InvalidInput.on("schedule", str(exc)) from exc
    changed = schedule != ReportSchedule.from_json(plan.report_schedule)
    plan.report_schedule = schedule.to_json()
    plan.version += 1
    await session.flush()
    if changed:
        await publish_schedule(session, plan, principal.username)
    response.headers["ETag"] = etag(plan.version)
    return (await _read(session, principal, [plan]))[0]


@router.post(
    "/{plan_key}/imports",
    response_model=ImportReport,
    summary="Nhập bảng chỉ tiêu dạng Phụ lục I từ XLSX/CSV; dry_run=true chỉ kiểm tra, không ghi",
    dependencies=[Planners],
    responses=WRITE_ERRORS,
)
async def import_indicators(
    plan: PlanForWrite,
    session: SessionDep,
    principal: CurrentPrincipal,
    idem: IdempotencyDep,
    file: Annotated[
        UploadFile, File(description="Tệp .xlsx hoặc .csv: TT, Chỉ tiêu, Cơ quan chủ trì theo dõi, đánh giá")
    ],
    dry_run: Annotated[bool, Query(description="Chỉ kiểm tra và báo lỗi từng dòng, không ghi gì")] = True,
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    data = await file.read()
    report = await ImportService(session, principal).run(plan, file.filename or "tep", data, dry_run=dry_run)
    return await idem.remember(200, report)


@router.get(
    "/{plan_key}/export.xlsx",
    summary="Xuất chỉ tiêu của kế hoạch theo mẫu Phụ lục I (người gọi được xem), kèm trạng thái",
    responses=READ_ERRORS,
)
async def export_plan(plan: PlanDep, session: SessionDep, principal: CurrentPrincipal) -> Response:
    rows = (
        await session.scalars(
            IndicatorRepository(session, principal)
            .readable(select(Indicator).where(Indicator.plan_id == plan.id))
            .order_by(Indicator.position)
        )
    ).all()
    body = workbook(list(rows))
    filename = f"chi-tieu-{plan.key}.xlsx"
    return Response(body, media_type=XLSX, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def workbook(rows: list[Indicator]) -> bytes:
    """The importer's own shape: heading rows for part, milestone and sector, then the indicators; the extra
    columns after the document's three carry what a re-import needs, then status for the reader."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Chỉ tiêu"
    sheet.append([*COLUMNS, "Trạng thái", "Giá trị gần nhất", "Kỳ"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    last: tuple[str | None, int | None, str | None] = (None, None, None)
    for r in rows:
        if r.parent_id is None:
            if r.part_label and r.part_label != last[0]:
                sheet.append([r.part_tt or "", r.part_label])
                last = (r.part_label, None, None)
            if r.milestone_year != last[1]:
                sheet.append(["", r.milestone_label])
                last = (last[0], r.milestone_year, None)
            if r.sector_label != last[2] and r.sector_tt is not None:
                sheet.append([r.sector_tt, r.sector_label])
                last = (last[0], last[1], r.sector_label)
        sheet.append(
            [
                r.tt,
                r.text,
                r.monitoring_text if r.parent_id is None else "",
                r.metric_key or "",
                r.sector,
                PERIODICITY_LABELS[Periodicity(r.periodicity)],
                AGGREGATION_LABELS[Aggregation(r.aggregation)],
                r.unit or "",
                r.note or "",
                r.status,
                "" if r.current_value is None else str(r.current_value),
                r.current_period or "",
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
