"""Reporting on a task: progress with evidence, review, extension requests, comments and directives."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from common.auth import CurrentPrincipal
from common.db import SessionDep
from common.errors import problem_responses
from common.idempotency import Idempotency, idempotency_dependency
from fastapi import APIRouter, Response
from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, StringConstraints, model_validator
from sqlalchemy import select

from tasks.db import idempotency_keys
from tasks.models import Comment, Evidence, ExtensionRequest, ProgressUpdate
from tasks.task.endpoints import PREFIX, READ_ERRORS, WRITE_ERRORS, TaskDep, TaskForWrite
from tasks.task.exceptions import ExtensionNotFound
from tasks.task.present import agency_names, present_detail, share_of
from tasks.task.progress import ProgressService
from tasks.task.rules import today
from tasks.task.schemas import TaskDetail

router = APIRouter(prefix=PREFIX, tags=["báo cáo tiến độ"])
IdempotencyDep = Annotated[Idempotency, idempotency_dependency(idempotency_keys)]
Narrative = Annotated[str, StringConstraints(strip_whitespace=True, max_length=10000)]


class EvidenceIn(BaseModel):
    """A result document by number and date, or a link. Files are uploaded first, then named by id."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["document", "link"]
    title: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] = ""
    document_number: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=100)] | None = (
        None
    )
    document_date: date | None = None
    url: AnyHttpUrl | None = None

    @model_validator(mode="after")
    def _complete(self) -> EvidenceIn:
        if self.kind == "document" and not (self.document_number and self.document_date):
            raise ValueError("Văn bản minh chứng cần cả số và ngày văn bản.")
        if self.kind == "link" and self.url is None:
            raise ValueError("Minh chứng dạng đường dẫn cần url.")
        return self


class ProgressCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    agency_id: uuid.UUID | None = Field(None, description="Đơn vị báo cáo, khi người gọi thuộc nhiều đơn vị được giao")
    percent: int = Field(ge=0, le=100)
    narrative: Narrative = ""
    submit: bool = Field(False, description="Báo cáo hoàn thành (cần 100% và minh chứng); chờ thẩm định")
    evidence: list[EvidenceIn] = Field(default_factory=list, max_length=20)
    evidence_ids: list[uuid.UUID] = Field(default_factory=list, max_length=20, description="Tệp đã tải lên")


class EvidenceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: str
    title: str
    document_number: str | None
    document_date: date | None
    url: str | None
    filename: str | None
    content_type: str | None
    size: int | None
    sha256: str | None = None
    agency_id: uuid.UUID
    author: str
    created_at: datetime


class ProgressRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    agency_id: uuid.UUID
    author: str
    percent: int
    narrative: str
    submitted: bool
    period_end: date | None
    created_at: datetime
    evidence: list[EvidenceRead] = []


@router.post(
    "/{task_id}/progress",
    status_code=201,
    response_model=TaskDetail,
    summary="Báo cáo tiến độ của đơn vị (phần trăm, nội dung, minh chứng); submit=true để báo cáo hoàn thành",
    responses=WRITE_ERRORS,
)
async def report_progress(
    task: TaskForWrite, body: ProgressCreate, session: SessionDep, principal: CurrentPrincipal, idem: IdempotencyDep
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    await ProgressService(session, principal).report(
        task,
        agency_id=body.agency_id,
        percent=body.percent,
        narrative=body.narrative,
        submit=body.submit,
        evidence=[{**e.model_dump(exclude_none=True), "url": str(e.url) if e.url else None} for e in body.evidence],
        evidence_ids=body.evidence_ids,
    )
    return await idem.remember(201, await present_detail(session, principal, task, [], today()))


@router.get("/{task_id}/progress", summary="Dòng thời gian báo cáo tiến độ, kèm minh chứng", responses=READ_ERRORS)
async def list_progress(task: TaskDep, session: SessionDep) -> list[ProgressRead]:
    updates = (
        await session.scalars(
            select(ProgressUpdate).where(ProgressUpdate.task_id == task.id).order_by(ProgressUpdate.created_at)
        )
    ).all()
    evidence = (await session.scalars(select(Evidence).where(Evidence.task_id == task.id))).all()
    by_update: dict[uuid.UUID | None, list[EvidenceRead]] = {}
    for e in evidence:
        by_update.setdefault(e.update_id, []).append(EvidenceRead.model_validate(e))
    return [ProgressRead.model_validate(u).model_copy(update={"evidence": by_update.get(u.id, [])}) for u in updates]


class ReviewBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    assignment_id: uuid.UUID
    decision: Literal["accept", "return"]
    reason: Narrative = ""


@router.post(
    "/{task_id}/review",
    summary="Thẩm định: chấp nhận báo cáo hoàn thành, hoặc trả lại (nêu lý do) báo cáo của một đơn vị",
    responses=WRITE_ERRORS,
)
async def review(
    task: TaskForWrite, body: ReviewBody, session: SessionDep, principal: CurrentPrincipal, idem: IdempotencyDep
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    share = await ProgressService(session, principal).review(
        task, body.assignment_id, accept=body.decision == "accept", reason=body.reason
    )
    return await idem.remember(200, share_of(share, await agency_names(session, {share.agency_id})))


class ExtensionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    agency_id: uuid.UUID | None = None
    proposed_due: date
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=5, max_length=5000)]


