"""A province-sized dataset for the indicators benchmark: N indicators over the grown directory, 20 periods of
values each.

Shaped like the seed plans' Phụ lục I: indicators in sectors, at the 2025, 2030 and 2045 milestones, with the
seed sentences' own wording; mostly "≥ a level", some "≤", ranges, exact values and qualitative ones; each
monitored by a department (Sở KH&CN, the standing agency, the most) and reported by 1–16 agencies, by the
monitoring agency itself, or — one indicator in twenty — split over 50–200 communes, schools, health stations
or one-stop desks; a few composite indicators stated in parts. Every reporting agency has a value for each of
the last 20 periods of the indicator's kind (quarters for most), on a trajectory towards the target; old
periods are accepted, the recent ones partly submitted, returned, still in draft or not sent yet, some late.
The stored assessment (status, attainment, current and projected value) is computed by the service's own
`reassess` from the province series, as accepting a value would.

Indicators and shares are written with COPY; values (millions of rows) by one INSERT … SELECT per plan from the
reporting pairs × the per-period levels, computed in Python and copied to temporary tables. The secondary
indexes are dropped first and rebuilt after, as any bulk load does.
"""

from __future__ import annotations

import csv
import itertools
import json
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import asyncpg
from common.text import fold
from indicators.compute.periods import DEFAULT_SCHEDULE, Period, current_period
from indicators.indicator.assess import ProvincePoint, reassess
from indicators.models import Indicator
from indicators.report.obligations import REBUILD
from indicators.vocabulary import (
    BOUNDED_UNITS,
    SECTOR_LABELS,
    UNIT_LABELS,
    Aggregation,
    Comparator,
    Periodicity,
    Sector,
    Status,
    Unit,
)

from tiendo.bench.tasks_data import Agency, Directory

PERIODS = 20  # values per reporting agency and indicator
SECTOR_WEIGHTS = {
    Sector.CHUYEN_DOI_SO: 20,
    Sector.CAI_CACH_HANH_CHINH: 12,
    Sector.GIAO_DUC: 10,
    Sector.Y_TE: 10,
    Sector.KHOA_HOC_CONG_NGHE: 10,
    Sector.DOI_MOI_SANG_TAO: 8,
    Sector.HA_TANG: 6,
    Sector.NGUON_LUC: 6,
    Sector.NONG_NGHIEP_MOI_TRUONG: 5,
    Sector.DU_LICH_VAN_HOA: 4,
    Sector.GIAO_THONG: 3,
    Sector.TRUYEN_THONG: 3,
    Sector.HOI_NHAP_QUOC_TE: 2,
    Sector.KHAC: 1,
}
# The departments that monitor a sector's indicators most of the time (by the directory's codes).
SECTOR_OWNERS = {
    Sector.CHUYEN_DOI_SO: ("SKHCN",),
    Sector.CAI_CACH_HANH_CHINH: ("VP_UBND", "SNV"),
    Sector.GIAO_DUC: ("SGDDT",),
    Sector.Y_TE: ("SYT",),
    Sector.KHOA_HOC_CONG_NGHE: ("SKHCN",),
    Sector.DOI_MOI_SANG_TAO: ("SKHCN", "SCT"),
    Sector.HA_TANG: ("SKHCN", "SXD"),
    Sector.NGUON_LUC: ("SNV", "STC", "SGDDT"),
    Sector.NONG_NGHIEP_MOI_TRUONG: ("SNNMT",),
    Sector.DU_LICH_VAN_HOA: ("SVHTTDL",),
    Sector.GIAO_THONG: ("SXD",),
    Sector.TRUYEN_THONG: ("SVHTTDL", "SKHCN"),
    Sector.HOI_NHAP_QUOC_TE: ("SNGV",),
    Sector.KHAC: ("STC",),
}
# Indicators split over the communes' own units: which units report them, by the sector.
SPLIT_UNITS = {
    Sector.GIAO_DUC: "Trường",
    Sector.Y_TE: "Trạm Y tế",
    Sector.CAI_CACH_HANH_CHINH: "Bộ phận Một cửa",
    Sector.CHUYEN_DOI_SO: "Tổ công nghệ số",
}
UNIT_WEIGHTS = {
    Unit.PERCENT: 50,
    Unit.COUNT: 25,
    Unit.INDEX: 5,
    Unit.PERCENT_GRDP: 5,
    Unit.BILLION_VND: 4,
    Unit.PER_10K: 3,
    Unit.PERCENT_BUDGET: 3,
    Unit.RANK: 2,
    Unit.VISITORS: 2,
    Unit.GBPS: 1,
}
TARGETS = {  # the range a target of each unit is drawn from, rounded to the step
    Unit.PERCENT: (60, 100, 5),
    Unit.COUNT: (10, 5000, 10),
    Unit.INDEX: (0.5, 0.9, 0.05),
    Unit.PERCENT_GRDP: (1, 30, 0.5),
    Unit.BILLION_VND: (100, 10000, 50),
    Unit.PER_10K: (10, 40, 1),
    Unit.PERCENT_BUDGET: (1, 3, 0.5),
    Unit.RANK: (5, 20, 1),
    Unit.VISITORS: (100_000, 5_000_000, 50_000),
    Unit.GBPS: (10, 1000, 10),
}
MILESTONES = (
    (2025, "Đến hết năm 2025", "I", 30),
    (2030, "Đến hết năm 2030", "II", 55),
    (2045, "Đến hết năm 2045", "III", 15),
)
PARTS = (
    ("trong_tam", "Chỉ tiêu các nhiệm vụ có tính trọng tâm", "I."),
    ("chu_yeu", "Chỉ tiêu thực hiện các nhiệm vụ chủ yếu", "II."),
)
PERIODICITY_WEIGHTS = {Periodicity.QUARTER: 85, Periodicity.YEAR: 10, Periodicity.HALF_YEAR: 5}
# How far along the way to its target each indicator ends up by its milestone year (as the demo history does).
FATES = (1.05, 1.0, 1.0, 0.9, 0.75, 0.5)
MANUAL_STATUSES = (Status.ACHIEVED, Status.ON_TRACK, Status.ON_TRACK, Status.NEEDS_ACCELERATION, Status.AT_RISK)
# By how recent the period is (0: the last one): cumulative shares of values not sent, in draft, submitted and
# returned (the rest accepted), and the share of sent values that came after the due date.
STATES_BY_RANK = "(VALUES (0, .15, .25, .50, .55, .20), (1, .06, .10, .22, .25, .15), (2, .02, .03, .08, .10, .10), (3, .005, .005, .01, .012, .08))"  # noqa: E501

