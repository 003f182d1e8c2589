"""Pure computations on indicators: attainment, progress status, aggregation of parts, reporting periods."""

from indicators.compute.aggregate import Aggregate, PartValue, aggregate
from indicators.compute.attainment import attainment, clip, is_met, validate_value
from indicators.compute.periods import (
    DEFAULT_SCHEDULE,
    MonthDay,
    Period,
    ReportSchedule,
    ScheduleError,
    current_period,
    is_late,
    parse_period,
    periods_between,
)
from indicators.compute.projection import Assessment, Observation, assess, combine, format_number

__all__ = [
    "DEFAULT_SCHEDULE",
    "Aggregate",
    "Assessment",
    "MonthDay",
    "Observation",
    "PartValue",
    "Period",
    "ReportSchedule",
    "ScheduleError",
    "aggregate",
    "assess",
    "attainment",
    "clip",
    "combine",
    "current_period",
    "format_number",
    "is_late",
    "is_met",
    "parse_period",
    "periods_between",
    "validate_value",
]
