"""Evidence files: upload one for the caller's share of a task, then name it in a progress report; download."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Coroutine
from typing import Annotated, Any, cast

import structlog
from common.auth import CurrentPrincipal
from common.db import SessionDep
from common.errors import ServiceUnavailable, problem_responses
from fastapi import APIRouter, Depends, File, Form, Request, Response, UploadFile
from fastapi.responses import StreamingResponse
from fastapi.routing import APIRoute
from starlette.types import Message

from tasks.config import Settings
from tasks.models import Evidence
from tasks.storage import ObjectMissing, Storage, StorageError, storage_from
from tasks.task.endpoints import PREFIX, READ_ERRORS, WRITE_ERRORS, IdempotencyDep, TaskDep
from tasks.task.evidence import EvidenceService, check_file, content_disposition, megabytes, stored
from tasks.task.exceptions import EvidenceNotFound, FileTooLarge, FileTypeNotAllowed
from tasks.task.progress_endpoints import EvidenceRead

log = structlog.get_logger("evidence")
FORM_OVERHEAD = 64 * 1024  # multipart boundaries, part headers, title and agency_id around the file


class UploadRoute(APIRoute):
    """Counts an upload's body as it arrives and stops at the limit, before a huge file is spooled to disk.
    Through the gateway the body comes chunked, so Content-Length alone cannot be relied on."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def limited(request: Request) -> Response:
            if request.method != "POST":
                return await handler(request)
            limit = cast(Settings, request.app.state.settings).max_upload_bytes
            too_large = FileTooLarge(f"Tệp vượt quá dung lượng cho phép ({megabytes(limit)}).")
            declared = request.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit + FORM_OVERHEAD:
                raise too_large
            received = 0

            async def receive() -> Message:
                nonlocal received
                message = await request.receive()
                received += len(message.get("body", b""))
                if received > limit + FORM_OVERHEAD:
                    raise too_large
                return message

            counted = Request(request.scope, receive)
            await counted.form(max_files=1, max_fields=10)  # parsed here, under the limit; FastAPI reuses it
            return await handler(counted)

        return limited


def get_storage(request: Request) -> Storage:
    state = request.app.state
    if getattr(state, "storage", None) is None:
        state.storage = storage_from(state.settings)
    return cast(Storage, state.storage)


StorageDep = Annotated[Storage, Depends(get_storage)]
router = APIRouter(prefix=PREFIX, tags=["báo cáo tiến độ"], route_class=UploadRoute)


class StorageUnavailable(ServiceUnavailable):
    def __init__(self) -> None:
        super().__init__("Kho lưu trữ tệp tạm thời không khả dụng. Vui lòng thử lại sau ít phút.")


@router.post(
    "/{task_id}/evidence",
    status_code=201,
    response_model=EvidenceRead,
    summary="Tải lên tệp minh chứng cho phần việc của đơn vị; sau đó nêu mã tệp (evidence_ids) khi báo cáo",
    description=(
        "PDF, Word, Excel, PowerPoint, OpenDocument, ảnh JPEG/PNG hoặc ZIP; kiểm tra cả phần mở rộng lẫn nội dung. "
        "Dung lượng tối đa theo cấu hình TASKS_MAX_UPLOAD_BYTES (mặc định 20 MB)."
    ),
    responses=WRITE_ERRORS | problem_responses(FileTooLarge, FileTypeNotAllowed, StorageUnavailable),
)
async def upload_evidence(
    task: TaskDep,
    session: SessionDep,
    principal: CurrentPrincipal,
    idem: IdempotencyDep,
    storage: StorageDep,
    request: Request,
    file: Annotated[UploadFile, File(description="Tệp minh chứng")],
    title: Annotated[str, Form(max_length=500, description="Tên minh chứng; mặc định là tên tệp")] = "",
    agency_id: Annotated[
        uuid.UUID | None, Form(description="Đơn vị báo cáo, khi người gọi thuộc nhiều đơn vị được giao")
    ] = None,
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    service = EvidenceService(session, principal)
    share = await service.share_for_upload(task, agency_id)
    checked = await check_file(file, cast(Settings, request.app.state.settings).max_upload_bytes)
    try:
        async with stored(storage, file, checked, task) as key:
            evidence = await service.add_file(task, share, checked, key, title.strip())
            response = await idem.remember(201, EvidenceRead.model_validate(evidence))
            await session.commit()  # inside the block: a failed commit must take the stored file with it
    except StorageError as exc:
        log.error("evidence storage failed", error=str(exc))
        raise StorageUnavailable() from exc
    return response


@router.get(
    "/{task_id}/evidence/{evidence_id}/file",
    response_class=StreamingResponse,
    summary="Tải về tệp minh chứng (ai xem được nhiệm vụ thì tải được)",
    responses={
        200: {
            "description": "Tệp minh chứng, với tên tệp trong Content-Disposition",
            "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
        }
    }
    | READ_ERRORS
    | problem_responses(EvidenceNotFound, StorageUnavailable),
)
async def download_evidence(
    task: TaskDep, evidence_id: uuid.UUID, session: SessionDep, storage: StorageDep
) -> StreamingResponse:
    evidence = await session.get(Evidence, evidence_id)
    if evidence is None or evidence.task_id != task.id or evidence.storage_key is None:
        raise EvidenceNotFound()
    try:
        chunks = await storage.open(evidence.storage_key)
    except ObjectMissing as exc:
        log.error("evidence object missing", evidence_id=str(evidence.id), key=evidence.storage_key)
        raise EvidenceNotFound("Tệp của minh chứng này không còn trong kho lưu trữ; hãy báo quản trị.") from exc
    except StorageError as exc:
        log.error("evidence storage failed", error=str(exc))
        raise StorageUnavailable() from exc
    return StreamingResponse(
        chunks,
        media_type=evidence.content_type or "application/octet-stream",
        headers={
            "Content-Disposition": content_disposition(evidence.filename or "minh-chung"),
            "Content-Length": str(evidence.size),
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-cache",
        },
    )
