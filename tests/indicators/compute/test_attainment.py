"""Attainment per comparator, the caps of bounded units, baselines, and the values that cannot be true."""

from __future__ import annotations

from decimal import Decimal

import pytest
from indicators.compute.attainment import attainment, clip, is_met, validate_value
from indicators.vocabulary import Comparator, Unit

C = Comparator
D = Decimal


def case(
    id: str,
    comparator: Comparator,
    current: str | None,
    expected: str | None,
    *,
    target: str | None = None,
    low: str | None = None,
    high: str | None = None,
    baseline: str | None = None,
    unit: Unit = Unit.PERCENT,
) -> object:
    numbers = {"target": target, "low": low, "high": high, "baseline": baseline}
    kwargs = {key: D(value) for key, value in numbers.items() if value is not None}
    return pytest.param(comparator, None if current is None else D(current), kwargs, unit, expected, id=id)


ATTAINMENT = [
    case("gte: 45 of ≥ 90% is half", C.GTE, "45", "0.5000", target="90"),
    case("gte: 2 of ≥ 3 rounds half up once", C.GTE, "2", "0.6667", target="3", unit=Unit.COUNT),
    case("gte: exactly the target", C.GTE, "90", "1.0000", target="90"),
    case("gte: 15 papers vs ≥ 10 is capped at 1", C.GTE, "15", "1.0000", target="10", unit=Unit.COUNT),
    case("gte: impossible 120% vs ≥ 100% is capped at 1", C.GTE, "120", "1.0000", target="100"),
    case("gte: baseline 0.62 → 0.71 of 0.80 is half way", C.GTE, "0.71", "0.5000", target="0.80", baseline="0.62"),
    case("gte: below the baseline is 0, not negative", C.GTE, "0.60", "0.0000", target="0.80", baseline="0.62"),
    case("gte: baseline above target is ignored", C.GTE, "40", "0.5000", target="80", baseline="85"),
    case("gte: target 0 with any value is met", C.GTE, "0", "1.0000", target="0", unit=Unit.COUNT),
    case("lte: under the limit is met", C.LTE, "3", "1.0000", target="5"),
    case("lte: 10% vs ≤ 5% is target/current", C.LTE, "10", "0.5000", target="5"),
    case("lte: baseline 20 → 10 vs ≤ 5 is two thirds", C.LTE, "10", "0.6667", target="5", baseline="20"),
    case("lte: worse than the baseline is 0", C.LTE, "25", "0.0000", target="5", baseline="20"),
    case("lte: impossible 200% counts as 100%", C.LTE, "200", "0.0500", target="5"),
    case("rank: 5th vs Top 5 is met", C.LTE, "5", "1.0000", target="5", unit=Unit.RANK),
    case("rank: 8th vs Top 5 is 5/8", C.LTE, "8", "0.6250", target="5", unit=Unit.RANK),
    case("range: inside 55–60", C.RANGE, "57", "1.0000", low="55", high="60"),
    case("range: on the low bound", C.RANGE, "55", "1.0000", low="55", high="60"),
    case("range: below goes towards low", C.RANGE, "44", "0.8000", low="55", high="60"),
    case("range: above goes towards high", C.RANGE, "75", "0.8000", low="55", high="60"),
    case("range: with a baseline below", C.RANGE, "50", "0.6667", low="55", high="60", baseline="40"),
    case("range: open above", C.RANGE, "80", "1.0000", low="55"),
    case("eq: equal", C.EQ, "100", "1.0000", target="100", unit=Unit.COUNT),
    case("eq: below is as ≥", C.EQ, "75", "0.7500", target="100", unit=Unit.COUNT),
    case("eq: above is as ≤", C.EQ, "125", "0.8000", target="100", unit=Unit.COUNT),
    case("qualitative has no number", C.QUALITATIVE, "1", None, target="1"),
    case("no value reported", C.GTE, None, None, target="90"),
    case("no target", C.GTE, "50", None),
    case("range without bounds", C.RANGE, "50", None),
]


