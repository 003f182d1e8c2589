"""A later round of the day's reminders starts from the open deadlines changed since the last round, by
`updated_at`, instead of reading every open deadline in the day's due window (1 s → 70 ms at a million
deadlines, docs/benchmarks.md).

Revision ID: notifications_0003
Revises: notifications_0002
Create Date: 2026-11-23 22:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "notifications_0003"
down_revision: str | None = "notifications_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_deadlines_open_changed",
        "deadlines",
        ["updated_at"],
        unique=False,
        schema="notifications",
        postgresql_where=sa.text("open"),
    )


def downgrade() -> None:
    op.drop_index("ix_deadlines_open_changed", table_name="deadlines", schema="notifications")
