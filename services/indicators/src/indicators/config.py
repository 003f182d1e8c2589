from __future__ import annotations

from functools import lru_cache

from common.settings import ProcessSettings, database_url_field
from pydantic_settings import SettingsConfigDict


class Settings(ProcessSettings):
    model_config = SettingsConfigDict(env_prefix="INDICATORS_")

    database_url: str = database_url_field("INDICATORS_")
    port: int = 8102


@lru_cache
def get_settings() -> Settings:
    return Settings()
