"""The `indicators` schema: every table of this service is declared on this metadata."""

from __future__ import annotations

from common.db import schema_metadata
from common.idempotency import idempotency_table
from common.outbox import outbox_table
from sqlalchemy.orm import DeclarativeBase

SCHEMA = "indicators"
metadata = schema_metadata(SCHEMA)
outbox = outbox_table(metadata)
idempotency_keys = idempotency_table(metadata)


class Base(DeclarativeBase):
    metadata = metadata
