# ruff: noqa: E501
"""The indicators domain: directory copy, plans with report schedules, indicators and their agencies, values
per period with review history, import runs.

Revision ID: indicators_0002
Revises: indicators_0001
Create Date: 2026-11-23 19:07:44.336753
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "indicators_0002"
down_revision: str | None = "indicators_0001"
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
        schema="indicators",
    )
    op.create_index(
        op.f("ix_indicators_agencies_parent_id"), "agencies", ["parent_id"], unique=False, schema="indicators"
    )
    op.create_table(
        "feed_cursors",
        sa.Column("feed", sa.String(length=50), nullable=False),
        sa.Column("cursor", sa.String(length=64), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("feed", name=op.f("pk_feed_cursors")),
        schema="indicators",
    )
    op.create_table(
        "plans",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("symbol", sa.String(length=60), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("standing_agency_id", sa.UUID(), nullable=True),
        sa.Column("report_schedule", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["standing_agency_id"], ["indicators.agencies.id"], name=op.f("fk_plans_standing_agency_id_agencies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
        sa.UniqueConstraint("key", name=op.f("uq_plans_key")),
        schema="indicators",
    )
    op.create_table(
        "import_runs",
        sa.Column("plan_id", sa.UUID(), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("indicators", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["indicators.plans.id"], name=op.f("fk_import_runs_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_runs")),
        sa.UniqueConstraint("plan_id", "sha256", name="plan_file"),
        schema="indicators",
    )
    op.create_table(
        "indicators",
        sa.Column("plan_id", sa.UUID(), nullable=False),
        sa.Column("parent_id", sa.UUID(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("import_key", sa.String(length=40), nullable=False),
        sa.Column("tt", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("search", sa.Text(), nullable=False),
        sa.Column("part_label", sa.Text(), nullable=True),
        sa.Column("part_kind", sa.String(length=20), nullable=True),
        sa.Column("part_tt", sa.String(length=10), nullable=True),
        sa.Column("milestone_year", sa.SmallInteger(), nullable=False),
        sa.Column("milestone_label", sa.String(length=100), nullable=False),
        sa.Column("milestone_tt", sa.String(length=10), nullable=True),
        sa.Column("sector", sa.String(length=40), nullable=False),
        sa.Column("sector_label", sa.Text(), nullable=False),
        sa.Column("sector_tt", sa.String(length=10), nullable=True),
        sa.Column("metric_key", sa.String(length=80), nullable=True),
        sa.Column("comparator", sa.String(length=12), nullable=False),
        sa.Column("target_value", sa.Numeric(), nullable=True),
        sa.Column("target_low", sa.Numeric(), nullable=True),
        sa.Column("target_high", sa.Numeric(), nullable=True),
        sa.Column("target_text", sa.Text(), nullable=True),
        sa.Column("unit", sa.String(length=20), nullable=True),
        sa.Column("unit_label", sa.String(length=60), nullable=True),
        sa.Column("per_year", sa.Boolean(), nullable=False),
        sa.Column("baseline_value", sa.Numeric(), nullable=True),
        sa.Column("baseline_year", sa.SmallInteger(), nullable=True),
        sa.Column("baseline_source", sa.Text(), nullable=True),
        sa.Column("monitoring_agency_id", sa.UUID(), nullable=True),
        sa.Column("monitoring_text", sa.Text(), nullable=False),
        sa.Column("aggregation", sa.String(length=20), nullable=False),
        sa.Column("periodicity", sa.String(length=20), nullable=False),
        sa.Column("data_source", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("review_reasons", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("manual_status", sa.String(length=20), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attainment", sa.Numeric(precision=6, scale=4), nullable=True),
        sa.Column("current_value", sa.Numeric(), nullable=True),
        sa.Column("current_period", sa.String(length=10), nullable=True),
        sa.Column("projected_value", sa.Numeric(), nullable=True),
        sa.Column("assessment", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("assessed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "aggregation IN ('sum', 'mean', 'weighted_mean', 'ratio', 'max', 'min', 'manual')",
            name=op.f("ck_indicators_aggregation"),
        ),
        sa.CheckConstraint(
            "comparator <> 'range' OR (target_low IS NOT NULL AND target_high IS NOT NULL)",
            name=op.f("ck_indicators_range"),
        ),
        sa.CheckConstraint(
            "comparator IN ('gte', 'lte', 'eq', 'range', 'qualitative')", name=op.f("ck_indicators_comparator")
        ),
        sa.CheckConstraint(
            "manual_status IS NULL OR manual_status IN ('achieved', 'on_track', 'needs_acceleration', 'at_risk', 'no_data')",
            name=op.f("ck_indicators_manual_status"),
        ),
        sa.CheckConstraint("periodicity IN ('quarter', 'half_year', 'year')", name=op.f("ck_indicators_periodicity")),
        sa.CheckConstraint(
            "sector IN ('cai_cach_hanh_chinh', 'giao_duc', 'y_te', 'giao_thong', 'nong_nghiep_moi_truong', 'du_lich_van_hoa', 'ha_tang', 'nguon_luc', 'khoa_hoc_cong_nghe', 'doi_moi_sang_tao', 'chuyen_doi_so', 'truyen_thong', 'hoi_nhap_quoc_te', 'khac')",
            name=op.f("ck_indicators_sector"),
        ),
        sa.CheckConstraint(
            "status IN ('achieved', 'on_track', 'needs_acceleration', 'at_risk', 'no_data')",
            name=op.f("ck_indicators_status"),
        ),
        sa.CheckConstraint(
            "unit IS NULL OR unit IN ('percent', 'percent_grdp', 'percent_budget', 'index', 'per_10k', 'count', 'visitors', 'billion_vnd', 'gbps', 'rank')",
            name=op.f("ck_indicators_unit"),
        ),
        sa.ForeignKeyConstraint(
            ["monitoring_agency_id"],
            ["indicators.agencies.id"],
            name=op.f("fk_indicators_monitoring_agency_id_agencies"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["indicators.indicators.id"],
            name=op.f("fk_indicators_parent_id_indicators"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["indicators.plans.id"], name=op.f("fk_indicators_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicators")),
        sa.UniqueConstraint("plan_id", "import_key", name="import_key"),
        schema="indicators",
    )
    op.create_index(
        op.f("ix_indicators_indicators_monitoring_agency_id"),
        "indicators",
        ["monitoring_agency_id"],
        unique=False,
        schema="indicators",
    )
    op.create_index(
        op.f("ix_indicators_indicators_parent_id"), "indicators", ["parent_id"], unique=False, schema="indicators"
    )
    op.create_index(
        "ix_indicators_metric",
        "indicators",
        ["metric_key", "milestone_year"],
        unique=False,
        schema="indicators",
        postgresql_where="metric_key IS NOT NULL",
    )
    op.create_index(
        "ix_indicators_plan_order",
        "indicators",
        ["plan_id", "milestone_year", "position"],
        unique=False,
        schema="indicators",
    )
    op.create_index(
        "ix_indicators_sector_status", "indicators", ["sector", "status"], unique=False, schema="indicators"
    )
    op.create_table(
        "indicator_values",
        sa.Column("indicator_id", sa.UUID(), nullable=False),
        sa.Column("agency_id", sa.UUID(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("value", sa.Numeric(), nullable=True),
        sa.Column("numerator", sa.Numeric(), nullable=True),
        sa.Column("denominator", sa.Numeric(), nullable=True),
        sa.Column("claimed_status", sa.String(length=20), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("evidence", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("return_reason", sa.Text(), nullable=True),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("submitted_by", sa.String(length=200), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reviewed_by", sa.String(length=200), nullable=True),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("demo", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "claimed_status IS NULL OR claimed_status IN ('achieved', 'on_track', 'needs_acceleration', 'at_risk', 'no_data')",
            name=op.f("ck_indicator_values_claimed_status"),
        ),
        sa.CheckConstraint(
            "state IN ('draft', 'submitted', 'accepted', 'returned')", name=op.f("ck_indicator_values_state")
        ),
        sa.CheckConstraint(
            "value IS NOT NULL OR claimed_status IS NOT NULL", name=op.f("ck_indicator_values_has_value")
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["indicators.agencies.id"], name=op.f("fk_indicator_values_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicators.indicators.id"],
            name=op.f("fk_indicator_values_indicator_id_indicators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_values")),
        sa.UniqueConstraint("indicator_id", "agency_id", "period", name="one_per_period"),
        schema="indicators",
    )
    op.create_index(
        "ix_values_period_agency", "indicator_values", ["period", "agency_id"], unique=False, schema="indicators"
    )
    op.create_index(
        "ix_values_review",
        "indicator_values",
        ["state", "indicator_id"],
        unique=False,
        schema="indicators",
        postgresql_where="state = 'submitted'",
    )
    op.create_table(
        "shares",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("indicator_id", sa.UUID(), nullable=False),
        sa.Column("agency_id", sa.UUID(), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("written", sa.Text(), nullable=False),
        sa.Column("split_target", sa.Numeric(), nullable=True),
        sa.Column("split_unit_label", sa.String(length=60), nullable=True),
        sa.Column("weight", sa.Numeric(), nullable=True),
        sa.CheckConstraint("role IN ('monitoring', 'contributor')", name=op.f("ck_shares_role")),
        sa.ForeignKeyConstraint(["agency_id"], ["indicators.agencies.id"], name=op.f("fk_shares_agency_id_agencies")),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicators.indicators.id"],
            name=op.f("fk_shares_indicator_id_indicators"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shares")),
        sa.UniqueConstraint("indicator_id", "agency_id", "role", name="agency_role"),
        schema="indicators",
    )
    op.create_index(
        "ix_shares_agency", "shares", ["agency_id", "role", "indicator_id"], unique=False, schema="indicators"
    )
    op.create_table(
        "value_revisions",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("value_id", sa.UUID(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("value", sa.Numeric(), nullable=True),
        sa.Column("claimed_status", sa.String(length=20), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["value_id"],
            ["indicators.indicator_values.id"],
            name=op.f("fk_value_revisions_value_id_indicator_values"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_value_revisions")),
        schema="indicators",
    )
    op.create_index(
        op.f("ix_indicators_value_revisions_value_id"),
        "value_revisions",
        ["value_id"],
        unique=False,
        schema="indicators",
    )
    op.drop_index(op.f("ix_outbox_events_tx_id"), table_name="outbox_events", schema="indicators")
    op.create_index(
        op.f("ix_indicators_outbox_events_tx_id"), "outbox_events", ["tx_id", "id"], unique=False, schema="indicators"
    )


def downgrade() -> None:

    op.drop_index(op.f("ix_indicators_outbox_events_tx_id"), table_name="outbox_events", schema="indicators")
    op.create_index(op.f("ix_outbox_events_tx_id"), "outbox_events", ["tx_id", "id"], unique=False, schema="indicators")
    op.drop_index(op.f("ix_indicators_value_revisions_value_id"), table_name="value_revisions", schema="indicators")
    op.drop_table("value_revisions", schema="indicators")
    op.drop_index("ix_shares_agency", table_name="shares", schema="indicators")
    op.drop_table("shares", schema="indicators")
    op.drop_index(
        "ix_values_review", table_name="indicator_values", schema="indicators", postgresql_where="state = 'submitted'"
    )
    op.drop_index("ix_values_period_agency", table_name="indicator_values", schema="indicators")
    op.drop_table("indicator_values", schema="indicators")
    op.drop_index("ix_indicators_sector_status", table_name="indicators", schema="indicators")
    op.drop_index("ix_indicators_plan_order", table_name="indicators", schema="indicators")
    op.drop_index(
        "ix_indicators_metric", table_name="indicators", schema="indicators", postgresql_where="metric_key IS NOT NULL"
    )
    op.drop_index(op.f("ix_indicators_indicators_parent_id"), table_name="indicators", schema="indicators")
    op.drop_index(op.f("ix_indicators_indicators_monitoring_agency_id"), table_name="indicators", schema="indicators")
    op.drop_table("indicators", schema="indicators")
    op.drop_table("import_runs", schema="indicators")
    op.drop_table("plans", schema="indicators")
    op.drop_table("feed_cursors", schema="indicators")
    op.drop_index(op.f("ix_indicators_agencies_parent_id"), table_name="agencies", schema="indicators")
    op.drop_table("agencies", schema="indicators")
