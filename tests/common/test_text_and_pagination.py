"""Pure helpers of `common`: accent folding, LIKE patterns, cursors, Vietnamese validation messages, If-Match."""

from __future__ import annotations

import base64
import re
import unicodedata
from typing import Annotated, Any, Literal

import pytest
from common.concurrency import check_if_match, etag
from common.errors import InvalidInput, PreconditionFailed, PreconditionRequired, field_path, vietnamese_message
from common.pagination import decode_cursor, encode_cursor
from common.text import fold, like_patterns
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)


class TestFold:
    @pytest.mark.parametrize(
        ("text", "folded"),
        [
            ("Chuyển đổi số", "chuyen doi so"),
            ("Sở Khoa học và Công nghệ", "so khoa hoc va cong nghe"),
            ("ĐẠI HỌC HÙNG VƯƠNG", "dai hoc hung vuong"),
            ("Đảng ủy", "dang uy"),
            ("Phường Âu Cơ", "phuong au co"),
            ("Ủy ban nhân dân tỉnh Phú Thọ", "uy ban nhan dan tinh phu tho"),
            ("  nhiều \t khoảng\n trắng  ", "nhieu khoang trang"),
            ("SKHCN_CDS", "skhcn_cds"),
            ("", ""),
        ],
    )
    def test_it_drops_accents_case_and_extra_spaces(self, text: str, folded: str) -> None:
        assert fold(text) == folded

    def test_composed_and_decomposed_input_fold_alike(self) -> None:
        composed = "Nghị quyết 57-NQ/TW về phát triển khoa học"
        assert fold(unicodedata.normalize("NFD", composed)) == fold(composed) == fold(fold(composed))

    def test_folded_text_is_plain_ascii_for_vietnamese_letters(self) -> None:
        letters = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
        assert fold(letters + letters.upper()).isascii()


class TestLikePattern:
    def test_each_folded_word_becomes_its_own_substring_match(self) -> None:
        assert like_patterns("Sở  Y Tế") == ["%so%", "%y%", "%te%"]

    def test_a_blank_query_gives_no_pattern(self) -> None:
        assert like_patterns("   ") == []

    @pytest.mark.parametrize(
        ("query", "pattern"),
        [("100%", "%100\\%%"), ("a_b", "%a\\_b%"), ("c:\\x", "%c:\\\\x%"), ("%_\\", "%\\%\\_\\\\%")],
    )
    def test_the_users_wildcards_are_escaped(self, query: str, pattern: str) -> None:
        assert like_patterns(query) == [pattern]


class TestCursor:
    @pytest.mark.parametrize(
        "values",
        [["SYT"], [42], ["Sở Y tế", 7], ['quote " and \\ slash'], [None, True, 1.5], ["x" * 300]],
    )
    def test_a_cursor_round_trips(self, values: list[Any]) -> None:
        cursor = encode_cursor(values)
        assert decode_cursor(cursor, len(values)) == values

    def test_a_cursor_is_url_safe_and_unpadded(self) -> None:
        for values in (["a"], ["ab"], ["abc"], ["Đơn vị ~~~ ???"]):
            assert re.fullmatch(r"[A-Za-z0-9_-]+", encode_cursor(values))

    @pytest.mark.parametrize(
        "garbage",
        [
            "",
            "!!!",
            "không-phải-con-trỏ",
            "YWJj",  # "abc": not JSON
            base64.urlsafe_b64encode(b"\xff\xfe\xfd").decode(),
            base64.urlsafe_b64encode(b'{"a": 1}').decode(),
            base64.urlsafe_b64encode(b'"SYT"').decode(),
            encode_cursor([]),
            encode_cursor(["a", "b"]),
        ],
    )
    def test_garbage_is_refused_as_invalid_input_on_cursor(self, garbage: str) -> None:
        with pytest.raises(InvalidInput) as caught:
            decode_cursor(garbage, 1)
        problem = caught.value.problem()
        assert problem.status == 422
        assert [e.field for e in problem.errors] == ["cursor"]
        assert VIETNAMESE.search(problem.errors[0].message)


