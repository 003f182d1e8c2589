"""The tasks feed: keep each lead agency's deadline and every agency's share of a task, and announce what
happened to an agency — assigned a task, a result returned, an extension decided, a directive or comment."""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from notifications.clock import Clock
from notifications.models import Deadline, TaskShare
from notifications.notice.announce import Announcement, agency_names, announce, recent, task_link, vn_date_or_none
from notifications.rule.book import RuleBook
from notifications.rule.firing import RuleKey

PERIODIC = {"recurring", "ongoing"}
# A lead share in these states still owes its result; submitted waits for review, finished ones owe nothing.
OPEN_SHARE = {"not_started", "in_progress", "returned"}
ROLE_LABELS = {"lead": "chủ trì", "coordinator": "phối hợp"}
# Task events that are news for an agency by themselves (assignments are read from the shares of any event).
ANNOUNCED = {"task.returned", "task.extension_decided", "task.directive", "task.commented"}


def _uuid(value: str | None) -> uuid.UUID | None:
    return uuid.UUID(value) if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def task_facts(p: dict[str, Any]) -> dict[str, Any]:
    """What every task notice says about the task."""
    return {
        "task_number": p.get("number") or "",
        "task_title": p.get("title") or "",
        "plan_symbol": p.get("plan_symbol") or "",
        "deadline_text": p.get("deadline_text") or "",
        "due_date": vn_date_or_none(_date(p.get("due_on"))),
    }


