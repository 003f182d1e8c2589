"""The `tasks` schema: every table of this service is declared on this metadata."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

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


def _now() -> datetime:
    return datetime.now(UTC)


class Timestamped:
    # Set in Python, not by the server: a value the server computes on UPDATE is expired on the object, and
    # reading it afterwards in async code would need a lazy load the event loop cannot do.
    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=_now, server_default=func.now(), onupdate=_now
    )
