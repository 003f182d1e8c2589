"""Properties of the deadline parser that hold for any input, checked on generated text and dates."""

from __future__ import annotations

import calendar
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from tasks.deadline import DeadlineKind, describe, next_occurrence, parse_deadline

# No example database: the run leaves nothing behind in the working tree.
PROPERTY = settings(database=None, max_examples=300, deadline=None)

PHRASES = [
    "Quý IV/2025",
    "Tháng 12/2025",
    "Năm 2026",
    "6 tháng đầu năm 2026",
    "Giai đoạn 2026-2030",
    "năm học 2026-2027",
    "Từ năm 2025",
    "Từ năm học 2026-2027",
    "Thường xuyên",
    "Nhiệm vụ thường xuyên",
    "Hằng năm",
    "Hằng quý",
    "Định kỳ",
    "Trước ngày 15/12 hằng năm",
    "Định kỳ hàng quý (trước ngày 10 tháng cuối Quý)",
    "Hoàn thiện trong năm 2026",
    "Sau khi có hướng dẫn của Trung ương",
    "Năm 2025 và hằng năm",
    "Tháng 12/2025; Thường xuyên",
    "Thường xuyên (Sau khi có quy định của Trung ương)",
    "nim 2026",
]
GLUE = st.sampled_from(["", " ", "\n", ";", "; ", " và ", " hoặc ", ", ", "(", ")", "/", "-", "–", ".", "\x00"])
PHRASE_LIKE = st.one_of(
    st.text(max_size=400),
    st.sampled_from(PHRASES),
    st.lists(st.one_of(st.sampled_from(PHRASES), GLUE, st.text(max_size=6)), max_size=8).map("".join),
)

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
QUARTER_WORD = st.sampled_from(["Quý", "quý", "QUÝ", "Quy", "quy"])
MONTH_WORD = st.sampled_from(["Tháng", "tháng", "THÁNG", "Thang", "thang", "Trong tháng", "Cuối tháng"])
SLASH = st.sampled_from(["/", " / ", "/ ", " /"])
YEAR = st.integers(min_value=2000, max_value=2100)


class TestParserProperties:
    @PROPERTY
    @given(PHRASE_LIKE)
    def test_any_text_parses_without_raising_and_keeps_the_text(self, text: str) -> None:
        parsed = parse_deadline(text)
        assert parsed.text == text
        assert describe(parsed)

    @PROPERTY
    @given(PHRASE_LIKE)
    def test_unknown_always_needs_review_and_review_always_says_why(self, text: str) -> None:
        parsed = parse_deadline(text)
        if parsed.kind is DeadlineKind.UNKNOWN:
            assert parsed.needs_review
            assert (parsed.due, parsed.start, parsed.end, parsed.recurrence) == (None, None, None, None)
        if parsed.needs_review:
            assert parsed.note

    @PROPERTY
    @given(PHRASE_LIKE)
    def test_dates_run_forward(self, text: str) -> None:
        parsed = parse_deadline(text)
        if parsed.due and parsed.start:
            assert parsed.due >= parsed.start
        if parsed.end and parsed.start:
            assert parsed.end >= parsed.start
        if parsed.kind is DeadlineKind.WINDOW:
            assert parsed.checkpoints
            assert list(parsed.checkpoints) == sorted(set(parsed.checkpoints))
            assert parsed.checkpoints[-1] == parsed.end

    @PROPERTY
    @given(PHRASE_LIKE, st.dates())
    def test_the_next_occurrence_is_none_or_strictly_after_the_day(self, text: str, day: date) -> None:
        upcoming = next_occurrence(parse_deadline(text), day)
        assert upcoming is None or upcoming > day

    @PROPERTY
    @given(PHRASE_LIKE)
    def test_parsing_the_kept_text_again_gives_the_same_result(self, text: str) -> None:
        parsed = parse_deadline(text)
        assert parse_deadline(parsed.text) == parsed

    @PROPERTY
    @given(QUARTER_WORD, st.integers(1, 4), st.booleans(), SLASH, YEAR)
    def test_a_valid_quarter_in_roman_or_arabic_parses_to_its_dates(
        self, word: str, quarter: int, roman: bool, slash: str, year: int
    ) -> None:
        parsed = parse_deadline(f"{word} {ROMAN[quarter] if roman else quarter}{slash}{year}")
        last_month = 3 * quarter
        assert parsed.kind is DeadlineKind.DATE
        assert parsed.start == date(year, last_month - 2, 1)
        assert parsed.due == date(year, last_month, calendar.monthrange(year, last_month)[1])

    @PROPERTY
    @given(MONTH_WORD, st.integers(1, 12), st.booleans(), SLASH, YEAR)
    def test_a_valid_month_parses_to_its_first_and_last_day(
        self, word: str, month: int, padded: bool, slash: str, year: int
    ) -> None:
        parsed = parse_deadline(f"{word} {month:02d}{slash}{year}" if padded else f"{word} {month}{slash}{year}")
        assert parsed.kind is DeadlineKind.DATE
        assert parsed.start == date(year, month, 1)
        assert parsed.due == date(year, month, calendar.monthrange(year, month)[1])
