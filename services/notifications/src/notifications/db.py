"""The `notifications` schema: every table of this service is declared on this metadata."""

from common.db import schema_metadata
from common.idempotency import idempotency_table
from common.outbox import outbox_table

SCHEMA = "notifications"
metadata = schema_metadata(SCHEMA)
outbox = outbox_table(metadata)
idempotency_keys = idempotency_table(metadata)
