"""Import a plan's task table: a dry run reports every problem row by row and writes nothing; a real run
writes everything or nothing, and running it again with the same file changes nothing."""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict

from common.auth import Principal, actor_name
from common.directory.matching import AgencyMatcher, Match, Resolved
from common.directory.repository import DirectoryRepository
from common.errors import FieldError, InvalidInput
from common.sheets import read_rows
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tasks.deadline import DeadlineKind, parse_deadline
from tasks.importer.layout import COLUMNS, Layout, TaskRow, lay_out
from tasks.models import Agency, ImportRun, Plan, Section, Task
from tasks.task.rules import today
from tasks.task.schemas import TaskCreate
from tasks.task.service import Assignee, TaskService


class RowIssue(BaseModel):
    row: int = Field(description="Số dòng trong tệp (dòng tiêu đề là 1)")
    field: str
    message: str
    value: str = ""
    suggestion: str | None = None


class NameUse(BaseModel):
    name: str
    rows: list[int]
    suggestion: str | None = None


class ImportReport(BaseModel):
    dry_run: bool
    plan_id: uuid.UUID
    filename: str
    sha256: str
    headings: int
    tasks: int
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowIssue]
    unmatched_agencies: list[NameUse] = Field(description="Tên cơ quan không khớp danh bạ (lỗi, phải sửa)")
    unparsed_deadlines: list[NameUse] = Field(
        description="Thời hạn chưa hiểu được: lưu nguyên văn, cần người nhập ngày"
    )
    mentioned_only: list[NameUse] = Field(
        description="Tên nhóm/đối tượng ngoài danh bạ: giữ nguyên văn, không giao việc"
    )


def _uses(found: dict[str, list[int]], suggestions: dict[str, str | None] | None = None) -> list[NameUse]:
    return [NameUse(name=n, rows=r, suggestion=(suggestions or {}).get(n)) for n, r in sorted(found.items())]


