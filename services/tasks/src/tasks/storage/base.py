"""What every storage backend offers: put an object, stream it back, delete it. Keys are ours, never a user's."""

from __future__ import annotations

import re
from collections.abc import AsyncIterable, AsyncIterator
from typing import Protocol

CHUNK = 64 * 1024
# Plain segments only: no "..", no leading dot, no backslash, so a key can never leave its folder or bucket.
_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}(/[A-Za-z0-9][A-Za-z0-9._-]{0,127}){0,7}")


class StorageError(Exception):
    """The backend failed or refused (unreachable, wrong credentials, no such bucket)."""


class ObjectMissing(StorageError):
    """No object under this key."""


def check_key(key: str) -> str:
    if not _KEY.fullmatch(key) or ".." in key:
        raise ValueError(f"invalid storage key: {key!r}")
    return key


class Storage(Protocol):
    async def put(
        self,
        key: str,
        body: bytes | AsyncIterable[bytes],
        content_type: str,
        *,
        size: int | None = None,
        sha256: str | None = None,
    ) -> None:
        """Store the whole object or nothing. A stream should come with its size and SHA-256 (hex) when known."""

    async def open(self, key: str) -> AsyncIterator[bytes]:
        """The object's bytes in chunks; raises ObjectMissing before the first chunk if there is none."""

    async def delete(self, key: str) -> None:
        """Remove the object; a missing one is not an error."""
