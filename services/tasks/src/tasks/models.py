"""Tables of the tasks service: the agency directory copy, plans and sections, tasks and their assignments,
progress, evidence, comments, extension requests, deadline history, audit trail and import runs."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from common.directory.tables import AgencyColumns, FeedCursorColumns
from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from tasks.db import Base, Timestamped

ASSIGNMENT_ROLES = ("lead", "coordinator")
# Stored states; "overdue" and "due soon" are facts of the date and are computed, never stored.
STATUSES = (
    "not_started",
    "in_progress",
    "awaiting_condition",
    "submitted",
    "returned",
    "completed_on_time",
    "completed_after_extension",
    "completed_late",
    "cancelled",
)
DEADLINE_KINDS = ("date", "window", "recurring", "ongoing", "conditional", "unknown")


class Agency(AgencyColumns, Base):
    __tablename__ = "agencies"


class FeedCursor(FeedCursorColumns, Base):
    __tablename__ = "feed_cursors"


class Plan(Timestamped, Base):
    __tablename__ = "plans"

    key: Mapped[str | None] = mapped_column(String(80), unique=True)
    kind: Mapped[str] = mapped_column(String(80))
    symbol: Mapped[str] = mapped_column(String(80))
    issued_on: Mapped[date | None] = mapped_column(Date)
    issued_text: Mapped[str | None] = mapped_column(String(80))
    issuer: Mapped[str] = mapped_column(String(300))
    issuer_agency_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    # The agency that follows the plan, reviews reports and accepts completion (cơ quan thường trực).
    standing_agency_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    title: Mapped[str] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class PlanParent(Base):
    """The plan implements its parent ("căn cứ"); together they form a graph."""

    __tablename__ = "plan_parents"
    __table_args__ = (CheckConstraint("plan_id <> parent_id", name="not_self"),)

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True)
    parent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True)


class Section(Base):
    """The plan's own groups (Roman numerals, numbered parts, rows that only group sub-items), nested."""

    __tablename__ = "sections"
    __table_args__ = (UniqueConstraint("plan_id", "path"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(20), default="")
    title: Mapped[str] = mapped_column(Text)
    # Position of the heading in the document, e.g. "0002.0001": stable order and identity for re-imports.
    path: Mapped[str] = mapped_column(String(200))
    depth: Mapped[int] = mapped_column(SmallInteger, default=0)
    is_priority: Mapped[bool] = mapped_column(Boolean, default=False)


class Task(Timestamped, Base):
    __tablename__ = "tasks"
    __table_args__ = (
        CheckConstraint(f"status IN {STATUSES}", name="status"),
        CheckConstraint(f"deadline_kind IN {DEADLINE_KINDS}", name="deadline_kind"),
        CheckConstraint("percent BETWEEN 0 AND 100", name="percent"),
        UniqueConstraint("plan_id", "import_key"),
        # Scoping: the agencies that may see the task (assignees and the agencies that cascaded it).
        Index("ix_tasks_visible_to", "visible_to", postgresql_using="gin"),
        Index("ix_tasks_search", "search_text", postgresql_using="gin", postgresql_ops={"search_text": "gin_trgm_ops"}),
        Index("ix_tasks_due", text("coalesce(due_on, DATE 'infinity')"), "id"),
        Index("ix_tasks_status_due", "status", text("coalesce(due_on, DATE 'infinity')"), "id"),
    )

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id", ondelete="RESTRICT"), index=True)
    section_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sections.id", ondelete="SET NULL"), index=True)
    parent_task_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    # The agency that gave this task out: the plan's standing agency, or the lead that cascaded it.
    assigned_by_agency_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    number: Mapped[str] = mapped_column(String(20), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text)
    result: Mapped[str] = mapped_column(Text, default="")
    lead_text: Mapped[str] = mapped_column(Text, default="")
    coordinator_text: Mapped[str] = mapped_column(Text, default="")
    responsible_person: Mapped[str] = mapped_column(String(200), default="")
    is_priority: Mapped[bool] = mapped_column(Boolean, default=False)
    deadline_text: Mapped[str] = mapped_column(String(300), default="")
    deadline_kind: Mapped[str] = mapped_column(String(20), default="unknown")
    # For dated tasks the deadline; for recurring and ongoing ones the end of the period not yet reported.
    due_on: Mapped[date | None] = mapped_column(Date)
    window_start: Mapped[date | None] = mapped_column(Date)
    window_end: Mapped[date | None] = mapped_column(Date)
    recurrence: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    condition: Mapped[str | None] = mapped_column(Text)
    deadline_needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(30), default="not_started")
    percent: Mapped[int] = mapped_column(SmallInteger, default=0)
    completed_on: Mapped[date | None] = mapped_column(Date)
    # Which of the "6 rõ" the task does not yet meet (computed on every write).
    unclear: Mapped[list[str]] = mapped_column(ARRAY(String(20)), default=list)
    visible_to: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(UUID(as_uuid=True)), default=list)
    search_text: Mapped[str] = mapped_column(Text, default="")
    import_key: Mapped[str | None] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class TaskScope(Base):
    """Who may see a task, one row per agency in its `visible_to`, with the two facts agency lists filter on
    most (status, due date). Written only by a trigger on `tasks`, so it cannot drift from `visible_to`; an
    agency's page of open tasks due in a window is then an index range, not a visit to each of its tasks."""

    __tablename__ = "task_scope"
    __table_args__ = (
        Index("ix_task_scope_agency_status_due", "agency_id", "status", "due_key", "task_id"),
        Index("ix_task_scope_task_id", "task_id"),
    )

    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    task_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(30))
    due_key: Mapped[date] = mapped_column(Date)  # the due date, or 'infinity' when there is none


