"""Read the target of one indicator sentence of a Vietnamese plan: comparator, value, unit.

Pure functions, no I/O. The parser fills only what the sentence states; where it states several targets,
a number without a unit, or nothing it can read, the result says so (`needs_review`, `reasons`) instead of
guessing. A sentence with no number is a legitimate qualitative indicator (assessed by hand with evidence).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from indicators.vocabulary import Comparator, Unit

QUALITATIVE_REASON = "Câu không nêu con số: chỉ tiêu định tính, đánh giá thủ công có minh chứng"

_MULTIPLIERS = {"triệu": Decimal(1_000_000), "nghìn": Decimal(1000), "ngàn": Decimal(1000)}
_NUMBER = r"\d+(?:[.,]\d+)*"
_LEADING_NUMBER = re.compile(rf"\s*({_NUMBER})(?:\s*(triệu|nghìn|ngàn)(?!\w))?", re.IGNORECASE)
# A digit run that is a word of its own: not "5G", not part of a date or code "28/5/2022", "35/2022/NĐ-CP".
_TOKEN = re.compile(rf"(?<![\w.,/])(?:{_NUMBER})(?![\w/]|[.,]\d)(?:\s*(?:triệu|nghìn|ngàn)(?!\w))?")
_WORD_NUMERALS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}

# Count nouns a target may count; the printed noun becomes the unit label.
COUNT_NOUNS = (
    "bài báo", "bài", "công trình", "nhiệm vụ", "đơn vị", "đơn", "sáng chế", "giải pháp", "doanh nghiệp",
    "mô hình", "sản phẩm", "dự án", "tổ chức", "vườn ươm", "học viên", "cán bộ", "khu", "tuyến", "sự kiện",
    "festival", "trung tâm", "sáng kiến", "đoàn", "kênh", "lượt", "người", "hội thảo", "hội nghị", "lớp",
    "khóa", "chương trình", "đề tài", "tin", "video", "cuộc", "trường", "cơ sở", "sàn", "chuyên gia",
    "nhà khoa học", "kỹ sư", "hợp tác xã", "phòng thí nghiệm", "hồ sơ", "thủ tục", "văn bản", "nền tảng",
    "ứng dụng", "hệ thống", "cơ sở dữ liệu", "chuyên mục", "chuyên trang", "ấn phẩm", "giải thưởng",
    "điểm", "nhóm", "xã", "phường", "sở",
)  # fmt: skip
_NOUN_ALTS = "|".join(re.escape(n) for n in sorted(COUNT_NOUNS, key=len, reverse=True))
_COUNT = re.compile(rf"\s*((?:{_NOUN_ALTS})(?:\s*/\s*(?:{_NOUN_ALTS}))?)(?!\w)")
_WORD_NUMERAL = re.compile(rf"(?<!\w)(?:{'|'.join(_WORD_NUMERALS)})(?=\s+(?:{_NOUN_ALTS})(?!\w))")

_FIXED_UNITS = (
    (re.compile(r"\s*%\s*grdp(?!\w)"), Unit.PERCENT_GRDP, "% GRDP"),
    (re.compile(r"\s*%\s*(?:tổng chi ngân sách|chi ngân sách|ngân sách)"), Unit.PERCENT_BUDGET, "% tổng chi ngân sách"),
    (re.compile(r"\s*%"), Unit.PERCENT, "%"),
    (re.compile(r"\s*lượt khách(?!\w)"), Unit.VISITORS, "lượt khách"),
    (re.compile(r"\s*khách(?!\w)"), Unit.VISITORS, "khách"),
    (re.compile(r"\s*(?:tỷ|tỉ) đồng(?!\w)"), Unit.BILLION_VND, "tỷ đồng"),
    (re.compile(r"\s*gbps"), Unit.GBPS, "Gbps"),
    (re.compile(r"\s*người\s*(?:/|trên)\s*(?:01|1|một)?\s*vạn dân"), Unit.PER_10K, "người/vạn dân"),
)
_PEOPLE = re.compile(r"\s*người(?!\w)")
_PER_10K_DENOMINATOR = re.compile(r"(?:trên|/)\s*(?:01|1|một)?\s*vạn dân")
_PER_YEAR_SUFFIX = re.compile(r"\s*/\s*năm(?!\w)")
_PER_YEAR = re.compile(r"/\s*năm(?!\w)|mỗi năm|hàng năm|hằng năm|thường niên")
_INDEX_CONTEXT = re.compile(r"chỉ số|(?<!\w)hdi(?!\w)")
_AT_LEAST_AFTER = re.compile(r"\s*trở lên")

# Numbers that are not targets, told by the words right before or after them.
_IGNORE_BEFORE = re.compile(
    r"(?<!\w)(?:cấp độ|mức độ|đề án|nghị quyết|quyết định|kế hoạch|chỉ thị|thông tư|nghị định|kết luận|công văn"
    r"|chương trình|phụ lục|điều|khoản|mục|giai đoạn|lần thứ|phiên bản)(?:\s+số)?\s*$"
)
_IGNORE_AFTER = re.compile(r"\s*(?:tháng|tuổi|ngày|giờ|phút|năm|vạn)(?!\w)|-[^\W\d_]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_RANGE_GAP = re.compile(r"\s*%?\s*(?:-|–|—|đến|tới)\s*")

_RANK_BEFORE = re.compile(r"(?<!\w)(?:top|xếp thứ|xếp hạng(?: thứ)?|nhóm)\s*$")
_LEADS = re.compile(r"dẫn đầu")
_LTE_WORDS = ("≤", "<=", "<", "tối đa", "không vượt quá", "không quá", "dưới mức", "dưới")
_GTE_WORDS = ("≥", ">=", ">", "tối thiểu", "ít nhất", "trên mức", "trên", "từ")
_WEAK_WORDS = ("phấn đấu", "đạt mức", "đạt", "ở mức", "mức", "có", "ở")
_CMP_ALTS = "|".join(re.escape(w) for w in sorted(_LTE_WORDS + _GTE_WORDS + _WEAK_WORDS, key=len, reverse=True))
_CMP_PHRASE = re.compile(rf"(?:(?:(?<!\w)|(?<=[≥≤<>=]))(?:{_CMP_ALTS})\s*)+$")
_CMP_WORD = re.compile(rf"(?:{_CMP_ALTS})")
_LEADING_TT = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?[a-z]?\s+")


@dataclass(frozen=True)
class TargetSpec:
    """What one sentence states as its target; `value` for GTE/LTE, `low`/`high` for RANGE."""

    comparator: Comparator
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: Unit | None = None
    unit_label: str | None = None
    per_year: bool = False
    needs_review: bool = False
    reasons: tuple[str, ...] = ()
    text_of_target: str | None = None


@dataclass(frozen=True)
class SplitShare:
    """One agency's part of an agency cell, with its share of the target when printed after the name."""

    agency_text: str
    value: Decimal | None = None
    unit_label: str | None = None


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    value: Decimal


