"""task_scope: one row per (agency that sees a task, task), kept by a trigger from tasks.visible_to; a task
without a due date sorts as 'infinity' (asyncpg binds date.max as infinity, so a page cursor round-trips)

Revision ID: tasks_0003
Revises: tasks_0002
Create Date: 2026-11-23 18:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "tasks_0003"
down_revision: str | None = "tasks_0002"
branch_labels: str | None = None
depends_on: str | None = None

# Rewrites a task's scope rows whenever what they copy changes; the rows go with the task (foreign key).
SYNC_FUNCTION = """
CREATE FUNCTION tasks.sync_task_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM tasks.task_scope WHERE task_id = NEW.id;
    END IF;
    INSERT INTO tasks.task_scope (agency_id, task_id, status, due_key)
    SELECT DISTINCT agency, NEW.id, NEW.status, coalesce(NEW.due_on, DATE 'infinity')
    FROM unnest(NEW.visible_to) AS agency;
    RETURN NULL;
END
$$
"""


def _due_indexes(no_due: str) -> None:
    for name, columns in (("ix_tasks_due", []), ("ix_tasks_status_due", ["status"])):
        op.drop_index(name, table_name="tasks", schema="tasks")
        op.create_index(
            name, "tasks", [*columns, sa.literal_column(f"coalesce(due_on, DATE '{no_due}')"), "id"], schema="tasks"
        )


def upgrade() -> None:
    _due_indexes("infinity")
    op.create_table(
        "task_scope",
        sa.Column("agency_id", sa.UUID(), nullable=False),
        sa.Column("task_id", sa.UUID(), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("due_key", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"], ["tasks.tasks.id"], name=op.f("fk_task_scope_task_id_tasks"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("agency_id", "task_id", name=op.f("pk_task_scope")),
        schema="tasks",
    )
    op.create_index(
        "ix_task_scope_agency_status_due",
        "task_scope",
        ["agency_id", "status", "due_key", "task_id"],
        unique=False,
        schema="tasks",
    )
    op.create_index("ix_task_scope_task_id", "task_scope", ["task_id"], unique=False, schema="tasks")
    op.execute(SYNC_FUNCTION)
    op.execute(
        "CREATE TRIGGER sync_task_scope AFTER INSERT OR UPDATE OF visible_to, status, due_on ON tasks.tasks "
        "FOR EACH ROW EXECUTE FUNCTION tasks.sync_task_scope()"
    )
    op.execute(
        "INSERT INTO tasks.task_scope (agency_id, task_id, status, due_key) "
        "SELECT DISTINCT agency, t.id, t.status, coalesce(t.due_on, DATE 'infinity') "
        "FROM tasks.tasks t, unnest(t.visible_to) AS agency"
    )


def downgrade() -> None:
    _due_indexes("9999-12-31")
    op.execute("DROP TRIGGER sync_task_scope ON tasks.tasks")
    op.execute("DROP FUNCTION tasks.sync_task_scope()")
    op.drop_index("ix_task_scope_task_id", table_name="task_scope", schema="tasks")
    op.drop_index("ix_task_scope_agency_status_due", table_name="task_scope", schema="tasks")
    op.drop_table("task_scope", schema="tasks")
