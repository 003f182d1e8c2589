"""Values each agency owes per kind of period, for the completeness of a period at province scale.

Revision ID: indicators_0004
Revises: indicators_0003
Create Date: 2026-11-23 20:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from indicators.report.obligations import REBUILD

revision: str = "indicators_0004"
down_revision: str | None = "indicators_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "obligations",
        sa.Column("agency_id", sa.UUID(), nullable=False),
        sa.Column("periodicity", sa.String(length=20), nullable=False),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("agency_id", "periodicity", name=op.f("pk_obligations")),
        schema="indicators",
    )
    for statement in REBUILD:
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("obligations", schema="indicators")
