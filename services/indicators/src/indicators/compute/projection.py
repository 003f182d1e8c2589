"""Progress assessment of a quantitative indicator, after the SDG "anticipated progress" method.

The observed trend (least-squares slope over the baseline and the reported levels) is compared with the rate
still needed to reach the target by the end of the target year, as in UN ESCAP's Asia and the Pacific SDG Progress
Report and the SDSN trend dashboards. docs/indicators-method.md explains the method and its thresholds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from common.clock import vn_date

from indicators.compute.attainment import ZERO, attainment, clip, is_met, quantize
from indicators.vocabulary import BOUNDED_UNITS, Comparator, Status, Unit

DAYS_PER_YEAR = Decimal("365.25")
ON_TRACK_RATIO = Decimal(1)
ACCELERATION_RATIO = Decimal("0.5")

LINEAR_TREND = "linear_trend"
ONE_POINT = "one_point"
NO_METHOD = "none"

# Worst first: the order a composite indicator takes its status from.
STATUS_ORDER = (Status.AT_RISK, Status.NEEDS_ACCELERATION, Status.ON_TRACK, Status.ACHIEVED)


@dataclass(frozen=True)
class Observation:
    at: date  # the last day of the period the level was reported for
    value: Decimal


@dataclass(frozen=True)
class Assessment:
    status: Status
    attainment: Decimal | None
    latest: Observation | None
    projected: Decimal | None  # the level expected at the end of the target year, within the unit's bounds
    observed_rate: Decimal | None  # per year
    required_rate: Decimal | None  # per year
    ratio: Decimal | None  # observed / required
    reason: str
    method: str


@dataclass(frozen=True)
class Target:
    """The target of one assessment, with the helpers that phrase and test it."""

    comparator: Comparator
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    year: int
    unit: Unit

    def met_by(self, value: Decimal) -> bool:
        return is_met(self.comparator, current=value, target=self.value, low=self.low, high=self.high)

    def goal_for(self, value: Decimal) -> Decimal | None:
        """The level to move towards from `value`: the target, or the nearest bound of a range."""
        if self.comparator is not Comparator.RANGE:
            return self.value
        if self.low is not None and value < self.low:
            return self.low
        return self.high

    def text(self) -> str:
        if self.comparator is Comparator.RANGE:
            return f"từ {show(self.low, self.unit)} đến {show(self.high, self.unit)}"
        if self.comparator is Comparator.LTE and self.unit is Unit.RANK:
            return f"Top {show(self.value, self.unit)}"
        sign = {Comparator.GTE: "≥", Comparator.LTE: "≤", Comparator.EQ: "="}.get(self.comparator, "")
        return f"{sign} {show(self.value, self.unit)}"


def format_number(value: Decimal, places: int = 4) -> str:
    """Vietnamese style: 1.234,5 — dots group thousands, a comma marks decimals; trailing zeros dropped."""
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    rounded = abs(rounded) if rounded == 0 else rounded  # no "-0"
    whole, _, decimals = f"{rounded:,f}".partition(".")
    whole = whole.replace(",", ".")
    decimals = decimals.rstrip("0")
    return f"{whole},{decimals}" if decimals else whole


def _places(unit: Unit) -> int:
    """Decimals worth showing in a sentence: an index moves in thousandths, a rank in whole places."""
    return {Unit.INDEX: 3, Unit.RANK: 1}.get(unit, 2)


def show(value: Decimal | None, unit: Unit) -> str:
    if value is None:
        return "?"
    number = format_number(value, _places(unit))
    return f"{number}%" if BOUNDED_UNITS.get(unit) == 100 else number


def show_date(day: date) -> str:
    return vn_date(day)


def years_between(start: date, end: date) -> Decimal:
    return Decimal((end - start).days) / DAYS_PER_YEAR


def trend_slope(points: Sequence[Observation]) -> Decimal | None:
    """Least-squares slope in value per year; None unless the points span at least two dates."""
    if len({p.at for p in points}) < 2:
        return None
    first = min(p.at for p in points)
    times = [years_between(first, p.at) for p in points]
    mean_t = sum(times, ZERO) / len(times)
    mean_v = sum((p.value for p in points), ZERO) / len(points)
    spread = sum(((t - mean_t) ** 2 for t in times), ZERO)
    moment = sum(((t - mean_t) * (p.value - mean_v) for t, p in zip(times, points, strict=True)), ZERO)
    return moment / spread


def assess(
    comparator: Comparator,
    *,
    target: Decimal | None,
    low: Decimal | None = None,
    high: Decimal | None = None,
    target_year: int,
    unit: Unit,
    baseline: Observation | None = None,
    observations: Sequence[Observation],
    as_of: date,
) -> Assessment:
    """Status of an indicator on `as_of`, from the levels reported up to that day."""
    goal = Target(comparator, target, low, high, target_year, unit)
    if comparator is Comparator.QUALITATIVE:
        return _without_data("Chỉ tiêu định tính: trạng thái do cán bộ đánh giá theo minh chứng, không tính tự động.")
    if goal.value is None and (comparator is not Comparator.RANGE or (low is None and high is None)):
        return _without_data(f"Chỉ tiêu chưa có giá trị mục tiêu bằng số cho năm {target_year}.")
    seen = sorted((o for o in observations if o.at <= as_of), key=lambda o: o.at)
    if not seen:
        return _without_data("Chưa có số liệu báo cáo.")
    return _assess_levels(goal, baseline, seen, as_of)


def _without_data(reason: str) -> Assessment:
    return Assessment(Status.NO_DATA, None, None, None, None, None, None, reason, NO_METHOD)


def _assess_levels(goal: Target, baseline: Observation | None, seen: list[Observation], as_of: date) -> Assessment:
    latest = seen[-1]
    earlier = [baseline] if baseline is not None and baseline.at < seen[0].at else []
    slope = trend_slope([*earlier, *seen])
    year_end = date(goal.year, 12, 31)
    remaining = years_between(latest.at, year_end)
    projected = None if slope is None or remaining <= 0 else clip(goal.unit, latest.value + slope * remaining)
    share = attainment(
        goal.comparator,
        current=latest.value,
        target=goal.value,
        low=goal.low,
        high=goal.high,
        baseline=None if baseline is None else baseline.value,
        unit=goal.unit,
    )
    found = Assessment(
        status=Status.NO_DATA,
        attainment=share,
        latest=latest,
        projected=None if projected is None else quantize(projected),
        observed_rate=None if slope is None else quantize(slope),
        required_rate=None,
        ratio=None,
        reason="",
        method=ONE_POINT if slope is None else LINEAR_TREND,
    )
    return _judge(goal, found, slope, remaining, projected, as_of)


def _judge(
    goal: Target,
    found: Assessment,
    slope: Decimal | None,
    remaining: Decimal,
    projected: Decimal | None,
    as_of: date,
) -> Assessment:
    latest = found.latest
    assert latest is not None
    if goal.met_by(latest.value):
        reason = f"Đã đạt mục tiêu {goal.text()}: giá trị {show(latest.value, goal.unit)} ngày {show_date(latest.at)}."
        return replace(found, status=Status.ACHIEVED, reason=reason)
    if as_of > date(goal.year, 12, 31) or remaining <= 0:
        reason = (
            f"Đã qua năm mục tiêu {goal.year} mà chưa đạt {goal.text()}: "
            f"giá trị mới nhất {show(latest.value, goal.unit)} ngày {show_date(latest.at)}."
        )
        return replace(found, status=Status.AT_RISK, reason=reason)
    if slope is None or projected is None:
        reason = (
            f"Mới có một số liệu, chưa đủ để tính xu hướng ({show(latest.value, goal.unit)} ngày "
            f"{show_date(latest.at)}; mục tiêu {goal.text()} vào năm {goal.year})."
        )
        return replace(found, status=Status.NEEDS_ACCELERATION, reason=reason)
    goal_level = goal.goal_for(latest.value)
    assert goal_level is not None  # a target that is not met has a level to move towards
    required = (goal_level - latest.value) / remaining  # never 0: the latest level is not the goal
    ratio = slope / required
    status = _status_for(ratio)
    judged = replace(found, status=status, required_rate=quantize(required), ratio=quantize(ratio))
    return replace(judged, reason=_trend_reason(goal, status, slope, required, ratio, projected))


def _status_for(ratio: Decimal) -> Status:
    if ratio >= ON_TRACK_RATIO:
        return Status.ON_TRACK
    if ratio >= ACCELERATION_RATIO:
        return Status.NEEDS_ACCELERATION
    return Status.AT_RISK


def _rate_text(rate: Decimal, unit: Unit) -> str:
    """Say a rate as "tăng 0,03/năm"; percents move by percentage points, not by percent."""
    if rate == ZERO:
        return "không đổi"
    step = "điểm phần trăm" if BOUNDED_UNITS.get(unit) == 100 else ""
    amount = f"{format_number(abs(rate), _places(unit))} {step}".strip()
    return f"{'tăng' if rate > ZERO else 'giảm'} {amount}/năm"


def _trend_reason(
    goal: Target, status: Status, slope: Decimal, required: Decimal, ratio: Decimal, projected: Decimal
) -> str:
    move, need = _rate_text(slope, goal.unit), _rate_text(required, goal.unit)
    ahead = f"dự kiến cuối năm {goal.year} ở mức {show(projected, goal.unit)}"
    if status is Status.ON_TRACK:
        return f"Theo xu hướng hiện tại ({move}), {ahead}, đáp ứng mục tiêu {goal.text()}."
    if slope == ZERO:
        return f"Số liệu không đổi trong khi cần {need} để đạt {goal.text()} vào năm {goal.year}."
    if ratio < ZERO:
        return (
            f"Số liệu đang đi ngược hướng mục tiêu ({move}) trong khi cần {need} "
            f"để đạt {goal.text()} vào năm {goal.year}; {ahead}."
        )
    share = format_number(ratio * 100, 0)
    only = "mới bằng" if status is Status.NEEDS_ACCELERATION else "chỉ bằng"
    return (
        f"Xu hướng hiện tại ({move}) {only} {share}% tốc độ cần thiết ({need}) "
        f"để đạt mục tiêu {goal.text()} vào năm {goal.year}; {ahead}."
    )


def combine(statuses: Sequence[Status]) -> Status:
    """Status of a composite indicator from its parts.

    All achieved → achieved; all without data → no data; otherwise the worst known part, but a part without data
    keeps the whole from looking better than "needs acceleration", since nobody can vouch for it.
    """
    known = [s for s in statuses if s is not Status.NO_DATA]
    if not known:
        return Status.NO_DATA
    worst = min(known, key=STATUS_ORDER.index)
    if len(known) < len(statuses):
        return min(worst, Status.NEEDS_ACCELERATION, key=STATUS_ORDER.index)
    return worst