@dataclass(frozen=True)
class _Target:
    comparator: Comparator
    low: Decimal
    high: Decimal | None  # set for a range only
    unit: Unit | None
    unit_label: str | None
    text: str  # with the comparator words: "≥ 90%"
    bare: str  # number and unit as printed: "90%"


def parse_number(text: str) -> Decimal:
    """A Vietnamese number at the start of `text`, with an optional multiplier word; the rest is ignored.

    "1.000" = 1000 (dot groups thousands), "0,85" = 0.85 (comma is the decimal mark), "0.70" and "1.0" are
    decimals (a dot not followed by exactly three digits, or after a lone 0), "12 triệu" = 12 000 000.
    """
    match = _LEADING_NUMBER.match(text)
    if match is None:
        raise ValueError(f"Không đọc được số: {text!r}")
    value = _plain_number(match.group(1))
    multiplier = match.group(2)
    return value * _MULTIPLIERS[multiplier.lower()] if multiplier else value


def _plain_number(digits: str) -> Decimal:
    if "," in digits:  # the comma is the decimal mark, so every dot groups thousands
        whole, _, fraction = digits.rpartition(",")
        return _decimal(whole.replace(".", "") + "." + fraction, digits)
    groups = digits.split(".")
    if len(groups) == 1:
        return _decimal(digits, digits)
    if groups[0] != "0" and all(len(g) == 3 for g in groups[1:]):
        return _decimal("".join(groups), digits)
    if len(groups) == 2:
        return _decimal(digits, digits)
    raise ValueError(f"Không đọc được số: {digits!r}")


def _decimal(normal: str, printed: str) -> Decimal:
    try:
        return Decimal(normal)
    except InvalidOperation as error:
        raise ValueError(f"Không đọc được số: {printed!r}") from error


