"""Any S3-compatible object store over plain HTTP(S), path-style URLs (endpoint/bucket/key), SigV4-signed."""

from __future__ import annotations

import hashlib
import re
from collections.abc import AsyncIterable, AsyncIterator
from datetime import UTC, datetime

import httpx

from tasks.storage.base import CHUNK, ObjectMissing, StorageError, check_key
from tasks.storage.sigv4 import EMPTY_SHA256, encode_path, sign

_CODE = re.compile(r"<Code>([^<]*)</Code>")
_MESSAGE = re.compile(r"<Message>([^<]*)</Message>")


class S3Storage:
    def __init__(
        self, *, endpoint_url: str, bucket: str, region: str, access_key: str, secret_key: str, timeout: float = 30.0
    ) -> None:
        endpoint = httpx.URL(endpoint_url)
        self.origin = f"{endpoint.scheme}://{endpoint.netloc.decode('ascii')}"
        self.host = endpoint.netloc.decode("ascii")
        self.prefix = endpoint.path.rstrip("/")
        self.bucket, self.region, self.access_key, self.secret_key = bucket, region, access_key, secret_key
        self.client = httpx.AsyncClient(timeout=httpx.Timeout(timeout, connect=5.0))

    async def aclose(self) -> None:
        await self.client.aclose()

    async def put(
        self,
        key: str,
        body: bytes | AsyncIterable[bytes],
        content_type: str,
        *,
        size: int | None = None,
        sha256: str | None = None,
    ) -> None:
        if not isinstance(body, bytes) and (size is None or sha256 is None):
            body = b"".join([chunk async for chunk in body])  # the signature needs the hash before the first byte
        if isinstance(body, bytes):
            size, sha256 = len(body), hashlib.sha256(body).hexdigest()
        assert sha256 is not None
        response = await self._send("PUT", key, sha256, {"content-type": content_type}, body=body, length=size)
        self._check(response, "PUT", key)

    async def open(self, key: str) -> AsyncIterator[bytes]:
        response = await self._send("GET", key, EMPTY_SHA256, stream=True)
        if not response.is_success:
            await response.aread()
            await response.aclose()
            self._check(response, "GET", key)
        return _chunks(response)

    async def delete(self, key: str) -> None:
        self._check(await self._send("DELETE", key, EMPTY_SHA256), "DELETE", key)

    async def _send(
        self,
        method: str,
        key: str,
        payload_sha256: str,
        headers: dict[str, str] | None = None,
        *,
        body: bytes | AsyncIterable[bytes] | None = None,
        length: int | None = None,
        stream: bool = False,
    ) -> httpx.Response:
        path = encode_path(f"{self.prefix}/{self.bucket}/{check_key(key)}")
        signed = sign(
            method,
            path,
            {"host": self.host, **(headers or {})},
            payload_sha256,
            access_key=self.access_key,
            secret_key=self.secret_key,
            region=self.region,
            now=datetime.now(UTC),
        )
        if length is not None:
            signed["content-length"] = str(length)  # with it httpx sends the stream as is, not chunked
        request = self.client.build_request(method, self.origin + path, headers=signed, content=body)
        try:
            return await self.client.send(request, stream=stream)
        except httpx.HTTPError as exc:
            raise StorageError(f"S3 {method} {self.bucket}/{key}: {type(exc).__name__} {exc}") from exc

    def _check(self, response: httpx.Response, method: str, key: str) -> None:
        if response.is_success:
            return
        text = response.text
        code = m.group(1) if (m := _CODE.search(text)) else ""
        message = m.group(1) if (m := _MESSAGE.search(text)) else text[:200]
        if response.status_code == 404 and code == "NoSuchKey":
            raise ObjectMissing(key)
        raise StorageError(
            f"S3 {method} {self.bucket}/{key} refused: HTTP {response.status_code} {code or '-'}: {message}"
        )


async def _chunks(response: httpx.Response) -> AsyncIterator[bytes]:
    try:
        async for chunk in response.aiter_bytes(CHUNK):
            yield chunk
    finally:
        await response.aclose()
