from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class InboxItemRead(BaseModel):
    id: int
    event_type: str
    event_label: str = Field(description="Loại thông báo, bằng tiếng Việt")
    subject_type: str
    subject_id: str
    title: str
    summary: str
    link: str | None = Field(description="Đường dẫn trong ứng dụng tới đối tượng (nhiệm vụ, chỉ tiêu)")
    reminder: bool
    urgent: bool
    created_at: datetime
    read_at: datetime | None


class UnreadCount(BaseModel):
    unread: int


class MarkedRead(BaseModel):
    marked: int
