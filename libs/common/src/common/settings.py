"""Settings shared by every process; each process subclasses with its own env prefix."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def database_url_field(prefix: str) -> str:
    """A `database_url` field read from `<PREFIX>DATABASE_URL`, falling back to `DATABASE_URL`."""
    return Field(  # type: ignore[no-any-return]
        validation_alias=AliasChoices(f"{prefix}DATABASE_URL", "DATABASE_URL"),
        description="PostgreSQL URL (postgresql://user:pass@host:port/db)",
    )


class ProcessSettings(BaseSettings):
    """Fields every process reads; names without the process prefix are shared (`TIENDO_...`)."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    demo_mode: bool = Field(False, validation_alias="TIENDO_DEMO_MODE")
    log_level: str = Field("INFO", validation_alias="TIENDO_LOG_LEVEL")
    log_format: Literal["json", "console"] = Field("json", validation_alias="TIENDO_LOG_FORMAT")
    jwt_issuer: str = Field("tiendo-gateway", validation_alias="TIENDO_JWT_ISSUER")
    jwt_audience: str = Field("tiendo-api", validation_alias="TIENDO_JWT_AUDIENCE")
    jwks_file: Path | None = Field(None, validation_alias="TIENDO_JWKS_FILE")
    jwks_url: str | None = Field(None, validation_alias="TIENDO_JWKS_URL")

    database_url: str
    host: str = "127.0.0.1"
    port: int = 8000

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        return async_database_url(value)


class FollowerSettings(ProcessSettings):
    """A service that copies the agency directory from the gateway's event feed with its own API client."""

    directory_url: str | None = Field(None, description="Gateway base URL, e.g. http://gateway:8000")
    directory_client_id: str
    directory_client_secret: str | None = None
    directory_poll_seconds: float = 5.0


def async_database_url(url: str) -> str:
    """Accept the usual `postgresql://` form and select the asyncpg driver."""
    for prefix in ("postgresql+asyncpg://", "postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    raise ValueError("DATABASE_URL phải bắt đầu bằng postgresql://")
