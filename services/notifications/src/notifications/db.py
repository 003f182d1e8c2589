"""The `notifications` schema: every table of this service is declared on this metadata."""

from __future__ import annotations

from common.db import Timestamped, schema_metadata
from common.idempotency import idempotency_table
from common.outbox import outbox_table
from sqlalchemy.orm import DeclarativeBase

SCHEMA = "notifications"
metadata = schema_metadata(SCHEMA)
outbox = outbox_table(metadata)
idempotency_keys = idempotency_table(metadata)


class Base(DeclarativeBase):
    metadata = metadata


__all__ = ["SCHEMA", "Base", "Timestamped", "idempotency_keys", "metadata", "outbox"]