class ExtensionDecision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: Literal["approve", "refuse"]
    note: Narrative = ""


class ExtensionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    task_id: uuid.UUID
    agency_id: uuid.UUID
    requested_by: str
    current_due: date | None
    proposed_due: date
    reason: str
    state: str
    decided_by: str | None
    decided_at: datetime | None
    decision_note: str | None
    created_at: datetime


@router.post(
    "/{task_id}/extensions",
    status_code=201,
    response_model=ExtensionRead,
    summary="Đề nghị gia hạn (ngày đề nghị, lý do)",
    responses=WRITE_ERRORS,
)
async def request_extension(
    task: TaskForWrite, body: ExtensionCreate, session: SessionDep, principal: CurrentPrincipal, idem: IdempotencyDep
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    request = await ProgressService(session, principal).request_extension(
        task, agency_id=body.agency_id, proposed_due=body.proposed_due, reason=body.reason
    )
    return await idem.remember(201, ExtensionRead.model_validate(request))


@router.get("/{task_id}/extensions", summary="Các đề nghị gia hạn của nhiệm vụ", responses=READ_ERRORS)
async def list_extensions(task: TaskDep, session: SessionDep) -> list[ExtensionRead]:
    rows = await session.scalars(
        select(ExtensionRequest).where(ExtensionRequest.task_id == task.id).order_by(ExtensionRequest.created_at)
    )
    return [ExtensionRead.model_validate(r) for r in rows.all()]


@router.post(
    "/{task_id}/extensions/{extension_id}/decision",
    summary="Duyệt hoặc từ chối gia hạn (cấp giao việc hoặc lãnh đạo)",
    responses=WRITE_ERRORS | problem_responses(ExtensionNotFound),
)
async def decide_extension(
    task: TaskForWrite,
    extension_id: uuid.UUID,
    body: ExtensionDecision,
    session: SessionDep,
    principal: CurrentPrincipal,
    idem: IdempotencyDep,
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    request = await session.get(ExtensionRequest, extension_id, with_for_update=True)
    if request is None or request.task_id != task.id:
        raise ExtensionNotFound()
    decided = await ProgressService(session, principal).decide_extension(
        task, request, approve=body.decision == "approve", note=body.note
    )
    return await idem.remember(200, ExtensionRead.model_validate(decided))


class CommentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["comment", "directive"] = "comment"
    body: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=10000)]
    addressed_agency_id: uuid.UUID | None = None


class CommentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: str
    body: str
    author: str
    author_agency_id: uuid.UUID | None
    addressed_agency_id: uuid.UUID | None
    created_at: datetime


@router.post(
    "/{task_id}/comments",
    status_code=201,
    response_model=CommentRead,
    summary="Ý kiến trao đổi, hoặc ý kiến chỉ đạo của lãnh đạo",
    responses=WRITE_ERRORS,
)
async def add_comment(
    task: TaskForWrite, body: CommentCreate, session: SessionDep, principal: CurrentPrincipal, idem: IdempotencyDep
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    comment = await ProgressService(session, principal).comment(
        task, kind=body.kind, body=body.body, addressed_agency_id=body.addressed_agency_id
    )
    return await idem.remember(201, CommentRead.model_validate(comment))


@router.get("/{task_id}/comments", summary="Ý kiến và chỉ đạo", responses=READ_ERRORS)
async def list_comments(task: TaskDep, session: SessionDep) -> list[CommentRead]:
    rows = await session.scalars(select(Comment).where(Comment.task_id == task.id).order_by(Comment.created_at))
    return [CommentRead.model_validate(c) for c in rows.all()]
