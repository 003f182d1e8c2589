"""The gateway's verifier adds what only it can know: whether the login session was revoked (logout)."""

from __future__ import annotations

import time
import uuid

from common.auth import KeySource, Principal, TokenVerifier
from common.db import Database
from common.errors import NotAuthenticated
from sqlalchemy import select

from gateway.models import Session

CACHE_SECONDS = 5.0


class SessionCheckingVerifier(TokenVerifier):
    def __init__(self, keys: KeySource, *, issuer: str, audience: str, database: Database) -> None:
        super().__init__(keys, issuer=issuer, audience=audience)
        self.database = database
        self._live: dict[str, float] = {}

    async def principal(self, token: str) -> Principal:
        principal = await super().principal(token)
        if principal.session_id is not None and not await self._session_live(principal.session_id):
            raise NotAuthenticated("Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.")
        return principal

    async def _session_live(self, session_id: str) -> bool:
        checked = self._live.get(session_id)
        if checked is not None and time.monotonic() - checked < CACHE_SECONDS:
            return True
        try:
            sid = uuid.UUID(session_id)
        except ValueError:
            return False
        async with self.database.sessionmaker() as db:
            row = (await db.execute(select(Session.revoked_at).where(Session.id == sid))).first()
        live = row is not None and row.revoked_at is None
        if live:
            if len(self._live) > 50_000:
                self._live.clear()
            self._live[session_id] = time.monotonic()
        else:
            self._live.pop(session_id, None)
        return live

    def forget(self, session_id: uuid.UUID) -> None:
        """Called on logout in this process so the revocation takes effect at once here."""
        self._live.pop(str(session_id), None)
