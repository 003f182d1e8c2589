from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from common.text import lower_stripped
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

Scope = Literal["tasks.read", "indicators.read", "events.read", "identity.read"]
ClientIdStr = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]{2,63}$"), BeforeValidator(lower_stripped)]


class ClientCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    client_id: ClientIdStr = Field(description="Mã ứng dụng, ví dụ ioc-tinh")
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]
    scopes: list[Scope] = Field(min_length=1)
    agency_id: uuid.UUID = Field(description="Phạm vi dữ liệu: đơn vị này và các đơn vị cấp dưới")


class ClientUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)] | None = None
    scopes: list[Scope] | None = Field(None, min_length=1)
    agency_id: uuid.UUID | None = None
    active: bool | None = None


class ClientRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    client_id: str
    name: str
    scopes: list[str]
    agency_id: uuid.UUID
    active: bool
    last_used_at: datetime | None
    created_at: datetime
    version: int


class ClientWithSecret(ClientRead):
    client_secret: str = Field(description="Chỉ hiển thị một lần; hãy lưu lại ngay")
