"""Indicators: list and filter, one indicator with its agencies, parts and linked targets, its time series,
the targets that disagree across plans, and corrections of what the sentence did not state."""

from __future__ import annotations

import uuid
from typing import Annotated

from common.auth import CurrentPrincipal
from common.concurrency import check_if_match, etag
from common.db import SessionDep
from common.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotAuthenticated,
    PreconditionFailed,
    PreconditionRequired,
    problem_responses,
)
from common.outbox import publish
from common.pagination import Page, PageParams, encode_cursor, page_params
from fastapi import APIRouter, Depends, Header, Query, Response
from sqlalchemy import select

from indicators.compute.periods import parse_period
from indicators.db import outbox
from indicators.indicator.assess import accepted_values, contributors_of, province_series, refresh
from indicators.indicator.auth import can_define
from indicators.indicator.exceptions import IndicatorNotFound
from indicators.indicator.present import agency_names, present_detail, present_list
from indicators.indicator.repository import IndicatorFilter, IndicatorRepository
from indicators.indicator.schemas import (
    AgencyPoint,
    AgencyRef,
    IndicatorDetail,
    IndicatorRead,
    IndicatorUpdate,
    ProjectionPoint,
    Series,
    SeriesPoint,
    TargetPoint,
)
from indicators.models import Agency, Indicator, IndicatorValue
from indicators.report.duties import publish_duties
from indicators.report.obligations import rebuild_obligations
from indicators.vocabulary import Comparator, Sector, Status

PREFIX = "/api/v1/indicators"
router = APIRouter(prefix=PREFIX, tags=["chỉ tiêu"])
READ_ERRORS = problem_responses(NotAuthenticated, IndicatorNotFound, InvalidInput)
WRITE_ERRORS = problem_responses(NotAuthenticated, Forbidden, IndicatorNotFound, InvalidInput, Conflict)
UPDATE_ERRORS = WRITE_ERRORS | problem_responses(PreconditionFailed, PreconditionRequired)


async def indicator_or_404(indicator_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal) -> Indicator:
    indicator = await IndicatorRepository(session, principal).get(indicator_id)
    if indicator is None:
        raise IndicatorNotFound()
    return indicator


async def indicator_for_write(indicator_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal) -> Indicator:
    """Locked until the request ends: writes to one indicator queue, so a stale If-Match is a 412, never a race."""
    indicator = await IndicatorRepository(session, principal).get(indicator_id, for_update=True)
    if indicator is None:
        raise IndicatorNotFound()
    return indicator


IndicatorDep = Annotated[Indicator, Depends(indicator_or_404)]
IndicatorForWrite = Annotated[Indicator, Depends(indicator_for_write)]


def indicator_filter(
    plan: Annotated[str | None, Query(max_length=60, description="Mã kế hoạch, ví dụ 7316-KH-UBND")] = None,
    sector: Sector | None = None,
    milestone: Annotated[int | None, Query(ge=2000, le=2100, description="Năm mốc: 2025, 2030, 2045")] = None,
    part: Annotated[str | None, Query(pattern="^(trong_tam|chu_yeu)$", description="trong_tam | chu_yeu")] = None,
    monitoring_agency_id: uuid.UUID | None = None,
    contributing_agency_id: uuid.UUID | None = None,
    status: Annotated[list[Status] | None, Query()] = None,
    needs_review: bool | None = None,
    metric_key: Annotated[str | None, Query(max_length=80)] = None,
    q: Annotated[str | None, Query(max_length=200, description="Tìm không dấu: q=chuyen doi so")] = None,
) -> IndicatorFilter:
    return IndicatorFilter(
        plan_key=plan,
        sector=sector.value if sector else None,
        milestone_year=milestone,
        part_kind=part,
        monitoring_agency_id=monitoring_agency_id,
        contributing_agency_id=contributing_agency_id,
        statuses=[s.value for s in status] if status else None,
        needs_review=needs_review,
        metric_key=metric_key,
        q=q,
    )