INDICATOR_COLUMNS = [
    "id", "plan_id", "parent_id", "position", "import_key", "tt", "text", "search", "part_label", "part_kind",
    "part_tt", "milestone_year", "milestone_label", "milestone_tt", "sector", "sector_label", "sector_tt",
    "metric_key", "comparator", "target_value", "target_low", "target_high", "target_text", "unit", "unit_label",
    "per_year", "baseline_value", "baseline_year", "baseline_source", "monitoring_agency_id", "monitoring_text",
    "aggregation", "periodicity", "data_source", "note", "needs_review", "review_reasons", "manual_status", "status",
    "attainment", "current_value", "current_period", "projected_value", "assessment", "assessed_at", "version",
]  # fmt: skip
SHARE_COLUMNS = ["indicator_id", "agency_id", "role", "written", "split_target", "split_unit_label", "weight"]


@dataclass
class Plan:
    id: uuid.UUID
    key: str
    number: int


@dataclass
class Built:
    """One indicator as generated: the row, who reports it, and its province level per period."""

    row: Indicator
    plan: Plan
    reporters: list[Agency] = field(default_factory=list)
    levels: list[tuple[Period, float | None]] = field(default_factory=list)
    parent: bool = False


def seed_sentences(seed_dir: Path) -> dict[Sector | None, list[str]]:
    """Indicator sentences of the seed plans, by the sector heading they sit under (None: all of them)."""
    labels = {fold(label): sector for sector, label in SECTOR_LABELS.items()}
    found: dict[Sector | None, list[str]] = {None: []}
    for path in sorted(seed_dir.glob("*.csv")):
        sector: Sector | None = None
        with path.open(encoding="utf-8") as f:
            for row in csv.reader(itertools.islice(f, 1, None)):
                text = row[1].strip() if len(row) > 1 else ""
                if fold(text).startswith("linh vuc "):
                    heading = fold(text)[len("linh vuc ") :].replace("-", " - ").replace("  ", " ")
                    sector = next((s for label, s in labels.items() if heading.startswith(label[:12])), None)
                elif len(row) > 2 and row[2].strip() and len(text) >= 30:
                    found[None].append(text)
                    if sector is not None:
                        found.setdefault(sector, []).append(text)
    return found


