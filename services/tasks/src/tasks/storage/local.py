"""Files in a folder on local disk: for one machine, or a volume shared by every replica."""

from __future__ import annotations

import os
import tempfile
from collections.abc import AsyncIterable, AsyncIterator
from pathlib import Path

import anyio
from anyio import AsyncFile

from tasks.storage.base import CHUNK, ObjectMissing, check_key


class LocalStorage:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def path(self, key: str) -> Path:
        path = (self.root / check_key(key)).resolve()
        if not path.is_relative_to(self.root):  # a symlink inside the folder must not lead out of it either
            raise ValueError(f"invalid storage key: {key!r}")
        return path

    async def put(
        self,
        key: str,
        body: bytes | AsyncIterable[bytes],
        content_type: str,
        *,
        size: int | None = None,
        sha256: str | None = None,
    ) -> None:
        path = self.path(key)
        await anyio.Path(path.parent).mkdir(parents=True, exist_ok=True)
        # Written beside the target and renamed over it, so a reader never sees half a file.
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".part-")
        try:
            async with await anyio.open_file(fd, "wb") as out:
                if isinstance(body, bytes):
                    await out.write(body)
                else:
                    async for chunk in body:
                        await out.write(chunk)
                await out.flush()
                await anyio.to_thread.run_sync(os.fsync, fd)
            await anyio.Path(temp).replace(path)
        except BaseException:
            await anyio.Path(temp).unlink(missing_ok=True)
            raise

    async def open(self, key: str) -> AsyncIterator[bytes]:
        try:
            file = await anyio.open_file(self.path(key), "rb")
        except FileNotFoundError as exc:
            raise ObjectMissing(key) from exc
        return _chunks(file)

    async def delete(self, key: str) -> None:
        await anyio.Path(self.path(key)).unlink(missing_ok=True)


async def _chunks(file: AsyncFile[bytes]) -> AsyncIterator[bytes]:
    async with file:
        while chunk := await file.read(CHUNK):
            yield chunk
