from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from notifications.channel.templates import EVENT_TYPES


class WebhookCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    agency_id: uuid.UUID = Field(description="Đơn vị nhận thông báo qua webhook này")
    url: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)] = Field(
        description="Địa chỉ nhận (https khi chạy thật; không trỏ vào mạng nội bộ)"
    )
    event_types: list[str] = Field(
        default_factory=list, max_length=len(EVENT_TYPES), description="Loại thông báo nhận; để trống: mọi loại"
    )
    description: Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)] = ""

    @field_validator("event_types")
    @classmethod
    def _known(cls, event_types: list[str]) -> list[str]:
        unknown = [e for e in event_types if e not in EVENT_TYPES]
        if unknown:
            raise ValueError(f"loại thông báo không có: {', '.join(unknown)}")
        if len(set(event_types)) != len(event_types):
            raise ValueError("mỗi loại thông báo chỉ ghi một lần")
        return event_types


class WebhookRead(BaseModel):
    id: uuid.UUID
    agency_id: uuid.UUID
    agency_name: str
    url: str
    event_types: list[str]
    event_labels: list[str] = Field(description="Tên các loại thông báo nhận, bằng tiếng Việt (trống: mọi loại)")
    description: str
    active: bool
    created_by: str
    created_at: datetime


class WebhookCreated(WebhookRead):
    secret: str = Field(
        description="Khoá ký HMAC-SHA256 (tiêu đề X-TienDo-Signature); chỉ hiện một lần, hãy lưu lại ngay"
    )