def last_periods(kind: Periodicity, today: date, count: int = PERIODS) -> list[Period]:
    """The `count` periods of this kind before the one running today, oldest first."""
    running = current_period(kind, today)
    first = Period(running.year - {Periodicity.QUARTER: 5, Periodicity.HALF_YEAR: 10, Periodicity.YEAR: 20}[kind], kind)
    periods = []
    period = first
    while period != running:
        periods.append(period)
        period = period.next()
    return periods[-count:]


def _goal(row: Indicator) -> float:
    """The level an indicator moves towards: its target, or the top of its range."""
    goal = row.target_value if row.target_value is not None else row.target_high
    assert goal is not None
    return float(goal)


def _decimal(value: float, places: int = 2) -> Decimal:
    return Decimal(f"{value:.{places}f}")


class IndicatorWriter:
    def __init__(self, directory: Directory, seed_dir: Path, today: date, rng: random.Random) -> None:
        self.directory, self.today, self.rng = directory, today, rng
        self.sentences = seed_sentences(seed_dir)
        by_code = {a.code: a for a in directory.agencies}
        self.departments = [a for a in directory.agencies if a.kind == "department"]
        self.owners = {
            s: [by_code[c] for c in codes if c in by_code] or self.departments for s, codes in SECTOR_OWNERS.items()
        }
        self.divisions: dict[uuid.UUID, list[Agency]] = {}
        for a in directory.agencies:
            if a.kind == "division" and a.parent_id:
                self.divisions.setdefault(a.parent_id, []).append(a)
        self.communes = [a for a in directory.agencies if a.kind == "commune"]
        commune_ids = {c.id for c in self.communes}
        units = [a for a in directory.agencies if a.kind == "other" and a.parent_id in commune_ids]
        self.split_pools = {s: [u for u in units if u.name.startswith(prefix)] for s, prefix in SPLIT_UNITS.items()}
        self.universities = [a for a in directory.agencies if a.kind == "university"]
        self.periods = {kind: last_periods(kind, today) for kind in Periodicity}
        self.metric_keys = [f"bench_chi_so_{k:03d}" for k in range(600)]
        self.largest_done = False

    def pick(self, weights: dict[Any, int]) -> Any:
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def build(self, plans: list[Plan], total: int) -> list[Built]:
        rng = self.rng
        built: list[Built] = []
        positions = dict.fromkeys((p.id for p in plans), 0)
        composites = total // 65  # about 150 composite indicators with 2–4 parts each among 10,000
        while len(built) < total:
            plan = plans[len(built) % len(plans)]
            sector = self.pick(SECTOR_WEIGHTS)
            owners = self.owners[sector]
            monitor = rng.choice(owners) if rng.random() < 0.7 else rng.choice(self.departments)
            year, label, year_tt, _ = rng.choices(MILESTONES, weights=[m[3] for m in MILESTONES])[0]
            kind = self.pick(PERIODICITY_WEIGHTS)
            part = PARTS[0] if rng.random() < 0.3 else PARTS[1]
            common = (plan, sector, monitor, year, label, year_tt, kind, part)
            if composites and len(built) + 5 < total and rng.random() < 0.02:
                composites -= 1
                positions[plan.id] += 1
                parent = self.indicator(common, positions[plan.id], None, composite=True)
                built.append(parent)
                for k in range(rng.randint(2, 4)):
                    positions[plan.id] += 1
                    built.append(self.indicator(common, positions[plan.id], parent.row, label=chr(ord("a") + k)))
            else:
                positions[plan.id] += 1
                built.append(self.indicator(common, positions[plan.id], None))
        return built

    def indicator(
        self,
        common: tuple[Any, ...],
        position: int,
        parent: Indicator | None,
        *,
        composite: bool = False,
        label: str = "",
    ) -> Built:
        rng = self.rng
        plan, sector, monitor, year, milestone_label, year_tt, kind, part = common
        sentences = self.sentences.get(sector) or self.sentences[None]
        text = rng.choice(sentences)
        tt = f"{rng.randint(1, 14)}.{position}" + (f".{label}" if label else "")
        row = Indicator(
            id=uuid.uuid4(),
            plan_id=plan.id,
            parent_id=parent.id if parent else None,
            position=position,
            import_key=f"bench-{position}",
            tt=tt[:20],
            text=text,
            part_kind=part[0],
            part_label=part[1],
            part_tt=part[2],
            milestone_year=year,
            milestone_label=milestone_label,
            milestone_tt=year_tt,
            sector=sector.value,
            sector_label=SECTOR_LABELS[sector],
            sector_tt=tt.split(".")[0],
            metric_key=rng.choice(self.metric_keys) if rng.random() < 0.6 and not composite else None,
            monitoring_agency_id=monitor.id,
            monitoring_text=monitor.name,
            periodicity=kind.value,
            data_source=None,
            note=None,
            needs_review=False,
            review_reasons=[],
            manual_status=None,
            per_year=False,
            version=1,
        )
        row.search = fold(f"{row.tt} {text} {monitor.name} {row.metric_key or ''}")
        built = Built(row, plan, parent=composite)
        if composite:
            row.comparator, row.unit, row.unit_label, row.aggregation = (
                Comparator.QUALITATIVE.value,
                None,
                None,
                "manual",
            )
            row.target_value = row.target_low = row.target_high = row.target_text = None
            return built
        self.target(row)
        built.reporters, split = self.reporters(row, sector, monitor)
        if split:
            row.text = f"{text} (tổng hợp từ {len(built.reporters)} đơn vị cấp xã)"
        row.aggregation = self.aggregation(row, built.reporters, split)
        if rng.random() < 0.03:
            row.needs_review, row.review_reasons = True, ["Chưa rõ đơn vị đo của chỉ tiêu"]
        built.levels = self.levels(row)
        return built

    def target(self, row: Indicator) -> None:
        rng = self.rng
        roll = rng.random()
        if roll < 0.08:
            row.comparator, row.unit, row.unit_label = Comparator.QUALITATIVE.value, None, None
            row.target_value = row.target_low = row.target_high = row.target_text = None
            row.manual_status = rng.choice(MANUAL_STATUSES).value if rng.random() < 0.8 else None
            return
        unit = self.pick(UNIT_WEIGHTS)
        low, high, step = TARGETS[unit]
        value = round(rng.uniform(low, high) / step) * step
        comparator = Comparator.GTE
        if unit is Unit.RANK or (unit is Unit.PERCENT and roll < 0.14):
            comparator = Comparator.LTE
            if unit is Unit.PERCENT:
                value = rng.randint(2, 15)
        elif unit is Unit.PERCENT and roll < 0.18:
            comparator = Comparator.RANGE
        elif roll < 0.19:
            comparator = Comparator.EQ
        row.comparator, row.unit, row.unit_label = comparator.value, unit.value, UNIT_LABELS[unit]
        if comparator is Comparator.RANGE:
            row.target_low, row.target_high = _decimal(value - 5, 0), _decimal(value, 0)
            row.target_value = None
            row.target_text = f"từ {value - 5}% đến {value}%"
        else:
            row.target_value = _decimal(value)
            sign = {Comparator.GTE: "≥", Comparator.LTE: "≤", Comparator.EQ: "="}[comparator]
            row.target_text = f"{sign} {row.target_value.normalize():f} {UNIT_LABELS[unit]}"
        if rng.random() < 0.6:
            goal = _goal(row)
            falling = comparator is Comparator.LTE
            row.baseline_value = _decimal(goal * (rng.uniform(1.6, 2.5) if falling else rng.uniform(0.3, 0.6)))
            bound = BOUNDED_UNITS.get(unit)
            if bound is not None:
                row.baseline_value = min(row.baseline_value, Decimal(bound))
            row.baseline_year, row.baseline_source = 2020, "Niên giám thống kê tỉnh năm 2020"

    def reporters(self, row: Indicator, sector: Sector, monitor: Agency) -> tuple[list[Agency], bool]:
        """Contributors (or [] when the monitoring agency reports) and whether the indicator is split over communes."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.05 and row.comparator != Comparator.QUALITATIVE.value:
            wanted = 200 if not self.largest_done else rng.randint(50, 200)
            self.largest_done = True
            pool = self.split_pools.get(sector) or self.communes
            if len(pool) < wanted or rng.random() < 0.3:
                pool = self.communes + self.split_pools.get(Sector.CHUYEN_DOI_SO, [])
            return rng.sample(pool, min(wanted, len(pool))), True
        if roll < 0.15:
            return [], False
        chosen: dict[uuid.UUID, Agency] = {}
        divisions = self.divisions.get(monitor.id, [])
        for _ in range(rng.randint(1, 16)):
            which = rng.random()
            if which < 0.35:
                agency = rng.choice(self.departments)
            elif which < 0.55 and divisions:
                agency = rng.choice(divisions)
            elif which < 0.95:
                agency = rng.choice(self.communes)
            else:
                agency = rng.choice(self.universities or self.departments)
            chosen[agency.id] = agency
        return list(chosen.values()), False

    def aggregation(self, row: Indicator, reporters: list[Agency], split: bool) -> str:
        unit = Unit(row.unit) if row.unit else None
        if row.comparator == Comparator.QUALITATIVE.value or unit is Unit.RANK or not reporters:
            return Aggregation.MANUAL.value
        if unit in (Unit.COUNT, Unit.VISITORS, Unit.BILLION_VND, Unit.GBPS):
            return Aggregation.SUM.value
        if unit is Unit.PERCENT:
            roll = self.rng.random()
            if roll < 0.3:
                return Aggregation.RATIO.value
            if roll < 0.5 and not split:
                return Aggregation.WEIGHTED_MEAN.value
        return Aggregation.MEAN.value

    def levels(self, row: Indicator) -> list[tuple[Period, float | None]]:
        """The province level of each period, on a straight way from well below (above, for ≤) the target to
        where this indicator will have got by its milestone year."""
        periods = self.periods[Periodicity(row.periodicity)]
        if row.comparator == Comparator.QUALITATIVE.value:
            return [(p, None) for p in periods]
        rng = self.rng
        goal = _goal(row)
        falling = row.comparator == Comparator.LTE.value
        start = goal * (rng.uniform(1.6, 2.5) if falling else rng.uniform(0.45, 0.75))
        fate = rng.choice(FATES)
        end = goal * (2 - fate if falling else fate)
        first = periods[0].start
        span = row.milestone_year + 1 - first.year
        bound = BOUNDED_UNITS.get(Unit(row.unit)) if row.unit else None
        out: list[tuple[Period, float | None]] = []
        for p in periods:
            elapsed = (p.end - first).days / 365.25
            level = start + (end - start) * min(elapsed / span, 1.0)
            out.append((p, min(level, float(bound)) if bound is not None else level))
        return out

    def assess(self, built: list[Built]) -> None:
        """The stored assessment from the province series, by the service's own function; the last period,
        still partly unreviewed, is left out as the service would leave out values not accepted yet."""
        children: dict[uuid.UUID, list[Status]] = {}
        for b in built:
            if b.parent:
                continue
            series = [
                ProvincePoint(p.code, p.end, _decimal(level, 4), 1, 1, False)
                for p, level in b.levels[:-1]
                if level is not None
            ]
            reassess(b.row, series, None, on=self.today)
            if b.row.parent_id is not None:
                children.setdefault(b.row.parent_id, []).append(Status(b.row.status))
        for b in built:
            if b.parent:
                reassess(b.row, [], children.get(b.row.id) or None, on=self.today)


def _indicator_record(row: Indicator) -> tuple[Any, ...]:
    values = {c: getattr(row, c, None) for c in INDICATOR_COLUMNS}
    values["assessment"] = json.dumps(row.assessment or {}, ensure_ascii=False)
    values["status"] = values["status"] or Status.NO_DATA.value
    return tuple(values[c] for c in INDICATOR_COLUMNS)


def _share_records(b: Built, directory: Directory, rng: random.Random) -> list[tuple[Any, ...]]:
    row = b.row
    monitor = directory.by_id[row.monitoring_agency_id] if row.monitoring_agency_id else None
    records: list[tuple[Any, ...]] = []
    if monitor is not None:
        records.append((row.id, monitor.id, "monitoring", monitor.name, None, None, None))
    n = len(b.reporters)
    for agency in b.reporters:
        split = None
        if row.aggregation == Aggregation.SUM.value and row.target_value is not None and n > 1:
            split = (row.target_value / n).quantize(Decimal("0.01"))
        weight = Decimal(rng.randint(1, 100)) if row.aggregation == Aggregation.WEIGHTED_MEAN.value else None
        records.append(
            (row.id, agency.id, "contributor", agency.name, split, row.unit_label if split else None, weight)
        )
    return records


async def secondary_indexes(conn: asyncpg.Connection, tables: Sequence[str]) -> list[tuple[str, str]]:
    """(name, definition) of the indexes on these indicators tables that no constraint owns."""
    rows = await conn.fetch(
        """
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'indicators' AND i.tablename = ANY($1::text[])
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
        """,
        list(tables),
    )
    return [(r["indexname"], r["indexdef"]) for r in rows]


async def copy_agencies(conn: asyncpg.Connection, directory: Directory) -> None:
    """The indicators service's own copy of the directory, as its directory follower would write it."""
    await conn.copy_records_to_table(
        "agencies",
        schema_name="indicators",
        columns=["id", "code", "name", "short_name", "kind", "parent_id", "aliases", "active"],
        records=[(a.id, a.code, a.name, a.short_name, a.kind, a.parent_id, [], True) for a in directory.agencies],
    )