class Sample(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, Field(min_length=2, max_length=5)]
    count: Annotated[int, Field(ge=1)] = 1
    kind: Literal["province", "commune"] = "province"
    flag: bool = False
    tags: Annotated[list[str], Field(min_length=1)] = ["x"]
    code: Annotated[str, Field(pattern=r"^[A-Z]+$")] = "A"

    @field_validator("code")
    @classmethod
    def _not_forbidden(cls, value: str) -> str:
        if value == "NO":
            raise ValueError("mã này bị cấm")
        return value


def first_error(**data: Any) -> dict[str, Any]:
    with pytest.raises(ValidationError) as caught:
        Sample(**data)
    error: dict[str, Any] = caught.value.errors()[0]
    return error


class TestVietnameseMessages:
    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({}, "Trường này là bắt buộc."),
            ({"name": 5}, "Phải là chuỗi ký tự."),
            ({"name": "a"}, "Phải có ít nhất 2 ký tự."),
            ({"name": "abcdef"}, "Không được dài quá 5 ký tự."),
            ({"name": "ab", "count": "nhiều"}, "Phải là số nguyên."),
            ({"name": "ab", "count": 0}, "Phải lớn hơn hoặc bằng 1."),
            ({"name": "ab", "flag": "có lẽ"}, "Phải là true hoặc false."),
            ({"name": "ab", "tags": []}, "Phải có ít nhất 1 phần tử."),
            ({"name": "ab", "tags": "x"}, "Phải là danh sách."),
            ({"name": "ab", "code": "abc"}, "Không đúng định dạng yêu cầu."),
            ({"name": "ab", "code": "NO"}, "Giá trị không hợp lệ: mã này bị cấm"),
            ({"name": "ab", "extra": 1}, "Trường này không được phép."),
        ],
    )
    def test_pydantic_errors_read_in_vietnamese(self, data: dict[str, Any], message: str) -> None:
        assert vietnamese_message(first_error(**data)) == message

    def test_a_literal_lists_the_allowed_values(self) -> None:
        message = vietnamese_message(first_error(name="ab", kind="ministry"))
        assert message.startswith("Phải là một trong các giá trị:")
        assert "'province'" in message and "'commune'" in message

    def test_an_unknown_error_type_still_reads_in_vietnamese(self) -> None:
        message = vietnamese_message({"type": "something_new", "loc": ("x",), "msg": "?"})
        assert message == "Giá trị không hợp lệ (something_new)."

    def test_a_template_without_its_context_degrades_to_its_first_words(self) -> None:
        assert vietnamese_message({"type": "string_too_short", "loc": ("x",)}) == "Phải có ít nhất."
        assert vietnamese_message({"type": "enum", "loc": ("x",)}) == "Phải là một trong các giá trị."

    @pytest.mark.parametrize(
        ("loc", "field"),
        [
            (("body", "agency", "code"), "agency.code"),
            (("body", "roles", 0), "roles.0"),
            (("query", "limit"), "limit"),
            (("path", "agency_id"), "agency_id"),
            (("header", "idempotency-key"), "idempotency-key"),
            (("body",), "body"),
            ((), "body"),
        ],
    )
    def test_field_paths_drop_the_location_kind(self, loc: tuple[Any, ...], field: str) -> None:
        assert field_path(loc) == field


class TestIfMatch:
    def test_an_etag_is_the_quoted_version(self) -> None:
        assert etag(7) == '"7"'

    @pytest.mark.parametrize("header", ['"3"', 'W/"3"', '"1", "3"', ' "2" , W/"3" ', "*"])
    def test_a_matching_header_passes(self, header: str) -> None:
        check_if_match(header, 3)

    def test_a_missing_header_is_a_required_precondition(self) -> None:
        with pytest.raises(PreconditionRequired) as caught:
            check_if_match(None, 3)
        assert caught.value.status == 428
        assert VIETNAMESE.search(str(caught.value.detail))

    @pytest.mark.parametrize("header", ['"2"', "3", '"03"', "", 'W/"4"', '"3'])
    def test_a_stale_or_malformed_header_fails_the_precondition(self, header: str) -> None:
        with pytest.raises(PreconditionFailed) as caught:
            check_if_match(header, 3)
        assert caught.value.status == 412
        assert VIETNAMESE.search(str(caught.value.detail))
