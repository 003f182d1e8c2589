"""The province value from its parts, by every rule, with parts that did not report."""

from __future__ import annotations

from decimal import Decimal

import pytest
from indicators.compute.aggregate import Aggregate, PartValue, aggregate
from indicators.vocabulary import Aggregation

A = Aggregation
D = Decimal


def v(*values: str | None) -> list[PartValue]:
    return [PartValue(None if x is None else D(x)) for x in values]


def w(*pairs: tuple[str | None, str | None]) -> list[PartValue]:
    return [PartValue(None if x is None else D(x), weight=None if y is None else D(y)) for x, y in pairs]


def r(*pairs: tuple[str | None, str | None]) -> list[PartValue]:
    return [
        PartValue(None, numerator=None if n is None else D(n), denominator=None if d is None else D(d))
        for n, d in pairs
    ]


CASES = [
    pytest.param(A.SUM, v("12", "30", "8"), Aggregate(D("50"), 3, 3), id="sum"),
    pytest.param(A.SUM, v("12", None, "8"), Aggregate(D("20"), 2, 3), id="sum of the reported parts only"),
    pytest.param(A.SUM, v(None, None), Aggregate(None, 0, 2), id="sum with nothing reported"),
    pytest.param(A.SUM, [], Aggregate(None, 0, 0), id="sum of no parts"),
    pytest.param(A.MEAN, v("1", "2", "2"), Aggregate(D("1.6667"), 3, 3), id="mean rounded to four places"),
    pytest.param(A.MEAN, v("80", None, "90"), Aggregate(D("85.0000"), 2, 3), id="mean skips the missing"),
    pytest.param(A.MAX, v("3", None, "7", "5"), Aggregate(D("7"), 3, 4), id="max"),
    pytest.param(A.MIN, v("3", None, "7", "5"), Aggregate(D("3"), 3, 4), id="min"),
    pytest.param(A.MIN, v(None), Aggregate(None, 0, 1), id="min with nothing reported"),
    pytest.param(A.WEIGHTED_MEAN, w(("80", "3"), ("40", "1")), Aggregate(D("70.0000"), 2, 2), id="weighted mean"),
    pytest.param(
        A.WEIGHTED_MEAN,
        w(("80", "3"), ("40", None), (None, "5")),
        Aggregate(D("80.0000"), 1, 3),
        id="weighted mean needs both value and weight",
    ),
    pytest.param(A.WEIGHTED_MEAN, w(("80", "0")), Aggregate(None, 1, 1), id="weighted mean with zero weights"),
    pytest.param(A.RATIO, r(("45", "50"), ("30", "50")), Aggregate(D("75.0000"), 2, 2), id="ratio as percent"),
    pytest.param(
        A.RATIO, r(("45", "50"), ("30", None), (None, "10")), Aggregate(D("90.0000"), 1, 3), id="ratio skips halves"
    ),
    pytest.param(A.RATIO, r(("0", "0")), Aggregate(None, 1, 1), id="ratio over zero"),
    pytest.param(A.MANUAL, v("1", "2", None), Aggregate(None, 2, 3), id="manual is not computed"),
]


@pytest.mark.parametrize(("rule", "parts", "expected"), CASES)
def test_aggregate(rule: Aggregation, parts: list[PartValue], expected: Aggregate) -> None:
    assert aggregate(rule, parts) == expected


def test_ratio_scale_and_missing_count() -> None:
    got = aggregate(A.RATIO, r(("3", "4"), (None, None)), scale=D(1))
    assert got == Aggregate(D("0.7500"), 1, 2)
    assert got.missing == 1


def test_negative_weight_is_refused() -> None:
    with pytest.raises(ValueError, match="Trọng số không được âm"):
        aggregate(A.WEIGHTED_MEAN, w(("1", "-1")))
