"""Alembic per service: its own history, its version table in its own schema, filtered autogenerate."""

from __future__ import annotations

import zlib
from typing import Any

from alembic import command, context
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, MetaData, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

FILE_TEMPLATE = "%%(year)d-%%(month).2d-%%(day).2d-%%(hour).2d%%(minute).2d_%%(slug)s"


def alembic_config(package: str, schema: str) -> Config:
    """`package:migrations` holds env.py and versions/; nothing is read from an alembic.ini."""
    cfg = Config()
    cfg.set_main_option("script_location", f"{package}:migrations")
    cfg.set_main_option("file_template", FILE_TEMPLATE)
    cfg.attributes["schema"] = schema
    return cfg


def script_heads(package: str, schema: str) -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config(package, schema)).get_heads())


def script_revisions(package: str, schema: str) -> set[str]:
    return {r.revision for r in ScriptDirectory.from_config(alembic_config(package, schema)).walk_revisions()}


def schema_is_current(db_heads: set[str], code_heads: set[str], code_revisions: set[str]) -> bool:
    """At this code's head, or ahead of it: during a rolling deploy old pods meet a newer schema."""
    if db_heads == code_heads:
        return True
    return bool(db_heads) and not db_heads <= code_revisions


def _ensure_schema(conn: Connection, schema: str) -> None:
    # Ask first: a role that owns only its schema may not hold CREATE on the database.
    exists = conn.execute(text("SELECT 1 FROM pg_namespace WHERE nspname = :s"), {"s": schema}).first()
    if exists is None:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))


def _run(conn: Connection, package: str, schema: str, action: str, revision: str) -> None:
    # One migrator per schema at a time, even with many replicas starting together.
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": zlib.crc32(schema.encode())})
    _ensure_schema(conn, schema)
    cfg = alembic_config(package, schema)
    cfg.attributes["connection"] = conn
    if action == "upgrade":
        command.upgrade(cfg, revision)
    else:
        command.downgrade(cfg, revision)


async def migrate(url: str, package: str, schema: str, *, action: str = "upgrade", revision: str = "head") -> None:
    engine = create_async_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(_run, package, schema, action, revision)
    finally:
        await engine.dispose()


async def current_heads(engine: AsyncEngine, schema: str) -> set[str]:
    def read(conn: Connection) -> set[str]:
        ctx = MigrationContext.configure(conn, opts={"version_table_schema": schema})
        return set(ctx.get_current_heads())

    async with engine.connect() as conn:
        return await conn.run_sync(read)


def run_env(metadata: MetaData) -> None:
    """The body of every service's migrations/env.py."""
    config = context.config
    schema: str = config.attributes["schema"]

    def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
        if type_ == "schema":
            return name == schema
        return True

    options: dict[str, Any] = {
        "target_metadata": metadata,
        "version_table_schema": schema,
        "include_schemas": True,
        "include_name": include_name,
        "compare_type": True,
    }
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, **options)
        with context.begin_transaction():
            context.run_migrations()
        return
    # Offline (`--sql`) mode, used to review the SQL a migration will run.
    context.configure(url="postgresql://", literal_binds=True, **options)
    with context.begin_transaction():
        context.run_migrations()


def create_outbox_and_idempotency(schema: str) -> None:
    """The first migration of every service: its outbox and its idempotency keys."""
    from alembic import op
    from sqlalchemy import JSON, BigInteger, Column, DateTime, Identity, Integer, String, func
    from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

    op.create_table(
        "outbox_events",
        Column("id", BigInteger, Identity(), primary_key=True),
        Column("tx_id", BigInteger, nullable=False, server_default=text("(pg_current_xact_id()::text)::bigint")),
        Column("event_type", String(100), nullable=False),
        Column("subject_type", String(50), nullable=False),
        Column("subject_id", String(100), nullable=False),
        Column("agency_ids", ARRAY(UUID(as_uuid=True)), nullable=False, server_default="{}"),
        Column("payload", JSONB, nullable=False),
        Column("actor", String(200)),
        Column("occurred_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        schema=schema,
    )
    op.create_index("ix_outbox_events_tx_id", "outbox_events", ["tx_id", "id"], schema=schema)
    op.create_table(
        "idempotency_keys",
        Column("caller", String(200), primary_key=True),
        Column("key", String(200), primary_key=True),
        Column("fingerprint", String(64), nullable=False),
        Column("status_code", Integer),
        Column("body", JSON),  # JSON keeps the key order of the first answer
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        schema=schema,
    )


def drop_outbox_and_idempotency(schema: str) -> None:
    from alembic import op

    op.drop_table("idempotency_keys", schema=schema)
    op.drop_table("outbox_events", schema=schema)
