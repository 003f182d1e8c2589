"""Deadline phrases as the plans print them ("Quý IV/2025", "Giai đoạn 2026-2030", "Thường xuyên",
"Sau khi có hướng dẫn của Trung ương") turned into a structure. Pure functions, standard library only.

A phrase is folded (no case, no diacritics, "đ" → "d", dashes and spacing evened out) and matched whole against
a table of patterns. A trailing "(…)" qualifies the main phrase; "; ", " hoặc ", " và ", ", " join several
phrases, which are combined into one structure (first due date plus the recurrence). Anything else is UNKNOWN,
kept verbatim and flagged for a person: a date is never guessed.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum


class DeadlineKind(StrEnum):
    DATE = "date"
    WINDOW = "window"
    RECURRING = "recurring"
    ONGOING = "ongoing"
    CONDITIONAL = "conditional"
    UNKNOWN = "unknown"


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"
    PERIODIC = "periodic"  # per the plan's reporting schedule


@dataclass(frozen=True)
class Recurrence:
    """`month`/`day`: the first due day in the calendar year (yearly before 15/12 → month=12, day=15); quarterly
    and half-yearly ones repeat it every 3 or 6 months. None means the end of the month or period."""

    frequency: Frequency
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True)
class Deadline:
    text: str  # exactly as given
    kind: DeadlineKind
    due: date | None = None
    start: date | None = None
    end: date | None = None
    recurrence: Recurrence | None = None
    condition: str | None = None
    checkpoints: tuple[date, ...] = ()
    needs_review: bool = False
    note: str | None = None


MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_LENGTH = 300  # the tasks table keeps deadline_text in 300 characters; longer input is not a deadline

NOTE_EMPTY = "Chưa có thời hạn; cần người nhập ngày."
NOTE_UNKNOWN = "Không nhận dạng được thời hạn; cần người nhập ngày."
NOTE_INVALID = "Ngày, tháng, quý hoặc năm không hợp lệ; cần người nhập ngày."
NOTE_NO_YEAR = "Thiếu năm; cần người nhập ngày."
NOTE_TOO_LONG = "Văn bản quá dài, không phải một thời hạn; cần người nhập ngày."
NOTE_OCR = "Chỉ đọc được sau khi sửa lỗi nhận dạng chữ (OCR); cần kiểm tra lại."
NOTE_SEVERAL = "Có nhiều mốc thời gian; đã lấy mốc đầu tiên, cần kiểm tra."
NOTE_ASIDE = "Chưa hiểu phần ghi chú trong ngoặc; cần kiểm tra."


def parse_deadline(text: str | None) -> Deadline:
    """The structure of a deadline phrase. Never raises; `text` is kept exactly as given (None becomes "")."""
    original = text if isinstance(text, str) else ""
    return replace(_parse(original), text=original)


def _parse(text: str) -> Deadline:
    if len(text) > 4 * MAX_LENGTH:  # refuse before any work on huge input
        return _unknown(NOTE_TOO_LONG)
    cleaned = _clean(text)
    if not cleaned:
        return _unknown(NOTE_EMPTY)
    if len(cleaned) > MAX_LENGTH:
        return _unknown(NOTE_TOO_LONG)
    found = _structure(cleaned, ocr=False)
    if found.kind is DeadlineKind.UNKNOWN and found.note == NOTE_UNKNOWN:
        repaired = _structure(cleaned, ocr=True)
        if repaired.kind is not DeadlineKind.UNKNOWN:
            return replace(repaired, needs_review=True, note=NOTE_OCR)
    return found


def _unknown(note: str) -> Deadline:
    return Deadline("", DeadlineKind.UNKNOWN, needs_review=True, note=note)


# --- Text: the verbatim side (kept for `condition`) and the folded key the patterns see -------------------------

_WRAPPED = re.compile(r"\((?P<inner>.*)\)")
_ASIDE = re.compile(r"(?P<main>.+?)\s*\((?P<aside>[^()]*)\)")
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
# OCR of docs 001 and 004 reads "năm" as "nim"/"ndm" and "hằng" as "hing"/"hiang"; used only on a second pass.
_OCR_WORDS = {"nim": "nam", "ndm": "nam", "hing": "hang", "hiang": "hang"}
_REWRITES = (
    (re.compile(r"\s*([/-])\s*"), r"\1"),  # "12 / 2025", "2026 – 2030"
    (re.compile(r"\b(\d{1,2}) thang (\d{1,2})\b"), r"\1/\2"),  # "15 tháng 12" is 15/12
    (re.compile(r"\b(\d{1,2}/\d{1,2}) nam (\d{4})\b"), r"\1/\2"),  # "15/12 năm 2025"
    (re.compile(r"\b(thang \d{1,2}|quy [ivx\d]{1,4}) nam (\d{4})\b"), r"\1/\2"),  # "tháng 12 năm 2025", "quý IV năm …"
    (re.compile(r"^(?:thoi han|han|thoi gian(?: hoan thanh)?) ?: ?"), ""),  # a column label typed in the cell
)


def _clean(text: str) -> str:
    """Control characters and markdown emphasis out, whitespace collapsed, edge punctuation and outer () off."""
    visible = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text).replace("*", "").replace("_", "")
    visible = unicodedata.normalize("NFC", visible)  # decomposed input splits on "và"/"hoặc" like composed
    cleaned = _trim(" ".join(visible.split()))
    while (m := _WRAPPED.fullmatch(cleaned)) and _balanced(m["inner"]):
        cleaned = _trim(m["inner"])
    return cleaned


def _trim(text: str) -> str:
    return text.strip().lstrip("-+•").rstrip(".,;:!?/").strip()


def _balanced(text: str) -> bool:
    depth = 0
    for c in text:
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth < 0:
            return False
    return depth == 0


def _key(text: str, ocr: bool) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("đ", "d"))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_DASHES)
    words = folded.split()
    key = " ".join(_OCR_WORDS.get(w, w) for w in words) if ocr else " ".join(words)
    for pattern, replacement in _REWRITES:
        key = pattern.sub(replacement, key)
    return _trim(key)


# --- One phrase: a table of whole-phrase patterns -----------------------------------------------------------------

Builder = Callable[[re.Match[str]], Deadline]


def _year(value: str) -> int:
    year = int(value)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year {year} outside {MIN_YEAR}-{MAX_YEAR}")
    return year


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _dated(due: date, start: date | None = None) -> Deadline:
    return Deadline("", DeadlineKind.DATE, due=due, start=start)


def _window(start: date, end: date) -> Deadline:
    if end < start:
        raise ValueError("window ends before it starts")
    marks = tuple(date(y, 12, 31) for y in range(start.year, end.year + 1) if start <= date(y, 12, 31) < end)
    return Deadline("", DeadlineKind.WINDOW, due=end, start=start, end=end, checkpoints=(*marks, end))


def _school_year_start(m: re.Match[str]) -> date:
    first = _year(m["y1"])
    if _year(m["y2"]) != first + 1:
        raise ValueError("a school year spans two consecutive years")
    return date(first, 9, 1)  # "năm học 2026-2027" runs 01/09/2026 – 31/05/2027


_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4, "01": 1, "02": 2, "03": 3, "04": 4}


def _quarter(m: re.Match[str]) -> Deadline:
    if (quarter := _QUARTERS.get(m["q"])) is None:
        raise ValueError(f"no quarter {m['q']}")
    year = _year(m["y"])
    return _dated(_month_end(year, 3 * quarter), date(year, 3 * quarter - 2, 1))


def _month(m: re.Match[str]) -> Deadline:
    year, month = _year(m["y"]), int(m["m"])
    return _dated(_month_end(year, month), date(year, month, 1))


def _half(m: re.Match[str]) -> Deadline:
    year = _year(m["y"])
    if m["h"] == "dau":
        return _dated(date(year, 6, 30), date(year, 1, 1))
    return _dated(date(year, 12, 31), date(year, 7, 1))


def _twice_yearly(m: re.Match[str]) -> Deadline:
    """Two yearly dates six months apart ("trước ngày 01/6 và trước ngày 01/12 hằng năm") are one half-yearly."""
    first, second = date(2000, int(m["m1"]), int(m["d1"])), date(2000, int(m["m2"]), int(m["d2"]))
    if (second.month - first.month, second.day) != (6, first.day):
        return _unknown(NOTE_UNKNOWN)
    return _every(Frequency.HALF_YEARLY, first.month, first.day)


def _every(frequency: Frequency, month: int | None = None, day: int | None = None) -> Deadline:
    return Deadline("", DeadlineKind.RECURRING, recurrence=Recurrence(frequency, month, day))


def _ongoing(start: date | None = None) -> Deadline:
    return Deadline("", DeadlineKind.ONGOING, start=start)


def _in_month_yearly(m: re.Match[str]) -> Deadline:
    return _every(Frequency.YEARLY, date(2000, int(m["m"]), 1).month)  # date() rejects month 13


def _year_period(m: re.Match[str]) -> Deadline:
    year = _year(m["y"])
    return _dated(date(year, 12, 31), date(year, 1, 1))


def _year_end(m: re.Match[str]) -> Deadline:
    return _dated(date(_year(m["y"]), 12, 31))  # "cuối năm", "đến hết năm": a bound, not a one-year period


def _day(m: re.Match[str]) -> Deadline:
    return _dated(date(_year(m["y"]), int(m["m"]), int(m["d"])))


def _years(m: re.Match[str]) -> Deadline:
    return _window(date(_year(m["y1"]), 1, 1), date(_year(m["y2"]), 12, 31))


def _school_year(m: re.Match[str]) -> Deadline:
    start = _school_year_start(m)
    return _window(start, date(start.year + 1, 5, 31))


def _from_year(m: re.Match[str]) -> Deadline:
    return _ongoing(date(_year(m["y"]), 1, 1))


def _from_school_year(m: re.Match[str]) -> Deadline:
    return _ongoing(_school_year_start(m))


def _from_month(m: re.Match[str]) -> Deadline:
    return _ongoing(date(_year(m["y"]), int(m["m"]), 1))


def _repeating(frequency: Frequency) -> Builder:
    return lambda m: _every(frequency)


_Y = r"(?P<y>\d{4})"
_REPEAT = r"(?:dinh ky )?(?:hang|moi|theo)"
_PATTERNS: tuple[tuple[str, Builder], ...] = (
    # a date: the end of a month, quarter, half or year, or a day
    (rf"(?:(?:trong|vao|cuoi|het|den het) )?thang (?P<m>\d{{1,2}})/{_Y}", _month),
    (rf"(?P<m>\d{{1,2}})/{_Y}", _month),
    (rf"(?:(?:trong|vao|cuoi|het|den het) )?quy (?P<q>[ivxlc]+|\d{{1,2}})/{_Y}", _quarter),
    (rf"(?:trong )?0?6 thang (?P<h>dau|cuoi) nam {_Y}", _half),
    (rf"(?:(?:hoan thien|hoan thanh|thuc hien|trien khai) )?(?:trong )?(?:nam )?{_Y}", _year_period),
    (rf"(?:vao )?cuoi nam {_Y}", _year_end),
    (rf"den (?:het )?(?:nam )?{_Y}", _year_end),
    (rf"(?:(?:truoc|han|den|vao|hoan thanh truoc) )?(?:ngay )?(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/{_Y}", _day),
    # a window with yearly checkpoints
    (r"(?:giai doan |nam |tu nam |tu )?(?P<y1>\d{4})-(?P<y2>\d{4})", _years),
    (r"(?:giai doan )?tu (?:nam )?(?P<y1>\d{4}) den (?:het )?(?:nam )?(?P<y2>\d{4})", _years),
    (r"(?:trong )?nam hoc (?P<y1>\d{4})-(?P<y2>\d{4})", _school_year),
    # ongoing, possibly from a start
    (r"(?:nhiem vu )?(?:thuong xuyen|lien tuc)(?:,? (?:thuong xuyen|lien tuc))?", lambda m: _ongoing()),
    (rf"tu (?:nam )?{_Y}(?: tro di| tro ve sau)?", _from_year),
    (rf"(?:tu )?(?:nam )?{_Y} va (?:cac|nhung) nam tiep theo", _from_year),
    (r"tu nam hoc (?P<y1>\d{4})-(?P<y2>\d{4})(?: tro di)?", _from_school_year),
    (rf"tu thang (?P<m>\d{{1,2}})/{_Y}(?: tro di)?", _from_month),
    # recurring
    (rf"{_REPEAT} nam", _repeating(Frequency.YEARLY)),
    (rf"{_REPEAT} quy", _repeating(Frequency.QUARTERLY)),
    (rf"{_REPEAT} thang", _repeating(Frequency.MONTHLY)),
    (
        r"(?:dinh ky )?0?6 thang(?:/| )(?:1 |mot )?lan|dinh ky 0?6 thang|(?:hang|moi) 0?6 thang",
        _repeating(Frequency.HALF_YEARLY),
    ),
    (r"dinh ky", _repeating(Frequency.PERIODIC)),
    (r"(?:vao )?thang (?P<m>\d{1,2}) (?:hang|moi) nam", _in_month_yearly),
    (
        r"(?:dinh ky )?truoc (?:ngay )?(?P<d1>\d{1,2})/(?P<m1>\d{1,2})"
        r" va (?:truoc (?:ngay )?)?(?P<d2>\d{1,2})/(?P<m2>\d{1,2}) (?:hang|moi) nam",
        _twice_yearly,
    ),
    # understood, but the year is missing
    (r"(?:(?:trong|vao|cuoi) )?thang (?P<m>\d{1,2})", lambda m: _unknown(NOTE_NO_YEAR)),
)
_TABLE = tuple((re.compile(pattern, re.ASCII), build) for pattern, build in _PATTERNS)

# "trước ngày 15/12" or "trước ngày 10 tháng cuối quý" sets the day of a recurrence written around it.
_BEFORE_QUARTER_END = re.compile(r"(?:vao )?truoc (?:ngay )?(?P<d>\d{1,2}) (?:cua )?thang cuoi (?:moi )?quy", re.ASCII)
_BEFORE_DAY = re.compile(r"(?:vao )?truoc (?:ngay )?(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![/\d])", re.ASCII)


def _phrase(key: str) -> Deadline | None:
    """The structure of one folded phrase; None when no pattern fits; UNKNOWN when the values are impossible."""
    try:
        for pattern, build in _TABLE:
            if m := pattern.fullmatch(key):
                return build(m)
        return _with_day(key)
    except ValueError:  # month 13, quarter V, 31/02, year 3030
        return _unknown(NOTE_INVALID)


def _with_day(key: str) -> Deadline | None:
    m = _BEFORE_QUARTER_END.search(key) or _BEFORE_DAY.search(key)
    if m is None:
        return None
    rest = " ".join((key[: m.start()] + " " + key[m.end() :]).split()).strip(" ,")
    if not rest:
        return _unknown(NOTE_NO_YEAR)
    base = next((build(b) for p, build in _TABLE if (b := p.fullmatch(rest))), None)
    if base is None or base.recurrence is None:
        return None
    frequency, day = base.recurrence.frequency, int(m["d"])
    if m.re is _BEFORE_QUARTER_END:
        if frequency not in (Frequency.QUARTERLY, Frequency.PERIODIC):
            return None
        return _every(Frequency.QUARTERLY, 3, date(2000, 3, day).day)
    if frequency is Frequency.PERIODIC or frequency is Frequency.MONTHLY:
        return None
    checked = date(2000, int(m["m"]), day)  # a leap year, so 29/02 is allowed
    return _every(frequency, checked.month, checked.day)


# --- Structure: conditions, a qualifying "(…)", several phrases joined --------------------------------------------

_CONDITION_PREFIXES = (
    *("sau khi", "sau ", "khi ", "dot xuat", "tuy ", "trong vong ", "cho "),
    *("theo lo trinh", "theo yeu cau", "theo huong dan", "theo chi dao", "theo ke hoach", "theo quyet dinh"),
    *("theo van ban", "theo tien do", "theo quy dinh"),
)
_SEPARATORS = (
    re.compile(r"\s*;\s*"),
    re.compile(r"\s+(?:hoặc|hoac)\s+", re.IGNORECASE),
    re.compile(r"\s+(?:và|va)\s+", re.IGNORECASE),
    re.compile(r"\s*,\s*"),
)


def _structure(cleaned: str, ocr: bool) -> Deadline:
    found = _piece(cleaned, ocr, _SEPARATORS)
    return _unknown(NOTE_UNKNOWN) if found is None else found


def _piece(text: str, ocr: bool, separators: Sequence[re.Pattern[str]]) -> Deadline | None:
    """One phrase, a phrase with a trailing "(…)", or several joined by a separator; None if any part is not
    understood (then the whole is not: a part is never dropped)."""
    if aside := _ASIDE.fullmatch(text):
        # "Hàng năm (trước ngày 15/12)", "Tháng 12 (hàng năm)": the "(…)" completes the phrase
        refined = _phrase(f"{_key(aside['main'], ocr)} {_key(aside['aside'], ocr)}")
        if refined is not None and (refined.kind is not DeadlineKind.UNKNOWN or refined.note == NOTE_INVALID):
            return refined
        found = _piece(aside["main"], ocr, separators)
        if found is None or found.kind is DeadlineKind.UNKNOWN:
            return found
        if found.kind is DeadlineKind.CONDITIONAL:
            return replace(found, condition=_trim(text))  # the whole phrase is the condition, "(…)" included
        return _qualified(found, aside["aside"], ocr)
    key = _key(text, ocr)
    if (found := _phrase(key)) is not None:
        return found
    if key.startswith(_CONDITION_PREFIXES):
        return Deadline("", DeadlineKind.CONDITIONAL, condition=_trim(text))
    for i, separator in enumerate(separators):
        pieces = [p for p in separator.split(text) if _trim(p)]
        if len(pieces) < 2:
            continue
        parts = [_piece(p, ocr, separators[i + 1 :]) for p in pieces]
        known = [p for p in parts if p is not None]
        if len(known) == len(parts):
            return _combine(known)
    return None


def _qualified(found: Deadline, aside: str, ocr: bool) -> Deadline:
    """A "(…)" that adds to the phrase: "(Sau khi có …)" a condition, "(Năm 2026)" a date; else a person looks."""
    extra = _piece(aside, ocr, _SEPARATORS)
    if extra is None:
        return replace(found, needs_review=True, note=NOTE_ASIDE)
    return _combine([found, extra])


def _combine(parts: list[Deadline]) -> Deadline:
    """Several phrases as one: the first part with a due date gives the dates, a recurring part the recurrence,
    "thường xuyên" makes it ongoing, conditional parts add their condition. Two dated parts are flagged."""
    if unknown := next((p for p in parts if p.kind is DeadlineKind.UNKNOWN), None):
        return unknown
    dated = [p for p in parts if p.due is not None or p.start is not None]
    repeats = [p.recurrence for p in parts if p.recurrence is not None]
    if repeats:
        kind = DeadlineKind.RECURRING
    elif any(p.kind is DeadlineKind.ONGOING for p in parts):
        kind = DeadlineKind.ONGOING
    else:
        kind = (dated or parts)[0].kind
    base = next((p for p in dated if p.due is not None), dated[0] if dated else parts[0])
    several = len(dated) > 1 or len(repeats) > 1
    keeps_window = kind is DeadlineKind.WINDOW or base.kind is not DeadlineKind.WINDOW
    return Deadline(
        "",
        kind,
        due=base.due if keeps_window else None,  # a window's end is not the first due date of what repeats in it
        start=base.start,
        end=base.end,
        recurrence=repeats[0] if repeats else None,
        condition="; ".join(p.condition for p in parts if p.condition) or None,
        checkpoints=base.checkpoints if kind is DeadlineKind.WINDOW else (),
        needs_review=several or any(p.needs_review for p in parts),
        note=NOTE_SEVERAL if several else next((p.note for p in parts if p.note), None),
    )