@pytest.mark.parametrize(("comparator", "current", "kwargs", "unit", "expected"), ATTAINMENT)
def test_attainment(
    comparator: Comparator, current: Decimal | None, kwargs: dict[str, Decimal], unit: Unit, expected: str | None
) -> None:
    got = attainment(comparator, current=current, unit=unit, **kwargs)
    assert got == (None if expected is None else D(expected))
    if got is not None:
        assert got.as_tuple().exponent == -4  # rounded to four places


MET = [
    pytest.param(C.GTE, "90", {"target": "90"}, True, id="gte equal"),
    pytest.param(C.GTE, "89.99", {"target": "90"}, False, id="gte just below"),
    pytest.param(C.LTE, "5", {"target": "5"}, True, id="lte equal (Top 5)"),
    pytest.param(C.LTE, "6", {"target": "5"}, False, id="lte above"),
    pytest.param(C.EQ, "100", {"target": "100.0"}, True, id="eq same number, other scale"),
    pytest.param(C.EQ, "99", {"target": "100"}, False, id="eq different"),
    pytest.param(C.RANGE, "60", {"low": "55", "high": "60"}, True, id="range high bound"),
    pytest.param(C.RANGE, "60.1", {"low": "55", "high": "60"}, False, id="range above"),
    pytest.param(C.RANGE, "54", {"low": "55", "high": "60"}, False, id="range below"),
    pytest.param(C.QUALITATIVE, "1", {"target": "1"}, False, id="qualitative never"),
    pytest.param(C.GTE, None, {"target": "1"}, False, id="no value never"),
    pytest.param(C.GTE, "1", {}, False, id="no target never"),
]


@pytest.mark.parametrize(("comparator", "current", "numbers", "expected"), MET)
def test_is_met(comparator: Comparator, current: str | None, numbers: dict[str, str], expected: bool) -> None:
    kwargs = {key: D(value) for key, value in numbers.items()}
    assert is_met(comparator, current=None if current is None else D(current), **kwargs) is expected


VALIDATION = [
    pytest.param(Unit.PERCENT, "120", "Giá trị theo tỷ lệ phần trăm phải từ 0 đến 100", id="percent above 100"),
    pytest.param(Unit.PERCENT_GRDP, "-1", "Giá trị theo tỷ lệ phần trăm phải từ 0 đến 100", id="percent negative"),
    pytest.param(Unit.PERCENT_BUDGET, "100", None, id="percent 100 is fine"),
    pytest.param(Unit.INDEX, "1.2", "Chỉ số phải từ 0 đến 1", id="index above 1"),
    pytest.param(Unit.INDEX, "0.80", None, id="index fine"),
    pytest.param(Unit.COUNT, "-3", "Giá trị không được âm", id="count negative"),
    pytest.param(Unit.VISITORS, "2500000", None, id="visitors unbounded"),
    pytest.param(Unit.BILLION_VND, "0", None, id="zero money is fine"),
    pytest.param(Unit.RANK, "0", "Thứ hạng phải từ 1 trở lên", id="rank 0"),
    pytest.param(Unit.COUNT, "NaN", "Giá trị phải là một số", id="not a number"),
]


@pytest.mark.parametrize(("unit", "value", "reason"), VALIDATION)
def test_validate_value(unit: Unit, value: str, reason: str | None) -> None:
    assert validate_value(unit, D(value)) == reason


@pytest.mark.parametrize(
    ("unit", "value", "expected"),
    [
        pytest.param(Unit.PERCENT, "130", "100", id="percent capped"),
        pytest.param(Unit.INDEX, "1.3", "1", id="index capped"),
        pytest.param(Unit.COUNT, "-2", "0", id="count floor"),
        pytest.param(Unit.RANK, "0.4", "1", id="rank floor is 1"),
        pytest.param(Unit.VISITORS, "9999999", "9999999", id="unbounded kept"),
    ],
)
def test_clip(unit: Unit, value: str, expected: str) -> None:
    assert clip(unit, D(value)) == D(expected)
