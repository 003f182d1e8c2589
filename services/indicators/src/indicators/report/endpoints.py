"""What leaders and the standing agency read: scorecards by sector or agency, who has not reported a period,
and where plans set different targets for the same metric and year."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Annotated, Any, Literal

from common.auth import CurrentPrincipal
from common.db import SessionDep
from common.errors import InvalidInput, NotAuthenticated, problem_responses
from common.pagination import PageParams, cursor_int, decode_cursor, encode_cursor, page_params
from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field
from sqlalchemy import Subquery, and_, func, or_, select

from indicators.compute.periods import parse_period
from indicators.indicator.endpoints import indicator_filter
from indicators.indicator.present import agency_names, same_target
from indicators.indicator.repository import IndicatorFilter, IndicatorRepository, visible_to
from indicators.models import Agency, Indicator, IndicatorValue, Obligation, PeriodTally, Plan
from indicators.report.obligations import owed_pairs
from indicators.vocabulary import SECTOR_LABELS, STATUS_LABELS, Comparator, Sector, Status, Unit

router = APIRouter(prefix="/api/v1/indicators", tags=["tổng hợp chỉ tiêu"])
ERRORS = problem_responses(NotAuthenticated, InvalidInput)


class StatusCounts(BaseModel):
    key: str = Field(description="Mã lĩnh vực, hoặc id cơ quan chủ trì theo dõi")
    label: str
    total: int
    counts: dict[Status, int] = Field(description="Số chỉ tiêu theo trạng thái")
    mean_attainment: Decimal | None = Field(description="Mức độ đạt trung bình 0–1 của các chỉ tiêu có số liệu")


class Scorecard(BaseModel):
    by: Literal["sector", "agency"]
    status_labels: dict[Status, str]
    rows: list[StatusCounts]
    total: StatusCounts


@router.get(
    "/scorecard",
    summary="Bảng điểm: số chỉ tiêu đã đạt / đúng tiến độ / có nguy cơ / chưa có số liệu",
    responses=ERRORS,
)
async def scorecard(
    session: SessionDep,
    principal: CurrentPrincipal,
    f: Annotated[IndicatorFilter, Depends(indicator_filter)],
    by: Annotated[
        Literal["sector", "agency"], Query(description="sector: theo lĩnh vực; agency: theo cơ quan theo dõi")
    ] = "sector",
) -> Scorecard:
    group = Indicator.sector if by == "sector" else Indicator.monitoring_agency_id
    stmt = IndicatorRepository(session, principal).filtered(
        select(group, Indicator.status, func.count(), func.avg(Indicator.attainment)).group_by(group, Indicator.status),
        f,
    )
    rows = (await session.execute(stmt)).tuples().all()
    groups: dict[str, dict[Status, int]] = {}
    sums: dict[str, tuple[Decimal, int]] = {}
    for key, status, count, mean in rows:
        name = str(key) if key is not None else ""
        groups.setdefault(name, {s: 0 for s in Status})[Status(status)] += count
        if mean is not None:
            total, n = sums.get(name, (Decimal(0), 0))
            sums[name] = (total + Decimal(mean) * count, n + count)
    labels = await _labels(session, by, groups)
    out = [_counts(k, labels.get(k, k), c, sums.get(k)) for k, c in groups.items()]
    out.sort(key=lambda r: (-r.total, r.label))
    everything = {s: sum(c[s] for c in groups.values()) for s in Status}
    all_sums = (sum((t for t, _ in sums.values()), Decimal(0)), sum(n for _, n in sums.values()))
    return Scorecard(
        by=by,
        status_labels=STATUS_LABELS,
        rows=out,
        total=_counts("all", "Toàn tỉnh", everything, all_sums if all_sums[1] else None),
    )


async def _labels(session: SessionDep, by: str, groups: dict[str, dict[Status, int]]) -> dict[str, str]:
    if by == "sector":
        return {k: SECTOR_LABELS[Sector(k)] for k in groups if k}
    names = await agency_names(session, (uuid.UUID(k) for k in groups if k))
    return {str(k): v for k, v in names.items()} | {"": "Chưa có cơ quan theo dõi"}


def _counts(key: str, label: str, counts: dict[Status, int], sums: tuple[Decimal, int] | None) -> StatusCounts:
    mean = (sums[0] / sums[1]).quantize(Decimal("0.0001")) if sums and sums[1] else None
    return StatusCounts(key=key, label=label, total=sum(counts.values()), counts=counts, mean_attainment=mean)


class AgencyCompleteness(BaseModel):
    agency_id: uuid.UUID
    agency_name: str
    expected: int = Field(description="Số chỉ tiêu đơn vị phải báo cáo trong kỳ")
    reported: int = Field(description="Đã gửi (chờ thẩm định hoặc đã chấp nhận)")
    accepted: int
    returned: int
    draft: int
    late: int = Field(description="Gửi sau hạn")
    missing: int = Field(description="Chưa gửi")


class Completeness(BaseModel):
    period: str
    period_label: str
    due_rule: str
    agencies: list[AgencyCompleteness] = Field(description="Một trang đơn vị, đơn vị còn thiếu nhiều nhất trước")
    next_cursor: str | None = Field(None, description="Truyền vào `cursor` để lấy trang tiếp theo")
    agency_count: int = Field(description="Số đơn vị phải báo cáo trong kỳ (mọi trang)")
    expected: int
    reported: int
    missing_agencies: int = Field(description="Số đơn vị còn ít nhất một chỉ tiêu chưa gửi")


def _reporters(f: IndicatorFilter, principal: CurrentPrincipal, kind: str) -> Subquery:
    """(indicator, agency) pairs that owe a value for periods of this kind, among what the caller may see."""
    filtered = IndicatorRepository.filter_conditions(f, top_level=False)
    return owed_pairs(Indicator.periodicity == kind, visible_to(principal), *filtered).subquery("owed")


@router.get("/completeness", summary="Mức đầy đủ báo cáo một kỳ: đơn vị nào chưa gửi số liệu", responses=ERRORS)
async def completeness(
    session: SessionDep,
    principal: CurrentPrincipal,
    f: Annotated[IndicatorFilter, Depends(indicator_filter)],
    page: Annotated[PageParams, Depends(page_params)],
    period: Annotated[str, Query(max_length=10, description="Kỳ: 2026-Q1, 2026-H1, 2026")],
) -> Completeness:
    try:
        wanted = parse_period(period)
    except ValueError as exc:
        raise InvalidInput.on("period", str(exc)) from exc
    offset = cursor_int(decode_cursor(page.cursor, 1)[0]) if page.cursor else 0
    if f == IndicatorFilter():
        per_agency = _tallied_per_agency(principal, wanted.code, wanted.kind.value)
    else:
        per_agency = _owed_per_agency(f, principal, wanted.code, wanted.kind.value)
    missing = per_agency.c.expected - per_agency.c.reported
    stmt = (
        select(
            per_agency,
            Agency.name,
            func.count().over().label("agencies"),
            func.sum(per_agency.c.expected).over().label("all_expected"),
            func.sum(per_agency.c.reported).over().label("all_reported"),
            func.count().filter(missing > 0).over().label("missing_agencies"),
        )
        .join(Agency, Agency.id == per_agency.c.agency_id)
        .order_by(missing.desc(), Agency.name, Agency.id)
        .offset(offset)
        .limit(page.limit + 1)
    )
    rows = (await session.execute(stmt)).all()
    first = rows[0] if rows else None
    return Completeness(
        period=wanted.code,
        period_label=wanted.label,
        due_rule="Theo lịch báo cáo của từng kế hoạch (mặc định: quý trước ngày 10 tháng cuối quý, "
        "6 tháng trước 01/6 và 01/12, năm trước 15/12)",
        agencies=[
            AgencyCompleteness(
                agency_id=r.agency_id,
                agency_name=r.name,
                expected=r.expected,
                reported=r.reported,
                accepted=r.accepted,
                returned=r.returned,
                draft=r.draft,
                late=r.late,
                missing=r.expected - r.reported,
            )
            for r in rows[: page.limit]
        ],
        next_cursor=encode_cursor([offset + page.limit]) if len(rows) > page.limit else None,
        agency_count=first.agencies if first else 0,
        expected=int(first.all_expected) if first else 0,
        reported=int(first.all_reported) if first else 0,
        missing_agencies=first.missing_agencies if first else 0,
    )


def _state_counts(value: type[IndicatorValue]) -> list[Any]:
    sent = value.state.in_(("submitted", "accepted"))
    return [
        func.count(value.state).filter(sent).label("reported"),
        func.count(value.state).filter(value.state == "accepted").label("accepted"),
        func.count(value.state).filter(value.state == "returned").label("returned"),
        func.count(value.state).filter(value.state == "draft").label("draft"),
        func.count(value.state).filter(and_(sent, value.late)).label("late"),
    ]


def _tallied_per_agency(principal: CurrentPrincipal, code: str, kind: str) -> Subquery:
    """Without filters: what each agency owes (`obligations`) beside what it sent for the period (`period_tallies`,
    kept by a trigger on the values): one row per agency, no value counted per request. The caller's own agencies
    only, or every agency for the province; a monitoring agency sees its reporters with `monitoring_agency_id`."""
    owed, tally = Obligation, PeriodTally
    mine = owed.periodicity == kind
    if not principal.province_wide:
        mine = and_(mine, owed.agency_id.in_(principal.agency_subtree))
    counts = [
        func.coalesce(getattr(tally, n), 0).label(n) for n in ("reported", "accepted", "returned", "draft", "late")
    ]
    return (
        select(owed.agency_id, owed.expected, *counts)
        .outerjoin(tally, and_(tally.period == code, tally.agency_id == owed.agency_id))
        .where(mine)
        .subquery("per_agency")
    )


def _owed_per_agency(f: IndicatorFilter, principal: CurrentPrincipal, code: str, kind: str) -> Subquery:
    """Per agency: the values it owes for the period and what became of them. Counts read `state` and `late`
    only, so the values come from the covering index on (period, indicator, agency) without the table."""
    owed = _reporters(f, principal, kind)
    value = IndicatorValue
    joined = and_(value.indicator_id == owed.c.indicator_id, value.agency_id == owed.c.agency_id, value.period == code)
    stmt = (
        select(owed.c.agency_id, func.count().label("expected"), *_state_counts(value))
        .select_from(owed)
        .outerjoin(value, joined)
        .group_by(owed.c.agency_id)
    )
    if not principal.province_wide:
        monitored = select(Indicator.id).where(Indicator.monitoring_agency_id.in_(principal.agency_subtree))
        stmt = stmt.where(or_(owed.c.agency_id.in_(principal.agency_subtree), owed.c.indicator_id.in_(monitored)))
    return stmt.subquery("per_agency")


class ConflictTarget(BaseModel):
    indicator_id: uuid.UUID
    plan_key: str
    plan_symbol: str
    tt: str
    text: str
    comparator: Comparator
    target_value: Decimal | None
    target_low: Decimal | None
    target_high: Decimal | None
    unit: Unit | None


class TargetConflict(BaseModel):
    metric_key: str
    milestone_year: int
    targets: list[ConflictTarget]


@router.get(
    "/conflicts",
    summary="Cùng chỉ số, cùng năm mốc nhưng các kế hoạch đặt chỉ tiêu khác nhau (để cơ quan thường trực xử lý)",
    responses=ERRORS,
)
async def conflicts(session: SessionDep, principal: CurrentPrincipal) -> list[TargetConflict]:
    rows = (
        (
            await session.execute(
                select(Indicator, Plan)
                .join(Plan, Plan.id == Indicator.plan_id)
                .where(Indicator.metric_key.is_not(None), visible_to(principal))
                .order_by(Indicator.metric_key, Indicator.milestone_year, Plan.key, Indicator.position)
            )
        )
        .tuples()
        .all()
    )
    groups: dict[tuple[str, int], list[tuple[Indicator, Plan]]] = {}
    for indicator, plan in rows:
        assert indicator.metric_key is not None
        groups.setdefault((indicator.metric_key, indicator.milestone_year), []).append((indicator, plan))
    found = []
    for (key, year), members in groups.items():
        first = members[0][0]
        if len(members) > 1 and any(not same_target(first, other) for other, _ in members[1:]):
            found.append(
                TargetConflict(
                    metric_key=key,
                    milestone_year=year,
                    targets=[
                        ConflictTarget(
                            indicator_id=i.id,
                            plan_key=p.key,
                            plan_symbol=p.symbol,
                            tt=i.tt,
                            text=i.text,
                            comparator=Comparator(i.comparator),
                            target_value=i.target_value,
                            target_low=i.target_low,
                            target_high=i.target_high,
                            unit=i.unit,
                        )
                        for i, p in members
                    ],
                )
            )
    return found
