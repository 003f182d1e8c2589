"""Progress status from the reported levels: the SDG anticipated-progress method and the composite status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from indicators.compute.projection import Assessment, Observation, assess, combine, format_number, trend_slope
from indicators.vocabulary import Comparator, Status, Unit

C = Comparator
S = Status
D = Decimal


def at(year: int, month: int = 12, day: int = 31) -> date:
    return date(year, month, day)


def obs(*points: tuple[date, str]) -> list[Observation]:
    return [Observation(day, D(value)) for day, value in points]


@dataclass(frozen=True)
class Case:
    """One indicator, its reported levels up to `as_of`, and the status with a phrase the reason must hold."""

    comparator: Comparator
    observations: list[Observation]
    status: Status
    method: str
    says: str
    target: str | None = "0.80"
    target_year: int = 2030
    unit: Unit = Unit.INDEX
    baseline: Observation | None = None
    low: str | None = None
    high: str | None = None
    as_of: date = date(2026, 3, 1)

    def run(self) -> Assessment:
        return assess(
            self.comparator,
            target=None if self.target is None else D(self.target),
            low=None if self.low is None else D(self.low),
            high=None if self.high is None else D(self.high),
            target_year=self.target_year,
            unit=self.unit,
            baseline=self.baseline,
            observations=self.observations,
            as_of=self.as_of,
        )


DTI_2024 = Observation(at(2024), D("0.62"))  # Chỉ số chuyển đổi số cấp tỉnh, baseline

CASES = [
    pytest.param(Case(C.GTE, [], S.NO_DATA, "none", "Chưa có số liệu"), id="no data"),
    pytest.param(
        Case(C.GTE, obs((at(2026, 6, 30), "0.7")), S.NO_DATA, "none", "Chưa có số liệu"),
        id="a value after as_of is not seen",
    ),
    pytest.param(
        Case(C.GTE, obs((at(2025), "0.66")), S.NEEDS_ACCELERATION, "one_point", "Mới có một số liệu"),
        id="one point, no baseline",
    ),
    pytest.param(
        Case(
            C.GTE,
            obs((at(2025), "0.66")),
            S.NEEDS_ACCELERATION,
            "one_point",
            "Mới có một số liệu",
            baseline=Observation(at(2025), D("0.62")),
        ),
        id="one point, baseline on the same day is no trend",
    ),
    pytest.param(
        Case(C.GTE, obs((at(2025), "0.66")), S.ON_TRACK, "linear_trend", "tăng 0,04/năm", baseline=DTI_2024),
        id="baseline + one point on track",
    ),
    pytest.param(
        Case(C.GTE, obs((at(2025), "0.64")), S.NEEDS_ACCELERATION, "linear_trend", "mới bằng 63%", baseline=DTI_2024),
        id="needs acceleration",
    ),
    pytest.param(
        Case(C.GTE, obs((at(2025), "0.63")), S.AT_RISK, "linear_trend", "chỉ bằng 29%", baseline=DTI_2024),
        id="at risk, too slow",
    ),
    pytest.param(
        Case(C.GTE, obs((at(2025), "0.6")), S.AT_RISK, "linear_trend", "đi ngược hướng", baseline=DTI_2024),
        id="declining series towards a ≥ target",
    ),
    pytest.param(
        Case(
            C.GTE,
            obs((at(2025), "0.62")),
            S.AT_RISK,
            "linear_trend",
            "Số liệu không đổi trong khi cần tăng 0,036/năm",
            baseline=DTI_2024,
        ),
        id="flat series",
    ),
    pytest.param(
        Case(
            C.LTE,
            obs((at(2024), "4"), (at(2025), "4.5")),
            S.AT_RISK,
            "linear_trend",
            "đi ngược hướng",
            target="2",
            unit=Unit.PERCENT,
        ),
        id="rising series towards a ≤ target",
    ),
    pytest.param(
        Case(C.GTE, obs((at(2025), "0.82")), S.ACHIEVED, "one_point", "Đã đạt mục tiêu ≥ 0,8"),
        id="achieved five years early",
    ),
    pytest.param(
        Case(
            C.GTE,
            obs((at(2024), "80"), (at(2025), "85")),
            S.AT_RISK,
            "linear_trend",
            "Đã qua năm mục tiêu 2025",
            target="90",
            target_year=2025,
            unit=Unit.PERCENT,
            as_of=date(2026, 1, 1),
        ),
        id="target year passed",
    ),
    pytest.param(
        Case(
            C.GTE,
            obs((at(2024), "80"), (at(2025), "85")),
            S.AT_RISK,
            "linear_trend",
            "Đã qua năm mục tiêu 2025",
            target="90",
            target_year=2025,
            unit=Unit.PERCENT,
            as_of=date(2025, 12, 31),
        ),
        id="last day of the target year reported and not met",
    ),
    pytest.param(
        Case(
            C.RANGE,
            obs((at(2024), "45"), (at(2025), "48")),
            S.ON_TRACK,
            "linear_trend",
            "từ 55% đến 60%",
            target=None,
            low="55",
            high="60",
            unit=Unit.PERCENT,
        ),
        id="range from below, on track to the low bound",
    ),
    pytest.param(
        Case(
            C.RANGE,
            obs((at(2024), "70"), (at(2025), "69")),
            S.NEEDS_ACCELERATION,
            "linear_trend",
            "giảm 1 điểm",
            target=None,
            low="55",
            high="60",
            unit=Unit.PERCENT,
        ),
        id="range from above, coming down too slowly",
    ),
    pytest.param(
        Case(
            C.RANGE,
            obs((at(2025), "57")),
            S.ACHIEVED,
            "one_point",
            "Đã đạt",
            target=None,
            low="55",
            high="60",
            unit=Unit.PERCENT,
        ),
        id="range inside",
    ),
    pytest.param(
        Case(
            C.LTE,
            obs((at(2025), "9")),
            S.ON_TRACK,
            "linear_trend",
            "Top 5",
            target="5",
            unit=Unit.RANK,
            baseline=Observation(at(2023), D("12")),
        ),
        id="Top 5 rank climbing fast enough",
    ),
    pytest.param(
        Case(
            C.LTE,
            obs((at(2025), "14")),
            S.AT_RISK,
            "linear_trend",
            "đi ngược hướng",
            target="5",
            unit=Unit.RANK,
            baseline=Observation(at(2023), D("12")),
        ),
        id="Top 5 rank slipping",
    ),
    pytest.param(
        Case(C.QUALITATIVE, obs((at(2025), "1")), S.NO_DATA, "none", "định tính", target=None),
        id="qualitative is judged by people",
    ),
    pytest.param(
        Case(C.GTE, obs((at(2025), "0.7")), S.NO_DATA, "none", "chưa có giá trị mục tiêu", target=None),
        id="no numeric target",
    ),
]


@pytest.mark.parametrize("case", CASES)
def test_assess(case: Case) -> None:
    got = case.run()
    assert (got.status, got.method) == (case.status, case.method), got.reason
    assert case.says in got.reason


def test_worked_example_numbers() -> None:
    """docs/indicators-method.md: DTI 0.62 (2024) → 0.66 (2025), target ≥ 0.80 in 2030."""
    got = Case(C.GTE, obs((at(2025), "0.66")), S.ON_TRACK, "linear_trend", "", baseline=DTI_2024).run()
    assert got.latest == Observation(at(2025), D("0.66"))
    assert got.attainment == D("0.2222")  # (0.66 - 0.62) / (0.80 - 0.62)
    assert got.observed_rate == D("0.0400")  # 0.04 over 365 days of a 365.25-day year
    assert got.required_rate == D("0.0280")  # 0.14 over 1826 days
    assert got.ratio == D("1.4294")
    assert got.projected == D("0.8601")
    assert got.reason == (
        "Theo xu hướng hiện tại (tăng 0,04/năm), dự kiến cuối năm 2030 ở mức 0,86, đáp ứng mục tiêu ≥ 0,8."
    )


def test_projection_is_capped_at_100_percent() -> None:
    got = Case(
        C.GTE,
        obs((at(2024), "60"), (at(2025), "80")),
        S.ON_TRACK,
        "linear_trend",
        "",
        target="90",
        unit=Unit.PERCENT,
    ).run()
    assert got.projected == D("100.0000")
    assert got.status is S.ON_TRACK


def test_latest_is_the_latest_date_whatever_the_order() -> None:
    unordered = obs((at(2025), "0.70"), (at(2024), "0.60"), (at(2025, 6, 30), "0.65"))
    got = Case(C.GTE, unordered, S.ON_TRACK, "linear_trend", "").run()
    assert got.latest == Observation(at(2025), D("0.70"))
    assert got.observed_rate is not None and got.observed_rate > 0


def test_baseline_after_the_first_observation_is_left_out_of_the_trend() -> None:
    got = Case(
        C.GTE,
        obs((at(2024), "0.60"), (at(2025), "0.64")),
        S.NEEDS_ACCELERATION,
        "linear_trend",
        "",
        baseline=Observation(at(2025, 6, 30), D("0.10")),
    ).run()
    assert got.observed_rate == D("0.0400")


def test_trend_slope_is_least_squares() -> None:
    # 1461 days are exactly four years of 365.25 days: t = 0, 4, 8 with values 0, 8, 4
    points = obs((date(2020, 1, 1), "0"), (date(2024, 1, 1), "8"), (date(2028, 1, 1), "4"))
    assert trend_slope(points) == D("0.5")
    assert trend_slope(obs((at(2025), "1"), (at(2025), "2"))) is None


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        pytest.param("0.80", 4, "0,8", id="decimal comma, zeros dropped"),
        pytest.param("0.75", 4, "0,75", id="two decimals"),
        pytest.param("1234567.5", 4, "1.234.567,5", id="thousands grouped by dots"),
        pytest.param("2.0180", 2, "2,02", id="rounded to places"),
        pytest.param("0.125", 2, "0,13", id="half up"),
        pytest.param("-0.001", 2, "0", id="no negative zero"),
        pytest.param("90", 0, "90", id="integer"),
    ],
)
def test_format_number(value: str, places: int, text: str) -> None:
    assert format_number(D(value), places) == text


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        pytest.param([S.ACHIEVED, S.ACHIEVED], S.ACHIEVED, id="all achieved"),
        pytest.param([S.NO_DATA, S.NO_DATA], S.NO_DATA, id="all without data"),
        pytest.param([], S.NO_DATA, id="no parts"),
        pytest.param([S.ACHIEVED, S.ON_TRACK], S.ON_TRACK, id="worst known part"),
        pytest.param([S.ON_TRACK, S.AT_RISK, S.ACHIEVED], S.AT_RISK, id="one part at risk"),
        pytest.param([S.NEEDS_ACCELERATION, S.ON_TRACK], S.NEEDS_ACCELERATION, id="one part slow"),
        pytest.param([S.ACHIEVED, S.NO_DATA], S.NEEDS_ACCELERATION, id="achieved + missing caps at acceleration"),
        pytest.param([S.ON_TRACK, S.NO_DATA], S.NEEDS_ACCELERATION, id="on track + missing caps at acceleration"),
        pytest.param([S.AT_RISK, S.NO_DATA], S.AT_RISK, id="at risk + missing stays at risk"),
    ],
)
def test_combine(parts: list[Status], expected: Status) -> None:
    assert combine(parts) is expected
