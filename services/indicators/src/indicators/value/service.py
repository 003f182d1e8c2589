"""Reporting a value for a period and its review: draft → submitted → accepted | returned (with a reason); a
correction keeps the earlier state in the revisions; an accepted value updates the indicator's assessment."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from common.auth import Principal
from common.clock import today
from common.errors import Conflict, FieldError, Forbidden, InvalidInput
from common.outbox import publish
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from indicators.compute.attainment import validate_value
from indicators.compute.periods import Period, ReportSchedule, current_period, is_late, parse_period
from indicators.db import outbox
from indicators.indicator.assess import contributors_of, refresh
from indicators.indicator.auth import STANDING, WRITERS, can_report, can_review
from indicators.models import Indicator, IndicatorValue, Plan, Share, ValueRevision
from indicators.report.duties import NAME_IN_EVENT
from indicators.vocabulary import PERIODICITY_LABELS, Comparator, Periodicity, Status, Unit


@dataclass
class Report:
    """What an agency states for a period: a number (or, for a qualitative indicator, a status) with proof."""

    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    claimed_status: Status | None = None
    note: str = ""
    source: str = ""
    evidence: list[dict[str, Any]] | None = None


def reporting_agencies(indicator: Indicator, contributors: list[Share]) -> set[uuid.UUID]:
    """The agencies that report values: the contributors, or the monitoring agency when nobody else does."""
    found = {s.agency_id for s in contributors}
    if not found and indicator.monitoring_agency_id is not None:
        found.add(indicator.monitoring_agency_id)
    return found


async def reporters(session: AsyncSession, indicator: Indicator) -> set[uuid.UUID]:
    return reporting_agencies(indicator, await contributors_of(session, indicator.id))


async def schedule_of(session: AsyncSession, indicator: Indicator) -> ReportSchedule:
    plan = await session.get(Plan, indicator.plan_id)
    return ReportSchedule.from_json(plan.report_schedule if plan else None)


class ValueService:
    def __init__(self, session: AsyncSession, principal: Principal) -> None:
        self.session, self.principal = session, principal

    async def create(
        self, indicator: Indicator, agency_id: uuid.UUID | None, period_code: str, report: Report, *, submit: bool
    ) -> IndicatorValue:
        agency_id = await self._reporting_agency(indicator, agency_id)
        if await self.session.scalar(select(Indicator.id).where(Indicator.parent_id == indicator.id).limit(1)):
            raise InvalidInput.on("indicator", "Chỉ tiêu gộp: hãy báo cáo số liệu theo từng chỉ tiêu thành phần.")
        period = self._period(indicator, period_code)
        self._check(indicator, report)
        existing = await self.session.scalar(
            select(IndicatorValue.id).where(
                IndicatorValue.indicator_id == indicator.id,
                IndicatorValue.agency_id == agency_id,
                IndicatorValue.period == period.code,
            )
        )
        if existing is not None:
            message = f"Đơn vị đã có số liệu kỳ {period.label} (mã {existing}); hãy sửa số liệu đó thay vì tạo mới."
            raise Conflict(message, errors=[FieldError(field="period", message=message)])
        schedule = await schedule_of(self.session, indicator)
        value = IndicatorValue(
            indicator_id=indicator.id,
            agency_id=agency_id,
            period=period.code,
            period_end=period.end,
            due_on=schedule.due_on(period),
            author=self.principal.username,
            state="draft",
            version=1,
        )
        _apply(value, report)
        self.session.add(value)
        await self.session.flush()
        self._revision(value, "created")
        if submit:
            await self._submit(indicator, value)
        await self.session.flush()
        return value

    async def correct(self, indicator: Indicator, value: IndicatorValue, report: Report, *, submit: bool) -> None:
        await self.may_report(indicator, value.agency_id)
        self._check(indicator, report)
        was_accepted = value.state == "accepted"
        _apply(value, report)
        value.author = self.principal.username
        if value.state in ("accepted", "returned"):
            value.state = "draft"
        value.version += 1
        self._revision(value, "corrected")
        if submit and value.state == "draft":
            await self._submit(indicator, value)
        await self.session.flush()
        if was_accepted:
            await refresh(self.session, indicator)

    async def submit(self, indicator: Indicator, value: IndicatorValue) -> None:
        await self.may_report(indicator, value.agency_id)
        if value.state != "draft":
            raise Conflict(
                f"Chỉ gửi được số liệu đang soạn; số liệu này đang ở trạng thái “{STATE_LABELS[value.state]}”."
            )
        await self._submit(indicator, value)
        value.version += 1
        await self.session.flush()

    def may_review(self, indicator: Indicator, value: IndicatorValue) -> None:
        if not can_review(self.principal, indicator, value):
            raise Forbidden(
                "Chỉ lãnh đạo cơ quan chủ trì theo dõi hoặc cơ quan thường trực được thẩm định, "
                "và không thẩm định số liệu do chính mình gửi."
            )

    async def review(self, indicator: Indicator, value: IndicatorValue, decision: str, reason: str) -> None:
        self.may_review(indicator, value)
        if value.state != "submitted":
            raise Conflict(f"Chỉ thẩm định số liệu đã gửi; số liệu này đang “{STATE_LABELS[value.state]}”.")
        if decision == "return" and not reason.strip():
            raise InvalidInput.on("reason", "Trả lại số liệu cần nêu lý do.")
        value.state = "accepted" if decision == "accept" else "returned"
        value.return_reason = reason.strip() if decision == "return" else None
        value.reviewed_at, value.reviewed_by = datetime.now(UTC), self.principal.username
        value.version += 1
        self._revision(value, "accepted" if decision == "accept" else "returned", reason=value.return_reason)
        if decision == "accept" and value.claimed_status is not None:
            indicator.manual_status = value.claimed_status
        await self.session.flush()
        if decision == "accept":
            await refresh(self.session, indicator)
        await self._event(f"value.{value.state}", indicator, value)

    async def _submit(self, indicator: Indicator, value: IndicatorValue) -> None:
        now = datetime.now(UTC)
        value.state, value.submitted_at, value.submitted_by = "submitted", now, self.principal.username
        value.late = is_late(parse_period(value.period), now, await schedule_of(self.session, indicator))
        value.return_reason = None
        self._revision(value, "submitted")
        await self._event("value.submitted", indicator, value)

    async def _reporting_agency(self, indicator: Indicator, agency_id: uuid.UUID | None) -> uuid.UUID:
        if not self.principal.has_role(*STANDING, *WRITERS):  # who may, before what they sent
            raise Forbidden("Vai trò của bạn chỉ được xem, không được báo cáo số liệu.")
        allowed = await reporters(self.session, indicator)
        if agency_id is None:
            mine = [a for a in allowed if a in self.principal.agency_subtree]
            if len(mine) != 1:
                raise InvalidInput.on("agency_id", "Hãy chọn đơn vị báo cáo (agency_id).")
            agency_id = mine[0]
        if agency_id not in allowed:
            raise InvalidInput.on("agency_id", "Đơn vị này không được giao báo cáo chỉ tiêu.")
        await self.may_report(indicator, agency_id)
        return agency_id

    async def may_report(self, indicator: Indicator, agency_id: uuid.UUID) -> None:
        if not can_report(self.principal, await reporters(self.session, indicator), agency_id):
            raise Forbidden("Chỉ cán bộ, lãnh đạo của đơn vị được giao mới báo cáo số liệu của đơn vị.")

    def _period(self, indicator: Indicator, code: str) -> Period:
        try:
            period = parse_period(code)
        except ValueError as exc:
            raise InvalidInput.on("period", str(exc)) from exc
        kind = Periodicity(indicator.periodicity)
        if period.kind is not kind:
            raise InvalidInput.on(
                "period", f"Chỉ tiêu báo cáo theo kỳ “{PERIODICITY_LABELS[kind]}”; kỳ {code} không khớp."
            )
        if period.start > current_period(kind, today()).start:
            raise InvalidInput.on("period", f"Kỳ {period.label} chưa bắt đầu.")
        return period

    def _check(self, indicator: Indicator, report: Report) -> None:
        if indicator.comparator == Comparator.QUALITATIVE:
            if report.claimed_status is None or report.value is not None:
                raise InvalidInput.on(
                    "claimed_status", "Chỉ tiêu định tính: báo cáo trạng thái (claimed_status), không nhập số."
                )
            if not report.evidence and not report.note.strip():
                raise InvalidInput.on("evidence", "Trạng thái của chỉ tiêu định tính cần minh chứng hoặc thuyết minh.")
            return
        if report.value is None:
            raise InvalidInput.on("value", "Cần nhập giá trị của kỳ báo cáo.")
        if report.claimed_status is not None:
            raise InvalidInput.on(
                "claimed_status", "Chỉ tiêu định lượng: trạng thái được tính từ số liệu, không tự khai."
            )
        unit = Unit(indicator.unit) if indicator.unit else Unit.COUNT
        if (problem := validate_value(unit, report.value)) is not None:
            raise InvalidInput.on("value", problem)
        if (report.numerator is None) != (report.denominator is None):
            raise InvalidInput.on("denominator", "Tử số và mẫu số phải đi cùng nhau.")
        if report.denominator is not None and report.denominator <= 0:
            raise InvalidInput.on("denominator", "Mẫu số phải lớn hơn 0.")

    def _revision(self, value: IndicatorValue, action: str, reason: str | None = None) -> None:
        self.session.add(
            ValueRevision(
                value_id=value.id,
                action=action,
                state=value.state,
                value=value.value,
                claimed_status=value.claimed_status,
                note=value.note,
                reason=reason,
                actor=self.principal.username,
                at=datetime.now(UTC),
            )
        )

    async def _event(self, event_type: str, indicator: Indicator, value: IndicatorValue) -> None:
        agencies = [a for a in (value.agency_id, indicator.monitoring_agency_id) if a is not None]
        await publish(
            self.session,
            outbox,
            event_type,
            subject_type="indicator_value",
            subject_id=str(value.id),
            payload={
                "indicator_id": str(indicator.id),
                "indicator_name": indicator.text[:NAME_IN_EVENT],
                "plan_id": str(indicator.plan_id),
                "agency_id": str(value.agency_id),
                "period": value.period,
                "period_label": parse_period(value.period).label,
                "state": value.state,
                "late": value.late,
                "reason": value.return_reason,
            },
            agency_ids=agencies,
            actor=self.principal.username,
        )


STATE_LABELS = {
    "draft": "Đang soạn",
    "submitted": "Chờ thẩm định",
    "accepted": "Đã chấp nhận",
    "returned": "Bị trả lại",
}


def _apply(value: IndicatorValue, report: Report) -> None:
    value.value, value.numerator, value.denominator = report.value, report.numerator, report.denominator
    value.claimed_status = report.claimed_status.value if report.claimed_status else None
    value.note, value.source, value.evidence = report.note, report.source, report.evidence or []
