"""An indicator table in the shape of the documents' Phụ lục I → indicator rows with their part, milestone and
sector, their parsed target and their agencies (pure, no I/O).

Heading rows (TT and text only) set the part, the milestone year and the sector of the rows below them; a row
whose TT is the previous indicator's TT plus a letter (`7.9.a`) is a part of that composite indicator.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from common.text import fold

from indicators.importer.headings import MilestoneHeading, PartHeading, SectorHeading, classify_heading, sector_of
from indicators.importer.sentence import SplitShare, TargetSpec, parse_split, parse_target
from indicators.vocabulary import (
    AGGREGATION_LABELS,
    PERIODICITY_LABELS,
    SECTOR_LABELS,
    Aggregation,
    Comparator,
    Periodicity,
    Sector,
    Unit,
)

COLUMNS = (
    "TT",
    "Chỉ tiêu",
    "Cơ quan chủ trì theo dõi, đánh giá",
    "Mã chỉ số",
    "Lĩnh vực",
    "Kỳ báo cáo",
    "Cách tổng hợp",
    "Đơn vị",
    "Ghi chú",
)
REQUIRED = (0, 1, 2)
HEADER_ALIASES = {
    "tt": 0,
    "stt": 0,
    "chi tieu": 1,
    "noi dung chi tieu": 1,
    "ten chi tieu": 1,
    "co quan chu tri theo doi, danh gia": 2,
    "co quan chu tri theo doi danh gia": 2,
    "co quan chu tri": 2,
    "co quan theo doi": 2,
    "ma chi so": 3,
    "linh vuc": 4,
    "ky bao cao": 5,
    "cach tong hop": 6,
    "don vi": 7,
    "don vi tinh": 7,
    "ghi chu": 8,
}
MAX_ROWS = 5000
_PART_TT = re.compile(r"^(?P<parent>.*)\.(?P<letter>[a-zđ])$")
_PERIODICITY = {fold(label): p for p, label in PERIODICITY_LABELS.items()} | {"quy": Periodicity.QUARTER}
_AGGREGATION = {fold(label): a for a, label in AGGREGATION_LABELS.items()}
_UNIT = {fold(u.value): u for u in Unit}


@dataclass
class RowError:
    row: int
    field: str
    message: str


@dataclass
class IndicatorRow:
    row: int
    tt: str
    text: str
    agency_cell: str
    milestone: MilestoneHeading
    sector: Sector
    sector_label: str
    sector_tt: str | None
    part: PartHeading | None
    part_tt: str | None
    target: TargetSpec
    splits: tuple[SplitShare, ...]
    metric_key: str | None
    periodicity: Periodicity
    aggregation: Aggregation | None
    unit: Unit | None
    note: str
    parent_row: int | None = None
    key: str = ""


@dataclass
class Layout:
    rows: list[IndicatorRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def header_map(header: list[str]) -> tuple[dict[int, int], list[str]]:
    mapping: dict[int, int] = {}
    for i, name in enumerate(header):
        target = HEADER_ALIASES.get(" ".join(fold(name).split()).strip(" :"))
        if target is not None and target not in mapping.values():
            mapping[i] = target
    return mapping, [COLUMNS[c] for c in REQUIRED if c not in mapping.values()]


def row_key(milestone: int, part: str | None, tt: str, text: str, occurrence: int) -> str:
    """Identity for re-imports: where the row sits, its printed number and its words."""
    raw = f"{part or ''}|{milestone}|{tt}|{fold(text)}|{occurrence}"
    return hashlib.sha256(raw.encode()).hexdigest()[:40]


@dataclass
class _Context:
    part: PartHeading | None = None
    part_tt: str | None = None
    milestone: MilestoneHeading | None = None
    sector: SectorHeading | None = None
    sector_tt: str | None = None
    indicator: IndicatorRow | None = None
    seen: dict[str, int] = field(default_factory=dict)


def lay_out(rows: list[list[str]]) -> Layout:
    layout = Layout()
    if not rows:
        layout.errors.append(RowError(1, "file", "Tệp trống."))
        return layout
    mapping, missing = header_map(rows[0])
    if missing:
        layout.errors.append(RowError(1, "header", f"Thiếu cột: {', '.join(missing)}. Dòng đầu phải là tên các cột."))
        return layout
    if len(rows) - 1 > MAX_ROWS:
        layout.errors.append(RowError(1, "file", f"Tệp có quá {MAX_ROWS} dòng; hãy chia nhỏ."))
        return layout
    context = _Context()
    for number, raw in enumerate(rows[1:], start=2):
        cells = [""] * len(COLUMNS)
        for i, value in enumerate(raw):
            if i in mapping:
                cells[mapping[i]] = " ".join(str(value or "").split())
        if any(cells):
            _read_row(layout, context, number, cells)
    if not layout.rows and not layout.errors:
        layout.errors.append(RowError(1, "file", "Tệp không có chỉ tiêu nào."))
    return layout


def _read_row(layout: Layout, context: _Context, number: int, cells: list[str]) -> None:
    tt, text, agencies = cells[0], cells[1], cells[2]
    if not text:
        layout.errors.append(RowError(number, "Chỉ tiêu", "Thiếu nội dung chỉ tiêu."))
        return
    part_of = _PART_TT.match(tt)
    is_part = bool(part_of and context.indicator and part_of["parent"] == context.indicator.tt)
    if not agencies and not is_part and not any(cells[3:]):
        heading = classify_heading(tt, text)
        # A "heading" that states a target is an indicator whose agency was left out, not a sector.
        if not isinstance(heading, SectorHeading) or parse_target(text).comparator is Comparator.QUALITATIVE:
            _heading(context, heading, tt)
            return
    if context.milestone is None:
        layout.errors.append(
            RowError(number, "Chỉ tiêu", "Chưa có dòng mốc thời gian (ví dụ “Đến hết năm 2025”) trước chỉ tiêu này.")
        )
        return
    parent = context.indicator if is_part else None
    if not agencies and parent is None:
        layout.errors.append(RowError(number, COLUMNS[2], "Thiếu cơ quan chủ trì theo dõi, đánh giá."))
        return
    indicator = _indicator(layout, context, number, cells, parent)
    if indicator is not None:
        layout.rows.append(indicator)
        if parent is None:
            context.indicator = indicator


def _heading(context: _Context, heading: PartHeading | MilestoneHeading | SectorHeading, tt: str) -> None:
    if isinstance(heading, PartHeading):
        context.part, context.part_tt = heading, tt or None
        context.milestone = context.sector = None
    elif isinstance(heading, MilestoneHeading):
        context.milestone, context.sector = heading, None
    else:
        context.sector, context.sector_tt = heading, tt or None
    context.indicator = None


def _indicator(
    layout: Layout, context: _Context, number: int, cells: list[str], parent: IndicatorRow | None
) -> IndicatorRow | None:
    tt, text = cells[0], cells[1]
    choices = _choices(layout, number, cells)
    if choices is None:
        return None
    sector_override, periodicity, aggregation, unit = choices
    assert context.milestone is not None
    if sector_override is not None:
        sector, label = sector_override, SECTOR_LABELS[sector_override]
    elif parent is not None:
        sector, label = parent.sector, parent.sector_label
    elif context.sector is not None:
        sector, label = context.sector.sector, context.sector.label
    else:
        sector, label = Sector.KHAC, "Khác"
    part_label = context.part.label if context.part else None
    seen_key = f"{context.milestone.year}|{part_label}|{tt}|{fold(text)}"
    context.seen[seen_key] = context.seen.get(seen_key, 0) + 1
    agency_cell = cells[2] or (parent.agency_cell if parent else "")
    return IndicatorRow(
        row=number,
        tt=tt,
        text=text,
        agency_cell=agency_cell,
        milestone=context.milestone,
        sector=sector,
        sector_label=label,
        sector_tt=context.sector_tt if context.sector else None,
        part=context.part,
        part_tt=context.part_tt,
        target=parse_target(text),
        splits=parse_split(cells[2]) if cells[2] else (),
        metric_key=cells[3] or None,
        periodicity=periodicity,
        aggregation=aggregation,
        unit=unit,
        note=cells[8],
        parent_row=parent.row if parent else None,
        key=row_key(context.milestone.year, part_label, tt, text, context.seen[seen_key]),
    )


def _choices(
    layout: Layout, number: int, cells: list[str]
) -> tuple[Sector | None, Periodicity, Aggregation | None, Unit | None] | None:
    """The optional columns, each checked against its words; an unknown word is a row error, never a guess."""
    ok = True
    sector = None
    if cells[4]:
        sector = _sector(cells[4])
        if sector is None:
            layout.errors.append(RowError(number, COLUMNS[4], f"Lĩnh vực không rõ: “{cells[4]}”."))
            ok = False
    periodicity = _PERIODICITY.get(fold(cells[5])) if cells[5] else Periodicity.YEAR
    if periodicity is None:
        layout.errors.append(RowError(number, COLUMNS[5], "Kỳ báo cáo phải là Quý, 6 tháng hoặc Năm."))
        ok = False
    aggregation = _AGGREGATION.get(fold(cells[6])) if cells[6] else None
    if cells[6] and aggregation is None:
        allowed = ", ".join(AGGREGATION_LABELS.values())
        layout.errors.append(RowError(number, COLUMNS[6], f"Cách tổng hợp phải là một trong: {allowed}."))
        ok = False
    unit = _UNIT.get(fold(cells[7])) if cells[7] else None
    if cells[7] and unit is None:
        allowed = ", ".join(u.value for u in Unit)
        layout.errors.append(RowError(number, COLUMNS[7], f"Đơn vị phải là một trong: {allowed}."))
        ok = False
    if not ok or periodicity is None:
        return None
    return sector, periodicity, aggregation, unit


def _sector(written: str) -> Sector | None:
    try:
        return Sector(written.strip())
    except ValueError:
        found = sector_of(written)
        return None if found is Sector.KHAC and fold(written) != "khac" else found
