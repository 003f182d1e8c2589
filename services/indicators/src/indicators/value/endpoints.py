"""Values per period: an agency reports (draft or submitted), corrects, submits; the monitoring agency or the
standing agency accepts or returns with a reason; the review queue lists what waits for the caller."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from common.auth import CurrentPrincipal
from common.concurrency import check_if_match, etag
from common.db import SessionDep
from common.errors import Forbidden, InvalidInput, NotAuthenticated, problem_responses
from common.idempotency import Idempotency, idempotency_dependency
from common.pagination import Page, PageParams, cursor_datetime, cursor_uuid, decode_cursor, encode_cursor, page_params
from common.roles import Role
from fastapi import APIRouter, Depends, Header, Query, Response
from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, StringConstraints
from sqlalchemy import or_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from indicators.compute.periods import parse_period
from indicators.db import idempotency_keys
from indicators.indicator.endpoints import (
    PREFIX,
    READ_ERRORS,
    UPDATE_ERRORS,
    WRITE_ERRORS,
    IndicatorDep,
    IndicatorForWrite,
)
from indicators.indicator.exceptions import ValueNotFound
from indicators.indicator.present import agency_names
from indicators.indicator.repository import IndicatorRepository, shared_with
from indicators.models import Indicator, IndicatorValue, ValueRevision
from indicators.value.service import STATE_LABELS, Report, ValueService
from indicators.vocabulary import Status

router = APIRouter(prefix=PREFIX, tags=["số liệu chỉ tiêu"])
IdempotencyDep = Annotated[Idempotency, idempotency_dependency(idempotency_keys)]
Narrative = Annotated[str, StringConstraints(strip_whitespace=True, max_length=10000)]


class EvidenceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
    document_number: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] | None = None
    document_date: date | None = None
    url: AnyHttpUrl | None = None


class ValueIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: Decimal | None = Field(None, description="Giá trị cuối kỳ (mức đạt, không phải phần tăng thêm)")
    numerator: Decimal | None = Field(None, ge=0)
    denominator: Decimal | None = None
    claimed_status: Status | None = Field(None, description="Chỉ tiêu định tính: trạng thái đề nghị công nhận")
    note: Narrative = ""
    source: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] = ""
    evidence: list[EvidenceIn] = Field(default_factory=list, max_length=20)
    submit: bool = Field(False, description="true: gửi thẩm định ngay")

    def report(self) -> Report:
        return Report(
            value=self.value,
            numerator=self.numerator,
            denominator=self.denominator,
            claimed_status=self.claimed_status,
            note=self.note,
            source=self.source,
            evidence=[e.model_dump(mode="json", exclude_none=True) for e in self.evidence],
        )


class ValueCreate(ValueIn):
    period: Annotated[str, StringConstraints(strip_whitespace=True, max_length=10)] = Field(
        description="Kỳ: 2026-Q1 (quý), 2026-H1 (6 tháng), 2026 (năm)"
    )
    agency_id: uuid.UUID | None = Field(None, description="Đơn vị báo cáo, khi người gọi thuộc nhiều đơn vị được giao")


class ReviewBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: Literal["accept", "return"]
    reason: Narrative = ""


class RevisionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    action: str
    state: str
    value: Decimal | None
    claimed_status: str | None
    note: str
    reason: str | None
    actor: str
    at: datetime


class ValueRead(BaseModel):
    id: uuid.UUID
    indicator_id: uuid.UUID
    indicator_text: str
    indicator_tt: str
    agency_id: uuid.UUID
    agency_name: str
    period: str
    period_label: str
    due_on: date
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    claimed_status: Status | None
    note: str
    source: str
    evidence: list[dict[str, Any]]
    state: str
    state_label: str
    return_reason: str | None
    late: bool
    author: str
    submitted_at: datetime | None
    submitted_by: str | None
    reviewed_at: datetime | None
    reviewed_by: str | None
    demo: bool
    version: int
    revisions: list[RevisionRead] = []


async def present_values(
    session: AsyncSession, values: list[IndicatorValue], *, with_revisions: bool = False
) -> list[ValueRead]:
    indicators = {
        i.id: i
        for i in (
            await session.scalars(select(Indicator).where(Indicator.id.in_({v.indicator_id for v in values})))
        ).all()
    }
    names = await agency_names(session, (v.agency_id for v in values))
    revisions: dict[uuid.UUID, list[RevisionRead]] = {}
    if with_revisions:
        rows = await session.scalars(
            select(ValueRevision)
            .where(ValueRevision.value_id.in_([v.id for v in values]))
            .order_by(ValueRevision.at, ValueRevision.id)
        )
        for r in rows.all():
            revisions.setdefault(r.value_id, []).append(RevisionRead.model_validate(r))
    return [
        ValueRead.model_validate(
            {
                **{k: getattr(v, k) for k in ValueRead.model_fields if hasattr(v, k)},
                "indicator_text": indicators[v.indicator_id].text,
                "indicator_tt": indicators[v.indicator_id].tt,
                "agency_name": names.get(v.agency_id, ""),
                "period_label": parse_period(v.period).label,
                "state_label": STATE_LABELS[v.state],
                "revisions": revisions.get(v.id, []),
            }
        )
        for v in values
    ]


async def value_of(
    value_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, *, for_update: bool = False
) -> tuple[Indicator, IndicatorValue]:
    stmt = select(IndicatorValue).where(IndicatorValue.id == value_id)
    value = await session.scalar(stmt.with_for_update() if for_update else stmt)
    if value is None:
        raise ValueNotFound()
    indicator = await IndicatorRepository(session, principal).get(value.indicator_id, for_update=for_update)
    if indicator is None:
        raise ValueNotFound()
    return indicator, value


async def value_for_write(
    value_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> tuple[Indicator, IndicatorValue]:
    return await value_of(value_id, session, principal, for_update=True)


ValueDep = Annotated[tuple[Indicator, IndicatorValue], Depends(value_of)]
ValueForWrite = Annotated[tuple[Indicator, IndicatorValue], Depends(value_for_write)]
VALUE_READ_ERRORS = problem_responses(NotAuthenticated, ValueNotFound, InvalidInput)
VALUE_WRITE_ERRORS = {**UPDATE_ERRORS, **problem_responses(ValueNotFound)}


async def _one(session: AsyncSession, value: IndicatorValue, response: Response) -> ValueRead:
    response.headers["ETag"] = etag(value.version)
    return (await present_values(session, [value], with_revisions=True))[0]


@router.post(
    "/{indicator_id}/values",
    status_code=201,
    summary="Báo cáo số liệu một kỳ của đơn vị (submit=true để gửi thẩm định)",
    responses=WRITE_ERRORS,
)
async def report_value(
    indicator: IndicatorForWrite,
    body: ValueCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    idem: IdempotencyDep,
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    value = await ValueService(session, principal).create(
        indicator, body.agency_id, body.period, body.report(), submit=body.submit
    )
    read = (await present_values(session, [value], with_revisions=True))[0]
    response = await idem.remember(201, read)
    response.headers["ETag"] = etag(value.version)
    return response


@router.get("/{indicator_id}/values", summary="Số liệu các kỳ của chỉ tiêu, mọi đơn vị báo cáo", responses=READ_ERRORS)
async def list_values(
    indicator: IndicatorDep,
    session: SessionDep,
    period: Annotated[str | None, Query(max_length=10, description="Chỉ một kỳ, ví dụ 2026-Q1")] = None,
    agency_id: uuid.UUID | None = None,
) -> list[ValueRead]:
    stmt = select(IndicatorValue).where(IndicatorValue.indicator_id == indicator.id)
    if period is not None:
        stmt = stmt.where(IndicatorValue.period == period.strip().upper())
    if agency_id is not None:
        stmt = stmt.where(IndicatorValue.agency_id == agency_id)
    rows = await session.scalars(stmt.order_by(IndicatorValue.period_end.desc(), IndicatorValue.agency_id))
    return await present_values(session, list(rows.all()))


@router.get("/values/{value_id}", summary="Một số liệu với lịch sử sửa đổi, thẩm định", responses=VALUE_READ_ERRORS)
async def get_value(found: ValueDep, session: SessionDep, response: Response) -> ValueRead:
    return await _one(session, found[1], response)


@router.patch(
    "/values/{value_id}",
    summary="Sửa số liệu (bản đang soạn, bị trả lại, hoặc đính chính số đã chấp nhận — giữ lịch sử)",
    responses=VALUE_WRITE_ERRORS,
)
async def correct_value(
    found: ValueForWrite,
    body: ValueIn,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> ValueRead:
    indicator, value = found
    service = ValueService(session, principal)
    await service.may_report(indicator, value.agency_id)  # who may, before whether the copy is current
    check_if_match(if_match, value.version)
    await service.correct(indicator, value, body.report(), submit=body.submit)
    return await _one(session, value, response)


@router.post("/values/{value_id}/submit", summary="Gửi số liệu đang soạn để thẩm định", responses=VALUE_WRITE_ERRORS)
async def submit_value(
    found: ValueForWrite,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    idem: IdempotencyDep,
    if_match: Annotated[str | None, Header()] = None,
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    indicator, value = found
    service = ValueService(session, principal)
    await service.may_report(indicator, value.agency_id)
    check_if_match(if_match, value.version)
    await service.submit(indicator, value)
    return await idem.remember(200, await _one(session, value, response))


@router.post(
    "/values/{value_id}/review",
    summary="Thẩm định số liệu: chấp nhận, hoặc trả lại kèm lý do",
    responses=VALUE_WRITE_ERRORS,
)
async def review_value(
    found: ValueForWrite,
    body: ReviewBody,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    idem: IdempotencyDep,
    if_match: Annotated[str | None, Header()] = None,
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    indicator, value = found
    service = ValueService(session, principal)
    service.may_review(indicator, value)
    check_if_match(if_match, value.version)
    await service.review(indicator, value, body.decision, body.reason)
    return await idem.remember(200, await _one(session, value, response))


@router.get(
    "/review-queue",
    summary="Số liệu chờ người gọi thẩm định (cơ quan chủ trì theo dõi; cơ quan thường trực: tất cả)",
    responses=problem_responses(NotAuthenticated, Forbidden, InvalidInput),
)
async def review_queue(
    session: SessionDep, principal: CurrentPrincipal, page: Annotated[PageParams, Depends(page_params)]
) -> Page[ValueRead]:
    if not principal.has_role(Role.ADMIN, Role.COORDINATOR, Role.AGENCY_MANAGER):
        raise Forbidden("Chỉ lãnh đạo cơ quan chủ trì theo dõi hoặc cơ quan thường trực có hàng chờ thẩm định.")
    stmt = (
        select(IndicatorValue)
        .join(Indicator, Indicator.id == IndicatorValue.indicator_id)
        .where(IndicatorValue.state == "submitted")
    )
    if not principal.province_wide:
        stmt = stmt.where(
            or_(
                Indicator.monitoring_agency_id.in_(principal.agency_subtree),
                shared_with(principal.agency_subtree, "monitoring"),
            ),
            IndicatorValue.submitted_by != principal.username,
        )
    if page.cursor:
        at, value_id = decode_cursor(page.cursor, 2)
        stmt = stmt.where(
            tuple_(IndicatorValue.submitted_at, IndicatorValue.id) > (cursor_datetime(at), cursor_uuid(value_id))
        )
    rows = list(
        (
            await session.scalars(stmt.order_by(IndicatorValue.submitted_at, IndicatorValue.id).limit(page.limit + 1))
        ).all()
    )
    items = await present_values(session, rows[: page.limit])
    more = len(rows) > page.limit
    last = rows[page.limit - 1] if more else None
    return Page(
        items=items,
        next_cursor=encode_cursor([last.submitted_at.isoformat(), str(last.id)])
        if last and last.submitted_at
        else None,
    )