class ImportService:
    def __init__(self, session: AsyncSession, actor: Principal | str) -> None:
        self.session, self.actor = session, actor
        self.tasks = TaskService(session, actor)

    async def run(self, plan: Plan, filename: str, data: bytes, *, dry_run: bool) -> ImportReport:
        layout = lay_out(read_rows(filename, data))
        matcher = await DirectoryRepository(self.session, Agency).matcher()
        owner = plan.issuer_agency_id
        report = ImportReport(
            dry_run=dry_run,
            plan_id=plan.id,
            filename=filename,
            sha256=hashlib.sha256(data).hexdigest(),
            headings=len(layout.headings),
            tasks=len(layout.tasks),
            errors=[RowIssue(row=e.row, field=e.field, message=e.message) for e in layout.errors],
            unmatched_agencies=[],
            unparsed_deadlines=[],
            mentioned_only=[],
        )
        resolved = self._check(layout, matcher, owner, report)
        if dry_run:
            await self._count_changes(plan, layout, report)
            return report
        if report.errors:
            raise InvalidInput(
                "Tệp có lỗi; chưa ghi gì. Hãy chạy thử (dry_run=true) để xem từng dòng.",
                errors=[FieldError(field=f"dòng {e.row}: {e.field}", message=e.message) for e in report.errors[:200]],
            )
        await self._apply(plan, layout, resolved, report)
        self.session.add(
            ImportRun(
                plan_id=plan.id,
                filename=filename,
                sha256=report.sha256,
                actor=actor_name(self.actor),
                summary=report.model_dump(mode="json", include={"tasks", "created", "updated", "unchanged"}),
            )
        )
        await self.session.flush()
        return report

    def _check(
        self, layout: Layout, matcher: AgencyMatcher, owner: uuid.UUID | None, report: ImportReport
    ) -> dict[int, tuple[list[Resolved], list[Resolved]]]:
        unmatched: dict[str, list[int]] = defaultdict(list)
        suggestions: dict[str, str | None] = {}
        mentions: dict[str, list[int]] = defaultdict(list)
        deadlines: dict[str, list[int]] = defaultdict(list)
        resolved: dict[int, tuple[list[Resolved], list[Resolved]]] = {}
        for row in layout.tasks:
            leads = matcher.resolve_cell(row.lead, owner)
            coordinators = matcher.resolve_cell(row.coordinators, owner)
            resolved[row.row] = (leads, coordinators)
            for column, names in ((COLUMNS[2], leads), (COLUMNS[3], coordinators)):
                for r in names:
                    if r.match is Match.UNMATCHED:
                        unmatched[r.written].append(row.row)
                        suggestions[r.written] = r.suggestion
                        hint = f" Có phải “{r.suggestion}”?" if r.suggestion else ""
                        report.errors.append(
                            RowIssue(
                                row=row.row,
                                field=column,
                                message=f"Không tìm thấy “{r.written}” trong danh bạ đơn vị.{hint}",
                                value=r.written,
                                suggestion=r.suggestion,
                            )
                        )
                    elif r.match is Match.MENTION:
                        mentions[r.written].append(row.row)
            if row.deadline and parse_deadline(row.deadline).kind is DeadlineKind.UNKNOWN:
                deadlines[row.deadline].append(row.row)
            elif not row.deadline:
                deadlines["(để trống)"].append(row.row)
        report.errors.sort(key=lambda e: e.row)
        report.unmatched_agencies = _uses(unmatched, suggestions)
        report.mentioned_only = _uses(mentions)
        report.unparsed_deadlines = _uses(deadlines)
        return resolved

    async def _existing(self, plan: Plan) -> dict[str, Task]:
        rows = await self.session.scalars(select(Task).where(Task.plan_id == plan.id, Task.import_key.is_not(None)))
        return {t.import_key: t for t in rows.all() if t.import_key}

    async def _count_changes(self, plan: Plan, layout: Layout, report: ImportReport) -> None:
        existing = await self._existing(plan)
        for row in layout.tasks:
            task = existing.get(row.key)
            if task is None:
                report.created += 1
            elif _differs(task, row):
                report.updated += 1
            else:
                report.unchanged += 1

    async def _apply(
        self,
        plan: Plan,
        layout: Layout,
        resolved: dict[int, tuple[list[Resolved], list[Resolved]]],
        report: ImportReport,
    ) -> None:
        sections = await self._sections(plan, layout)
        existing = await self._existing(plan)
        by_row: dict[int, Task] = {}
        day = today()
        for position, row in enumerate(layout.tasks, start=1):
            leads, coordinators = (_assignees(r) for r in resolved[row.row])
            section_id = sections.get(row.section_path) if row.section_path else None
            parent = by_row.get(row.parent_row) if row.parent_row else None
            task = existing.get(row.key)
            if task is None:
                task = await self.tasks.create(
                    plan,
                    TaskCreate(
                        section_id=section_id,
                        number=row.number,
                        title=row.title,
                        result=row.result,
                        lead_text=row.lead,
                        coordinator_text=row.coordinators,
                        deadline_text=row.deadline,
                        is_priority=row.is_priority,
                    ),
                    leads=leads,
                    coordinators=coordinators,
                    position=position,
                    parent=parent,
                    import_key=row.key,
                    on=day,
                )
                report.created += 1
            elif _differs(task, row) or task.position != position or task.section_id != section_id:
                await self._update(task, row, section_id, position, parent, leads, coordinators)
                report.updated += 1
            else:
                report.unchanged += 1
            by_row[row.row] = task

    async def _update(
        self,
        task: Task,
        row: TaskRow,
        section_id: uuid.UUID | None,
        position: int,
        parent: Task | None,
        leads: list[Assignee],
        coordinators: list[Assignee],
    ) -> None:
        before = {
            "title": task.title,
            "result": task.result,
            "lead_text": task.lead_text,
            "deadline_text": task.deadline_text,
        }
        task.section_id, task.position, task.parent_task_id = section_id, position, parent.id if parent else None
        task.number, task.title, task.result, task.is_priority = row.number, row.title, row.result, row.is_priority
        task.lead_text, task.coordinator_text = row.lead, row.coordinators
        if row.deadline != task.deadline_text:
            await self.tasks.change_deadline(task, row.deadline, reason="Nhập lại từ tệp")
        await self.tasks.set_shares(task, leads, coordinators)
        shares = await self.tasks.refresh(task)
        after = {
            "title": task.title,
            "result": task.result,
            "lead_text": task.lead_text,
            "deadline_text": task.deadline_text,
        }
        await self.tasks.record(
            task, "import.update", {k: [before[k], after[k]] for k in before if before[k] != after[k]}
        )
        await self.tasks.event(task, "task.updated", shares=shares, changed=["import"])

    async def _sections(self, plan: Plan, layout: Layout) -> dict[str, uuid.UUID]:
        current = {
            s.path: s for s in (await self.session.scalars(select(Section).where(Section.plan_id == plan.id))).all()
        }
        ids: dict[str, uuid.UUID] = {}
        for h in layout.headings:
            section = current.get(h.path)
            parent_id = ids.get(h.parent_path) if h.parent_path else None
            if section is None:
                section = Section(id=uuid.uuid4(), plan_id=plan.id, path=h.path)
                self.session.add(section)
            section.parent_id, section.number, section.title = parent_id, h.number, h.title
            section.depth, section.is_priority = h.depth, h.is_priority
            ids[h.path] = section.id
        await self.session.flush()
        return ids


def _assignees(names: list[Resolved]) -> list[Assignee]:
    found: list[Assignee] = []
    for r in names:
        found += [Assignee(a, r.group) for a in r.agency_ids]
    return found


def _differs(task: Task, row: TaskRow) -> bool:
    return (
        task.number,
        task.title,
        task.result,
        task.lead_text,
        task.coordinator_text,
        task.deadline_text,
        task.is_priority,
    ) != (
        row.number,
        row.title,
        row.result,
        row.lead,
        row.coordinators,
        row.deadline,
        row.is_priority,
    )
