"""Writes to tasks: create, edit, cascade, assignments, and the bookkeeping every write shares — roll-up,
the 6-rõ check, who may see it, the audit trail and the outbox event, all in the caller's transaction."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any

from common.auth import Principal, actor_name
from common.directory.repository import DirectoryRepository
from common.errors import Forbidden, InvalidInput
from common.outbox import publish
from common.roles import Role
from common.text import fold
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from tasks.db import outbox
from tasks.deadline import Deadline, DeadlineKind, next_occurrence, parse_deadline
from tasks.models import Agency, Assignment, DeadlineChange, HistoryEntry, Plan, Section, Task
from tasks.task.rules import (
    ClarityFacts,
    Share,
    Status,
    roll_up,
    today,
    unclear,
)
from tasks.task.schemas import CascadeCreate, TaskCreate, TaskUpdate

PERIODIC_KINDS = (DeadlineKind.RECURRING.value, DeadlineKind.ONGOING.value)


@dataclasses.dataclass(frozen=True)
class Assignee:
    agency_id: uuid.UUID
    via_group: str | None = None


def actor_agency(actor: Principal | str) -> uuid.UUID | None:
    return None if isinstance(actor, str) else actor.agency_id


def apply_deadline(task: Task, text: str, on: date) -> Deadline:
    """Keep the phrase as written and store what it means; periodic tasks are due at the end of this period."""
    parsed = parse_deadline(text)
    task.deadline_text = text
    task.deadline_kind = parsed.kind.value
    task.window_start, task.window_end = parsed.start, parsed.end
    task.recurrence = dataclasses.asdict(parsed.recurrence) if parsed.recurrence else None
    task.condition = parsed.condition
    task.deadline_needs_review = parsed.needs_review
    if parsed.kind.value in PERIODIC_KINDS:
        task.due_on = next_occurrence(parsed, on.fromordinal(on.toordinal() - 1))
    elif parsed.kind is DeadlineKind.WINDOW:
        task.due_on = parsed.end or parsed.due
    else:
        task.due_on = parsed.due
    return parsed


def search_text(task: Task) -> str:
    return fold(" | ".join([task.number, task.title, task.result, task.lead_text, task.coordinator_text]))


class TaskService:
    def __init__(self, session: AsyncSession, actor: Principal | str) -> None:
        self.session, self.actor = session, actor

    # ---- bookkeeping shared by every write

    async def record(self, task: Task, action: str, changes: dict[str, Any]) -> None:
        self.session.add(
            HistoryEntry(
                task_id=task.id,
                action=action,
                actor=actor_name(self.actor),
                actor_agency_id=actor_agency(self.actor),
                changes=changes,
            )
        )

    async def event(self, task: Task, event_type: str, *, shares: list[Assignment] | None = None, **extra: Any) -> None:
        """Publish the change with everything a follower needs to keep its own copy of who owes what by when
        (it never reads this schema); `shares` are the task's as just read, or are read here."""
        shares = shares if shares is not None else await self.shares(task)
        plan = await self.session.get(Plan, task.plan_id)  # the identity map: no query in an import
        payload = {
            "task_id": str(task.id),
            "plan_id": str(task.plan_id),
            "plan_symbol": plan.symbol if plan else None,
            "parent_task_id": str(task.parent_task_id) if task.parent_task_id else None,
            "number": task.number,
            "title": task.title,
            "status": task.status,
            "percent": task.percent,
            "deadline_text": task.deadline_text,
            "deadline_kind": task.deadline_kind,
            "due_on": _iso(task.due_on),
            "extended": task.extended,
            "assigned_by_agency_id": str(task.assigned_by_agency_id) if task.assigned_by_agency_id else None,
            "shares": [
                {"agency_id": str(a.agency_id), "role": a.role, "status": a.status, "due_on": _iso(a.due_on)}
                for a in sorted(shares, key=lambda a: (a.role != "lead", str(a.agency_id)))
            ],
            **extra,
        }
        await publish(
            self.session,
            outbox,
            event_type,
            subject_type="task",
            subject_id=str(task.id),
            payload=payload,
            agency_ids=list(task.visible_to),
            actor=actor_name(self.actor),
        )

    async def shares(self, task: Task) -> list[Assignment]:
        stmt = select(Assignment).where(Assignment.task_id == task.id).order_by(Assignment.created_at)
        return list((await self.session.scalars(stmt)).all())

    async def refresh(self, task: Task, *, reviewer_known: bool | None = None) -> list[Assignment]:
        """Recompute everything derived from the task and its shares, then let the parent follow; returns the
        shares it read, for the event that usually comes next."""
        shares = await self.shares(task)
        leads = [a for a in shares if a.role == "lead"]
        waiting = task.deadline_kind == DeadlineKind.CONDITIONAL.value and task.due_on is None
        if task.status != Status.CANCELLED:
            status, task.percent = roll_up([Share(Status(a.status), a.percent) for a in leads], waiting=waiting)
            task.status = status.value
            task.completed_on = max((a.completed_on for a in leads if a.completed_on), default=None)
        if task.deadline_kind in PERIODIC_KINDS:
            open_dues = [a.due_on for a in leads if a.due_on is not None]
            task.due_on = min(open_dues) if open_dues else task.due_on
        parent_visible: list[uuid.UUID] = []
        if task.parent_task_id is not None:
            parent = await self.session.get(Task, task.parent_task_id)
            parent_visible = list(parent.visible_to) if parent else []
        seen = {a.agency_id for a in shares} | set(parent_visible)
        if task.assigned_by_agency_id is not None:
            seen.add(task.assigned_by_agency_id)
        task.visible_to = sorted(seen, key=str)
        if reviewer_known is None:
            reviewer_known = task.assigned_by_agency_id is not None
        task.unclear = unclear(
            ClarityFacts(
                responsible_person=task.responsible_person,
                title=task.title,
                deadline_kind=task.deadline_kind,
                deadline_needs_review=task.deadline_needs_review,
                has_due_date=task.due_on is not None,
                lead_count=len(leads),
                result=task.result,
                reviewer_known=reviewer_known,
            )
        )
        task.search_text = search_text(task)
        await self.session.flush()
        if task.parent_task_id is not None:
            await self.roll_into_parent(task)
        return shares

    async def roll_into_parent(self, child: Task) -> None:
        """The cascading agency's share of the parent moves with the children it created."""
        # Locked and re-read: reports on two children of one parent queue here instead of losing one update.
        # Locks are only ever taken child → parent, so two such chains cannot deadlock.
        parent = await self.session.get(Task, child.parent_task_id, with_for_update=True, populate_existing=True)
        if parent is None or child.assigned_by_agency_id is None:
            return
        share = await self.session.scalar(
            select(Assignment).where(
                Assignment.task_id == parent.id, Assignment.agency_id == child.assigned_by_agency_id
            )
        )
        if share is None:
            return
        siblings = (
            await self.session.scalars(
                select(Task).where(
                    Task.parent_task_id == parent.id,
                    Task.assigned_by_agency_id == child.assigned_by_agency_id,
                    Task.status != Status.CANCELLED.value,
                )
            )
        ).all()
        if not siblings:
            return
        share.percent = round(sum(s.percent for s in siblings) / len(siblings))
        if share.status == Status.NOT_STARTED.value and share.percent > 0:
            share.status = Status.IN_PROGRESS.value
        before = {"status": parent.status, "percent": parent.percent}
        shares = await self.refresh(parent)
        # Feed readers (notifications, the IOC) learn of the parent's new figures without a person editing it.
        if changed := sorted(k for k, v in before.items() if getattr(parent, k) != v):
            await self.event(parent, "task.updated", shares=shares, changed=changed, rolled_up_from=str(child.id))

    async def set_shares(self, task: Task, leads: Iterable[Assignee], coordinators: Iterable[Assignee]) -> None:
        """Make the task's shares exactly these; a lead named twice (by name and by group) is one share."""
        wanted: dict[uuid.UUID, tuple[str, str | None]] = {}
        for a in coordinators:
            wanted.setdefault(a.agency_id, ("coordinator", a.via_group))
        for a in leads:
            if wanted.get(a.agency_id, ("", None))[0] != "lead":
                wanted[a.agency_id] = ("lead", a.via_group)
        await self.check_agencies(wanted)
        current = {a.agency_id: a for a in await self.shares(task)}
        removed = [a for agency, a in current.items() if agency not in wanted]
        if removed:
            await self.session.execute(delete(Assignment).where(Assignment.id.in_([a.id for a in removed])))
        for agency, (role, via) in wanted.items():
            if (share := current.get(agency)) is None:
                self.session.add(
                    Assignment(
                        task_id=task.id,
                        agency_id=agency,
                        role=role,
                        via_group=via,
                        due_on=task.due_on,
                        status=Status.AWAITING_CONDITION.value
                        if task.deadline_kind == DeadlineKind.CONDITIONAL.value and task.due_on is None
                        else Status.NOT_STARTED.value,
                    )
                )
            elif share.role != role or share.via_group != via:
                share.role, share.via_group = role, via
        await self.session.flush()

    async def check_agencies(self, agencies: Iterable[uuid.UUID]) -> None:
        ids = set(agencies)
        if not ids:
            return
        known = set(
            (await self.session.scalars(select(Agency.id).where(Agency.id.in_(ids), Agency.active.is_(True)))).all()
        )
        if missing := ids - known:
            raise InvalidInput.on(
                "lead_agency_ids", f"Không có đơn vị đang hoạt động với mã {', '.join(sorted(map(str, missing)))}."
            )

    async def check_section(self, plan_id: uuid.UUID, section_id: uuid.UUID | None) -> None:
        if section_id is None:
            return
        section = await self.session.get(Section, section_id)
        if section is None or section.plan_id != plan_id:
            raise InvalidInput.on("section_id", "Mục này không thuộc văn bản của nhiệm vụ.")

    # ---- writes

    async def create(
        self,
        plan: Plan,
        data: TaskCreate,
        *,
        leads: list[Assignee] | None = None,
        coordinators: list[Assignee] | None = None,
        position: int | None = None,
        parent: Task | None = None,
        import_key: str | None = None,
        on: date | None = None,
        assigned_by: uuid.UUID | None = None,
    ) -> Task:
        """A new task given out by `assigned_by` (default: the plan's standing agency)."""
        await self.check_section(plan.id, data.section_id)
        day = on or today()
        task = Task(
            id=uuid.uuid4(),
            plan_id=plan.id,
            section_id=data.section_id,
            parent_task_id=parent.id if parent else None,
            assigned_by_agency_id=assigned_by or plan.standing_agency_id,
            number=data.number,
            title=data.title,
            result=data.result,
            lead_text=data.lead_text,
            coordinator_text=data.coordinator_text,
            responsible_person=data.responsible_person,
            is_priority=data.is_priority,
            position=position if position is not None else await self._next_position(plan.id),
            import_key=import_key,
            status=Status.NOT_STARTED.value,
            percent=0,
            visible_to=[],
            unclear=[],
        )
        apply_deadline(task, data.deadline_text, day)
        self.session.add(task)
        await self.session.flush()
        await self.set_shares(
            task,
            leads if leads is not None else [Assignee(a) for a in data.lead_agency_ids],
            coordinators if coordinators is not None else [Assignee(a) for a in data.coordinator_agency_ids],
        )
        shares = await self.refresh(task)
        await self.record(
            task, "task.create", {"title": [None, task.title], "deadline_text": [None, task.deadline_text]}
        )
        await self.event(task, "task.created", shares=shares)
        return task

    async def _next_position(self, plan_id: uuid.UUID) -> int:
        last = await self.session.scalar(
            select(Task.position).where(Task.plan_id == plan_id).order_by(Task.position.desc()).limit(1)
        )
        return (last or 0) + 1

    async def update(self, task: Task, data: TaskUpdate) -> Task:
        changes = data.model_dump(exclude_unset=True)
        reason = changes.pop("reason", "")
        before = {k: _plain(getattr(task, k, None)) for k in changes}
        before_due = task.due_on
        for field in ("title",):
            if field in changes and changes[field] is None:
                raise InvalidInput.on(field, "Trường này không được để trống.")
        if "section_id" in changes:
            await self.check_section(task.plan_id, changes["section_id"])
        for key in ("title", "result", "number", "section_id", "responsible_person", "is_priority"):
            if key in changes and changes[key] is not None:
                setattr(task, key, changes[key])
        if changes.get("deadline_text") is not None and changes["deadline_text"] != task.deadline_text:
            await self.change_deadline(task, changes["deadline_text"], reason=reason)
        if "due_on" in changes and changes["due_on"] is not None and changes["due_on"] != task.due_on:
            await self.set_due_date(task, changes["due_on"], reason=reason)
        shares = await self.refresh(task)
        after = {k: _plain(getattr(task, k, None)) for k in changes}
        diff = {k: [before[k], after[k]] for k in changes if before[k] != after[k]}
        if before_due != task.due_on:
            diff["due_on"] = [_plain(before_due), _plain(task.due_on)]
        if diff:
            await self.record(task, "task.update", diff)
            await self.event(task, "task.updated", shares=shares, changed=sorted(diff))
        return task

    async def change_deadline(
        self, task: Task, text: str, *, reason: str, extension_id: uuid.UUID | None = None
    ) -> None:
        old_text, old_due = task.deadline_text, task.due_on
        apply_deadline(task, text, today())
        await self._sync_share_dues(task)
        self.session.add(
            DeadlineChange(
                task_id=task.id,
                old_text=old_text,
                new_text=text,
                old_due=old_due,
                new_due=task.due_on,
                reason=reason,
                extension_id=extension_id,
                actor=actor_name(self.actor),
            )
        )

    async def set_due_date(
        self, task: Task, due: date, *, reason: str, extension_id: uuid.UUID | None = None, text: str | None = None
    ) -> None:
        """A person sets the date the phrase did not give, or an extension moves it; the phrase is kept."""
        old_due = task.due_on
        task.due_on = due
        task.deadline_needs_review = False
        if task.deadline_kind in (DeadlineKind.UNKNOWN.value, DeadlineKind.CONDITIONAL.value):
            task.deadline_kind = DeadlineKind.DATE.value
        await self._sync_share_dues(task)
        for share in await self.shares(task):
            if share.status == Status.AWAITING_CONDITION.value:
                share.status = Status.NOT_STARTED.value
        self.session.add(
            DeadlineChange(
                task_id=task.id,
                old_text=task.deadline_text,
                new_text=text or task.deadline_text,
                old_due=old_due,
                new_due=due,
                reason=reason,
                extension_id=extension_id,
                actor=actor_name(self.actor),
            )
        )
        await self.session.flush()

    async def _sync_share_dues(self, task: Task) -> None:
        for share in await self.shares(task):
            share.due_on = task.due_on

    async def cascade(self, parent: Task, data: CascadeCreate, principal: Principal) -> Task:
        """The lead agency gives part of its task to its divisions or to communes; the child rolls up."""
        giver = data.from_agency_id or principal.agency_id
        leads = {a.agency_id for a in await self.shares(parent) if a.role == "lead"}
        if giver is None or giver not in leads:
            raise InvalidInput.on("from_agency_id", "Chỉ cơ quan chủ trì của nhiệm vụ mới giao tiếp được nhiệm vụ con.")
        if not principal.province_wide and giver not in principal.agency_subtree:
            raise Forbidden("Bạn chỉ giao tiếp nhiệm vụ thay cho đơn vị của mình.")
        if not principal.has_role(Role.ADMIN, Role.COORDINATOR, Role.AGENCY_MANAGER):
            raise Forbidden("Chỉ lãnh đạo đơn vị mới giao nhiệm vụ cho đơn vị cấp dưới hoặc cấp xã.")
        await self._check_cascade_targets(giver, [*data.lead_agency_ids, *data.coordinator_agency_ids])
        plan = await self.session.get(Plan, parent.plan_id)
        assert plan is not None
        child = await self.create(
            plan,
            TaskCreate(
                section_id=parent.section_id,
                title=data.title,
                result=data.result,
                deadline_text=data.deadline_text or parent.deadline_text,
                responsible_person=data.responsible_person,
                is_priority=parent.is_priority,
                number=f"{parent.number}.{len(await self._children(parent)) + 1}" if parent.number else "",
                lead_agency_ids=data.lead_agency_ids,
                coordinator_agency_ids=data.coordinator_agency_ids,
            ),
            parent=parent,
            position=parent.position,
            assigned_by=giver,
        )
        if not data.deadline_text and parent.due_on and child.due_on is None:
            child.due_on = parent.due_on
            await self._sync_share_dues(child)
        shares = await self.refresh(child)
        await self.record(
            parent,
            "task.cascade",
            {
                "child_task_id": [None, str(child.id)],
                "title": [None, child.title],
                "from_agency_id": [None, str(giver)],
            },
        )
        await self.event(child, "task.cascaded", shares=shares, from_agency_id=str(giver))
        return child

    async def _children(self, parent: Task) -> list[Task]:
        return list((await self.session.scalars(select(Task).where(Task.parent_task_id == parent.id))).all())

    async def _check_cascade_targets(self, giver: uuid.UUID, targets: list[uuid.UUID]) -> None:
        directory = DirectoryRepository(self.session, Agency)
        under = await directory.subtree(giver) - {giver}
        kinds = await directory.kinds(set(targets))
        if any(t not in under and kinds.get(t) != "commune" for t in targets):
            raise InvalidInput.on("lead_agency_ids", "Chỉ giao được cho đơn vị cấp dưới của mình hoặc cho UBND cấp xã.")

    async def cancel(self, task: Task, reason: str) -> Task:
        before = task.status
        task.status = Status.CANCELLED.value
        for share in await self.shares(task):
            share.status = Status.CANCELLED.value
        shares = await self.refresh(task)
        await self.record(task, "task.cancel", {"status": [before, task.status], "reason": [None, reason]})
        await self.event(task, "task.cancelled", shares=shares, reason=reason)
        return task


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _plain(value: Any) -> Any:
    if isinstance(value, uuid.UUID | date):
        return str(value) if isinstance(value, uuid.UUID) else value.isoformat()
    return value
