"""The `tasks` schema: every table of this service is declared on this metadata."""

from __future__ import annotations

import uuid
from datetime import datetime

from common.db import schema_metadata
from common.idempotency import idempotency_table
from common.outbox import outbox_table
from sqlalchemy import DateTime, func
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SCHEMA = "tasks"
metadata = schema_metadata(SCHEMA)
outbox = outbox_table(metadata)
idempotency_keys = idempotency_table(metadata)


class Base(DeclarativeBase):
    metadata = metadata


class Timestamped:
    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
