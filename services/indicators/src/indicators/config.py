from __future__ import annotations

from functools import lru_cache

from common.settings import FollowerSettings, database_url_field
from pydantic_settings import SettingsConfigDict


class Settings(FollowerSettings):
    model_config = SettingsConfigDict(env_prefix="INDICATORS_")

    database_url: str = database_url_field("INDICATORS_")
    port: int = 8102

    # The agency directory is copied from the gateway's event feed with this API client.
    directory_client_id: str = "svc-indicators"
    # Demo mode only: generate a few years of values, marked as demo, for the dashboards.
    demo_history: bool = True


@lru_cache
def get_settings() -> Settings:
    return Settings()
