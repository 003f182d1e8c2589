from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from common.settings import ProcessSettings, database_url_field
from pydantic import Field, field_validator
from pydantic_settings import NoDecode, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[3]


class Settings(ProcessSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_")

    database_url: str = database_url_field("GATEWAY_")
    port: int = 8000
    public_url: str = Field("http://127.0.0.1:8000", description="Địa chỉ người dùng mở trong trình duyệt")

    jwt_private_key_file: Path = Field(description="Khóa riêng RSA (PEM) dùng để ký mã truy cập")
    access_token_minutes: int = Field(15, ge=1, le=60)
    refresh_token_days: int = Field(14, ge=1, le=90)
    client_token_minutes: int = Field(15, ge=1, le=60)

    tasks_url: str = "http://127.0.0.1:8101"
    indicators_url: str = "http://127.0.0.1:8102"
    notifications_url: str = "http://127.0.0.1:8103"
    upstream_connect_timeout_seconds: float = Field(2.0, gt=0)
    upstream_timeout_seconds: float = Field(15.0, gt=0)

    frontend_dir: Path = REPO_ROOT / "frontend" / "dist"
    cors_origins: Annotated[list[str], NoDecode] = []
    hsts: bool = False

    # Failed logins: slowed after `login_slow_after`, locked after `login_lock_after` (per account);
    # an address is refused for the window after `login_address_limit` failures.
    login_slow_after: int = Field(3, ge=1)
    login_lock_after: int = Field(10, ge=2)
    login_lock_minutes: int = Field(15, ge=1)
    login_address_limit: int = Field(50, ge=1)
    login_address_window_minutes: int = Field(15, ge=1)

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value


@lru_cache
def get_settings() -> Settings:
    return Settings()
