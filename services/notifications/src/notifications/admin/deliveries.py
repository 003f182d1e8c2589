"""The delivery log: every notice to every recipient on every channel, what became of it, and a way to send
again what failed or was skipped. Administrators see everything; an agency's head what went to the people and
the webhooks of its agency and the agencies under it."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from common.auth import CurrentPrincipal, Principal
from common.db import SessionDep
from common.errors import Conflict, Forbidden, InvalidInput, NotAuthenticated, NotFound, problem_responses
from common.idempotency import Idempotency, idempotency_dependency
from common.pagination import BIGINT_MAX, Page, PageParams, cursor_int, decode_cursor, encode_cursor, page_params
from fastapi import APIRouter, Depends, Path, Query, Response
from pydantic import BaseModel, Field
from sqlalchemy import Row, Select, and_, or_, select

from notifications.auth import ADMINS, require_admin_or_head
from notifications.channel.templates import EVENT_TYPES
from notifications.clock import Clock
from notifications.config import Settings, get_settings
from notifications.db import idempotency_keys
from notifications.models import Delivery, Notice, User, Webhook

router = APIRouter(prefix="/api/v1/notifications/deliveries", tags=["notifications"])
IdempotencyDep = Annotated[Idempotency, idempotency_dependency(idempotency_keys)]
SettingsDep = Annotated[Settings, Depends(get_settings)]

Channel = Literal["inbox", "email", "digest", "webhook"]
Status = Literal["pending", "sending", "sent", "skipped", "dead"]
CHANNEL_LABELS = {"inbox": "Hộp thư", "email": "Thư điện tử", "digest": "Thư tổng hợp hằng ngày", "webhook": "Webhook"}
STATUS_LABELS = {
    "pending": "Chờ gửi",
    "sending": "Đang gửi",
    "sent": "Đã gửi",
    "skipped": "Không gửi",
    "dead": "Gửi không được",
}
# The words a notice is about, whichever its context has.
TITLE_KEYS = ("task_title", "indicator_name", "plan_symbol")


class DeliveryNotFound(NotFound):
    code = "delivery-not-found"
    title = "Không tìm thấy lượt gửi"

    def __init__(self) -> None:
        super().__init__("Không có lượt gửi này, hoặc bạn không được xem lượt gửi này.")


class NotResendable(Conflict):
    code = "delivery-not-resendable"
    title = "Không gửi lại được"


class Recipient(BaseModel):
    kind: Literal["user", "webhook"]
    id: uuid.UUID
    agency_id: uuid.UUID | None
    username: str | None = Field(description="Người nhận (kênh hộp thư, thư điện tử)")
    full_name: str | None
    url: str | None = Field(description="Địa chỉ nhận (kênh webhook)")


class DeliveryRead(BaseModel):
    id: int
    channel: Channel
    channel_label: str
    status: Status
    status_label: str
    attempts: int
    next_attempt_at: datetime
    sent_at: datetime | None
    last_error: str | None
    created_at: datetime
    event_type: str
    event_label: str
    subject_type: str
    subject_id: str
    title: str = Field(description="Nhiệm vụ, chỉ tiêu hoặc kế hoạch mà thông báo nói tới")
    recipient: Recipient


def may_see_log(principal: Principal) -> None:
    require_admin_or_head(principal, "xem nhật ký gửi")


def readable(principal: Principal) -> Select[Any]:
    """Deliveries with their notice and recipient, limited to the caller's agencies unless province admin."""
    may_see_log(principal)
    stmt = (
        select(
            Delivery,
            Notice.event_type,
            Notice.subject_type,
            Notice.subject_id,
            Notice.context,
            User.username,
            User.full_name,
            User.agency_id.label("user_agency_id"),
            Webhook.url,
            Webhook.active.label("webhook_active"),
            Webhook.agency_id.label("webhook_agency_id"),
        )
        .join(Notice, Notice.id == Delivery.notice_id)
        .outerjoin(User, and_(Delivery.channel != "webhook", User.id == Delivery.recipient_id))
        .outerjoin(Webhook, and_(Delivery.channel == "webhook", Webhook.id == Delivery.recipient_id))
    )
    if principal.has_role(*ADMINS):
        return stmt
    subtree = principal.agency_subtree
    return stmt.where(or_(User.agency_id.in_(subtree), Webhook.agency_id.in_(subtree)))


