"""The identity schema: agency tree, users, login sessions, API clients, audit records, outbox.

Revision ID: identity_0001
Revises:
Create Date: 2026-11-23 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "identity_0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("short_name", sa.String(length=150), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("parent_id", sa.UUID(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("merged_into_id", sa.UUID(), nullable=True),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("aliases", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('province', 'department', 'division', 'commune', 'university', 'other')",
            name=op.f("ck_agencies_kind"),
        ),
        sa.CheckConstraint("merged_into_id IS NULL OR NOT active", name=op.f("ck_agencies_merged_inactive")),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], ["identity.agencies.id"], name=op.f("fk_agencies_merged_into_id_agencies")
        ),
        sa.ForeignKeyConstraint(["parent_id"], ["identity.agencies.id"], name=op.f("fk_agencies_parent_id_agencies")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agencies")),
        sa.UniqueConstraint("code", name=op.f("uq_agencies_code")),
        schema="identity",
    )
    op.create_index(
        "uq_agencies_single_root",
        "agencies",
        [sa.text("(parent_id IS NULL)")],
        unique=True,
        schema="identity",
        postgresql_where=sa.text("parent_id IS NULL"),
    )
    op.create_index(
        op.f("ix_identity_agencies_merged_into_id"), "agencies", ["merged_into_id"], unique=False, schema="identity"
    )
    op.create_index(op.f("ix_identity_agencies_parent_id"), "agencies", ["parent_id"], unique=False, schema="identity")
    op.create_table(
        "audit_records",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=50), nullable=False),
        sa.Column("entity_type", sa.String(length=30), nullable=False),
        sa.Column("entity_id", sa.String(length=100), nullable=False),
        sa.Column("changes", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("request_id", sa.String(length=128), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_records")),
        schema="identity",
    )
    op.create_index(op.f("ix_identity_audit_records_at"), "audit_records", ["at"], unique=False, schema="identity")
    op.create_index(
        op.f("ix_identity_audit_records_entity_type"),
        "audit_records",
        ["entity_type", "entity_id"],
        unique=False,
        schema="identity",
    )
    op.create_table(
        "idempotency_keys",
        sa.Column("caller", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("body", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("caller", "key", name=op.f("pk_idempotency_keys")),
        schema="identity",
    )
    op.create_table(
        "login_failures",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
        schema="identity",
    )
    op.create_index(
        op.f("ix_identity_login_failures_address"), "login_failures", ["address", "at"], unique=False, schema="identity"
    )
    op.create_table(
        "outbox_events",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column(
            "tx_id", sa.BigInteger(), server_default=sa.text("(pg_current_xact_id()::text)::bigint"), nullable=False
        ),
        sa.Column("event_type", sa.String(length=100), nullable=False),
        sa.Column("subject_type", sa.String(length=50), nullable=False),
        sa.Column("subject_id", sa.String(length=100), nullable=False),
        sa.Column("agency_ids", postgresql.ARRAY(sa.UUID()), server_default="{}", nullable=False),
        sa.Column("payload", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_events")),
        schema="identity",
    )
    op.create_index(
        op.f("ix_identity_outbox_events_tx_id"), "outbox_events", ["tx_id", "id"], unique=False, schema="identity"
    )
    op.create_table(
        "api_clients",
        sa.Column("client_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("secret_hash", sa.String(length=200), nullable=False),
        sa.Column("scopes", postgresql.ARRAY(sa.String(length=50)), nullable=False),
        sa.Column("agency_id", sa.UUID(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["identity.agencies.id"], name=op.f("fk_api_clients_agency_id_agencies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_clients")),
        sa.UniqueConstraint("client_id", name=op.f("uq_api_clients_client_id")),
        schema="identity",
    )
    op.create_table(
        "users",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("agency_id", sa.UUID(), nullable=False),
        sa.Column("roles", postgresql.ARRAY(sa.String(length=30)), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("next_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(["agency_id"], ["identity.agencies.id"], name=op.f("fk_users_agency_id_agencies")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        schema="identity",
    )
    op.create_index(op.f("ix_identity_users_agency_id"), "users", ["agency_id"], unique=False, schema="identity")
    op.create_index("uq_users_username_lower", "users", [sa.text("lower(username)")], unique=True, schema="identity")
    op.create_table(
        "sessions",
        sa.Column("user_id", sa.UUID(), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=True),
        sa.Column("user_agent", sa.String(length=300), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_reason", sa.String(length=50), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["identity.users.id"], name=op.f("fk_sessions_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
        schema="identity",
    )
    op.create_index(op.f("ix_identity_sessions_user_id"), "sessions", ["user_id"], unique=False, schema="identity")
    op.create_table(
        "refresh_tokens",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("session_id", sa.UUID(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"], ["identity.sessions.id"], name=op.f("fk_refresh_tokens_session_id_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refresh_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_refresh_tokens_token_hash")),
        schema="identity",
    )
    op.create_index(
        op.f("ix_identity_refresh_tokens_session_id"), "refresh_tokens", ["session_id"], unique=False, schema="identity"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_identity_refresh_tokens_session_id"), table_name="refresh_tokens", schema="identity")
    op.drop_table("refresh_tokens", schema="identity")
    op.drop_index(op.f("ix_identity_sessions_user_id"), table_name="sessions", schema="identity")
    op.drop_table("sessions", schema="identity")
    op.drop_index("uq_users_username_lower", table_name="users", schema="identity")
    op.drop_index(op.f("ix_identity_users_agency_id"), table_name="users", schema="identity")
    op.drop_table("users", schema="identity")
    op.drop_table("api_clients", schema="identity")
    op.drop_index(op.f("ix_identity_outbox_events_tx_id"), table_name="outbox_events", schema="identity")
    op.drop_table("outbox_events", schema="identity")
    op.drop_index(op.f("ix_identity_login_failures_address"), table_name="login_failures", schema="identity")
    op.drop_table("login_failures", schema="identity")
    op.drop_table("idempotency_keys", schema="identity")
    op.drop_index(op.f("ix_identity_audit_records_entity_type"), table_name="audit_records", schema="identity")
    op.drop_index(op.f("ix_identity_audit_records_at"), table_name="audit_records", schema="identity")
    op.drop_table("audit_records", schema="identity")
    op.drop_index(op.f("ix_identity_agencies_parent_id"), table_name="agencies", schema="identity")
    op.drop_index(op.f("ix_identity_agencies_merged_into_id"), table_name="agencies", schema="identity")
    op.drop_index("uq_agencies_single_root", table_name="agencies", schema="identity")
    op.drop_table("agencies", schema="identity")
