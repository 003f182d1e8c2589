# ruff: noqa: S608  (the DDL is built from the constants below, nothing from outside)
"""What each agency sent per period, kept by a trigger on the values, so that the completeness of a period for
the province reads 5,000 tally rows instead of counting every value of the period.

Revision ID: indicators_0005
Revises: indicators_0004
Create Date: 2026-11-23 20:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "indicators_0005"
down_revision: str | None = "indicators_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNTS = ("reported", "accepted", "returned", "draft", "late")
# How one value counts, for a row alias `v`.
CONTRIBUTION = {
    "reported": "(v.state IN ('submitted', 'accepted'))::int",
    "accepted": "(v.state = 'accepted')::int",
    "returned": "(v.state = 'returned')::int",
    "draft": "(v.state = 'draft')::int",
    "late": "(v.state IN ('submitted', 'accepted') AND v.late)::int",
}


def _of(alias: str) -> dict[str, str]:
    return {name: expr.replace("v.", f"{alias}.") for name, expr in CONTRIBUTION.items()}


def upgrade() -> None:
    op.create_table(
        "period_tallies",
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("agency_id", sa.UUID(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False, server_default="0") for name in COUNTS),
        sa.PrimaryKeyConstraint("period", "agency_id", name=op.f("pk_period_tallies")),
        schema="indicators",
    )
    old, new = _of("OLD"), _of("NEW")
    op.execute(f"""
        CREATE FUNCTION indicators.tally_value() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                UPDATE indicators.period_tallies
                SET {", ".join(f"{n} = {n} - {old[n]}" for n in COUNTS)}
                WHERE period = OLD.period AND agency_id = OLD.agency_id;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO indicators.period_tallies (period, agency_id, {", ".join(COUNTS)})
                VALUES (NEW.period, NEW.agency_id, {", ".join(new[n] for n in COUNTS)})
                ON CONFLICT (period, agency_id) DO UPDATE
                SET {", ".join(f"{n} = period_tallies.{n} + EXCLUDED.{n}" for n in COUNTS)};
            END IF;
            RETURN NULL;
        END $$
    """)
    op.execute("""
        CREATE TRIGGER tally_value AFTER INSERT OR DELETE OR UPDATE OF state, late, period, agency_id
        ON indicators.indicator_values FOR EACH ROW EXECUTE FUNCTION indicators.tally_value()
    """)
    op.execute(f"""
        INSERT INTO indicators.period_tallies (period, agency_id, {", ".join(COUNTS)})
        SELECT v.period, v.agency_id, {", ".join(f"sum({CONTRIBUTION[n]})" for n in COUNTS)}
        FROM indicators.indicator_values v GROUP BY v.period, v.agency_id
    """)


def downgrade() -> None:
    op.execute("DROP TRIGGER tally_value ON indicators.indicator_values")
    op.execute("DROP FUNCTION indicators.tally_value()")
    op.drop_table("period_tallies", schema="indicators")
