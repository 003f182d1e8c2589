from __future__ import annotations

from functools import lru_cache

from common.settings import ProcessSettings, database_url_field
from pydantic_settings import SettingsConfigDict


class Settings(ProcessSettings):
    model_config = SettingsConfigDict(env_prefix="NOTIFICATIONS_")

    database_url: str = database_url_field("NOTIFICATIONS_")
    port: int = 8103


@lru_cache
def get_settings() -> Settings:
    return Settings()
