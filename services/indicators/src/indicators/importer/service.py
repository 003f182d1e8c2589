"""Import a Phụ lục I table into a plan: dry run with row-level errors and the rows a person must look at,
then (without errors) create or update the indicators and their agencies. The same file twice changes nothing."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from decimal import Decimal

from common.auth import Principal, actor_name
from common.directory.matching import AgencyMatcher, Match, Resolved
from common.directory.repository import DirectoryRepository
from common.errors import FieldError, InvalidInput
from common.outbox import publish
from common.sheets import read_rows
from common.text import fold
from pydantic import BaseModel, Field
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from indicators.db import outbox
from indicators.importer.layout import COLUMNS, IndicatorRow, Layout, lay_out
from indicators.indicator.assess import refresh
from indicators.models import Agency, ImportRun, Indicator, Plan, Share
from indicators.report.duties import publish_duties
from indicators.report.obligations import rebuild_obligations
from indicators.vocabulary import Aggregation, Comparator, Unit


class RowIssue(BaseModel):
    row: int = Field(description="Số dòng trong tệp (dòng 1 là tiêu đề)")
    field: str
    message: str
    value: str | None = None
    suggestion: str | None = None


class ReviewRow(BaseModel):
    row: int
    tt: str
    text: str
    reasons: list[str]


class ImportReport(BaseModel):
    dry_run: bool
    plan_key: str
    filename: str
    sha256: str
    indicators: int = Field(description="Chỉ tiêu (không kể chỉ tiêu thành phần)")
    parts: int = Field(description="Chỉ tiêu thành phần của chỉ tiêu gộp")
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    already_imported: bool = False
    errors: list[RowIssue]
    needs_review: list[ReviewRow] = Field(description="So sánh, chỉ tiêu hoặc đơn vị chưa đọc được: cần người xem")
    qualitative: list[ReviewRow] = Field(description="Chỉ tiêu định tính: đánh giá thủ công có minh chứng")


@dataclass
class Assignees:
    monitoring: uuid.UUID | None
    contributors: list[tuple[uuid.UUID, str, Decimal | None, str | None]]  # agency, written, split, unit


class ImportService:
    def __init__(self, session: AsyncSession, actor: Principal | str) -> None:
        self.session, self.actor = session, actor

    async def run(self, plan: Plan, filename: str, data: bytes, *, dry_run: bool) -> ImportReport:
        layout = lay_out(read_rows(filename, data))
        sha = hashlib.sha256(data).hexdigest()
        report = ImportReport(
            dry_run=dry_run,
            plan_key=plan.key,
            filename=filename,
            sha256=sha,
            indicators=sum(1 for r in layout.rows if r.parent_row is None),
            parts=sum(1 for r in layout.rows if r.parent_row is not None),
            errors=[RowIssue(row=e.row, field=e.field, message=e.message) for e in layout.errors],
            needs_review=[],
            qualitative=[],
        )
        matcher = await DirectoryRepository(self.session, Agency).matcher()
        assignees = self._check(plan, layout, matcher, report)
        _list_for_people(layout, report)
        previous = await self.session.scalar(
            select(ImportRun).where(ImportRun.plan_id == plan.id, ImportRun.sha256 == sha)
        )
        if previous is not None and not report.errors:
            report.already_imported, report.unchanged = True, len(layout.rows)
            return report
        if dry_run:
            await self._count_changes(plan, layout, report)
            return report
        if report.errors:
            raise InvalidInput(
                "Tệp có lỗi; chưa ghi gì. Hãy chạy thử (dry_run=true) để xem từng dòng.",
                errors=[FieldError(field=f"dòng {e.row}: {e.field}", message=e.message) for e in report.errors[:200]],
            )
        await self._apply(plan, layout, assignees, report)
        self.session.add(
            ImportRun(
                plan_id=plan.id,
                filename=filename,
                sha256=sha,
                indicators=report.indicators,
                actor=actor_name(self.actor),
            )
        )
        await self.session.flush()
        await publish(
            self.session,
            outbox,
            "indicators.imported",
            subject_type="plan",
            subject_id=str(plan.id),
            payload=report.model_dump(mode="json", include={"plan_key", "indicators", "created", "updated"}),
            actor=actor_name(self.actor),
        )
        return report

    def _check(self, plan: Plan, layout: Layout, matcher: AgencyMatcher, report: ImportReport) -> dict[int, Assignees]:
        found: dict[int, Assignees] = {}
        for row in layout.rows:
            resolved = _resolve(row, matcher)
            ok = True
            for written, r, _split in resolved:
                if r.match is Match.UNMATCHED or (r.match is Match.MENTION):
                    hint = f" Có phải “{r.suggestion}”?" if r.suggestion else ""
                    why = "không có đơn vị nào trong danh bạ" if r.match is Match.MENTION else "không có trong danh bạ"
                    report.errors.append(
                        RowIssue(
                            row=row.row,
                            field=COLUMNS[2],
                            message=f"“{written}” {why}.{hint}",
                            value=written,
                            suggestion=r.suggestion,
                        )
                    )
                    ok = False
            if ok:
                found[row.row] = _assignees(plan, resolved)
        report.errors.sort(key=lambda e: e.row)
        return found

    async def _existing(self, plan: Plan) -> dict[str, Indicator]:
        rows = await self.session.scalars(select(Indicator).where(Indicator.plan_id == plan.id))
        return {i.import_key: i for i in rows.all()}

    async def _count_changes(self, plan: Plan, layout: Layout, report: ImportReport) -> None:
        existing = await self._existing(plan)
        for row in layout.rows:
            indicator = existing.get(row.key)
            if indicator is None:
                report.created += 1
            elif _differs(indicator, row):
                report.updated += 1
            else:
                report.unchanged += 1

    async def _apply(self, plan: Plan, layout: Layout, assignees: dict[int, Assignees], report: ImportReport) -> None:
        existing = await self._existing(plan)
        by_row: dict[int, Indicator] = {}
        touched: list[Indicator] = []
        parents = {r.parent_row for r in layout.rows if r.parent_row is not None}
        for position, row in enumerate(layout.rows, start=1):
            indicator = existing.get(row.key)
            if indicator is None:
                indicator = Indicator(plan_id=plan.id, import_key=row.key, version=1)
                self.session.add(indicator)
                report.created += 1
            elif _differs(indicator, row) or indicator.position != position:
                indicator.version += 1
                report.updated += 1
            else:
                report.unchanged += 1
                by_row[row.row] = indicator
                continue
            _fill(indicator, row, position, row.row in parents)
            parent = by_row.get(row.parent_row) if row.parent_row else None
            indicator.parent_id = parent.id if parent else None
            who = assignees[row.row]
            indicator.monitoring_agency_id = who.monitoring
            indicator.aggregation = (row.aggregation or _default_aggregation(row, who)).value
            await self.session.flush()
            await self._share(indicator, who)
            by_row[row.row] = indicator
            touched.append(indicator)
        for indicator in reversed(touched):  # parts before the composite they make up
            await refresh(self.session, indicator)
        if touched:
            await rebuild_obligations(self.session)
            # A part added under an unchanged row still makes that composite owe nothing: its duties go out too.
            by_id = {i.id: i for i in by_row.values()}
            composites = {by_id[i.parent_id] for i in touched if i.parent_id in by_id}
            await publish_duties(self.session, {*touched, *composites}, actor_name(self.actor))

    async def _share(self, indicator: Indicator, who: Assignees) -> None:
        await self.session.execute(delete(Share).where(Share.indicator_id == indicator.id))
        if who.monitoring is not None:
            self.session.add(Share(indicator_id=indicator.id, agency_id=who.monitoring, role="monitoring"))
        for agency_id, written, split, unit in who.contributors:
            self.session.add(
                Share(
                    indicator_id=indicator.id,
                    agency_id=agency_id,
                    role="contributor",
                    written=written,
                    split_target=split,
                    split_unit_label=unit,
                )
            )
        await self.session.flush()


def _resolve(
    row: IndicatorRow, matcher: AgencyMatcher
) -> list[tuple[str, Resolved, tuple[Decimal | None, str | None]]]:
    """Each name of the agency cell, with its split target when the plan gives one."""
    if row.splits:
        return [(s.agency_text, matcher.resolve(s.agency_text), (s.value, s.unit_label)) for s in row.splits]
    return [(r.written, r, (None, None)) for r in matcher.resolve_cell(row.agency_cell)]


def _assignees(plan: Plan, resolved: list[tuple[str, Resolved, tuple[Decimal | None, str | None]]]) -> Assignees:
    contributors: list[tuple[uuid.UUID, str, Decimal | None, str | None]] = []
    seen: set[uuid.UUID] = set()
    for written, r, (split, unit) in resolved:
        for agency_id in r.agency_ids:
            if agency_id not in seen:
                seen.add(agency_id)
                contributors.append((agency_id, written, split, unit))
    single = len(resolved) == 1 and resolved[0][1].match is Match.AGENCY and resolved[0][2][0] is None
    # One named agency monitors what it reports; shared or split indicators are monitored by the standing agency.
    monitoring = contributors[0][0] if single else plan.standing_agency_id
    return Assignees(monitoring=monitoring, contributors=contributors)


def _default_aggregation(row: IndicatorRow, who: Assignees) -> Aggregation:
    if len(who.contributors) <= 1:
        return Aggregation.MANUAL
    if any(split is not None for _, _, split, _ in who.contributors):
        return Aggregation.SUM
    unit = row.unit or row.target.unit
    return Aggregation.SUM if unit in (Unit.COUNT, Unit.VISITORS, Unit.BILLION_VND) else Aggregation.MEAN


def _fill(indicator: Indicator, row: IndicatorRow, position: int, composite: bool) -> None:
    target = row.target
    indicator.position, indicator.tt, indicator.text = position, row.tt, row.text
    indicator.part_label = row.part.label if row.part else None
    indicator.part_kind = row.part.kind if row.part else None
    indicator.part_tt = row.part_tt
    indicator.milestone_year, indicator.milestone_label = row.milestone.year, row.milestone.label
    indicator.sector, indicator.sector_label, indicator.sector_tt = row.sector.value, row.sector_label, row.sector_tt
    indicator.metric_key, indicator.periodicity, indicator.note = row.metric_key, row.periodicity.value, row.note
    indicator.monitoring_text = row.agency_cell
    indicator.search = fold(f"{row.tt} {row.text} {row.agency_cell} {row.metric_key or ''}")
    if composite:
        # Its parts carry the numbers; its status is theirs combined.
        indicator.comparator, indicator.unit, indicator.unit_label = Comparator.QUALITATIVE.value, None, None
        indicator.target_value = indicator.target_low = indicator.target_high = None
        indicator.target_text, indicator.per_year = None, False
        indicator.needs_review, indicator.review_reasons = False, []
        return
    indicator.comparator = target.comparator.value
    indicator.target_value, indicator.target_low, indicator.target_high = target.value, target.low, target.high
    indicator.target_text = target.text_of_target
    unit = row.unit or target.unit
    indicator.unit = unit.value if unit else None
    indicator.unit_label, indicator.per_year = target.unit_label, target.per_year
    indicator.needs_review, indicator.review_reasons = target.needs_review, list(target.reasons)


def _differs(indicator: Indicator, row: IndicatorRow) -> bool:
    return (
        indicator.text != row.text
        or indicator.monitoring_text != row.agency_cell
        or indicator.metric_key != row.metric_key
        or indicator.periodicity != row.periodicity.value
        or indicator.sector != row.sector.value
        or (indicator.note or "") != row.note
    )


def _list_for_people(layout: Layout, report: ImportReport) -> None:
    parents = {r.parent_row for r in layout.rows if r.parent_row is not None}
    for row in layout.rows:
        if row.row in parents:
            continue
        entry = ReviewRow(row=row.row, tt=row.tt, text=row.text, reasons=list(row.target.reasons))
        if row.target.needs_review:
            report.needs_review.append(entry)
        elif row.target.comparator is Comparator.QUALITATIVE:
            report.qualitative.append(entry)
