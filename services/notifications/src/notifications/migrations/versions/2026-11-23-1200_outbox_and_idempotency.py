"""The notifications schema starts with its event outbox and its idempotency keys.

Revision ID: notifications_0001
Revises:
Create Date: 2026-11-23 12:00:00
"""

from collections.abc import Sequence

from common.migrations import create_outbox_and_idempotency, drop_outbox_and_idempotency

revision: str = "notifications_0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_outbox_and_idempotency("notifications")


def downgrade() -> None:
    drop_outbox_and_idempotency("notifications")
