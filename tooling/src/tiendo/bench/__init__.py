"""Benchmarks: scripts that build a large dataset and report latency percentiles and throughput.

They are run by hand (`python -m tiendo bench-tasks`), never by the test command; the figures they print go
into docs/benchmarks.md with the machine they were measured on.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    name: str
    samples_ms: list[float]

    @property
    def p50(self) -> float:
        return percentile(self.samples_ms, 50)

    @property
    def p95(self) -> float:
        return percentile(self.samples_ms, 95)

    @property
    def p99(self) -> float:
        return percentile(self.samples_ms, 99)


def percentile(samples: list[float], pct: float) -> float:
    """Nearest-rank percentile: the smallest sample with at least `pct`% of the samples at or below it."""
    ordered = sorted(samples)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


async def timed(name: str, calls: list[Callable[[], Awaitable[object]]], warmup: int = 5) -> Timing:
    """Run the calls one after another (latency, not load) after a few untimed warm-up calls."""
    for call in calls[:warmup]:
        await call()
    samples: list[float] = []
    for call in calls:
        start = time.perf_counter()
        await call()
        samples.append((time.perf_counter() - start) * 1000)
    return Timing(name, samples)


def table(rows: list[tuple[Timing, Timing | None]]) -> str:
    """A Markdown table: each HTTP timing beside the timing of its SQL alone."""
    lines = [
        "| what | requests | p50 ms | p95 ms | p99 ms | SQL alone p50 / p95 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for http, sql in rows:
        floor = f"{sql.p50:.1f} / {sql.p95:.1f}" if sql else "—"
        lines.append(
            f"| {http.name} | {len(http.samples_ms)} | {http.p50:.1f} | {http.p95:.1f} | {http.p99:.1f} | {floor} |"
        )
    return "\n".join(lines)
