"""`Idempotency-Key` on writes: a retried request replays the first answer instead of acting twice.

The key row is written in the same transaction as the change it guards, so either both exist or neither.
A concurrent retry waits on the unique index until the first attempt commits, then replays its answer.
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy import JSON, Column, DateTime, Integer, MetaData, String, Table, func, select
from sqlalchemy.dialects.postgresql import insert
from starlette.datastructures import UploadFile

from common.auth import CurrentPrincipal
from common.db import SessionDep
from common.errors import InvalidInput

REPLAY_HEADER = "Idempotent-Replayed"


def idempotency_table(metadata: MetaData) -> Table:
    return Table(
        "idempotency_keys",
        metadata,
        Column("caller", String(200), primary_key=True),
        Column("key", String(200), primary_key=True),
        Column("fingerprint", String(64), nullable=False),
        Column("status_code", Integer),
        Column("body", JSON),  # JSON keeps the key order of the first answer
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    )


class Idempotency:
    def __init__(self, table: Table, session: Any, caller: str, key: str | None, fingerprint: str) -> None:
        self.table, self.session, self.caller, self.key, self.fingerprint = (
            table,
            session,
            caller,
            key,
            fingerprint,
        )

    async def replay(self) -> Response | None:
        """The stored answer of an earlier identical request, or None (and the key is now claimed)."""
        if self.key is None:
            return None
        claimed = await self.session.execute(
            insert(self.table)
            .values(caller=self.caller, key=self.key, fingerprint=self.fingerprint)
            .on_conflict_do_nothing()
            .returning(self.table.c.key)
        )
        if claimed.first() is not None:
            return None
        row = (
            await self.session.execute(
                select(self.table).where(self.table.c.caller == self.caller, self.table.c.key == self.key)
            )
        ).one()
        if row.fingerprint != self.fingerprint:
            raise InvalidInput.on("Idempotency-Key", "Khóa này đã được dùng cho một yêu cầu khác; hãy dùng khóa mới.")
        return JSONResponse(row.body, status_code=row.status_code, headers={REPLAY_HEADER: "true"})

    async def remember(self, status_code: int, body: BaseModel | None) -> Response:
        content = jsonable_encoder(body) if body is not None else None
        if self.key is not None:
            await self.session.execute(
                self.table.update()
                .where(self.table.c.caller == self.caller, self.table.c.key == self.key)
                .values(status_code=status_code, body=content)
            )
        if content is None:
            return Response(status_code=status_code)
        return JSONResponse(content, status_code=status_code)


FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


async def fingerprint(request: Request) -> str:
    """What makes two requests "the same": method, path, query and body. A form (a file upload) has already
    been read by FastAPI, so its parsed fields and files are hashed instead of the spent stream."""
    digest = hashlib.sha256(f"{request.method} {request.url.path}?{request.url.query}\n".encode())
    if request.headers.get("content-type", "").startswith(FORM_TYPES):
        for name, value in (await request.form()).multi_items():
            digest.update(name.encode() + b"=")
            if isinstance(value, UploadFile):
                digest.update((value.filename or "").encode() + b"\n" + await value.read())
                await value.seek(0)
            else:
                digest.update(value.encode())
            digest.update(b"\n")
    else:
        digest.update(await request.body())
    return digest.hexdigest()


def idempotency_dependency(table: Table) -> Any:
    """A dependency giving the endpoint an `Idempotency` bound to this service's key table."""

    async def dependency(
        request: Request,
        session: SessionDep,
        principal: CurrentPrincipal,
        idempotency_key: Annotated[
            str | None,
            Header(max_length=200, description="Khóa chống gửi trùng: gửi lại cùng khóa sẽ không thực hiện hai lần"),
        ] = None,
    ) -> Idempotency:
        return Idempotency(table, session, principal.subject, idempotency_key, await fingerprint(request))

    return Depends(dependency)
