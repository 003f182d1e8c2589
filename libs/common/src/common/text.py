"""Vietnamese text folding for accent-insensitive matching: "Chuyển đổi số" → "chuyen doi so"."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped).strip().lower()


def like_patterns(query: str) -> list[str]:
    """One folded ILIKE pattern per word, all of which must match: "khoa hoc cong nghe" finds
    "Khoa học và Công nghệ". The user's `%` and `_` are taken literally."""
    words = fold(query).split(" ")
    return ["%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for w in words if w]


def upper_stripped(value: object) -> object:
    """For codes: typed in any case, stored upper-case (a pydantic BeforeValidator)."""
    return value.strip().upper() if isinstance(value, str) else value


def lower_stripped(value: object) -> object:
    """For login names and client ids: typed in any case, stored lower-case."""
    return value.strip().lower() if isinstance(value, str) else value
