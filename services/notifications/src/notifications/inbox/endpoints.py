"""The caller's inbox: list, unread count, mark one or all read, and a live stream of new items."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from typing import Annotated

from common.db import SessionDep, utcnow
from common.errors import Forbidden, InvalidInput, NotAuthenticated, NotFound, problem_responses
from common.pagination import Page, PageParams, cursor_int, decode_cursor, encode_cursor, page_params
from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import StreamingResponse

from notifications.auth import CallerId
from notifications.channel.templates import EVENT_TYPES
from notifications.inbox.repository import InboxRepository
from notifications.inbox.schemas import InboxItemRead, MarkedRead, UnreadCount
from notifications.models import InboxItem

router = APIRouter(prefix="/api/v1/notifications/inbox", tags=["notifications"])
READ_ERRORS = problem_responses(NotAuthenticated, Forbidden, InvalidInput)


class InboxItemNotFound(NotFound):
    code = "inbox-item-not-found"
    title = "Không có thông báo này"


def present(item: InboxItem) -> InboxItemRead:
    return InboxItemRead(
        id=item.id,
        event_type=item.event_type,
        event_label=EVENT_TYPES.get(item.event_type, item.event_type),
        subject_type=item.subject_type,
        subject_id=item.subject_id,
        title=item.title,
        summary=item.summary,
        link=item.link,
        reminder=item.reminder,
        urgent=item.urgent,
        created_at=item.created_at,
        read_at=item.read_at,
    )


@router.get("", summary="Hộp thư của người gọi, mới nhất trước", responses=READ_ERRORS)
async def list_inbox(
    session: SessionDep,
    user: CallerId,
    page: Annotated[PageParams, Depends(page_params)],
    unread: bool = False,
) -> Page[InboxItemRead]:
    before = cursor_int(decode_cursor(page.cursor, 1)[0]) if page.cursor else None
    rows = await InboxRepository(session, user).page(unread=unread, before=before, limit=page.limit)
    items = [present(r) for r in rows[: page.limit]]
    more = len(rows) > page.limit
    return Page(items=items, next_cursor=encode_cursor([items[-1].id]) if more else None)


@router.get("/unread-count", summary="Số thông báo chưa đọc", responses=READ_ERRORS)
async def unread_count(session: SessionDep, user: CallerId) -> UnreadCount:
    return UnreadCount(unread=await InboxRepository(session, user).unread())


@router.post(
    "/{item_id}/read",
    summary="Đánh dấu một thông báo đã đọc (gọi lại nhiều lần vẫn vậy)",
    responses=problem_responses(NotAuthenticated, Forbidden, InboxItemNotFound),
)
async def mark_read(
    session: SessionDep, user: CallerId, item_id: Annotated[int, Path(ge=1, le=2**63 - 1)]
) -> InboxItemRead:
    item = await InboxRepository(session, user).get(item_id)
    if item is None:
        raise InboxItemNotFound("Không có thông báo này trong hộp thư của bạn.")
    if item.read_at is None:
        item.read_at = utcnow()
        await session.flush()
    return present(item)


@router.post("/read-all", summary="Đánh dấu tất cả đã đọc", responses=problem_responses(NotAuthenticated, Forbidden))
async def mark_all_read(session: SessionDep, user: CallerId) -> MarkedRead:
    return MarkedRead(marked=await InboxRepository(session, user).mark_all(utcnow()))


@router.get(
    "/stream",
    summary="Luồng sự kiện (Server-Sent Events) báo thông báo mới, không cần hỏi lại liên tục",
    description=(
        "Mỗi khi có thông báo mới: `event: inbox` với `{unread, item}`. Ngay khi mở: `event: unread`. "
        "Dòng `: ping` định kỳ giữ kết nối."
    ),
    response_class=StreamingResponse,
    responses=problem_responses(NotAuthenticated, Forbidden) | {200: {"content": {"text/event-stream": {}}}},
)
async def stream(request: Request, user: CallerId) -> StreamingResponse:
    return StreamingResponse(
        _events(request, user),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _state(request: Request, user: uuid.UUID, *, newest: bool) -> str:
    async with request.app.state.db.sessionmaker() as session:
        repo = InboxRepository(session, user)
        body: dict[str, object] = {"unread": await repo.unread()}
        if newest:
            rows = await repo.page(unread=False, before=None, limit=1)
            body["item"] = present(rows[0]).model_dump(mode="json") if rows else None
    return json.dumps(body, ensure_ascii=False)


async def _events(request: Request, user: uuid.UUID) -> AsyncIterator[str]:
    heartbeat = request.app.state.settings.stream_heartbeat_seconds
    async with request.app.state.inbox_broker.subscribe(user) as wakeups:
        yield f"retry: 5000\nevent: unread\ndata: {await _state(request, user, newest=False)}\n\n"
        while not await request.is_disconnected():
            try:
                await asyncio.wait_for(wakeups.get(), timeout=heartbeat)
            except TimeoutError:
                yield ": ping\n\n"
                continue
            yield f"event: inbox\ndata: {await _state(request, user, newest=True)}\n\n"
