from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from common.text import upper_stripped
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

AgencyKind = Literal["province", "department", "division", "commune", "university", "other"]
Code = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9_]{2,50}$"), BeforeValidator(upper_stripped)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=300)]
ShortName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=150)]
Alias = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=300)]


class AgencyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: Code = Field(description="Mã đơn vị, chữ in hoa không dấu, ví dụ SKHCN")
    name: Name = Field(description="Tên đầy đủ, có dấu")
    short_name: ShortName
    kind: AgencyKind
    parent_id: uuid.UUID | None = None
    aliases: list[Alias] = Field(default_factory=list, max_length=50)


class AgencyUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    short_name: ShortName | None = None
    kind: AgencyKind | None = None
    parent_id: uuid.UUID | None = None
    aliases: list[Alias] | None = Field(None, max_length=50)


class AgencyMerge(BaseModel):
    model_config = ConfigDict(extra="forbid")

    into_id: uuid.UUID = Field(description="Đơn vị tiếp nhận")


class AgencyRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    code: str
    name: str
    short_name: str
    kind: AgencyKind
    parent_id: uuid.UUID | None
    active: bool
    merged_into_id: uuid.UUID | None
    merged_at: datetime | None
    aliases: list[str]
    version: int
