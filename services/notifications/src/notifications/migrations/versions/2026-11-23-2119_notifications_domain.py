"""The notifications domain: copies of the directory, people, deadlines and reporting duties from the feeds;
rules with their defaults, the province's calendar, preferences and webhooks; notices, deliveries and the inbox.

Revision ID: notifications_0002
Revises: notifications_0001
Create Date: 2026-11-23 21:19:44.258346
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# The defaults of the issue that set them; later changes go through the rules API, not through this file.
DEFAULT_RULES = {
    "task.due": {"before": [7, 3, 1], "on_day": True, "overdue": True, "overdue_every": 3, "open_before": None},
    "task.report_due": {"before": [3, 1], "on_day": True, "overdue": True, "overdue_every": 3, "open_before": None},
    "task.escalation": {
        "levels": [{"after": 5, "to": "managers"}, {"after": 10, "to": "reviewers"}, {"after": 20, "to": "leaders"}]
    },
    "indicator.report": {"before": [5, 1], "on_day": False, "overdue": True, "overdue_every": 0, "open_before": 15},
    "task.assigned": {},
    "task.returned": {},
    "task.extension_decided": {},
    "task.directive": {},
    "task.commented": {},
    "indicator.value_returned": {},
    "indicator.value_accepted": {},
}

revision: str = "notifications_0002"
down_revision: str | None = "notifications_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("short_name", sa.String(length=150), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("parent_id", sa.UUID(), nullable=True),
        sa.Column("aliases", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("merged_into_id", sa.UUID(), nullable=True),
        sa.Column("synced_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('province', 'department', 'division', 'commune', 'university', 'other')",
            name=op.f("ck_agencies_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agencies")),
        sa.UniqueConstraint("code", name=op.f("uq_agencies_code")),
        schema="notifications",
    )
    op.create_index(
        op.f("ix_notifications_agencies_parent_id"), "agencies", ["parent_id"], unique=False, schema="notifications"
    )
    op.create_table(
        "calendar_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=4), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('off', 'work')", name=op.f("ck_calendar_days_kind")),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_days")),
        schema="notifications",
    )
    op.create_table(
        "deadlines",
        sa.Column("task_id", sa.UUID(), nullable=False),
        sa.Column("agency_id", sa.UUID(), nullable=False),
        sa.Column("plan_id", sa.UUID(), nullable=False),
        sa.Column("plan_symbol", sa.String(length=80), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("deadline_text", sa.String(length=300), nullable=False),
        sa.Column("periodic", sa.Boolean(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("open", sa.Boolean(), nullable=False),
        sa.Column("reviewer_agency_id", sa.UUID(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("task_id", "agency_id", name=op.f("pk_deadlines")),
        schema="notifications",
    )
    op.create_index(
        "ix_deadlines_open_due",
        "deadlines",
        ["due_on"],
        unique=False,
        schema="notifications",
        postgresql_where=sa.text("open"),
    )
    op.create_index(
        op.f("ix_notifications_deadlines_plan_id"), "deadlines", ["plan_id"], unique=False, schema="notifications"
    )
    op.create_table(
        "feed_cursors",
        sa.Column("feed", sa.String(length=50), nullable=False),
        sa.Column("cursor", sa.String(length=64), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("feed", name=op.f("pk_feed_cursors")),
        schema="notifications",
    )
    op.create_table(
        "notices",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("subject_type", sa.String(length=30), nullable=False),
        sa.Column("subject_id", sa.String(length=120), nullable=False),
        sa.Column("event_type", sa.String(length=50), nullable=False),
        sa.Column("occurrence", sa.String(length=120), nullable=False),
        sa.Column("audience", sa.String(length=20), nullable=False),
        sa.Column("agency_id", sa.UUID(), nullable=True),
        sa.Column("context", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("link", sa.String(length=300), nullable=True),
        sa.Column("reminder", sa.Boolean(), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("task_id", sa.UUID(), nullable=True),
        sa.Column("holder_agency_id", sa.UUID(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("fanned_out_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "audience IN ('officers', 'managers', 'members', 'reviewers', 'leaders')", name=op.f("ck_notices_audience")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
        sa.UniqueConstraint(
            "subject_type",
            "subject_id",
            "event_type",
            "occurrence",
            name=op.f("uq_notices_subject_type_subject_id_event_type_occurrence"),
        ),
        schema="notifications",
    )
    op.create_index(
        "ix_notices_unfanned",
        "notices",
        ["id"],
        unique=False,
        schema="notifications",
        postgresql_where=sa.text("fanned_out_at IS NULL"),
    )
    op.create_table(
        "preferences",
        sa.Column("user_id", sa.UUID(), nullable=False),
        sa.Column("event_type", sa.String(length=50), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", "event_type", "channel", name=op.f("pk_preferences")),
        schema="notifications",
    )
    op.create_table(
        "recipient_settings",
        sa.Column("user_id", sa.UUID(), nullable=False),
        sa.Column("digest", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_recipient_settings")),
        schema="notifications",
    )
    op.create_table(
        "report_duties",
        sa.Column("indicator_id", sa.UUID(), nullable=False),
        sa.Column("agency_id", sa.UUID(), nullable=False),
        sa.Column("plan_id", sa.UUID(), nullable=False),
        sa.Column("periodicity", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("indicator_id", "agency_id", name=op.f("pk_report_duties")),
        schema="notifications",
    )
    op.create_index(
        op.f("ix_notifications_report_duties_plan_id"),
        "report_duties",
        ["plan_id", "periodicity"],
        unique=False,
        schema="notifications",
    )
    op.create_table(
        "report_plans",
        sa.Column("plan_id", sa.UUID(), nullable=False),
        sa.Column("plan_key", sa.String(length=60), nullable=False),
        sa.Column("plan_symbol", sa.String(length=80), nullable=False),
        sa.Column("schedule", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.PrimaryKeyConstraint("plan_id", name=op.f("pk_report_plans")),
        schema="notifications",
    )
    op.create_table(
        "report_submissions",
        sa.Column("indicator_id", sa.UUID(), nullable=False),
        sa.Column("agency_id", sa.UUID(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.PrimaryKeyConstraint("indicator_id", "agency_id", "period", name=op.f("pk_report_submissions")),
        schema="notifications",
    )
    op.create_table(
        "rules",
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("plan_id", sa.UUID(), nullable=True),
        sa.Column("agency_id", sa.UUID(), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("params", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("plan_id IS NULL OR agency_id IS NULL", name=op.f("ck_rules_one_scope")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rules")),
        sa.UniqueConstraint(
            "key",
            "plan_id",
            "agency_id",
            name=op.f("uq_rules_key_plan_id_agency_id"),
            postgresql_nulls_not_distinct=True,
        ),
        schema="notifications",
    )
    op.create_table(
        "schedule_runs",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("ran_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_schedule_runs")),
        schema="notifications",
    )
    op.create_table(
        "task_shares",
        sa.Column("task_id", sa.UUID(), nullable=False),
        sa.Column("agency_id", sa.UUID(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("task_id", "agency_id", name=op.f("pk_task_shares")),
        schema="notifications",
    )
    op.create_table(
        "users",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("agency_id", sa.UUID(), nullable=False),
        sa.Column("roles", postgresql.ARRAY(sa.String(length=30)), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("synced_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        schema="notifications",
    )
    op.create_index(
        op.f("ix_notifications_users_agency_id"), "users", ["agency_id"], unique=False, schema="notifications"
    )
    op.create_table(
        "webhooks",
        sa.Column("agency_id", sa.UUID(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("secret", sa.String(length=100), nullable=False),
        sa.Column("event_types", postgresql.ARRAY(sa.String(length=50)), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhooks")),
        schema="notifications",
    )
    op.create_index(
        op.f("ix_notifications_webhooks_agency_id"), "webhooks", ["agency_id"], unique=False, schema="notifications"
    )
    op.create_table(
        "deliveries",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("notice_id", sa.BigInteger(), nullable=False),
        sa.Column("recipient_id", sa.UUID(), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.SmallInteger(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_by", sa.String(length=80), nullable=True),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("channel IN ('inbox', 'email', 'digest', 'webhook')", name=op.f("ck_deliveries_channel")),
        sa.CheckConstraint(
            "status IN ('pending', 'sending', 'sent', 'skipped', 'dead')", name=op.f("ck_deliveries_status")
        ),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["notifications.notices.id"],
            name=op.f("fk_deliveries_notice_id_notices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliveries")),
        sa.UniqueConstraint(
            "notice_id", "recipient_id", "channel", name=op.f("uq_deliveries_notice_id_recipient_id_channel")
        ),
        schema="notifications",
    )
    op.create_index(
        "ix_deliveries_due",
        "deliveries",
        ["next_attempt_at"],
        unique=False,
        schema="notifications",
        postgresql_where=sa.text("status IN ('pending', 'sending')"),
    )
    op.create_index(
        op.f("ix_notifications_deliveries_notice_id"), "deliveries", ["notice_id"], unique=False, schema="notifications"
    )
    op.create_index(
        op.f("ix_notifications_deliveries_recipient_id"),
        "deliveries",
        ["recipient_id", "created_at"],
        unique=False,
        schema="notifications",
    )
    op.create_table(
        "inbox_items",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("user_id", sa.UUID(), nullable=False),
        sa.Column("delivery_id", sa.BigInteger(), nullable=False),
        sa.Column("event_type", sa.String(length=50), nullable=False),
        sa.Column("subject_type", sa.String(length=30), nullable=False),
        sa.Column("subject_id", sa.String(length=120), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("link", sa.String(length=300), nullable=True),
        sa.Column("reminder", sa.Boolean(), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("superseded_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["delivery_id"],
            ["notifications.deliveries.id"],
            name=op.f("fk_inbox_items_delivery_id_deliveries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_items")),
        sa.UniqueConstraint("delivery_id", name=op.f("uq_inbox_items_delivery_id")),
        schema="notifications",
    )
    op.create_index(
        "ix_inbox_items_user_live",
        "inbox_items",
        ["user_id", "id"],
        unique=False,
        schema="notifications",
        postgresql_where=sa.text("superseded_at IS NULL"),
    )
    op.create_index(
        "uq_inbox_items_live_reminder",
        "inbox_items",
        ["user_id", "subject_type", "subject_id"],
        unique=True,
        schema="notifications",
        postgresql_where=sa.text("reminder AND read_at IS NULL AND superseded_at IS NULL"),
    )
    op.drop_index(op.f("ix_outbox_events_tx_id"), table_name="outbox_events", schema="notifications")
    op.create_index(
        op.f("ix_notifications_outbox_events_tx_id"),
        "outbox_events",
        ["tx_id", "id"],
        unique=False,
        schema="notifications",
    )
    rules = sa.table(
        "rules",
        sa.column("id", sa.UUID()),
        sa.column("key", sa.String()),
        sa.column("enabled", sa.Boolean()),
        sa.column("params", postgresql.JSONB()),
        sa.column("updated_by", sa.String()),
        sa.column("version", sa.Integer()),
        schema="notifications",
    )
    op.bulk_insert(
        rules,
        [
            {"id": uuid.uuid4(), "key": key, "enabled": True, "params": params, "updated_by": "mặc định", "version": 1}
            for key, params in DEFAULT_RULES.items()
        ],
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_notifications_outbox_events_tx_id"), table_name="outbox_events", schema="notifications")
    op.create_index(
        op.f("ix_outbox_events_tx_id"), "outbox_events", ["tx_id", "id"], unique=False, schema="notifications"
    )
    op.drop_index(
        "uq_inbox_items_live_reminder",
        table_name="inbox_items",
        schema="notifications",
        postgresql_where=sa.text("reminder AND read_at IS NULL AND superseded_at IS NULL"),
    )
    op.drop_index(
        "ix_inbox_items_user_live",
        table_name="inbox_items",
        schema="notifications",
        postgresql_where=sa.text("superseded_at IS NULL"),
    )
    op.drop_table("inbox_items", schema="notifications")
    op.drop_index(op.f("ix_notifications_deliveries_recipient_id"), table_name="deliveries", schema="notifications")
    op.drop_index(op.f("ix_notifications_deliveries_notice_id"), table_name="deliveries", schema="notifications")
    op.drop_index(
        "ix_deliveries_due",
        table_name="deliveries",
        schema="notifications",
        postgresql_where=sa.text("status IN ('pending', 'sending')"),
    )
    op.drop_table("deliveries", schema="notifications")
    op.drop_index(op.f("ix_notifications_webhooks_agency_id"), table_name="webhooks", schema="notifications")
    op.drop_table("webhooks", schema="notifications")
    op.drop_index(op.f("ix_notifications_users_agency_id"), table_name="users", schema="notifications")
    op.drop_table("users", schema="notifications")
    op.drop_table("task_shares", schema="notifications")
    op.drop_table("schedule_runs", schema="notifications")
    op.drop_table("rules", schema="notifications")
    op.drop_table("report_submissions", schema="notifications")
    op.drop_table("report_plans", schema="notifications")
    op.drop_index(op.f("ix_notifications_report_duties_plan_id"), table_name="report_duties", schema="notifications")
    op.drop_table("report_duties", schema="notifications")
    op.drop_table("recipient_settings", schema="notifications")
    op.drop_table("preferences", schema="notifications")
    op.drop_index(
        "ix_notices_unfanned",
        table_name="notices",
        schema="notifications",
        postgresql_where=sa.text("fanned_out_at IS NULL"),
    )
    op.drop_table("notices", schema="notifications")
    op.drop_table("feed_cursors", schema="notifications")
    op.drop_index(op.f("ix_notifications_deadlines_plan_id"), table_name="deadlines", schema="notifications")
    op.drop_index(
        "ix_deadlines_open_due", table_name="deadlines", schema="notifications", postgresql_where=sa.text("open")
    )
    op.drop_table("deadlines", schema="notifications")
    op.drop_table("calendar_days", schema="notifications")
    op.drop_index(op.f("ix_notifications_agencies_parent_id"), table_name="agencies", schema="notifications")
    op.drop_table("agencies", schema="notifications")
