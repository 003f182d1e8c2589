"""Completeness of a period from the index alone: (period, indicator, agency) with state and late included
replaces (period, agency), which no query used.

Revision ID: indicators_0003
Revises: indicators_0002
Create Date: 2026-11-23 20:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "indicators_0003"
down_revision: str | None = "indicators_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_values_period_agency", table_name="indicator_values", schema="indicators")
    op.create_index(
        "ix_values_period_cover",
        "indicator_values",
        ["period", "indicator_id", "agency_id"],
        unique=False,
        schema="indicators",
        postgresql_include=["state", "late"],
    )


def downgrade() -> None:
    op.drop_index("ix_values_period_cover", table_name="indicator_values", schema="indicators")
    op.create_index(
        "ix_values_period_agency", "indicator_values", ["period", "agency_id"], unique=False, schema="indicators"
    )
