"""The worker's clock: real time, shifted ahead in demo mode so tests can stand on a working morning."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from common.clock import VIETNAM


@dataclass(frozen=True)
class Clock:
    shift: timedelta = field(default_factory=timedelta)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.shift

    def today(self) -> date:
        return self.now().astimezone(VIETNAM).date()