def _normalize(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _without_tt(text: str) -> str:
    """Drops a TT printed in front ("5.10 Quy mô ..."), never a decimal like "1.5 tỷ đồng"."""
    match = _LEADING_TT.match(text)
    following = text[match.end() : match.end() + 1] if match else ""
    if match and (following.isdigit() or following.isupper() or following in ("≥", "≤")):
        return text[match.end() :]
    return text


def _lower(text: str) -> str:
    """Lower case that keeps every index, so spans found in it slice the printed text."""
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


def parse_target(sentence: str) -> TargetSpec:
    """Comparator, target and unit the sentence states.

    A bare level ("100% thủ tục ...", "02 mô hình") is a level to reach: GTE. "trên" (strictly more) is read as
    GTE too. Several targets in one sentence: the first is filled as a candidate and the sentence is marked for
    review. No number: QUALITATIVE, not for review.
    """
    text = _without_tt(_normalize(sentence))
    lower = _lower(text)
    per_year = bool(_PER_YEAR.search(lower))
    targets = _targets(text, lower)
    if not targets:
        return TargetSpec(Comparator.QUALITATIVE, per_year=per_year, reasons=(QUALITATIVE_REASON,))
    return _spec(targets, per_year)


def _spec(targets: list[_Target], per_year: bool) -> TargetSpec:
    first = targets[0]
    reasons = []
    if len(targets) > 1:
        numbers = "; ".join(t.bare for t in targets)
        reasons.append(f"Câu nêu {len(targets)} chỉ tiêu số ({numbers}): cần tách thành chỉ tiêu thành phần")
        reasons.append(f"Đã điền chỉ tiêu đầu tiên ({first.text}) làm gợi ý, cần người kiểm tra")
    if first.unit is None:
        reasons.append(f"Không xác định được đơn vị của con số {first.bare}: cần người xác định đơn vị")
    is_range = first.comparator is Comparator.RANGE
    return TargetSpec(
        comparator=first.comparator,
        value=None if is_range else first.low,
        low=first.low if is_range else None,
        high=first.high if is_range else None,
        unit=first.unit,
        unit_label=first.unit_label,
        per_year=per_year,
        needs_review=bool(reasons),
        reasons=tuple(reasons),
        text_of_target=first.text,
    )


def _targets(text: str, lower: str) -> list[_Target]:
    tokens = [t for t in _tokens(lower) if not _ignored(t, lower)]
    targets = [_target(first, last, text, lower) for first, last in _groups(tokens, lower)]
    if len(targets) > 1:  # a speed next to another target qualifies it ("100% người dùng ... trên 01 Gbps")
        targets = [t for t in targets if t.unit is not Unit.GBPS] or targets
    return targets


def _tokens(lower: str) -> list[_Token]:
    digits = [token for m in _TOKEN.finditer(lower) if (token := _digit_token(m)) is not None]
    words = [_Token(m.start(), m.end(), Decimal(_WORD_NUMERALS[m.group()])) for m in _WORD_NUMERAL.finditer(lower)]
    return sorted(digits + words, key=lambda t: t.start)


def _digit_token(match: re.Match[str]) -> _Token | None:
    try:
        return _Token(match.start(), match.end(), parse_number(match.group()))
    except ValueError:  # "7.9.1": a reference, not a quantity
        return None


def _ignored(token: _Token, lower: str) -> bool:
    printed, before, after = lower[token.start : token.end], lower[: token.start], lower[token.end :]
    return (
        printed == "4.0"  # "công nghiệp 4.0"
        or (_YEAR.fullmatch(printed) is not None and _unit(lower, lower, token.end)[0] is None)
        or _IGNORE_BEFORE.search(before) is not None
        or _IGNORE_AFTER.match(after) is not None
        or (before.endswith("(") and after.startswith(")"))  # a footnote mark "(1)"
    )


def _groups(tokens: list[_Token], lower: str) -> list[tuple[_Token, _Token]]:
    """Pairs "55-60", "80% đến 90%", "01 đến 03" into ranges; every other token stands alone."""
    groups: list[tuple[_Token, _Token]] = []
    index = 0
    while index < len(tokens):
        first = tokens[index]
        second = tokens[index + 1] if index + 1 < len(tokens) else None
        if second is not None and _RANGE_GAP.fullmatch(lower[first.end : second.start]):
            groups.append((first, second))
            index += 2
        else:
            groups.append((first, first))
            index += 1
    return groups


def _target(first: _Token, last: _Token, text: str, lower: str) -> _Target:
    comparator, text_start, rank = _comparator(lower[: first.start], lower[last.end :])
    unit, label, unit_length = _unit(text, lower, last.end)
    if rank:
        unit, label, unit_length = Unit.RANK, None, 0
    elif unit is None and last.value <= 1 and _INDEX_CONTEXT.search(lower):
        unit = Unit.INDEX
    end = last.end + unit_length
    denominator = _denominator(unit, text, lower, end)
    trailing = _AT_LEAST_AFTER.match(lower, end)
    shown = text[text_start:end] + (text[end : trailing.end()] if trailing else "") + denominator
    bare = text[text_start if rank else first.start : end] + denominator
    if first is last:
        return _Target(comparator, first.value, None, unit, label, shown, bare)
    return _Target(Comparator.RANGE, first.value, last.value, unit, label, shown, bare)


def _denominator(unit: Unit | None, text: str, lower: str, end: int) -> str:
    """' … trên 01 vạn dân' when "người" and "vạn dân" are printed apart."""
    if unit is not Unit.PER_10K or "vạn dân" in lower[end - 8 : end]:
        return ""
    match = _PER_10K_DENOMINATOR.search(lower, end)
    return f" … {text[match.start() : match.end()]}" if match else ""


def _comparator(before: str, after: str) -> tuple[Comparator, int, bool]:
    """Comparator, where its words start, and whether it is a rank ("Top 5", "nhóm 10 ... dẫn đầu")."""
    rank = _RANK_BEFORE.search(before)
    if rank and (not rank.group().startswith("nhóm") or _LEADS.search(after[:80])):
        return Comparator.LTE, rank.start(), True
    phrase = _CMP_PHRASE.search(before)
    if phrase is None:
        return Comparator.GTE, len(before), False
    words = list(_CMP_WORD.finditer(phrase.group()))
    strong = [m for m in words if m.group() not in _WEAK_WORDS]
    start = phrase.start() + (strong[0].start() if strong else 0)
    is_lte = any(m.group() in _LTE_WORDS for m in words)
    return (Comparator.LTE if is_lte else Comparator.GTE), start, False


def _unit(text: str, lower: str, at: int) -> tuple[Unit | None, str | None, int]:
    """The unit printed right after a number ending at `at`: (unit, label, length of the unit words)."""
    after = lower[at:]
    for pattern, unit, label in _FIXED_UNITS:
        if match := pattern.match(after):
            return _per_year_label(unit, label, after, match.end())
    if (people := _PEOPLE.match(after)) and "vạn dân" in lower:
        return _per_year_label(Unit.PER_10K, "người/vạn dân", after, people.end())
    if count := _COUNT.match(after):
        label = re.sub(r"\s*/\s*", "/", text[at + count.start(1) : at + count.end(1)])
        return _per_year_label(Unit.COUNT, label, after, count.end())
    return None, None, 0


def _per_year_label(unit: Unit, label: str, after: str, length: int) -> tuple[Unit, str, int]:
    if match := _PER_YEAR_SUFFIX.match(after, length):
        return unit, label + "/năm", match.end()
    return unit, label, length


_SPLIT_UNIT = rf"%|lượt khách|tỷ đồng|{_NOUN_ALTS}"
# "Đại học Hùng Vương 05 bài": a trailing number, then nothing or a unit word, is that agency's share.
_SPLIT_PART = re.compile(
    rf"^(?P<agency>.*?\S)\s+(?P<number>{_NUMBER})(?:\s*(?P<unit>(?:{_SPLIT_UNIT})(?:\s*/\s*năm)?))?$", re.IGNORECASE
)


def parse_split(cell: str) -> tuple[SplitShare, ...]:
    """The agencies of an agency cell, each with its printed share of the target (value None when none).

    Parts are separated by ";" or line breaks; a comma separates parts only right after a share
    ("Đại học Hùng Vương 05 bài, Đại học Công nghiệp Việt Trì 05 bài"), since names hold commas.
    """
    parts = [piece for line in re.split(r"[;\n]", cell) for piece in _comma_parts(_normalize(line))]
    return tuple(_share(part) for part in parts)


def _comma_parts(line: str) -> list[str]:
    parts: list[str] = []
    current = ""
    for piece in line.split(","):
        current = f"{current},{piece}" if current else piece
        if _split_match(current.strip()):
            parts.append(current.strip())
            current = ""
    if current.strip():
        parts.append(current.strip())
    return parts


def _split_match(part: str) -> re.Match[str] | None:
    match = _SPLIT_PART.match(part)
    if match is None or re.search(r"(?<!\w)số$", match.group("agency"), re.IGNORECASE):  # "Trường ... số 2"
        return None
    return match


def _share(part: str) -> SplitShare:
    match = _split_match(part)
    if match is None:
        return SplitShare(part)
    unit = match.group("unit")
    label = re.sub(r"\s*/\s*", "/", unit) if unit else None
    return SplitShare(match.group("agency").rstrip(" ,"), parse_number(match.group("number")), label)
