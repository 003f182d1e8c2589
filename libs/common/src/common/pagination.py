"""Cursor (keyset) pagination: `limit` and an opaque `cursor` in, `items` and `next_cursor` out."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, Field

from common.errors import InvalidInput

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(None, description="Truyền vào `cursor` để lấy trang tiếp theo")


def encode_cursor(values: list[Any]) -> str:
    raw = json.dumps(values, separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def decode_cursor(cursor: str, size: int) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidInput.on("cursor", "Con trỏ trang không hợp lệ.") from exc
    if not isinstance(values, list) or len(values) != size:
        raise InvalidInput.on("cursor", "Con trỏ trang không hợp lệ.")
    if any(isinstance(v, str) and "\x00" in v for v in values):
        raise InvalidInput.on("cursor", "Con trỏ trang không hợp lệ.")
    return values


def page_of(rows: Sequence[Any], limit: int, read: Callable[[Any], T], key: Callable[[T], list[Any]]) -> Page[T]:
    """Rows were fetched with `limit + 1`: the extra one only says there is a next page."""
    items = [read(row) for row in rows[:limit]]
    more = len(rows) > limit
    return Page(items=items, next_cursor=encode_cursor(key(items[-1])) if more else None)


BIGINT_MAX = 2**63 - 1


def cursor_int(value: Any, field: str = "cursor") -> int:
    """A whole number taken from a cursor, refused cleanly when it is not one PostgreSQL can compare."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise InvalidInput.on(field, "Con trỏ trang không hợp lệ.")
    try:
        number = int(value)
    except ValueError as exc:
        raise InvalidInput.on(field, "Con trỏ trang không hợp lệ.") from exc
    if not 0 <= number <= BIGINT_MAX:
        raise InvalidInput.on(field, "Con trỏ trang không hợp lệ.")
    return number


def cursor_date(value: Any) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise InvalidInput.on("cursor", "Con trỏ trang không hợp lệ.") from exc


def cursor_datetime(value: Any) -> datetime:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise InvalidInput.on("cursor", "Con trỏ trang không hợp lệ.") from exc


def cursor_uuid(value: Any) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise InvalidInput.on("cursor", "Con trỏ trang không hợp lệ.") from exc


class PageParams(BaseModel):
    limit: int
    cursor: str | None


def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Số mục mỗi trang")] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=512, description="Con trỏ trang tiếp theo")] = None,
) -> PageParams:
    return PageParams(limit=limit, cursor=cursor)
