"""Deadline phrases: every one found in the seed plans, the variants people type, and what is never guessed."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date

import pytest
from tasks.deadline import Deadline, DeadlineKind, Frequency, Recurrence, describe, next_occurrence, parse_deadline
from tasks.deadline.parser import NOTE_INVALID, NOTE_NO_YEAR, NOTE_OCR, NOTE_SEVERAL, NOTE_TOO_LONG
from tiendo.stack import SEED_PLANS

K = DeadlineKind
F = Frequency


def d(dmy: str) -> date:
    day, month, year = (int(part) for part in dmy.split("/"))
    return date(year, month, day)


@dataclass(frozen=True)
class Expect:
    """What a phrase should parse to; dates written dd/mm/yyyy as in the plans."""

    kind: DeadlineKind
    due: str | None = None
    start: str | None = None
    end: str | None = None
    recurrence: Recurrence | None = None
    condition: str | None = None
    needs_review: bool = False

    def check(self, parsed: Deadline) -> None:
        got = (parsed.kind, parsed.due, parsed.start, parsed.end, parsed.recurrence, parsed.condition)
        want = (self.kind, *(d(x) if x else None for x in (self.due, self.start, self.end)), self.recurrence)
        assert got == (*want, self.condition)
        assert parsed.needs_review is self.needs_review


def on(due: str, start: str | None = None, condition: str | None = None, review: bool = False) -> Expect:
    return Expect(K.DATE, due, start, condition=condition, needs_review=review)


def window(start: str, end: str) -> Expect:
    return Expect(K.WINDOW, end, start, end)


def ongoing(start: str | None = None, condition: str | None = None, due: str | None = None) -> Expect:
    return Expect(K.ONGOING, due, start, condition=condition)


def every(
    frequency: Frequency,
    month: int | None = None,
    day: int | None = None,
    *,
    due: str | None = None,
    start: str | None = None,
    end: str | None = None,
    condition: str | None = None,
    needs_review: bool = False,
) -> Expect:
    return Expect(K.RECURRING, due, start, end, Recurrence(frequency, month, day), condition, needs_review)


def waits_for(condition: str) -> Expect:
    return Expect(K.CONDITIONAL, condition=condition)


UNKNOWN = Expect(K.UNKNOWN, needs_review=True)

# Each distinct phrase once, as printed (a PDF line break read as one space), under the document it first appears in.
SEED_PHRASES = [
    # 000 — Sở KH&CN, phụ lục, column "Thời gian"
    ("Quý IV/2025", on("31/12/2025", "01/10/2025")),  # also 002
    ("Định kỳ", every(F.PERIODIC)),
    ("Giai đoạn 2025 - 2030", window("01/01/2025", "31/12/2030")),  # also 002
    ("Thường xuyên", ongoing()),  # also 002
    # 001 — Chương trình 02-CTr/TU, OCR without reliable diacritics; no deadline column, so the time phrases of its
    # targets ("Mục tiêu đến hết 2025") and reporting duties. Misread "năm"/"hằng" are repaired but flagged.
    ("dén hét 2025", on("31/12/2025")),
    ("dén nim 2030", on("31/12/2030", review=True)),
    ("dén nim 2045", on("31/12/2045", review=True)),
    ("hing ndm", every(F.YEARLY, needs_review=True)),
    ("hing nam", every(F.YEARLY, needs_review=True)),
    ("hiang nam", every(F.YEARLY, needs_review=True)),
    ("dinh ky hoac dot Xuat", every(F.PERIODIC, condition="dot Xuat")),  # "định kỳ hoặc đột xuất"
    ("hang ndm hodc dot xuat", UNKNOWN),  # "hodc" (hoặc) is too garbled to split on: a person decides
    ("theo thang, quy, 6 thang, 01 ndm", UNKNOWN),  # four reporting cycles at once: a person picks
    ("Dinh ky héng théng, quy, 6 thang, ndm", UNKNOWN),
    # 002 — Kế hoạch 7316/KH-UBND, Phụ lục II column "Thời gian hoàn thành"
    ("Tháng 10/2025", on("31/10/2025", "01/10/2025")),
    ("Tháng 11/2025", on("30/11/2025", "01/11/2025")),
    ("Tháng 12/2025", on("31/12/2025", "01/12/2025")),
    ("Quý I/2026", on("31/03/2026", "01/01/2026")),
    ("Quý II/2026", on("30/06/2026", "01/04/2026")),
    ("Năm 2025", on("31/12/2025", "01/01/2025")),
    ("Năm 2026", on("31/12/2026", "01/01/2026")),
    ("Năm 2027", on("31/12/2027", "01/01/2027")),
    ("Giai đoạn 2025-2030", window("01/01/2025", "31/12/2030")),
    ("Giai đoạn 2026-2030", window("01/01/2026", "31/12/2030")),
    ("Giai đoạn 2026 - 2030", window("01/01/2026", "31/12/2030")),
    ("Giai đoạn 2025-2027", window("01/01/2025", "31/12/2027")),
    ("Giai đoạn 2028-2029", window("01/01/2028", "31/12/2029")),
    ("Giai đoạn 2025 - 2026", window("01/01/2025", "31/12/2026")),
    ("Giai đoạn 2027 - 2028", window("01/01/2027", "31/12/2028")),
    ("Nhiệm vụ thường xuyên", ongoing()),
    ("Từ năm 2025", ongoing("01/01/2025")),
    ("Hằng năm", every(F.YEARLY)),
    ("Hàng năm", every(F.YEARLY)),
    ("Trước ngày 15/12 hàng năm", every(F.YEARLY, 12, 15)),
    ("Tháng 12 hàng năm", every(F.YEARLY, 12)),
    ("Sau khi có giải pháp của Trung ương", waits_for("Sau khi có giải pháp của Trung ương")),
    ("Sau khi có hướng dẫn của Trung ương", waits_for("Sau khi có hướng dẫn của Trung ương")),
    (
        "Sau khi có hướng dẫn của Bộ Nông nghiệp và Môi trường",
        waits_for("Sau khi có hướng dẫn của Bộ Nông nghiệp và Môi trường"),
    ),
    ("Sau khi có hướng dẫn, chỉ đạo của Bộ Công an", waits_for("Sau khi có hướng dẫn, chỉ đạo của Bộ Công an")),
    ("Sau khi có quy định, hướng dẫn của Trung ương", waits_for("Sau khi có quy định, hướng dẫn của Trung ương")),
    # printed with a space before the comma and a double space; the condition keeps the words, one space apart
    ("Sau khi có quy định , hướng dẫn của Trung ương", waits_for("Sau khi có quy định , hướng dẫn của Trung ương")),
    ("Sau khi có quy định, hướng dẫn  của Trung ương", waits_for("Sau khi có quy định, hướng dẫn của Trung ương")),
    ("Sau khi có Quyết định của Thủ tướng Chính phủ", waits_for("Sau khi có Quyết định của Thủ tướng Chính phủ")),
    ("Sau khi có Nghị quyết của Chính phủ", waits_for("Sau khi có Nghị quyết của Chính phủ")),
    (
        "Sau khi có Nghị quyết của Chính phủ, Quyết định của Thủ tướng Chính phủ",
        waits_for("Sau khi có Nghị quyết của Chính phủ, Quyết định của Thủ tướng Chính phủ"),
    ),
    (
        "Sau khi có Chương trình của Trung ương ban hành, có hiệu lực",
        waits_for("Sau khi có Chương trình của Trung ương ban hành, có hiệu lực"),
    ),
    (
        "Sau khi Luật được Quốc hội thông qua, có hiệu lực thi hành",
        waits_for("Sau khi Luật được Quốc hội thông qua, có hiệu lực thi hành"),
    ),
    (
        "Sau khi các Luật, Nghị định được ban hành và có hiệu lực",
        waits_for("Sau khi các Luật, Nghị định được ban hành và có hiệu lực"),
    ),
    # an outside roadmap: no date of its own, so it waits like a condition (a person enters the roadmap's dates)
    ("Theo lộ trình của Trung ương và của tỉnh", waits_for("Theo lộ trình của Trung ương và của tỉnh")),
    # "Thường xuyên (Sau khi …)": ongoing once the condition is met — the kind is the main phrase's, the "(…)" the
    # condition; "Năm 2025 (Sau khi …)" likewise keeps its due date and adds the condition.
    (
        "Nhiệm vụ thường xuyên (Sau khi có nền tảng cung cấp đại trà)",
        ongoing(condition="Sau khi có nền tảng cung cấp đại trà"),
    ),
    (
        "Nhiệm vụ thường xuyên (sau khi có quy định, hướng dẫn của Trung ương)",
        ongoing(condition="sau khi có quy định, hướng dẫn của Trung ương"),
    ),
    (
        "Thường xuyên (Sau khi có quy định của Trung ương)",
        ongoing(condition="Sau khi có quy định của Trung ương"),
    ),
    (
        "Thường xuyên (sau khi có quy định, hướng dẫn của Trung ương)",
        ongoing(condition="sau khi có quy định, hướng dẫn của Trung ương"),
    ),
    (
        "Thường xuyên (sau khi có quy định, hướng dẫn  của Trung ương)",
        ongoing(condition="sau khi có quy định, hướng dẫn của Trung ương"),
    ),
    (
        "Thường xuyên (Sau khi có hướng dẫn của Trung ương)",
        ongoing(condition="Sau khi có hướng dẫn của Trung ương"),
    ),
    (
        "Thường xuyên (sau khi có văn bản hướng dẫn của Trung ương)",
        ongoing(condition="sau khi có văn bản hướng dẫn của Trung ương"),
    ),
    (
        "Thường xuyên (Sau khi có hướng dẫn của Bộ KH&CN)",
        ongoing(condition="Sau khi có hướng dẫn của Bộ KH&CN"),
    ),
    (
        "Thường xuyên (sau khi có các nền tảng được xây dựng, phát hành)",
        ongoing(condition="sau khi có các nền tảng được xây dựng, phát hành"),
    ),
    (
        "Thường xuyên (theo hướng dẫn, chỉ đạo nghiệp vụ của Bộ Công an)",
        ongoing(condition="theo hướng dẫn, chỉ đạo nghiệp vụ của Bộ Công an"),
    ),
    (
        "Năm 2025 (Sau khi có Kế hoạch của Trung ương)",
        on("31/12/2025", "01/01/2025", condition="Sau khi có Kế hoạch của Trung ương"),
    ),
    (
        "Năm 2025 (Sau khi có Quyết định của Thủ tướng Chính phủ)",
        on("31/12/2025", "01/01/2025", condition="Sau khi có Quyết định của Thủ tướng Chính phủ"),
    ),
    # 002 — Phụ lục I milestones of the targets, and the reporting duties in the body
    ("Đến hết năm 2025", on("31/12/2025")),
    ("Đến hết năm 2030", on("31/12/2030")),
    ("Đến hết năm 2045", on("31/12/2045")),
    ("từ năm học 2026-2027", ongoing("01/09/2026")),
    ("định kỳ hằng năm", every(F.YEARLY)),
    ("Định kỳ hàng quý (trước ngày 10 tháng cuối Quý)", every(F.QUARTERLY, 3, 10)),  # 10/3, 10/6, 10/9, 10/12
    ("hàng năm (trước ngày 15/12)", every(F.YEARLY, 12, 15)),
    ("đột xuất (khi có yêu cầu)", waits_for("đột xuất (khi có yêu cầu)")),
    ("định kỳ hằng quý, 6 tháng, hằng năm", UNKNOWN),  # three reporting cycles at once: a person picks
    # 003 — Kế hoạch truyền thông, annotations after each task, targets and the reporting duty
    ("(Nhiệm vụ thường xuyên)", ongoing()),
    ("(Hoàn thiện trong năm 2026)", on("31/12/2026", "01/01/2026")),
    ("Hoàn thiện trong năm 2026", on("31/12/2026", "01/01/2026")),  # data/plans keeps it without the brackets
    ("Từ năm 2026", ongoing("01/01/2026")),
    ("Đến năm 2030", on("31/12/2030")),
    # two yearly dates six months apart are one half-yearly recurrence; the ad-hoc request is kept as a condition
    (
        "Định kỳ trước ngày 01/6 và trước ngày 01/12 hằng năm hoặc đột xuất khi có yêu cầu",
        every(F.HALF_YEARLY, 6, 1, condition="đột xuất khi có yêu cầu"),
    ),
    # 004 — Sở Ngoại vụ, OCR without diacritics
    ("nam 2026", on("31/12/2026", "01/01/2026")),
    ("nim 2026", on("31/12/2026", "01/01/2026", review=True)),
    ("dinh ky", every(F.PERIODIC)),
    ("hang nam", every(F.YEARLY)),
    (
        "dinh ky, dot xuat theo yéu cau ctia UBND tinh va co quan thudng truc Ban Chi dao",
        every(F.PERIODIC, condition="dot xuat theo yéu cau ctia UBND tinh va co quan thudng truc Ban Chi dao"),
    ),
]

VARIANTS = [
    # no diacritics, case, spacing around "/" and "-", en/em dashes, trailing punctuation, PDF line breaks
    ("Quy IV/2025", on("31/12/2025", "01/10/2025")),
    ("QUÝ IV/2025", on("31/12/2025", "01/10/2025")),
    ("quý iv / 2025.", on("31/12/2025", "01/10/2025")),
    ("Quý 4/2025", on("31/12/2025", "01/10/2025")),
    ("Quý IV năm 2025", on("31/12/2025", "01/10/2025")),
    ("Quý III/2026", on("30/09/2026", "01/07/2026")),
    ("thang 12 / 2025", on("31/12/2025", "01/12/2025")),
    ("Tháng \n12/2025", on("31/12/2025", "01/12/2025")),
    ("Tháng 12 năm 2025", on("31/12/2025", "01/12/2025")),
    ("Tháng 2/2028", on("29/02/2028", "01/02/2028")),
    ("12/2025", on("31/12/2025", "01/12/2025")),
    ("6 tháng đầu năm 2026", on("30/06/2026", "01/01/2026")),
    ("6 thang dau nam 2026", on("30/06/2026", "01/01/2026")),
    ("6 tháng cuối năm 2026", on("31/12/2026", "01/07/2026")),
    ("Trong năm 2026", on("31/12/2026", "01/01/2026")),
    ("Hoàn thiện trong năm 2026", on("31/12/2026", "01/01/2026")),
    ("***(Hoàn thiện trong năm 2026)***", on("31/12/2026", "01/01/2026")),
    ("Cuối năm 2025", on("31/12/2025")),
    ("Trước ngày 15/12/2025", on("15/12/2025")),
    ("trước 30/6/2026", on("30/06/2026")),
    ("15/12/2025", on("15/12/2025")),
    ("ngày 15 tháng 12 năm 2025", on("15/12/2025")),
    ("Thời hạn: Quý IV/2025", on("31/12/2025", "01/10/2025")),
    ("Năm 2026./.", on("31/12/2026", "01/01/2026")),
    ("2026 - 2030", window("01/01/2026", "31/12/2030")),
    ("Giai đoạn 2026 – 2030", window("01/01/2026", "31/12/2030")),
    ("Giai đoạn 2026—2030", window("01/01/2026", "31/12/2030")),
    ("Giai đoạn \n2026-2030", window("01/01/2026", "31/12/2030")),
    ("Năm 2025-2026", window("01/01/2025", "31/12/2026")),
    ("Từ năm 2026 đến năm 2030", window("01/01/2026", "31/12/2030")),
    ("năm học 2026-2027", window("01/09/2026", "31/05/2027")),
    ("Từ năm học 2026-2027", ongoing("01/09/2026")),
    ("Từ năm 2025 trở đi", ongoing("01/01/2025")),
    ("2025 và các năm tiếp theo", ongoing("01/01/2025")),
    ("Từ tháng 10/2025", ongoing("01/10/2025")),
    ("Thuong xuyen", ongoing()),
    ("- THƯỜNG XUYÊN;", ongoing()),
    ("***(Nhiệm vụ thường xuyên)***", ongoing()),
    ("(*Nhiệm vụ thường xuyên*)", ongoing()),
    ("Liên tục", ongoing()),
    ("Thường xuyên, liên tục", ongoing()),
    ("hang nam", every(F.YEARLY)),
    ("Hằng năm, trước ngày 15/12", every(F.YEARLY, 12, 15)),
    ("truoc ngay 15/12 hang nam", every(F.YEARLY, 12, 15)),
    ("Hằng quý", every(F.QUARTERLY)),
    ("Hàng quý", every(F.QUARTERLY)),
    ("Hằng tháng", every(F.MONTHLY)),
    ("6 tháng/lần", every(F.HALF_YEARLY)),
    ("6 tháng một lần", every(F.HALF_YEARLY)),
    ("Định kỳ 6 tháng", every(F.HALF_YEARLY)),
    ("Sau khi có \nhướng dẫn của \n\nTrung ương", waits_for("Sau khi có hướng dẫn của Trung ương")),
    ("Sau khi co huong dan cua Trung uong", waits_for("Sau khi co huong dan cua Trung uong")),
    ("Sau khi Đề án được phê duyệt", waits_for("Sau khi Đề án được phê duyệt")),
    ("Sau khi Kế hoạch được ban hành.", waits_for("Sau khi Kế hoạch được ban hành")),
    ("Khi có yêu cầu", waits_for("Khi có yêu cầu")),
]

# Several phrases in one cell. The choice: the first part with a due date gives due and start, so reminders begin
# there; the kind is RECURRING if a part repeats, ONGOING if one is "thường xuyên", else that part's own kind; a
# window only bounds what repeats in it (no due of its own); "(Sau khi …)" becomes the condition; two dated parts or an
# unreadable "(…)" are flagged for a person, never merged or dropped.
COMBINED = [
    ("Năm 2025 và hằng năm", every(F.YEARLY, due="31/12/2025", start="01/01/2025")),
    ("Tháng 12/2025; Thường xuyên", ongoing("01/12/2025", due="31/12/2025")),
    ("Giai đoạn 2026-2030; hằng năm", every(F.YEARLY, start="01/01/2026", end="31/12/2030")),
    (
        "Quý IV/2025 (Sau khi có hướng dẫn của Trung ương)",
        on("31/12/2025", "01/10/2025", "Sau khi có hướng dẫn của Trung ương"),
    ),
    ("Tháng 10/2025 và Tháng 12/2025", on("31/10/2025", "01/10/2025", review=True)),
    ("Từ năm 2025; Năm 2026", Expect(K.ONGOING, "31/12/2026", "01/01/2026", needs_review=True)),
    ("Thường xuyên (ghi chú riêng)", Expect(K.ONGOING, needs_review=True)),
]

NEVER_GUESSED = [
    ("Tháng 13/2025", NOTE_INVALID),
    ("Tháng 0/2025", NOTE_INVALID),
    ("Quý V/2025", NOTE_INVALID),
    ("Quý 5/2025", NOTE_INVALID),
    ("31/02/2026", NOTE_INVALID),
    ("Năm 1999", NOTE_INVALID),
    ("Năm 2101", NOTE_INVALID),
    ("Giai đoạn 2030-2026", NOTE_INVALID),
    ("Giai đoạn 2026-3030", NOTE_INVALID),  # 002 prints "giai đoạn 2026-3030" in a task title
    ("năm học 2026-2028", NOTE_INVALID),
    ("Trước ngày 30/02 hằng năm", NOTE_INVALID),
    ("Tháng 13/2025; Thường xuyên", NOTE_INVALID),
    ("Hằng năm (trước ngày 30/02)", NOTE_INVALID),
    ("Tháng 12", NOTE_NO_YEAR),
    ("Trước ngày 15/12", NOTE_NO_YEAR),
]


class TestParseDeadline:
    @pytest.mark.parametrize(("text", "expected"), SEED_PHRASES)
    def test_every_seed_phrase_parses_to_its_structure(self, text: str, expected: Expect) -> None:
        expected.check(parse_deadline(text))

    def test_the_seed_table_lists_each_phrase_once(self) -> None:
        texts = [text for text, _ in SEED_PHRASES]
        assert len(texts) == len(set(texts))

    def test_the_table_covers_every_deadline_the_seed_files_load(self) -> None:
        """Each phrase in data/plans is checked above, so none reaches users parsed by accident."""
        files = sorted(SEED_PLANS.glob("*.csv"))
        assert files
        loaded = set()
        for path in files:
            with path.open(encoding="utf-8") as f:
                loaded |= {row["Thời gian hoàn thành"] for row in csv.DictReader(f)} - {""}
        assert len(loaded) > 20
        assert loaded - {text for text, _ in SEED_PHRASES} == set()

    @pytest.mark.parametrize(("text", "expected"), VARIANTS)
    def test_variants_in_spelling_case_and_spacing_parse_alike(self, text: str, expected: Expect) -> None:
        expected.check(parse_deadline(text))

    @pytest.mark.parametrize(("text", "expected"), COMBINED)
    def test_combined_phrases_take_the_first_due_date_and_the_recurrence(self, text: str, expected: Expect) -> None:
        expected.check(parse_deadline(text))

    @pytest.mark.parametrize("text", ["Tháng 10/2025 và Tháng 12/2025", "Từ năm 2025; Năm 2026"])
    def test_two_dated_phrases_in_one_cell_are_flagged_for_a_person(self, text: str) -> None:
        assert parse_deadline(text).note == NOTE_SEVERAL

    @pytest.mark.parametrize(("text", "note"), NEVER_GUESSED)
    def test_impossible_or_incomplete_values_are_unknown_never_a_guessed_date(self, text: str, note: str) -> None:
        parsed = parse_deadline(text)
        assert (parsed.kind, parsed.due, parsed.start, parsed.needs_review) == (K.UNKNOWN, None, None, True)
        assert parsed.note == note

    @pytest.mark.parametrize("text", ["", "   ", "Hoàn thành", "Sớm nhất có thể", "ASAP", "\x00", "Quý", "Nam"])
    def test_unrecognised_text_is_unknown_and_kept_for_a_person(self, text: str) -> None:
        parsed = parse_deadline(text)
        assert (parsed.text, parsed.kind, parsed.needs_review) == (text, K.UNKNOWN, True)
        assert parsed.note  # a Vietnamese explanation, e.g. "Không nhận dạng được thời hạn; cần người nhập ngày."

    def test_none_is_read_as_an_empty_deadline(self) -> None:
        assert parse_deadline(None) == parse_deadline("")
        assert parse_deadline(None).text == ""

    def test_text_is_kept_exactly_as_given(self) -> None:
        text = "  Tháng \n12/2025.  "
        assert parse_deadline(text).text == text

    def test_nul_characters_do_not_break_a_phrase(self) -> None:
        parsed = parse_deadline("Quý IV/2025\x00")
        assert (parsed.kind, parsed.due, parsed.text) == (K.DATE, d("31/12/2025"), "Quý IV/2025\x00")

    def test_huge_input_is_unknown_at_once(self) -> None:
        text = "Năm 2026 " * 100_000
        parsed = parse_deadline(text)
        assert (parsed.kind, parsed.note, parsed.text) == (K.UNKNOWN, NOTE_TOO_LONG, text)

    def test_a_window_has_a_checkpoint_at_the_end_of_each_year_the_last_being_its_end(self) -> None:
        parsed = parse_deadline("Giai đoạn 2026-2030")
        assert parsed.checkpoints == tuple(date(year, 12, 31) for year in range(2026, 2031))

    def test_a_school_year_checkpoints_at_new_year_and_at_its_end(self) -> None:
        assert parse_deadline("năm học 2026-2027").checkpoints == (d("31/12/2026"), d("31/05/2027"))

    def test_a_phrase_read_only_after_ocr_repair_says_so(self) -> None:
        assert parse_deadline("nim 2026").note == NOTE_OCR

    def test_clean_parses_carry_no_note(self) -> None:
        assert parse_deadline("Quý IV/2025").note is None


class TestNextOccurrence:
    @pytest.mark.parametrize(
        ("text", "after", "expected"),
        [
            # a date: due if still ahead, strictly after
            ("Tháng 12/2025", "01/11/2025", "31/12/2025"),
            ("Tháng 12/2025", "31/12/2025", None),
            ("Tháng 12/2025", "15/01/2026", None),
            # a window: the next yearly checkpoint, then nothing
            ("Giai đoạn 2026-2030", "01/06/2025", "31/12/2026"),
            ("Giai đoạn 2026-2030", "31/12/2026", "31/12/2027"),
            ("Giai đoạn 2026-2030", "31/12/2030", None),
            ("năm học 2026-2027", "31/12/2026", "31/05/2027"),
            # yearly before 15/12, across the year boundary
            ("Trước ngày 15/12 hằng năm", "14/12/2025", "15/12/2025"),
            ("Trước ngày 15/12 hằng năm", "15/12/2025", "15/12/2026"),
            ("Trước ngày 15/12 hằng năm", "31/12/2025", "15/12/2026"),
            ("Hằng năm", "31/12/2025", "31/12/2026"),
            ("Tháng 12 hàng năm", "30/06/2026", "31/12/2026"),
            # quarterly, half-yearly, monthly, the plan's reporting cycle
            ("Hằng quý", "15/11/2025", "31/12/2025"),
            ("Hằng quý", "31/12/2025", "31/03/2026"),
            ("Định kỳ hàng quý (trước ngày 10 tháng cuối Quý)", "10/12/2025", "10/03/2026"),
            ("Định kỳ trước ngày 01/6 và trước ngày 01/12 hằng năm", "01/06/2025", "01/12/2025"),
            ("Định kỳ trước ngày 01/6 và trước ngày 01/12 hằng năm", "01/12/2025", "01/06/2026"),
            ("6 tháng/lần", "30/06/2026", "31/12/2026"),
            ("Hằng tháng", "31/01/2026", "28/02/2026"),
            ("Định kỳ", "01/11/2025", "31/12/2025"),
            # ongoing: the end of the next quarter, not before the start
            ("Thường xuyên", "01/11/2025", "31/12/2025"),
            ("Từ năm 2027", "01/11/2025", "31/03/2027"),
            ("Từ năm học 2026-2027", "01/11/2025", "30/09/2026"),
            ("Thường xuyên (Sau khi có hướng dẫn của Trung ương)", "01/11/2025", "31/12/2025"),
            # a first due date and then every year
            ("Năm 2025 và hằng năm", "30/06/2025", "31/12/2025"),
            ("Năm 2025 và hằng năm", "31/12/2025", "31/12/2026"),
            ("Tháng 12/2025; Thường xuyên", "01/10/2025", "31/12/2025"),
            # a recurrence bounded by a window stops at its end
            ("Giai đoạn 2026-2030; hằng năm", "31/12/2030", None),
            # nothing can be known
            ("Sau khi có hướng dẫn của Trung ương", "01/11/2025", None),
            ("Hoàn thành", "01/11/2025", None),
        ],
    )
    def test_it_gives_the_next_due_date_strictly_after_the_day(
        self, text: str, after: str, expected: str | None
    ) -> None:
        assert next_occurrence(parse_deadline(text), d(after)) == (d(expected) if expected else None)

    def test_there_is_no_occurrence_after_the_last_representable_day(self) -> None:
        assert next_occurrence(parse_deadline("Hằng năm"), date.max) is None


class TestDescribe:
    @pytest.mark.parametrize(
        ("text", "summary"),
        [
            ("Tháng 12/2025", "Hạn 31/12/2025"),
            ("Quý IV/2025", "Hạn 31/12/2025"),
            ("Giai đoạn 2026-2030", "Giai đoạn 01/01/2026 – 31/12/2030, mốc hằng năm 31/12"),
            ("Trước ngày 15/12 hằng năm", "Hằng năm, trước 15/12"),
            ("Tháng 12 hàng năm", "Hằng năm, tháng 12"),
            ("Định kỳ hàng quý (trước ngày 10 tháng cuối Quý)", "Hằng quý, trước 10/03, 10/06, 10/09, 10/12"),
            ("Định kỳ trước ngày 01/6 và trước ngày 01/12 hằng năm", "6 tháng/lần, trước 01/06, 01/12"),
            ("Định kỳ", "Định kỳ (theo kỳ báo cáo)"),
            ("Thường xuyên", "Thường xuyên (báo cáo theo kỳ)"),
            ("Từ năm 2025", "Thường xuyên (báo cáo theo kỳ), từ 01/01/2025"),
            ("Năm 2025 và hằng năm", "Hằng năm, hạn đầu 31/12/2025"),
            ("Sau khi có hướng dẫn của Trung ương", "Chờ điều kiện: Sau khi có hướng dẫn của Trung ương"),
            (
                "Năm 2025 (Sau khi có Kế hoạch của Trung ương)",
                "Hạn 31/12/2025; điều kiện: Sau khi có Kế hoạch của Trung ương",
            ),
            ("nim 2026", "Hạn 31/12/2026 (cần kiểm tra)"),
            ("Hoàn thành", "Chưa xác định — cần nhập ngày"),
            ("", "Chưa xác định — cần nhập ngày"),
        ],
    )
    def test_it_summarises_in_vietnamese_with_dd_mm_yyyy_dates(self, text: str, summary: str) -> None:
        assert describe(parse_deadline(text)) == summary
