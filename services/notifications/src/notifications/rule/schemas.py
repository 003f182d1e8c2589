from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from notifications.rule.firing import RuleKey

Scope = Literal["default", "plan", "agency"]


class RuleKind(BaseModel):
    """What the editor needs to offer a kind of rule: its label, the default parameters and their schema."""

    key: RuleKey
    label: str
    defaults: dict[str, Any]
    params_schema: dict[str, Any] = Field(description="JSON Schema của tham số (mô tả bằng tiếng Việt)")


class RuleRead(BaseModel):
    id: uuid.UUID
    key: str
    label: str = Field(description="Tên quy tắc, bằng tiếng Việt")
    scope: Scope = Field(description="default: mặc định toàn tỉnh; plan: riêng một kế hoạch; agency: riêng một đơn vị")
    plan_id: uuid.UUID | None
    agency_id: uuid.UUID | None
    agency_name: str | None = Field(None, description="Tên đơn vị, khi quy tắc riêng cho một đơn vị")
    enabled: bool
    params: dict[str, Any]
    version: int
    updated_by: str
    updated_at: datetime


class RuleCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: RuleKey
    plan_id: uuid.UUID | None = Field(None, description="Quy tắc riêng cho kế hoạch này (hoặc agency_id)")
    agency_id: uuid.UUID | None = Field(None, description="Quy tắc riêng cho đơn vị này (hoặc plan_id)")
    enabled: bool = True
    params: dict[str, Any] = Field(default_factory=dict, description="Tham số theo loại quy tắc (xem /rules/kinds)")


class RuleUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    enabled: bool
    params: dict[str, Any] = Field(default_factory=dict)
