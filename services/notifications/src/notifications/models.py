"""Tables of the notifications service.

Copies of what it needs from the other services' feeds (agencies, users, task deadlines, reporting duties),
the rules and the calendar it applies, and what it sends: a notice is one thing that happened to one subject
(unique per subject, event and occurrence); a delivery is that notice for one recipient on one channel (unique
per notice, recipient and channel), which is what makes a reminder impossible to send twice."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from common.db import utcnow
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

from notifications.db import Base, Timestamped

CHANNELS = ("inbox", "email", "digest", "webhook")
DELIVERY_STATES = ("pending", "sending", "sent", "skipped", "dead")
AUDIENCES = ("officers", "managers", "members", "reviewers", "leaders")


class Agency(AgencyColumns, Base):
    __tablename__ = "agencies"


class FeedCursor(FeedCursorColumns, Base):
    __tablename__ = "feed_cursors"


class User(Base):
    """People, copied from the gateway's identity feed: who is in which agency, with which roles and e-mail."""

    __tablename__ = "users"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    full_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), index=True)
    roles: Mapped[list[str]] = mapped_column(ARRAY(String(30)))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    synced_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Deadline(Base):
    """One lead agency's share of a task, copied from the tasks feed: when it is due and whether it is open."""

    __tablename__ = "deadlines"
    __table_args__ = (
        # The day's due set is a range scan over open deadlines only.
        Index("ix_deadlines_open_due", "due_on", postgresql_where=text("open")),
        # A later round of the day starts from the few open deadlines changed since the last one.
        Index("ix_deadlines_open_changed", "updated_at", postgresql_where=text("open")),
    )

    task_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    plan_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), index=True)
    plan_symbol: Mapped[str] = mapped_column(String(80), default="")
    number: Mapped[str] = mapped_column(String(20), default="")
    title: Mapped[str] = mapped_column(Text)
    deadline_text: Mapped[str] = mapped_column(String(300), default="")
    periodic: Mapped[bool] = mapped_column(Boolean, default=False)
    due_on: Mapped[date | None] = mapped_column(Date)
    open: Mapped[bool] = mapped_column(Boolean, default=True)
    reviewer_agency_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class TaskShare(Base):
    """Every agency on a task (lead or coordinator), to tell a new assignment from one already announced."""

    __tablename__ = "task_shares"

    task_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    role: Mapped[str] = mapped_column(String(20))


class ReportPlan(Base):
    """A plan that sets indicators, with its report schedule, copied from the indicators feed."""

    __tablename__ = "report_plans"

    plan_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    plan_key: Mapped[str] = mapped_column(String(60), default="")
    plan_symbol: Mapped[str] = mapped_column(String(80), default="")
    schedule: Mapped[dict[str, Any]] = mapped_column(JSONB)


class ReportDuty(Base):
    """An agency owes a value of this indicator every period of its kind."""

    __tablename__ = "report_duties"
    __table_args__ = (Index(None, "plan_id", "periodicity"),)

    indicator_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    plan_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    periodicity: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(Text, default="")


class ReportSubmission(Base):
    """A value given (submitted or accepted) for a period; a returned or draft value does not count."""

    __tablename__ = "report_submissions"

    indicator_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    period: Mapped[str] = mapped_column(String(10), primary_key=True)


class Rule(Timestamped, Base):
    """When and to whom a kind of notice goes: the defaults (no plan, no agency), or an override for a plan or
    for one agency. The most specific applies: agency, then plan, then the default."""

    __tablename__ = "rules"
    __table_args__ = (
        UniqueConstraint("key", "plan_id", "agency_id", postgresql_nulls_not_distinct=True),
        CheckConstraint("plan_id IS NULL OR agency_id IS NULL", name="one_scope"),
    )

    key: Mapped[str] = mapped_column(String(50))
    plan_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    agency_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    params: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)