class TaskFeed:
    """Applies one page of task events; `finish` announces the page's new assignments, one per agency and plan."""

    def __init__(self, clock: Clock, announce_max_age: timedelta) -> None:
        self.clock, self.max_age = clock, announce_max_age
        self._book: RuleBook | None = None
        # (agency, plan, role) → the payloads of the tasks the page gave it
        self._assigned: dict[tuple[uuid.UUID, uuid.UUID, str], list[dict[str, Any]]] = defaultdict(list)

    async def book(self, session: AsyncSession) -> RuleBook:
        if self._book is None:
            self._book = await RuleBook.load(session)
        return self._book

    async def apply(self, session: AsyncSession, event: dict[str, Any]) -> None:
        p = event["payload"]
        if event["subject_type"] != "task" or "shares" not in p:
            return
        task_id = uuid.UUID(p["task_id"])
        before = {
            row.agency_id: row.role
            for row in (await session.scalars(select(TaskShare).where(TaskShare.task_id == task_id))).all()
        }
        shares = [s | {"agency_id": uuid.UUID(s["agency_id"])} for s in p["shares"]]
        await self._copy(session, task_id, p, shares)
        if not recent(event, self.clock.now(), self.max_age):
            return
        for share in shares:
            if before.get(share["agency_id"]) != share["role"] and p.get("status") != "cancelled":
                self._assigned[(share["agency_id"], uuid.UUID(p["plan_id"]), share["role"])].append(p)
        await self._announce(session, event, task_id, p)

    async def _copy(
        self, session: AsyncSession, task_id: uuid.UUID, p: dict[str, Any], shares: list[dict[str, Any]]
    ) -> None:
        await session.execute(delete(TaskShare).where(TaskShare.task_id == task_id))
        if shares:
            await session.execute(
                insert(TaskShare).values(
                    [{"task_id": task_id, "agency_id": s["agency_id"], "role": s["role"]} for s in shares]
                )
            )
        periodic = p.get("deadline_kind") in PERIODIC
        leads = [s for s in shares if s["role"] == "lead"]
        await session.execute(
            delete(Deadline).where(
                Deadline.task_id == task_id, Deadline.agency_id.not_in([s["agency_id"] for s in leads])
            )
        )
        if not leads:
            return
        rows = []
        for s in leads:
            due = _date(s.get("due_on")) if periodic else _date(p.get("due_on"))
            rows.append(
                {
                    "task_id": task_id,
                    "agency_id": s["agency_id"],
                    "plan_id": uuid.UUID(p["plan_id"]),
                    "plan_symbol": p.get("plan_symbol") or "",
                    "number": p.get("number") or "",
                    "title": p.get("title") or "",
                    "deadline_text": (p.get("deadline_text") or "")[:300],
                    "periodic": periodic,
                    "due_on": due,
                    "open": p.get("status") != "cancelled" and s.get("status") in OPEN_SHARE and due is not None,
                    "reviewer_agency_id": _uuid(p.get("assigned_by_agency_id")),
                    "updated_at": func.now(),  # real time, like the scheduler's rounds
                }
            )
        stmt = insert(Deadline).values(rows)
        await session.execute(
            stmt.on_conflict_do_update(
                index_elements=[Deadline.task_id, Deadline.agency_id],
                set_={k: stmt.excluded[k] for k in rows[0] if k not in ("task_id", "agency_id")},
            )
        )

    async def _announce(
        self, session: AsyncSession, event: dict[str, Any], task_id: uuid.UUID, p: dict[str, Any]
    ) -> None:
        kind = event["event_type"]
        if kind not in ANNOUNCED:
            return
        facts = task_facts(p)
        book = await self.book(session)
        plan_id = uuid.UUID(p["plan_id"])
        occurrence = f"event:{event['cursor']}"
        found: list[Announcement] = []

        def to(key: RuleKey, agency: uuid.UUID | None, audience: str, context: dict[str, Any], **extra: Any) -> None:
            if agency is not None and book.resolve(key, plan_id=plan_id, agency_id=agency).enabled:
                found.append(
                    Announcement(
                        "task",
                        str(task_id),
                        key.value,
                        occurrence,
                        audience,
                        agency,
                        facts | context,
                        task_link(task_id),
                        **extra,
                    )
                )

        ids = {uuid.UUID(s["agency_id"]) for s in p["shares"]} | {_uuid(p.get("agency_id"))}
        names = await agency_names(session, ids)
        if kind == "task.returned":
            agency = _uuid(p.get("agency_id"))
            to(
                RuleKey.TASK_RETURNED,
                agency,
                "officers",
                {"agency_name": names.get(agency, ""), "reason": p.get("reason") or ""},
            )
        elif kind == "task.extension_decided":
            agency = _uuid(p.get("agency_id"))
            context = {
                "agency_name": names.get(agency, ""),
                "approved": bool(p.get("approved")),
                "note": p.get("note") or "",
            }
            to(RuleKey.TASK_EXTENSION, agency, "members", context)
        elif kind in ("task.directive", "task.commented"):
            key = RuleKey.TASK_DIRECTIVE if kind == "task.directive" else RuleKey.TASK_COMMENTED
            context = {"author": event.get("actor") or "", "body": p.get("body") or ""}
            addressed = _uuid(p.get("addressed_agency_id"))
            if addressed is not None:
                targets = [addressed]
            elif key is RuleKey.TASK_DIRECTIVE:  # a directive to nobody in particular is for every lead agency
                targets = [uuid.UUID(s["agency_id"]) for s in p["shares"] if s["role"] == "lead"]
            else:
                targets = []
            author_agency = _uuid(p.get("author_agency_id"))
            for agency in targets:
                if agency != author_agency:
                    to(key, agency, "members", context, urgent=key is RuleKey.TASK_DIRECTIVE)
        await announce(session, *found)

    async def finish(self, session: AsyncSession) -> None:
        """One notice per agency, plan and role for what the page assigned: a plan's import is one message, not 40."""
        book = await self.book(session)
        found: list[Announcement] = []
        names = await agency_names(session, {agency for agency, _, _ in self._assigned})
        for (agency, plan_id, role), items in self._assigned.items():
            if not book.resolve(RuleKey.TASK_ASSIGNED, plan_id=plan_id, agency_id=agency).enabled:
                continue
            first = items[0]
            task_ids = sorted(i["task_id"] for i in items)
            subject_type, subject_id, link = ("task", first["task_id"], task_link(first["task_id"]))
            if len(items) > 1:
                subject_type, subject_id, link = ("plan", str(plan_id), f"/tasks?plan_id={plan_id}")
            context = task_facts(first) | {
                "agency_name": names.get(agency, ""),
                "role_label": ROLE_LABELS.get(role, role),
                "tasks_count": len(items),
            }
            found.append(
                Announcement(
                    subject_type,
                    subject_id,
                    RuleKey.TASK_ASSIGNED.value,
                    # Which tasks the notice is about, short enough for the key whatever their number.
                    f"{agency}:{role}:{hashlib.sha256(':'.join(task_ids).encode()).hexdigest()[:32]}",
                    "members",
                    agency,
                    context,
                    link,
                )
            )
        await announce(session, *found)
        self._assigned.clear()
        self._book = None
