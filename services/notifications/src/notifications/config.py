from __future__ import annotations

import os
import socket
from datetime import time, timedelta
from functools import lru_cache

from common.settings import FollowerSettings, database_url_field
from pydantic import Field, model_validator
from pydantic_settings import SettingsConfigDict


class Settings(FollowerSettings):
    model_config = SettingsConfigDict(env_prefix="NOTIFICATIONS_")

    database_url: str = database_url_field("NOTIFICATIONS_")
    port: int = 8103

    # The gateway's feeds (identity, tasks, indicators) are read with this API client.
    directory_client_id: str = "svc-notifications"
    # Links in e-mails and webhooks point into the web app here.
    public_url: str = "http://127.0.0.1:8000"

    # E-mail: off unless an SMTP server is named.
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_sender: str = "Tiến Độ <no-reply@tiendo.local>"
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False

    # Non-urgent e-mail goes out on working days between these times (Asia/Ho_Chi_Minh); digests at the start.
    send_window_start: time = time(7, 30)
    send_window_end: time = time(17, 0)

    # Live inbox: a comment line this often keeps the stream (and the gateway's read timeout) alive.
    stream_heartbeat_seconds: float = Field(10.0, gt=0)

    # Kubernetes probes the worker here (/health, /ready); unset on one machine, where the API has the port.
    worker_health_port: int | None = None

    # Delivery engine.
    worker_id: str = Field(default_factory=lambda: f"{socket.gethostname()}-{os.getpid()}")
    batch_size: int = Field(100, ge=1, le=5000)
    claim_seconds: float = Field(120.0, gt=0)  # a claim not finished by then is taken over by another worker
    idle_seconds: float = Field(1.0, gt=0)
    schedule_every_seconds: float = Field(60.0, gt=0)
    max_attempts: int = Field(6, ge=1)
    retry_base_seconds: float = Field(60.0, gt=0)
    retry_cap_seconds: float = Field(6 * 3600.0, gt=0)
    # Events older than this when first read are copied but not announced (a new deployment reading history).
    announce_max_age_hours: float = 72.0
    # Demo and tests only: the worker's clock runs this far ahead of the real one.
    clock_shift_seconds: float = 0.0

    @model_validator(mode="after")
    def _shift_only_in_demo(self) -> Settings:
        if self.clock_shift_seconds and not self.demo_mode:
            raise ValueError("NOTIFICATIONS_CLOCK_SHIFT_SECONDS chỉ dùng ở chế độ demo")
        return self

    @property
    def production(self) -> bool:
        return not self.demo_mode

    @property
    def clock_shift(self) -> timedelta:
        return timedelta(seconds=self.clock_shift_seconds)


@lru_cache
def get_settings() -> Settings:
    return Settings()
