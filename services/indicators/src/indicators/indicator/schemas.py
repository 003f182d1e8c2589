from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from indicators.vocabulary import Aggregation, Comparator, Periodicity, Status, Unit


class AgencyRef(BaseModel):
    id: uuid.UUID
    name: str


class ShareRead(BaseModel):
    agency: AgencyRef
    written: str = Field(description="Tên đơn vị như văn bản ghi")
    split_target: Decimal | None = Field(None, description="Chỉ tiêu được chia cho đơn vị (ví dụ 05 bài)")
    split_unit_label: str | None = None
    weight: Decimal | None = None


class IndicatorRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    plan_key: str
    parent_id: uuid.UUID | None
    tt: str
    text: str
    part_label: str | None
    part_kind: str | None
    milestone_year: int
    milestone_label: str
    sector: str
    sector_label: str
    metric_key: str | None
    comparator: Comparator
    target_value: Decimal | None
    target_low: Decimal | None
    target_high: Decimal | None
    target_text: str | None
    unit: Unit | None
    unit_label: str | None
    monitoring_agency: AgencyRef | None
    monitoring_text: str
    aggregation: Aggregation
    periodicity: Periodicity
    needs_review: bool
    review_reasons: list[str]
    status: Status
    status_label: str
    attainment: Decimal | None = Field(description="Mức độ đạt 0–1 (không vượt 100%)")
    current_value: Decimal | None
    current_period: str | None
    projected_value: Decimal | None
    composite: bool = False


class LinkedTarget(BaseModel):
    indicator_id: uuid.UUID
    plan_key: str
    plan_symbol: str
    milestone_year: int
    tt: str
    comparator: Comparator
    target_value: Decimal | None
    target_low: Decimal | None
    target_high: Decimal | None
    unit: Unit | None
    conflict: bool = Field(description="Cùng năm mốc nhưng chỉ tiêu khác nhau")


class IndicatorDetail(IndicatorRead):
    plan_symbol: str
    baseline_value: Decimal | None
    baseline_year: int | None
    baseline_source: str | None
    data_source: str | None
    note: str | None
    per_year: bool
    manual_status: Status | None
    assessment: dict[str, Any]
    assessed_at: datetime | None
    contributors: list[ShareRead]
    parts: list[IndicatorRead]
    linked: list[LinkedTarget] = Field(description="Cùng chỉ số ở các kế hoạch/mốc khác")
    can_define: bool
    can_report_for: list[uuid.UUID] = Field(description="Đơn vị người gọi được báo cáo số liệu")
    version: int


Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]


class IndicatorUpdate(BaseModel):
    """A person settles what the sentence did not state, or corrects it; fields left out keep their value."""

    model_config = ConfigDict(extra="forbid")

    comparator: Comparator | None = None
    target_value: Decimal | None = None
    target_low: Decimal | None = None
    target_high: Decimal | None = None
    unit: Unit | None = None
    unit_label: Annotated[str, StringConstraints(strip_whitespace=True, max_length=60)] | None = None
    aggregation: Aggregation | None = None
    periodicity: Periodicity | None = None
    baseline_value: Decimal | None = None
    baseline_year: int | None = Field(None, ge=1990, le=2100)
    baseline_source: Text | None = None
    data_source: Text | None = None
    note: Text | None = None
    metric_key: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9_]{2,80}$")] | None = None
    monitoring_agency_id: uuid.UUID | None = None
    reviewed: bool | None = Field(None, description="true: đã xem xét, bỏ cờ cần xem xét")


class SeriesPoint(BaseModel):
    period: str
    period_label: str
    end: date
    value: Decimal | None
    reported: int
    expected: int
    demo: bool = Field(description="Số liệu minh họa (chế độ trình diễn)")


class AgencyPoint(BaseModel):
    agency: AgencyRef
    period: str
    value: Decimal | None
    state: str
    late: bool


class TargetPoint(BaseModel):
    year: int
    indicator_id: uuid.UUID
    comparator: Comparator
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None


class ProjectionPoint(BaseModel):
    year: int
    value: Decimal


class Series(BaseModel):
    indicator_id: uuid.UUID
    unit: Unit | None
    unit_label: str | None
    province: list[SeriesPoint] = Field(description="Giá trị toàn tỉnh theo kỳ, tổng hợp từ số liệu đã chấp nhận")
    agencies: list[AgencyPoint] = Field(
        description="Số liệu từng đơn vị của một kỳ (tham số period; mặc định kỳ gần nhất)"
    )
    targets: list[TargetPoint] = Field(description="Chỉ tiêu ở các mốc của cùng chỉ số trong kế hoạch")
    projection: list[ProjectionPoint]
    status: Status
    assessment: dict[str, Any]