class CalendarDay(Base):
    """A day the province sets apart from the national calendar: an extra day off or a make-up working day."""

    __tablename__ = "calendar_days"
    __table_args__ = (CheckConstraint("kind IN ('off', 'work')", name="kind"),)

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(4))
    note: Mapped[str] = mapped_column(String(300), default="")
    created_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Preference(Base):
    """A user's choice to turn one event off (or back on) on one channel; no row means the default: on."""

    __tablename__ = "preferences"

    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    event_type: Mapped[str] = mapped_column(String(50), primary_key=True)
    channel: Mapped[str] = mapped_column(String(10), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean)


class RecipientSetting(Base):
    __tablename__ = "recipient_settings"

    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    digest: Mapped[bool] = mapped_column(Boolean, default=False)  # one e-mail a day instead of one per notice
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class Webhook(Timestamped, Base):
    """An agency's endpoint that receives its notices as signed JSON."""

    __tablename__ = "webhooks"

    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    secret: Mapped[str] = mapped_column(String(100))  # kept: every request is signed with it
    event_types: Mapped[list[str]] = mapped_column(ARRAY(String(50)), default=list)  # empty = every event
    description: Mapped[str] = mapped_column(String(300), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str] = mapped_column(String(200), default="")


class Notice(Base):
    """One thing to tell: a reminder for a deadline on a day, or an event read from a feed."""

    __tablename__ = "notices"
    __table_args__ = (
        UniqueConstraint("subject_type", "subject_id", "event_type", "occurrence"),
        CheckConstraint(f"audience IN {AUDIENCES}", name="audience"),
        Index("ix_notices_unfanned", "id", postgresql_where=text("fanned_out_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    subject_type: Mapped[str] = mapped_column(String(30))
    subject_id: Mapped[str] = mapped_column(String(120))
    event_type: Mapped[str] = mapped_column(String(50))
    occurrence: Mapped[str] = mapped_column(String(120))
    # Who hears of it: a kind of audience within one agency (or the province's leaders).
    audience: Mapped[str] = mapped_column(String(20))
    agency_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    context: Mapped[dict[str, Any]] = mapped_column(JSONB)
    link: Mapped[str | None] = mapped_column(String(300))
    reminder: Mapped[bool] = mapped_column(Boolean, default=False)  # a newer reminder replaces an unread one
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)  # sent outside the sending window too
    # A reminder holds while its deadline does: the (task, lead agency, due date) it was computed for.
    task_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    holder_agency_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    due_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    fanned_out_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Delivery(Base):
    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("notice_id", "recipient_id", "channel"),
        CheckConstraint(f"channel IN {CHANNELS}", name="channel"),
        CheckConstraint(f"status IN {DELIVERY_STATES}", name="status"),
        # Workers claim what is due: pending, or sending with an expired claim.
        Index("ix_deliveries_due", "next_attempt_at", postgresql_where=text("status IN ('pending', 'sending')")),
        Index(None, "recipient_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"), index=True)
    recipient_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))  # a user, or a webhook
    channel: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(SmallInteger, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    claimed_by: Mapped[str | None] = mapped_column(String(80))
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class InboxItem(Base):
    """What a person sees in the app; at most one unread reminder per subject is live."""

    __tablename__ = "inbox_items"
    __table_args__ = (
        Index("ix_inbox_items_user_live", "user_id", "id", postgresql_where=text("superseded_at IS NULL")),
        Index(
            "uq_inbox_items_live_reminder",
            "user_id",
            "subject_type",
            "subject_id",
            unique=True,
            postgresql_where=text("reminder AND read_at IS NULL AND superseded_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True))
    delivery_id: Mapped[int] = mapped_column(ForeignKey("deliveries.id", ondelete="CASCADE"), unique=True)
    event_type: Mapped[str] = mapped_column(String(50))
    subject_type: Mapped[str] = mapped_column(String(30))
    subject_id: Mapped[str] = mapped_column(String(120))
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(String(300))
    reminder: Mapped[bool] = mapped_column(Boolean, default=False)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    superseded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ScheduleRun(Base):
    """The last round of reminders computed for a day: a later round only looks at deadlines changed since,
    unless the rules or the calendar changed."""

    __tablename__ = "schedule_runs"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    ran_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
