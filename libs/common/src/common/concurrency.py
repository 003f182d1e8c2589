"""`ETag`/`If-Match` for updates: a stale write gets 412, never a silent overwrite."""

from __future__ import annotations

from common.errors import PreconditionFailed, PreconditionRequired


def etag(version: int) -> str:
    return f'"{version}"'


def check_if_match(if_match: str | None, version: int) -> None:
    if if_match is None:
        raise PreconditionRequired("Cần gửi tiêu đề If-Match với ETag của bản ghi đang sửa.")
    candidates = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if "*" not in candidates and etag(version) not in candidates:
        raise PreconditionFailed(
            "Bản ghi đã được người khác cập nhật. Vui lòng tải lại và thực hiện lại thay đổi của bạn."
        )
