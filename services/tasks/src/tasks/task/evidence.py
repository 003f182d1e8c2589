"""Evidence files (tệp minh chứng): which files are accepted, checked by name and by content, and the row that
records a stored one. The file is stored first and its row written after; `stored` undoes the first if the
second fails, so nothing half-written survives."""

from __future__ import annotations

import hashlib
import unicodedata
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote

import anyio
import structlog
from common.errors import InvalidInput
from fastapi import UploadFile

from tasks.models import Assignment, Evidence, Task
from tasks.storage import CHUNK, Storage
from tasks.task.exceptions import FileTooLarge, FileTypeNotAllowed
from tasks.task.progress import ProgressService

log = structlog.get_logger("evidence")

PDF, OLE2, ZIP = b"%PDF-", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"PK\x03\x04"
JPEG, PNG = b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n"
# extension → (content type we serve it with, first bytes its content must start with)
ALLOWED_TYPES: dict[str, tuple[str, bytes]] = {
    ".pdf": ("application/pdf", PDF),
    ".doc": ("application/msword", OLE2),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
    ".xls": ("application/vnd.ms-excel", OLE2),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
    ".ppt": ("application/vnd.ms-powerpoint", OLE2),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP),
    ".odt": ("application/vnd.oasis.opendocument.text", ZIP),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", ZIP),
    ".jpg": ("image/jpeg", JPEG),
    ".jpeg": ("image/jpeg", JPEG),
    ".png": ("image/png", PNG),
    ".zip": ("application/zip", ZIP),
}
ALLOWED_TEXT = (
    "Chỉ nhận tệp PDF, Word (.doc, .docx), Excel (.xls, .xlsx), PowerPoint (.ppt, .pptx), "
    "OpenDocument (.odt, .ods), ảnh (.jpg, .jpeg, .png) hoặc tệp nén .zip."
)


@dataclass(frozen=True)
class CheckedFile:
    filename: str
    content_type: str
    size: int
    sha256: str


def clean_filename(raw: str | None) -> str:
    """The name as the user knows it, without any folder part or control characters, at most 200 characters."""
    name = unicodedata.normalize("NFC", (raw or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip(" .")
    if len(name) > 200:
        suffix = PurePosixPath(name).suffix[:10]
        name = name[: 200 - len(suffix)] + suffix
    return name


async def check_file(file: UploadFile, limit: int) -> CheckedFile:
    """Name, size, hash and first bytes of an upload, read once in chunks; leaves the file rewound."""
    filename = clean_filename(file.filename)
    extension = PurePosixPath(filename.lower()).suffix
    if extension not in ALLOWED_TYPES:
        raise FileTypeNotAllowed(f"Không nhận tệp {extension or 'không có phần mở rộng'}. {ALLOWED_TEXT}")
    content_type, magic = ALLOWED_TYPES[extension]
    digest, size, head = hashlib.sha256(), 0, b""
    while chunk := await file.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise FileTooLarge(f"Tệp vượt quá dung lượng cho phép ({megabytes(limit)}).")
        digest.update(chunk)
        head = head or chunk
    await file.seek(0)
    if size == 0:
        raise InvalidInput.on("file", "Tệp rỗng; hãy chọn tệp có nội dung.")
    if not head.startswith(magic):
        raise FileTypeNotAllowed(f"Nội dung tệp không đúng định dạng {extension}. {ALLOWED_TEXT}")
    return CheckedFile(filename=filename, content_type=content_type, size=size, sha256=digest.hexdigest())


async def file_chunks(file: UploadFile) -> AsyncIterator[bytes]:
    while chunk := await file.read(CHUNK):
        yield chunk


@asynccontextmanager
async def stored(storage: Storage, file: UploadFile, checked: CheckedFile, task: Task) -> AsyncIterator[str]:
    """Store the file under a new key; if the block (the database write and its commit) fails, delete it again."""
    key = f"evidence/{task.id}/{uuid.uuid4()}"
    await storage.put(key, file_chunks(file), checked.content_type, size=checked.size, sha256=checked.sha256)
    try:
        yield key
    except BaseException:
        with anyio.CancelScope(shield=True):  # also when the request itself was cancelled
            try:
                await storage.delete(key)
            except Exception:
                log.exception("orphan evidence object left behind", key=key)
        raise


def content_disposition(filename: str) -> str:
    """RFC 6266 with an ASCII fallback and the real (Vietnamese) name as RFC 5987 filename*."""
    ascii_name = unicodedata.normalize("NFKD", filename.replace("đ", "d").replace("Đ", "D"))
    ascii_name = "".join(
        c if c.isascii() and c.isprintable() and c not in '"\\' else "_"
        for c in ascii_name
        if not unicodedata.combining(c)
    )
    return f"attachment; filename=\"{ascii_name or 'minh-chung'}\"; filename*=UTF-8''{quote(filename, safe='')}"


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:g} MB".replace(".", ",")


class EvidenceService(ProgressService):
    async def share_for_upload(self, task: Task, agency_id: uuid.UUID | None) -> Assignment:
        """The share the file will belong to, under the same rules as reporting progress on it."""
        return await self.open_share(
            task,
            agency_id,
            cancelled="Nhiệm vụ đã bị hủy; không tải minh chứng lên được nữa.",
            closed="Phần việc này đã báo cáo hoàn thành hoặc đã được nghiệm thu; không tải thêm minh chứng.",
        )

    async def add_file(self, task: Task, share: Assignment, checked: CheckedFile, key: str, title: str) -> Evidence:
        evidence = Evidence(
            task_id=task.id,
            agency_id=share.agency_id,
            kind="file",
            title=title or checked.filename,
            storage_key=key,
            filename=checked.filename,
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
            author=self.actor.username,
        )
        self.session.add(evidence)
        await self.session.flush()
        await self.record(
            task,
            "evidence.upload",
            {"agency_id": [None, str(share.agency_id)], "filename": [None, checked.filename]},
        )
        await self.event(
            task,
            "task.evidence_uploaded",
            agency_id=str(share.agency_id),
            evidence_id=str(evidence.id),
            filename=checked.filename,
        )
        return evidence
