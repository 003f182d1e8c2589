"""Where uploaded evidence files live: a folder on local disk, or any S3-compatible object store."""

from __future__ import annotations

from tasks.config import Settings
from tasks.storage.base import CHUNK, ObjectMissing, Storage, StorageError, check_key
from tasks.storage.local import LocalStorage
from tasks.storage.s3 import S3Storage

__all__ = [
    "CHUNK",
    "LocalStorage",
    "ObjectMissing",
    "S3Storage",
    "Storage",
    "StorageError",
    "check_key",
    "storage_from",
]


def storage_from(settings: Settings) -> Storage:
    if settings.storage_backend == "local":
        return LocalStorage(settings.storage_dir)
    # Settings refuse s3 without bucket and keys, so these are present here.
    return S3Storage(
        endpoint_url=settings.s3_endpoint_url or f"https://s3.{settings.s3_region}.amazonaws.com",
        bucket=str(settings.s3_bucket),
        region=settings.s3_region,
        access_key=str(settings.s3_access_key),
        secret_key=str(settings.s3_secret_key),
    )