class Assignment(Timestamped, Base):
    """One agency's share of a task, as lead or coordinator, with its own status and progress."""

    __tablename__ = "assignments"
    __table_args__ = (
        UniqueConstraint("task_id", "agency_id"),
        CheckConstraint(f"role IN {ASSIGNMENT_ROLES}", name="role"),
        CheckConstraint(f"status IN {STATUSES}", name="status"),
        CheckConstraint("percent BETWEEN 0 AND 100", name="percent"),
        Index("ix_assignments_agency", "agency_id", "task_id"),
    )

    task_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    role: Mapped[str] = mapped_column(String(20))
    # The group phrase it came from ("UBND cấp xã"), or None when the agency was named.
    via_group: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(30), default="not_started")
    percent: Mapped[int] = mapped_column(SmallInteger, default=0)
    # This share's own due date: for recurring and ongoing tasks each agency reports its own periods.
    due_on: Mapped[date | None] = mapped_column(Date)
    submitted_on: Mapped[date | None] = mapped_column(Date)
    completed_on: Mapped[date | None] = mapped_column(Date)
    last_update_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class ProgressUpdate(Base):
    __tablename__ = "progress_updates"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    task_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    assignment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"))
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    author: Mapped[str] = mapped_column(String(200))
    percent: Mapped[int] = mapped_column(SmallInteger)
    narrative: Mapped[str] = mapped_column(Text, default="")
    submitted: Mapped[bool] = mapped_column(Boolean, default=False)
    # The reporting period a recurring or ongoing task reported for (its end date).
    period_end: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Evidence(Base):
    """A result document: its number and date, a link, or an uploaded file (kept by the storage backend)."""

    __tablename__ = "evidence"
    __table_args__ = (CheckConstraint("kind IN ('document', 'link', 'file')", name="kind"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    task_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    update_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("progress_updates.id", ondelete="SET NULL"))
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    kind: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(500), default="")
    document_number: Mapped[str | None] = mapped_column(String(100))
    document_date: Mapped[date | None] = mapped_column(Date)
    url: Mapped[str | None] = mapped_column(String(2000))
    storage_key: Mapped[str | None] = mapped_column(String(300))
    filename: Mapped[str | None] = mapped_column(String(300))
    content_type: Mapped[str | None] = mapped_column(String(150))
    size: Mapped[int | None] = mapped_column(BigInteger)
    sha256: Mapped[str | None] = mapped_column(String(64))
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Comment(Base):
    """A comment, or a leader's directive (ý kiến chỉ đạo), possibly addressed to one agency."""

    __tablename__ = "comments"
    __table_args__ = (CheckConstraint("kind IN ('comment', 'directive')", name="kind"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    task_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    body: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200))
    author_agency_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    addressed_agency_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ExtensionRequest(Base):
    __tablename__ = "extension_requests"
    __table_args__ = (
        CheckConstraint("state IN ('pending', 'approved', 'refused', 'withdrawn')", name="state"),
        # At most one open request per task: a second one waits for the first decision.
        Index("uq_extension_requests_pending", "task_id", unique=True, postgresql_where=text("state = 'pending'")),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    task_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    requested_by: Mapped[str] = mapped_column(String(200))
    current_due: Mapped[date | None] = mapped_column(Date)
    proposed_due: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10), default="pending")
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decision_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class DeadlineChange(Base):
    """Every change of a task's deadline: the history keeps both dates."""

    __tablename__ = "deadline_changes"

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    task_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    old_text: Mapped[str] = mapped_column(String(300))
    new_text: Mapped[str] = mapped_column(String(300))
    old_due: Mapped[date | None] = mapped_column(Date)
    new_due: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    extension_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("extension_requests.id"))
    actor: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class HistoryEntry(Base):
    """Audit trail: who changed what on a task, when, old → new."""

    __tablename__ = "task_history"

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    task_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(50))
    actor: Mapped[str] = mapped_column(String(200))
    actor_agency_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    changes: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ImportRun(Base):
    __tablename__ = "import_runs"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(200))
    summary: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
