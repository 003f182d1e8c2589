"""How far an indicator has come towards its target (0..1), whether it is met, and which values are impossible."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from indicators.vocabulary import BOUNDED_UNITS, Comparator, Unit

ZERO = Decimal(0)
ONE = Decimal(1)
PLACES = Decimal("0.0001")


def quantize(value: Decimal) -> Decimal:
    """Four decimal places, half up: the only rounding, done once at the end."""
    return value.quantize(PLACES, rounding=ROUND_HALF_UP)


def upper_bound(unit: Unit) -> Decimal | None:
    bound = BOUNDED_UNITS.get(unit)
    return None if bound is None else Decimal(bound)


def clip(unit: Unit, value: Decimal) -> Decimal:
    """Keep a value inside what its unit allows: 0..100 for percents, 0..1 for an index, ≥ 1 for a rank, else ≥ 0."""
    high = upper_bound(unit)
    value = max(value, ONE if unit is Unit.RANK else ZERO)  # the best rank is 1
    return value if high is None else min(value, high)


def validate_value(unit: Unit, value: Decimal) -> str | None:
    """The reason, in Vietnamese, why a reported value cannot be true; None when it can."""
    if not value.is_finite():
        return "Giá trị phải là một số"
    high = upper_bound(unit)
    if unit is Unit.INDEX and not ZERO <= value <= ONE:
        return "Chỉ số phải từ 0 đến 1"
    if high is not None and not ZERO <= value <= high:
        return f"Giá trị theo tỷ lệ phần trăm phải từ 0 đến {high}"
    if value < ZERO:
        return "Giá trị không được âm"
    if unit is Unit.RANK and value < ONE:
        return "Thứ hạng phải từ 1 trở lên"
    return None


def is_met(
    comparator: Comparator,
    *,
    current: Decimal | None,
    target: Decimal | None = None,
    low: Decimal | None = None,
    high: Decimal | None = None,
) -> bool:
    """Whether the value satisfies the target; a missing number never does."""
    if current is None or comparator is Comparator.QUALITATIVE:
        return False
    if comparator is Comparator.RANGE:
        if low is None and high is None:
            return False
        return (low is None or current >= low) and (high is None or current <= high)
    if target is None:
        return False
    if comparator is Comparator.GTE:
        return current >= target
    if comparator is Comparator.LTE:
        return current <= target
    return current == target


def attainment(
    comparator: Comparator,
    *,
    current: Decimal | None,
    target: Decimal | None = None,
    low: Decimal | None = None,
    high: Decimal | None = None,
    baseline: Decimal | None = None,
    unit: Unit,
) -> Decimal | None:
    """Share of the way to the target, 0..1; None when it cannot be computed (qualitative, no value, no target)."""
    if current is None or comparator is Comparator.QUALITATIVE:
        return None
    current = clip(unit, current)  # an impossible 120% counts as 100%: validation refuses it elsewhere
    share = _share(comparator, current, target, low, high, baseline)
    return None if share is None else quantize(min(max(share, ZERO), ONE))


def _share(
    comparator: Comparator,
    current: Decimal,
    target: Decimal | None,
    low: Decimal | None,
    high: Decimal | None,
    baseline: Decimal | None,
) -> Decimal | None:
    if comparator is Comparator.RANGE:
        return _range_share(current, low, high, baseline)
    if target is None:
        return None
    if comparator is Comparator.GTE:
        return _upwards(current, target, baseline)
    if comparator is Comparator.LTE:
        return _downwards(current, target, baseline)
    if current == target:  # EQ
        return ONE
    return _upwards(current, target, baseline) if current < target else _downwards(current, target, baseline)


def _range_share(
    current: Decimal, low: Decimal | None, high: Decimal | None, baseline: Decimal | None
) -> Decimal | None:
    if low is None and high is None:
        return None
    if low is not None and current < low:
        return _upwards(current, low, baseline)
    if high is not None and current > high:
        return _downwards(current, high, baseline)
    return ONE


def _upwards(current: Decimal, target: Decimal, baseline: Decimal | None) -> Decimal:
    """Towards a level to reach: progress since the baseline when there is one below the target."""
    if current >= target:
        return ONE
    if baseline is not None and baseline < target:
        return (current - baseline) / (target - baseline)
    if target <= ZERO:
        return ONE if current >= ZERO else ZERO
    return current / target


def _downwards(current: Decimal, target: Decimal, baseline: Decimal | None) -> Decimal:
    """Towards a level to stay under (≤, Top N): progress since a baseline above the target, else target/current."""
    if current <= target:
        return ONE
    if baseline is not None and baseline > target:
        return (baseline - current) / (baseline - target)
    if current <= ZERO:
        return ZERO
    return max(target, ZERO) / current