def present(row: Row[Any]) -> DeliveryRead:
    d: Delivery = row.Delivery
    context = row.context or {}
    webhook = d.channel == "webhook"
    return DeliveryRead(
        id=d.id,
        channel=d.channel,
        channel_label=CHANNEL_LABELS.get(d.channel, d.channel),
        status=d.status,
        status_label=STATUS_LABELS.get(d.status, d.status),
        attempts=d.attempts,
        next_attempt_at=d.next_attempt_at,
        sent_at=d.sent_at,
        last_error=d.last_error,
        created_at=d.created_at,
        event_type=row.event_type,
        event_label=EVENT_TYPES.get(row.event_type, row.event_type),
        subject_type=row.subject_type,
        subject_id=row.subject_id,
        title=next((str(context[k]) for k in TITLE_KEYS if context.get(k)), ""),
        recipient=Recipient(
            kind="webhook" if webhook else "user",
            id=d.recipient_id,
            agency_id=row.webhook_agency_id if webhook else row.user_agency_id,
            username=None if webhook else row.username,
            full_name=None if webhook else row.full_name,
            url=row.url if webhook else None,
        ),
    )


@router.get(
    "",
    summary="Nhật ký gửi thông báo, mới nhất trước",
    responses=problem_responses(NotAuthenticated, Forbidden, InvalidInput),
)
async def list_deliveries(
    session: SessionDep,
    principal: CurrentPrincipal,
    page: Annotated[PageParams, Depends(page_params)],
    status: Status | None = None,
    channel: Channel | None = None,
    event_type: Annotated[str | None, Query(max_length=50, description="Loại thông báo, ví dụ task.overdue")] = None,
) -> Page[DeliveryRead]:
    stmt = readable(principal)
    if status is not None:
        stmt = stmt.where(Delivery.status == status)
    if channel is not None:
        stmt = stmt.where(Delivery.channel == channel)
    if event_type is not None:
        stmt = stmt.where(Notice.event_type == event_type)
    if page.cursor:
        stmt = stmt.where(Delivery.id < cursor_int(decode_cursor(page.cursor, 1)[0]))
    rows = (await session.execute(stmt.order_by(Delivery.id.desc()).limit(page.limit + 1))).all()
    items = [present(r) for r in rows[: page.limit]]
    more = len(rows) > page.limit
    return Page(items=items, next_cursor=encode_cursor([items[-1].id]) if more else None)


def check_resendable(row: Row[Any]) -> None:
    d: Delivery = row.Delivery
    if d.status in ("pending", "sending"):
        raise NotResendable("Lượt gửi này đang chờ gửi hoặc đang được gửi.")
    if d.channel == "inbox" and d.status == "sent":
        raise NotResendable("Thông báo đã có trong hộp thư của người nhận; không cần gửi lại.")
    if d.channel == "webhook" and not row.webhook_active:
        raise NotResendable("Webhook nhận thông báo này đã bị tắt; không gửi lại được.")


@router.post(
    "/{delivery_id}/resend",
    summary="Gửi lại một lượt gửi hỏng, bị bỏ qua hoặc đã gửi (thư, webhook): đưa về hàng chờ gửi ngay",
    responses=problem_responses(NotAuthenticated, Forbidden, InvalidInput, DeliveryNotFound, NotResendable),
)
async def resend(
    delivery_id: Annotated[int, Path(ge=1, le=BIGINT_MAX)],
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: SettingsDep,
    idem: IdempotencyDep,
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    stmt = readable(principal).where(Delivery.id == delivery_id).with_for_update(of=Delivery)
    row = (await session.execute(stmt)).first()
    if row is None:
        raise DeliveryNotFound()
    check_resendable(row)
    delivery: Delivery = row.Delivery
    # Attempts and the last error stay: the log keeps the history; the worker picks it up on its next round.
    delivery.status = "pending"
    delivery.next_attempt_at = Clock(settings.clock_shift).now()
    delivery.claimed_by = delivery.claimed_until = None
    await session.flush()
    return await idem.remember(200, present(row))