@router.get("", summary="Danh sách chỉ tiêu theo kế hoạch, lĩnh vực, mốc, đơn vị, trạng thái", responses=READ_ERRORS)
async def list_indicators(
    session: SessionDep,
    principal: CurrentPrincipal,
    f: Annotated[IndicatorFilter, Depends(indicator_filter)],
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[IndicatorRead]:
    rows = await IndicatorRepository(session, principal).page(f, page.limit, page.cursor)
    items = await present_list(session, rows[: page.limit])
    last = rows[page.limit - 1] if len(rows) > page.limit else None
    cursor = encode_cursor([str(last.plan_id), last.milestone_year, last.position]) if last else None
    return Page(items=items, next_cursor=cursor)


@router.get(
    "/{indicator_id}",
    summary="Một chỉ tiêu: đơn vị, chỉ tiêu thành phần, cùng chỉ số ở kế hoạch khác",
    responses=READ_ERRORS,
)
async def get_indicator(
    indicator: IndicatorDep, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> IndicatorDetail:
    response.headers["ETag"] = etag(indicator.version)
    return await present_detail(session, principal, indicator)


@router.patch(
    "/{indicator_id}",
    summary="Sửa chỉ tiêu (so sánh, giá trị, đơn vị, cách tổng hợp, mốc gốc...)",
    responses=UPDATE_ERRORS,
)
async def update_indicator(
    indicator: IndicatorForWrite,
    body: IndicatorUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> IndicatorDetail:
    if not can_define(principal, indicator):
        raise Forbidden("Chỉ cơ quan thường trực hoặc lãnh đạo cơ quan chủ trì theo dõi được sửa chỉ tiêu.")
    check_if_match(if_match, indicator.version)
    changes = body.model_dump(exclude_unset=True)
    reviewed = changes.pop("reviewed", None)
    if "monitoring_agency_id" in changes and await session.get(Agency, changes["monitoring_agency_id"]) is None:
        raise InvalidInput.on("monitoring_agency_id", "Không có đơn vị này trong danh bạ.")
    for name, value in changes.items():
        setattr(indicator, name, value.value if hasattr(value, "value") else value)
    _check_target(indicator)
    if reviewed:
        indicator.needs_review, indicator.review_reasons = False, []
    indicator.version += 1
    await session.flush()
    await refresh(session, indicator)
    if {"periodicity", "monitoring_agency_id"} & changes.keys():
        await rebuild_obligations(session)
        await publish_duties(session, [indicator], principal.username)
    await publish(
        session,
        outbox,
        "indicator.updated",
        subject_type="indicator",
        subject_id=str(indicator.id),
        payload={"fields": sorted(changes) + (["reviewed"] if reviewed else [])},
        agency_ids=[indicator.monitoring_agency_id] if indicator.monitoring_agency_id else [],
        actor=principal.username,
    )
    response.headers["ETag"] = etag(indicator.version)
    return await present_detail(session, principal, indicator)


def _check_target(indicator: Indicator) -> None:
    comparator = Comparator(indicator.comparator)
    if comparator is Comparator.RANGE:
        if indicator.target_low is None or indicator.target_high is None:
            raise InvalidInput.on("target_low", "Chỉ tiêu dạng khoảng cần cả cận dưới và cận trên.")
        if indicator.target_low > indicator.target_high:
            raise InvalidInput.on("target_high", "Cận trên phải lớn hơn hoặc bằng cận dưới.")
    elif comparator is not Comparator.QUALITATIVE and indicator.target_value is None:
        raise InvalidInput.on("target_value", "Cần giá trị chỉ tiêu cho phép so sánh này.")


@router.get(
    "/{indicator_id}/series", summary="Chuỗi số liệu theo kỳ, chỉ tiêu các mốc và dự báo", responses=READ_ERRORS
)
async def indicator_series(
    indicator: IndicatorDep,
    session: SessionDep,
    period: Annotated[
        str | None, Query(max_length=10, description="Kỳ của phần từng đơn vị (mặc định: kỳ gần nhất có số liệu)")
    ] = None,
) -> Series:
    values = await accepted_values(session, indicator.id)
    contributors = await contributors_of(session, indicator.id)
    # Each agency's figures for one period (every state), not for all of them: a split over 200 communes
    # and 20 quarters would be thousands of rows; `GET /{id}/values?agency_id=` gives one agency's history.
    shown = period.strip().upper() if period else (values[-1].period if values else None)
    breakdown = (
        (
            await session.scalars(
                select(IndicatorValue)
                .where(IndicatorValue.indicator_id == indicator.id, IndicatorValue.period == shown)
                .order_by(IndicatorValue.agency_id)
            )
        ).all()
        if shown
        else []
    )
    names = await agency_names(session, (v.agency_id for v in breakdown))
    # The same metric in this plan at its other milestones gives the targets of one line.
    siblings = (
        (
            await session.scalars(
                select(Indicator)
                .where(Indicator.plan_id == indicator.plan_id, Indicator.metric_key == indicator.metric_key)
                .order_by(Indicator.milestone_year)
            )
        ).all()
        if indicator.metric_key
        else [indicator]
    )
    province = province_series(indicator, values, contributors)
    return Series(
        indicator_id=indicator.id,
        unit=indicator.unit,
        unit_label=indicator.unit_label,
        province=[
            SeriesPoint(
                period=p.period,
                period_label=parse_period(p.period).label,
                end=p.end,
                value=p.value,
                reported=p.reported,
                expected=p.expected,
                demo=p.demo,
            )
            for p in province
        ],
        agencies=[
            AgencyPoint(
                agency=AgencyRef(id=v.agency_id, name=names.get(v.agency_id, "")),
                period=v.period,
                value=v.value,
                state=v.state,
                late=v.late,
            )
            for v in breakdown
        ],
        targets=[
            TargetPoint(
                year=s.milestone_year,
                indicator_id=s.id,
                comparator=Comparator(s.comparator),
                value=s.target_value,
                low=s.target_low,
                high=s.target_high,
            )
            for s in siblings
        ],
        projection=_projection(indicator),
        status=Status(indicator.status),
        assessment=indicator.assessment,
    )


def _projection(indicator: Indicator) -> list[ProjectionPoint]:
    if indicator.projected_value is None or indicator.current_period is None:
        return []
    start = parse_period(indicator.current_period).year
    points = [ProjectionPoint(year=indicator.milestone_year, value=indicator.projected_value)]
    if indicator.current_value is not None and start < indicator.milestone_year:
        points.insert(0, ProjectionPoint(year=start, value=indicator.current_value))
    return points
