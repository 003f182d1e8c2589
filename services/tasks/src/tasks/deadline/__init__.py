"""Thời hạn nhiệm vụ — deadline phrases as written in the plans, parsed into dates, windows and recurrences."""

from tasks.deadline.parser import Deadline, DeadlineKind, Frequency, Recurrence, parse_deadline
from tasks.deadline.schedule import describe, next_occurrence

__all__ = ["Deadline", "DeadlineKind", "Frequency", "Recurrence", "describe", "next_occurrence", "parse_deadline"]
