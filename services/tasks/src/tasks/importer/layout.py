"""A task table as the documents print it → headings and tasks (pure, no I/O).

Headings nest by the style of their number, in the order the styles first appear (`1.` → `I` → `16`), so each
document's own scheme works. A row that only groups sub-items (only TT and title) is a heading; a row with its
own content whose number prefixes the next rows (`16` above `16.1`) is a task with child tasks. Printed
numbers are labels: a repeated number is two tasks.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from common.text import fold

COLUMNS = ("TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả/sản phẩm", "Thời gian hoàn thành")
# Header spellings seen in documents and spreadsheets, folded: each maps to one of COLUMNS.
HEADER_ALIASES = {
    "tt": 0,
    "stt": 0,
    "so tt": 0,
    "ten nhiem vu": 1,
    "nhiem vu": 1,
    "noi dung": 1,
    "noi dung nhiem vu": 1,
    "co quan chu tri": 2,
    "co quan chu tri/theo doi": 2,
    "chu tri": 2,
    "don vi chu tri": 2,
    "co quan phoi hop": 3,
    "phoi hop": 3,
    "don vi phoi hop": 3,
    "ket qua/san pham": 4,
    "ket qua": 4,
    "san pham": 4,
    "ket qua, san pham": 4,
    "thoi gian hoan thanh": 5,
    "thoi gian": 5,
    "thoi han": 5,
    "tien do": 5,
}
_ROMAN = re.compile(r"^[IVXLC]+\.?$")
_PART = re.compile(r"^\d+\.$")
_NUMBER = re.compile(r"^\d+$")
_DOTTED = re.compile(r"^\d+(\.\d+)+\.?$")
_LETTER = re.compile(r"^[a-zđ]\)?\.?$")
MAX_ROWS = 5000


@dataclass
class RowError:
    row: int
    field: str
    message: str


@dataclass
class HeadingRow:
    row: int
    number: str
    title: str
    path: str
    depth: int
    parent_path: str | None
    is_priority: bool


@dataclass
class TaskRow:
    row: int
    number: str
    title: str
    lead: str
    coordinators: str
    result: str
    deadline: str
    section_path: str | None
    is_priority: bool
    parent_row: int | None = None
    key: str = ""


@dataclass
class Layout:
    headings: list[HeadingRow] = field(default_factory=list)
    tasks: list[TaskRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def number_style(number: str) -> str:
    n = number.strip()
    for style, pattern in (
        ("roman", _ROMAN),
        ("part", _PART),
        ("number", _NUMBER),
        ("dotted", _DOTTED),
        ("letter", _LETTER),
    ):
        if pattern.match(n):
            return style
    return "other" if n else "none"


def header_map(header: list[str]) -> tuple[dict[int, int], list[str]]:
    """Column index in the file → index in COLUMNS; and the required columns that are missing."""
    mapping: dict[int, int] = {}
    for i, name in enumerate(header):
        target = HEADER_ALIASES.get(fold(name).replace(" / ", "/").strip(" :"))
        if target is not None and target not in mapping.values():
            mapping[i] = target
    missing = [COLUMNS[c] for c in (0, 1, 2, 5) if c not in mapping.values()]
    return mapping, missing


def task_key(section_path: str | None, number: str, title: str, occurrence: int) -> str:
    """Identity for re-imports: where the row sits, its printed number and its words (not the number alone)."""
    raw = f"{section_path or ''}|{number.strip()}|{fold(title)}|{occurrence}"
    return hashlib.sha256(raw.encode()).hexdigest()[:40]


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
    cells = []
    for index, raw in enumerate(rows[1:], start=2):
        values = [""] * len(COLUMNS)
        for i, value in enumerate(raw):
            if i in mapping:
                values[mapping[i]] = " ".join(str(value).split())
        if any(values):
            cells.append((index, values))
    stack: list[tuple[str, HeadingRow]] = []  # (number style, heading)
    counters: dict[str | None, int] = {}
    seen: dict[tuple[str | None, str, str], int] = {}
    last_task_by_number: dict[str, TaskRow] = {}
    for position, (index, values) in enumerate(cells):
        number, title, lead, coordinators, result, deadline = values
        style = number_style(number)
        if "\x00" in "".join(values):
            layout.errors.append(RowError(index, "row", "Dòng chứa ký tự không hợp lệ (NUL)."))
            continue
        if not title:
            layout.errors.append(RowError(index, COLUMNS[1], "Thiếu tên nhiệm vụ."))
            continue
        next_number = cells[position + 1][1][0] if position + 1 < len(cells) else ""
        groups_next = bool(number) and next_number.startswith(number.rstrip(".") + ".") and style == "number"
        only_title = not any((lead, coordinators, result, deadline))
        if only_title and (style != "dotted" or groups_next):
            while stack and style in [s for s, _ in stack]:
                stack.pop()
            parent = stack[-1][1] if stack else None
            counters[parent.path if parent else None] = counters.get(parent.path if parent else None, 0) + 1
            ordinal = counters[parent.path if parent else None]
            path = f"{parent.path}.{ordinal:04d}" if parent else f"{ordinal:04d}"
            heading = HeadingRow(
                row=index,
                number=number,
                title=title,
                path=path,
                depth=len(stack),
                parent_path=parent.path if parent else None,
                is_priority=(parent.is_priority if parent else False) or "trong tam" in fold(title),
            )
            layout.headings.append(heading)
            stack.append((style, heading))
            continue
        if style in ("number", "roman", "part", "letter"):
            while stack and style in [s for s, _ in stack]:
                stack.pop()
        section = stack[-1][1] if stack else None
        parent_row = None
        if style == "dotted":
            owner = last_task_by_number.get(number.rstrip(".").rsplit(".", 1)[0])
            parent_row = owner.row if owner else None
        section_path = section.path if section else None
        occurrence_key = (section_path, number, fold(title))
        seen[occurrence_key] = seen.get(occurrence_key, 0) + 1
        task = TaskRow(
            row=index,
            number=number,
            title=title,
            lead=lead,
            coordinators=coordinators,
            result=result,
            deadline=deadline,
            section_path=section_path,
            is_priority=section.is_priority if section else False,
            parent_row=parent_row,
            key=task_key(section_path, number, title, seen[occurrence_key]),
        )
        layout.tasks.append(task)
        if number:
            last_task_by_number[number.rstrip(".")] = task
    return layout