async def add_plans(conn: asyncpg.Connection, directory: Directory, count: int) -> list[Plan]:
    standing = next((a.id for a in directory.agencies if a.code == "SKHCN"), None)
    issuers = [a for a in directory.agencies if a.kind == "department"]
    plans = [Plan(uuid.uuid4(), f"bench-{i + 1:02d}", i) for i in range(count)]
    await conn.copy_records_to_table(
        "plans",
        schema_name="indicators",
        columns=["id", "key", "symbol", "title", "standing_agency_id", "version"],
        records=[
            (
                p.id,
                p.key,
                f"{p.number + 1}/KH-BENCH",
                f"Kế hoạch thực hiện Nghị quyết số 57-NQ/TW của {issuers[p.number % len(issuers)].name} "
                f"(dữ liệu đo hiệu năng, số {p.number + 1})",
                standing,
                1,
            )
            for p in plans
        ],
    )
    return plans


async def load_indicators(
    conn: asyncpg.Connection, directory: Directory, writer: IndicatorWriter, plans: list[Plan], total: int
) -> None:
    """Indicators, shares and values, inside the caller's transaction."""
    built = writer.build(plans, total)
    writer.assess(built)
    indexes = await secondary_indexes(conn, ("indicators", "shares", "indicator_values"))
    for name, _ in indexes:
        await conn.execute(f'DROP INDEX indicators."{name}"')
    built.sort(key=lambda b: not b.parent)  # composite indicators before their parts
    await conn.copy_records_to_table(
        "indicators",
        schema_name="indicators",
        columns=INDICATOR_COLUMNS,
        records=[_indicator_record(b.row) for b in built],
    )
    shares = [r for b in built for r in _share_records(b, directory, writer.rng)]
    await conn.copy_records_to_table("shares", schema_name="indicators", columns=SHARE_COLUMNS, records=shares)
    print(f"  {len(built):,} chỉ tiêu, {len(shares):,} phần giao (theo dõi + báo cáo)", flush=True)
    await conn.execute(
        "CREATE TEMP TABLE bench_owed (plan_no int, indicator_id uuid, agency_id uuid, per_agency float8, "
        "kind text) ON COMMIT DROP"
    )
    await conn.execute(
        "CREATE TEMP TABLE bench_levels (indicator_id uuid, period text, period_end date, due_on date, "
        "rank int, level float8, bound float8) ON COMMIT DROP"
    )
    owed, levels = [], []
    for b in built:
        if b.parent:
            continue
        row = b.row
        reporters: list[uuid.UUID | None] = [a.id for a in b.reporters] or [row.monitoring_agency_id]
        share = 1.0 / len(reporters) if row.aggregation == Aggregation.SUM.value else 1.0
        kind = "qualitative" if row.comparator == Comparator.QUALITATIVE.value else row.aggregation
        owed += [(b.plan.number, row.id, a, share, kind) for a in reporters]
        bound = BOUNDED_UNITS.get(Unit(row.unit)) if row.unit else None
        last = len(b.levels) - 1
        levels += [
            (row.id, p.code, p.end, DEFAULT_SCHEDULE.due_on(p), min(last - i, 3), level, bound)
            for i, (p, level) in enumerate(b.levels)
        ]
    await conn.copy_records_to_table("bench_owed", records=owed)
    await conn.copy_records_to_table("bench_levels", records=levels)
    await conn.execute("CREATE INDEX ON bench_levels (indicator_id)")
    await conn.execute("ANALYZE bench_owed")
    await conn.execute("ANALYZE bench_levels")
    written = 0
    for plan in plans:
        status = await conn.execute(VALUES_SQL, plan.number)
        written += int(status.split()[-1])
        print(f"  {written:>10,} số liệu (kế hoạch {plan.number + 1}/{len(plans)})", flush=True)
    await conn.execute("SET maintenance_work_mem = '1GB'")
    for _, definition in indexes:
        await conn.execute(definition)
    # What each agency owes per kind of period, as the service rebuilds it after an import (the values' trigger
    # kept `period_tallies` while they were written).
    for statement in REBUILD:
        await conn.execute(statement)


