from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from common.settings import FollowerSettings, database_url_field
from pydantic import model_validator
from pydantic_settings import SettingsConfigDict


class Settings(FollowerSettings):
    model_config = SettingsConfigDict(env_prefix="TASKS_")

    database_url: str = database_url_field("TASKS_")
    port: int = 8101

    # The agency directory is copied from the gateway's event feed with this API client.
    directory_client_id: str = "svc-tasks"

    # Evidence files: local disk by default, any S3-compatible store on Kubernetes.
    storage_backend: Literal["local", "s3"] = "local"
    storage_dir: Path = Path(".data/evidence")
    s3_endpoint_url: str | None = None
    s3_bucket: str | None = None
    s3_region: str = "us-east-1"
    s3_access_key: str | None = None
    s3_secret_key: str | None = None
    max_upload_bytes: int = 20 * 1024 * 1024

    @model_validator(mode="after")
    def _s3_complete(self) -> Settings:
        """A process configured for S3 without its credentials refuses to start, not at the first upload."""
        if self.storage_backend == "s3":
            missing = [
                f"TASKS_{n.upper()}" for n in ("s3_bucket", "s3_access_key", "s3_secret_key") if not getattr(self, n)
            ]
            if missing:
                raise ValueError("TASKS_STORAGE_BACKEND=s3 cần " + ", ".join(missing))
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
