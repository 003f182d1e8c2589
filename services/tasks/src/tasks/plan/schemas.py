from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=300)]


class PlanCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: (
        Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{1,79}$")] | None
    ) = None
    kind: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=80)] = Field(
        description="Nghị quyết, Chương trình hành động, Kế hoạch, Quyết định, ..."
    )
    symbol: Annotated[str, StringConstraints(strip_whitespace=True, max_length=80)] = Field(
        "", description="Số, ký hiệu như văn bản ghi, ví dụ 7316/KH-UBND"
    )
    issued_on: date | None = None
    issued_text: Annotated[str, StringConstraints(strip_whitespace=True, max_length=80)] | None = None
    issuer: Name
    issuer_agency_id: uuid.UUID | None = None
    standing_agency_id: uuid.UUID | None = Field(None, description="Cơ quan thường trực theo dõi, thẩm định")
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=3000)]
    parent_ids: list[uuid.UUID] = Field(default_factory=list, max_length=50, description="Các văn bản căn cứ")


class PlanUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=80)] | None = None
    symbol: Annotated[str, StringConstraints(strip_whitespace=True, max_length=80)] | None = None
    issued_on: date | None = None
    issued_text: Annotated[str, StringConstraints(strip_whitespace=True, max_length=80)] | None = None
    issuer: Name | None = None
    standing_agency_id: uuid.UUID | None = None
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=3000)] | None = None
    parent_ids: list[uuid.UUID] | None = Field(None, max_length=50)


class PlanRead(BaseModel):
    id: uuid.UUID
    key: str | None
    kind: str
    symbol: str
    issued_on: date | None
    issued_text: str | None
    issuer: str
    issuer_agency_id: uuid.UUID | None
    standing_agency_id: uuid.UUID | None
    title: str
    parent_ids: list[uuid.UUID]
    task_count: int = Field(description="Số nhiệm vụ người gọi được xem")
    created_at: datetime
    updated_at: datetime
    version: int


class PlanEdge(BaseModel):
    plan_id: uuid.UUID
    parent_id: uuid.UUID


class PlanGraph(BaseModel):
    plans: list[PlanRead]
    edges: list[PlanEdge] = Field(description="plan_id thực hiện (căn cứ) parent_id")


class SectionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    parent_id: uuid.UUID | None
    number: str
    title: str
    depth: int
    is_priority: bool
    task_count: int = 0