# One row per reporting agency and period, unless the draw says it was not sent yet; the value is the
# province level (its share of it for a sum) within ±3 %, a ratio as numerator/denominator, a qualitative
# indicator as a claimed status. Sent: 2–25 days before the due date, or 1–30 days after it (late).
VALUES_SQL = f"""
INSERT INTO indicators.indicator_values (
    id, indicator_id, agency_id, period, period_end, due_on, value, numerator, denominator, claimed_status,
    note, source, evidence, state, return_reason, late, submitted_at, submitted_by, reviewed_at, reviewed_by,
    author, demo, version, created_at, updated_at)
SELECT gen_random_uuid(), indicator_id, agency_id, period, period_end, due_on,
       CASE WHEN kind <> 'qualitative' THEN round(value::numeric, 2) END,
       CASE WHEN kind = 'ratio' THEN round((value * denominator / 100)::numeric, 2) END,
       CASE WHEN kind = 'ratio' THEN denominator END,
       CASE WHEN kind = 'qualitative'
            THEN (ARRAY['achieved', 'on_track', 'on_track', 'needs_acceleration', 'at_risk'])[1 + floor(w * 5)::int]
       END,
       CASE WHEN state = 'returned' THEN 'Đã rà soát theo ý kiến thẩm định' ELSE '' END,
       'Báo cáo định kỳ của đơn vị', '[]'::jsonb, state,
       CASE WHEN state = 'returned' THEN 'Số liệu chưa khớp biểu mẫu thống kê; đề nghị rà soát lại.' END,
       state <> 'draft' AND late,
       CASE WHEN state <> 'draft' THEN sent_at END,
       CASE WHEN state <> 'draft' THEN 'can.bo.bao.cao' END,
       CASE WHEN state IN ('accepted', 'returned') THEN sent_at + (1 + floor(y * 7)::int) * interval '1 day' END,
       CASE WHEN state IN ('accepted', 'returned') THEN 'lanh.dao.theo.doi' END,
       'can.bo.bao.cao', false, 1, sent_at - interval '2 days', sent_at
FROM (
    SELECT o.indicator_id, o.agency_id, o.kind, l.period, l.period_end, l.due_on, s.w, s.y,
           least(l.bound, l.level * o.per_agency * (0.97 + 0.06 * s.x)) AS value,
           100 + floor(s.w * 900) AS denominator,
           s.z < m.p_late AS late,
           (((l.due_on + CASE WHEN s.z < m.p_late THEN 1 + floor(s.y * 30)::int ELSE -2 - floor(s.y * 24)::int END)
             + time '09:00') AT TIME ZONE 'UTC') AS sent_at,
           CASE WHEN s.u < m.p_missing THEN NULL WHEN s.u < m.p_draft THEN 'draft'
                WHEN s.u < m.p_submitted THEN 'submitted' WHEN s.u < m.p_returned THEN 'returned'
                ELSE 'accepted' END AS state
    FROM bench_owed o
    JOIN bench_levels l ON l.indicator_id = o.indicator_id
    JOIN {STATES_BY_RANK} AS m (rank, p_missing, p_draft, p_submitted, p_returned, p_late) ON m.rank = l.rank
    CROSS JOIN LATERAL (
        SELECT random() + 0 * l.rank AS u, random() + 0 * l.rank AS w, random() + 0 * l.rank AS x,
               random() + 0 * l.rank AS y, random() + 0 * l.rank AS z
    ) s
    WHERE o.plan_no = $1
) v
WHERE state IS NOT NULL
"""  # noqa: S608  (no user input: a constant table of shares)
