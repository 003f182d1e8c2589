"""A filtered task list as an XLSX workbook, in the columns of the documents plus status and progress."""

from __future__ import annotations

import io
import uuid
from datetime import date

from common.auth import CurrentPrincipal
from common.clock import vn_date
from common.db import SessionDep
from fastapi import APIRouter
from fastapi.responses import Response
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from sqlalchemy import select

from tasks.importer.layout import COLUMNS
from tasks.models import Plan, Task
from tasks.task.endpoints import READ_ERRORS, FilterDep
from tasks.task.repository import Sort, TaskRepository
from tasks.task.rules import STATUS_LABELS, Status, is_overdue, today

router = APIRouter(prefix="/api/v1/tasks", tags=["nhiệm vụ"])
MAX_EXPORT = 20000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _date(value: date | None) -> str:
    return vn_date(value) if value else ""


def workbook(tasks: list[Task], plans: dict[uuid.UUID, Plan], on: date) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Nhiệm vụ"
    header = ["Văn bản", *COLUMNS, "Hạn (dd/mm/yyyy)", "Trạng thái", "Quá hạn", "Tiến độ (%)", "Người phụ trách"]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for t in tasks:
        plan = plans.get(t.plan_id)
        sheet.append(
            [
                plan.symbol if plan else "",
                t.number,
                t.title,
                t.lead_text,
                t.coordinator_text,
                t.result,
                t.deadline_text,
                _date(t.due_on),
                STATUS_LABELS[Status(t.status)],
                "Có" if is_overdue(t.status, t.due_on, on) else "",
                t.percent,
                t.responsible_person,
            ]
        )
    for column, width in zip("ABCDEFGHIJKL", (16, 8, 70, 30, 30, 30, 20, 14, 22, 9, 10, 20), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@router.get(
    "/export.xlsx",
    summary="Xuất danh sách đã lọc ra Excel (tối đa 20.000 dòng)",
    responses=READ_ERRORS | {200: {"content": {XLSX: {}}}},
    response_class=Response,
)
async def export_tasks(session: SessionDep, principal: CurrentPrincipal, f: FilterDep) -> Response:
    on = today()
    tasks = await TaskRepository(session, principal).find(f, on=on, sort=Sort.PLAN_ORDER, cursor=None, limit=MAX_EXPORT)
    plan_ids = {t.plan_id for t in tasks}
    plans = {p.id: p for p in (await session.scalars(select(Plan).where(Plan.id.in_(plan_ids)))).all()}
    filename = f"nhiem-vu-{on:%Y%m%d}.xlsx"
    return Response(
        workbook(tasks, plans, on),
        media_type=XLSX,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
