from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from tasks.task.rules import Status

Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=5000)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=5, max_length=5000)]


class DeadlineRead(BaseModel):
    text: str = Field(description="Thời hạn như văn bản ghi")
    kind: str = Field(description="date | window | recurring | ongoing | conditional | unknown")
    due_on: date | None = Field(description="Hạn (với nhiệm vụ định kỳ/thường xuyên: hạn báo cáo của kỳ hiện tại)")
    window_start: date | None
    window_end: date | None
    recurrence: dict[str, Any] | None
    condition: str | None
    needs_review: bool = Field(description="Không hiểu được thời hạn: cần người nhập ngày")
    description: str = Field(description="Diễn giải bằng tiếng Việt")
    extended: bool = Field(description="Thời hạn đã được gia hạn")


class AssignmentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    agency_id: uuid.UUID
    agency_name: str = ""
    role: Literal["lead", "coordinator"]
    via_group: str | None
    status: Status
    status_label: str = ""
    percent: int
    submitted_on: date | None
    completed_on: date | None
    last_update_at: datetime | None
    version: int


class ShareCounts(BaseModel):
    total: int = 0
    completed: int = 0
    submitted: int = 0
    not_started: int = 0


class TaskRead(BaseModel):
    id: uuid.UUID
    plan_id: uuid.UUID
    section_id: uuid.UUID | None
    parent_task_id: uuid.UUID | None
    assigned_by_agency_id: uuid.UUID | None
    number: str = Field(description="Số thứ tự như văn bản in (nhãn, không phải định danh)")
    title: str
    result: str
    lead_text: str
    coordinator_text: str
    responsible_person: str
    is_priority: bool
    deadline: DeadlineRead
    status: Status
    status_label: str
    is_overdue: bool
    percent: int
    completed_on: date | None
    unclear: list[str] = Field(description='Các tiêu chí "6 rõ" còn thiếu')
    lead_shares: ShareCounts
    coordinator_shares: ShareCounts
    my_shares: list[AssignmentRead] = Field(description="Phần việc của đơn vị người gọi (và đơn vị cấp dưới)")
    created_at: datetime
    updated_at: datetime
    version: int


class TaskDetail(TaskRead):
    assignments: list[AssignmentRead]
    children: list[TaskRead]
    clarity: dict[str, str] = Field(description="Tiêu chí 6 rõ còn thiếu, kèm diễn giải")


class TaskCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    section_id: uuid.UUID | None = None
    number: Annotated[str, StringConstraints(strip_whitespace=True, max_length=20)] = ""
    title: Title
    result: Text = ""
    lead_agency_ids: list[uuid.UUID] = Field(default_factory=list, max_length=500)
    coordinator_agency_ids: list[uuid.UUID] = Field(default_factory=list, max_length=500)
    lead_text: Text = ""
    coordinator_text: Text = ""
    deadline_text: Short = ""
    responsible_person: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""
    is_priority: bool = False


class TaskUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title | None = None
    result: Text | None = None
    number: Annotated[str, StringConstraints(strip_whitespace=True, max_length=20)] | None = None
    section_id: uuid.UUID | None = None
    deadline_text: Short | None = None
    due_on: date | None = Field(None, description="Ngày hạn do người nhập khi văn bản không ghi rõ")
    responsible_person: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    is_priority: bool | None = None
    reason: Text = ""


class CascadeCreate(BaseModel):
    """Break a task into child tasks for the agency's divisions or for communes."""

    model_config = ConfigDict(extra="forbid")

    title: Title
    result: Text = ""
    lead_agency_ids: list[uuid.UUID] = Field(min_length=1, max_length=500)
    coordinator_agency_ids: list[uuid.UUID] = Field(default_factory=list, max_length=500)
    deadline_text: Short = ""
    responsible_person: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""
    from_agency_id: uuid.UUID | None = Field(None, description="Đơn vị giao (mặc định: đơn vị của người gọi)")


class StatusCount(BaseModel):
    status: str
    label: str
    count: int


class AgencyCount(BaseModel):
    agency_id: uuid.UUID
    agency_name: str
    tasks: int
    overdue: int
    completed: int


class SectionCount(BaseModel):
    section_id: uuid.UUID | None
    section_title: str
    tasks: int
    overdue: int
    completed: int


class TaskCounts(BaseModel):
    total: int
    overdue: int
    by_status: list[StatusCount]
    by_agency: list[AgencyCount]
    by_section: list[SectionCount]
