"""Tables of the indicators service: the agency directory copy, plans with their report schedule, indicators
(a line of a plan's Phụ lục I, or a part of a composite one), the agencies that monitor and report them,
values per period with their review, the history of every value, and import runs."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from common.db import Timestamped
from common.directory.tables import AgencyColumns, FeedCursorColumns
from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from indicators.db import Base
from indicators.vocabulary import Aggregation, Comparator, Periodicity, Sector, Status, Unit

SHARE_ROLES = ("monitoring", "contributor")
VALUE_STATES = ("draft", "submitted", "accepted", "returned")


def _in(values: Any) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


class Agency(AgencyColumns, Base):
    __tablename__ = "agencies"


class FeedCursor(FeedCursorColumns, Base):
    __tablename__ = "feed_cursors"


class Plan(Timestamped, Base):
    """A plan that sets indicators, with the schedule its periodic reports follow."""

    __tablename__ = "plans"

    key: Mapped[str] = mapped_column(String(60), unique=True)
    symbol: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(Text)
    standing_agency_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agencies.id"))
    # None: the documents' schedule (quarter before day 10 of its last month, halves before 01/6 and 01/12,
    # year before 15/12); otherwise `ReportSchedule.to_json()`.
    report_schedule: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    version: Mapped[int] = mapped_column(Integer, default=1)


class Indicator(Timestamped, Base):
    __tablename__ = "indicators"
    __table_args__ = (
        CheckConstraint(f"comparator IN {_in(Comparator)}", name="comparator"),
        CheckConstraint(f"unit IS NULL OR unit IN {_in(Unit)}", name="unit"),
        CheckConstraint(f"sector IN {_in(Sector)}", name="sector"),
        CheckConstraint(f"aggregation IN {_in(Aggregation)}", name="aggregation"),
        CheckConstraint(f"periodicity IN {_in(Periodicity)}", name="periodicity"),
        CheckConstraint(f"status IN {_in(Status)}", name="status"),
        CheckConstraint(f"manual_status IS NULL OR manual_status IN {_in(Status)}", name="manual_status"),
        CheckConstraint("comparator <> 'range' OR (target_low IS NOT NULL AND target_high IS NOT NULL)", name="range"),
        UniqueConstraint("plan_id", "import_key", name="import_key"),
        Index("ix_indicators_plan_order", "plan_id", "milestone_year", "position"),
        Index("ix_indicators_sector_status", "sector", "status"),
        Index("ix_indicators_metric", "metric_key", "milestone_year", postgresql_where="metric_key IS NOT NULL"),
    )

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    # A part of a composite indicator (one of the targets its sentence states) points at the indicator.
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # order in the file, for export and listing
    import_key: Mapped[str] = mapped_column(String(40))  # where the row sits and its words: re-imports update it
    tt: Mapped[str] = mapped_column(String(20), default="")
    text: Mapped[str] = mapped_column(Text)
    search: Mapped[str] = mapped_column(Text, default="")  # folded text, code and agency names
    part_label: Mapped[str | None] = mapped_column(Text)
    part_kind: Mapped[str | None] = mapped_column(String(20))  # trong_tam | chu_yeu
    part_tt: Mapped[str | None] = mapped_column(String(10))
    milestone_year: Mapped[int] = mapped_column(SmallInteger)
    milestone_label: Mapped[str] = mapped_column(String(100))
    milestone_tt: Mapped[str | None] = mapped_column(String(10))
    sector: Mapped[str] = mapped_column(String(40))
    sector_label: Mapped[str] = mapped_column(Text)
    sector_tt: Mapped[str | None] = mapped_column(String(10))
    metric_key: Mapped[str | None] = mapped_column(String(80))
    comparator: Mapped[str] = mapped_column(String(12))
    target_value: Mapped[Decimal | None] = mapped_column(Numeric)
    target_low: Mapped[Decimal | None] = mapped_column(Numeric)
    target_high: Mapped[Decimal | None] = mapped_column(Numeric)
    target_text: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(20))
    unit_label: Mapped[str | None] = mapped_column(String(60))
    per_year: Mapped[bool] = mapped_column(Boolean, default=False)
    baseline_value: Mapped[Decimal | None] = mapped_column(Numeric)
    baseline_year: Mapped[int | None] = mapped_column(SmallInteger)
    baseline_source: Mapped[str | None] = mapped_column(Text)
    monitoring_agency_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agencies.id"), index=True)
    monitoring_text: Mapped[str] = mapped_column(Text, default="")  # the agency cell as printed
    aggregation: Mapped[str] = mapped_column(String(20))
    periodicity: Mapped[str] = mapped_column(String(20), default=Periodicity.YEAR.value)
    data_source: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    # Set when the comparator, target or unit were not stated in a way the parser can read: a person decides.
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    review_reasons: Mapped[list[str]] = mapped_column(ARRAY(Text), default=list)
    # Qualitative indicators: the status the monitoring agency accepted, with the value that proved it.
    manual_status: Mapped[str | None] = mapped_column(String(20))
    # The assessment, kept current whenever a value is accepted or the target changes, so that scorecards of
    # thousands of indicators count rows instead of recomputing series.
    status: Mapped[str] = mapped_column(String(20), default=Status.NO_DATA.value)
    attainment: Mapped[Decimal | None] = mapped_column(Numeric(6, 4))
    current_value: Mapped[Decimal | None] = mapped_column(Numeric)
    current_period: Mapped[str | None] = mapped_column(String(10))
    projected_value: Mapped[Decimal | None] = mapped_column(Numeric)
    assessment: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    assessed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)


class Share(Base):
    """An agency's part in an indicator: it monitors (reviews) it, or reports values for it, with its own split
    target where the plan splits one ("Đại học Hùng Vương 05 bài")."""

    __tablename__ = "shares"
    __table_args__ = (
        CheckConstraint(f"role IN {_in(SHARE_ROLES)}", name="role"),
        UniqueConstraint("indicator_id", "agency_id", "role", name="agency_role"),
        Index("ix_shares_agency", "agency_id", "role", "indicator_id"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    indicator_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    agency_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agencies.id"))
    role: Mapped[str] = mapped_column(String(12))
    written: Mapped[str] = mapped_column(Text, default="")  # the name as the plan printed it
    split_target: Mapped[Decimal | None] = mapped_column(Numeric)
    split_unit_label: Mapped[str | None] = mapped_column(String(60))
    weight: Mapped[Decimal | None] = mapped_column(Numeric)


class IndicatorValue(Timestamped, Base):
    """One agency's value of one indicator for one period. Corrections change this row and keep the old
    state in `value_revisions`; draft → submitted → accepted | returned (with reason) → corrected → submitted."""

    __tablename__ = "indicator_values"
    __table_args__ = (
        CheckConstraint(f"state IN {_in(VALUE_STATES)}", name="state"),
        CheckConstraint(f"claimed_status IS NULL OR claimed_status IN {_in(Status)}", name="claimed_status"),
        CheckConstraint("value IS NOT NULL OR claimed_status IS NOT NULL", name="has_value"),
        UniqueConstraint("indicator_id", "agency_id", "period", name="one_per_period"),
        # Completeness of a period reads state and late of every value of the period from the index alone.
        Index("ix_values_period_cover", "period", "indicator_id", "agency_id", postgresql_include=["state", "late"]),
        Index("ix_values_review", "state", "indicator_id", postgresql_where="state = 'submitted'"),
    )

    indicator_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    agency_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agencies.id"))
    period: Mapped[str] = mapped_column(String(10))  # 2026-Q1, 2026-H2, 2026
    period_end: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    value: Mapped[Decimal | None] = mapped_column(Numeric)
    numerator: Mapped[Decimal | None] = mapped_column(Numeric)
    denominator: Mapped[Decimal | None] = mapped_column(Numeric)
    claimed_status: Mapped[str | None] = mapped_column(String(20))  # qualitative indicators
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    state: Mapped[str] = mapped_column(String(12), default="draft")
    return_reason: Mapped[str | None] = mapped_column(Text)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    submitted_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    author: Mapped[str] = mapped_column(String(200))
    demo: Mapped[bool] = mapped_column(Boolean, default=False)  # generated for the demo dashboards only
    version: Mapped[int] = mapped_column(Integer, default=1)


class Obligation(Base):
    """Values an agency owes per period of one kind (see `report/obligations.py`, which rebuilds it)."""

    __tablename__ = "obligations"

    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    periodicity: Mapped[str] = mapped_column(String(20), primary_key=True)
    expected: Mapped[int] = mapped_column(Integer)


class PeriodTally(Base):
    """What an agency sent for a period, kept by the trigger `tally_value` on `indicator_values`."""

    __tablename__ = "period_tallies"

    period: Mapped[str] = mapped_column(String(10), primary_key=True)
    agency_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    reported: Mapped[int] = mapped_column(Integer, server_default="0")
    accepted: Mapped[int] = mapped_column(Integer, server_default="0")
    returned: Mapped[int] = mapped_column(Integer, server_default="0")
    draft: Mapped[int] = mapped_column(Integer, server_default="0")
    late: Mapped[int] = mapped_column(Integer, server_default="0")


class ValueRevision(Base):
    """Every change of a value: what it was after the change, who made it and why."""

    __tablename__ = "value_revisions"

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    value_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("indicator_values.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(20))  # created, corrected, submitted, accepted, returned
    state: Mapped[str] = mapped_column(String(12))
    value: Mapped[Decimal | None] = mapped_column(Numeric)
    claimed_status: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ImportRun(Timestamped, Base):
    """A file imported into a plan: the same file (by hash) imported again changes nothing."""

    __tablename__ = "import_runs"
    __table_args__ = (UniqueConstraint("plan_id", "sha256", name="plan_file"),)

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    indicators: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(200))
