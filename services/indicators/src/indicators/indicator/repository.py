"""Indicator queries. Agency scoping happens here once: an agency sees the indicators it monitors or reports
(or that an agency under it does); the province-wide roles see all of them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TypeVar

from common.auth import Principal
from common.pagination import cursor_int, cursor_uuid, decode_cursor
from common.text import like_patterns
from sqlalchemy import ColumnElement, Select, and_, exists, false, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from indicators.models import Indicator, Plan, Share

Stmt = TypeVar("Stmt", bound=Select)  # type: ignore[type-arg]


@dataclass
class IndicatorFilter:
    plan_key: str | None = None
    sector: str | None = None
    milestone_year: int | None = None
    part_kind: str | None = None
    monitoring_agency_id: uuid.UUID | None = None
    contributing_agency_id: uuid.UUID | None = None
    statuses: list[str] | None = None
    needs_review: bool | None = None
    metric_key: str | None = None
    parent_id: uuid.UUID | None = None
    top_level: bool = True
    q: str | None = None


def shared_with(agencies: frozenset[uuid.UUID] | set[uuid.UUID], role: str | None = None) -> ColumnElement[bool]:
    share = aliased(Share)  # its own alias: the enclosing query may read `shares` itself
    condition = and_(share.indicator_id == Indicator.id, share.agency_id.in_(agencies))
    if role is not None:
        condition = and_(condition, share.role == role)
    return exists().where(condition)


def visible_to(principal: Principal) -> ColumnElement[bool]:
    if principal.province_wide:
        return true()
    if not principal.agency_subtree:
        return false()
    return shared_with(principal.agency_subtree)


class IndicatorRepository:
    def __init__(self, session: AsyncSession, principal: Principal) -> None:
        self.session, self.principal = session, principal

    def readable(self, stmt: Stmt) -> Stmt:
        return stmt.where(visible_to(self.principal))

    async def get(self, indicator_id: uuid.UUID, *, for_update: bool = False) -> Indicator | None:
        stmt = self.readable(select(Indicator).where(Indicator.id == indicator_id))
        return await self.session.scalar(stmt.with_for_update(of=Indicator) if for_update else stmt)

    def filtered(self, stmt: Stmt, f: IndicatorFilter) -> Stmt:
        return self.readable(stmt).where(*self.filter_conditions(f))

    @staticmethod
    def filter_conditions(f: IndicatorFilter, *, top_level: bool | None = None) -> list[ColumnElement[bool]]:
        """The filter as conditions; `top_level=False` keeps the parts of composite indicators too."""
        where: list[ColumnElement[bool]] = []
        if f.plan_key:
            where.append(Indicator.plan_id == select(Plan.id).where(Plan.key == f.plan_key).scalar_subquery())
        if f.sector:
            where.append(Indicator.sector == f.sector)
        if f.milestone_year:
            where.append(Indicator.milestone_year == f.milestone_year)
        if f.part_kind:
            where.append(Indicator.part_kind == f.part_kind)
        if f.monitoring_agency_id:
            where.append(Indicator.monitoring_agency_id == f.monitoring_agency_id)
        if f.contributing_agency_id:
            where.append(shared_with({f.contributing_agency_id}, "contributor"))
        if f.statuses:
            where.append(Indicator.status.in_(f.statuses))
        if f.needs_review is not None:
            where.append(Indicator.needs_review.is_(f.needs_review))
        if f.metric_key:
            where.append(Indicator.metric_key == f.metric_key)
        if f.parent_id:
            where.append(Indicator.parent_id == f.parent_id)
        elif f.top_level if top_level is None else top_level:
            where.append(Indicator.parent_id.is_(None))
        where.extend(Indicator.search.like(pattern) for pattern in like_patterns(f.q or ""))
        return where

    async def page(self, f: IndicatorFilter, limit: int, cursor: str | None) -> list[Indicator]:
        """Plan order: plan, milestone, position; the cursor is the last row's key."""
        stmt = self.filtered(select(Indicator), f)
        order = (Indicator.plan_id, Indicator.milestone_year, Indicator.position)
        if cursor:
            plan_id, year, position = decode_cursor(cursor, 3)
            key = (cursor_uuid(plan_id), cursor_int(year), cursor_int(position))
            stmt = stmt.where(
                (Indicator.plan_id > key[0])
                | ((Indicator.plan_id == key[0]) & (Indicator.milestone_year > key[1]))
                | ((Indicator.plan_id == key[0]) & (Indicator.milestone_year == key[1]) & (Indicator.position > key[2]))
            )
        return list((await self.session.scalars(stmt.order_by(*order).limit(limit + 1))).all())
