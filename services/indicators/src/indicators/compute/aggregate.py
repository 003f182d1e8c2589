"""The province value of an indicator from the values of its parts (districts, agencies, sub-indicators)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from indicators.compute.attainment import ZERO, quantize
from indicators.vocabulary import Aggregation

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class PartValue:
    value: Decimal | None
    weight: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None


@dataclass(frozen=True)
class Aggregate:
    value: Decimal | None  # None when no part gave what the rule needs, or for a manual rule
    reported: int  # parts that gave what the rule needs
    expected: int  # all parts

    @property
    def missing(self) -> int:
        return self.expected - self.reported


def aggregate(rule: Aggregation, parts: Sequence[PartValue], *, scale: Decimal = HUNDRED) -> Aggregate:
    """Combine the parts by the rule; parts without the numbers the rule needs are left out and counted missing."""
    if rule is Aggregation.WEIGHTED_MEAN:
        return _weighted_mean(parts)
    if rule is Aggregation.RATIO:
        return _ratio(parts, scale)
    values = [p.value for p in parts if p.value is not None]
    if rule is Aggregation.MANUAL:  # the province value is reported directly, not computed
        return Aggregate(None, len(values), len(parts))
    result = _PLAIN[rule](values) if values else None
    return Aggregate(result, len(values), len(parts))


def _sum(values: list[Decimal]) -> Decimal:
    return sum(values, ZERO)


def _mean(values: list[Decimal]) -> Decimal:
    return quantize(sum(values, ZERO) / len(values))


_PLAIN: dict[Aggregation, Callable[[list[Decimal]], Decimal]] = {
    Aggregation.SUM: _sum,
    Aggregation.MEAN: _mean,
    Aggregation.MAX: max,
    Aggregation.MIN: min,
}


def _weighted_mean(parts: Sequence[PartValue]) -> Aggregate:
    """Σ w·v / Σ w over the parts that have both a value and a weight."""
    pairs = [(p.value, p.weight) for p in parts if p.value is not None and p.weight is not None]
    if any(weight < ZERO for _, weight in pairs):
        raise ValueError("Trọng số không được âm")
    total = sum((weight for _, weight in pairs), ZERO)
    value = None if total == ZERO else quantize(sum((v * w for v, w in pairs), ZERO) / total)
    return Aggregate(value, len(pairs), len(parts))


def _ratio(parts: Sequence[PartValue], scale: Decimal) -> Aggregate:
    """Σ numerators / Σ denominators × scale (100 gives a percent) over the parts that have both."""
    pairs = [(p.numerator, p.denominator) for p in parts if p.numerator is not None and p.denominator is not None]
    below = sum((d for _, d in pairs), ZERO)
    value = None if below == ZERO else quantize(sum((n for n, _ in pairs), ZERO) / below * scale)
    return Aggregate(value, len(pairs), len(parts))
