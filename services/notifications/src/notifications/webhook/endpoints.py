"""An agency's webhooks: endpoints of its own systems that receive its notices as signed JSON.

Administrators manage every agency's; an agency's head those of its agency and the agencies under it. The secret
that signs the requests is shown once, when the webhook is created. Deleting a webhook turns it off: what is
still waiting to go to it is skipped, and the delivery log keeps its address."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
from typing import Annotated

from common.auth import CurrentPrincipal, Principal, actor_name
from common.db import SessionDep
from common.errors import Forbidden, InvalidInput, NotAuthenticated, NotFound, problem_responses
from common.idempotency import Idempotency, idempotency_dependency
from fastapi import APIRouter, Depends, Path, Response
from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from notifications.auth import ADMINS, may_manage_agency, require_admin_or_head
from notifications.channel.templates import EVENT_TYPES
from notifications.channel.webhook import check_webhook_url
from notifications.config import Settings, get_settings
from notifications.db import idempotency_keys
from notifications.models import Agency, Webhook
from notifications.webhook.schemas import WebhookCreate, WebhookCreated, WebhookRead

router = APIRouter(prefix="/api/v1/notifications/webhooks", tags=["notifications"])
IdempotencyDep = Annotated[Idempotency, idempotency_dependency(idempotency_keys)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


class WebhookNotFound(NotFound):
    code = "webhook-not-found"
    title = "Không tìm thấy webhook"

    def __init__(self) -> None:
        super().__init__("Không có webhook này, hoặc bạn không được quản lý webhook này.")


def readable(principal: Principal) -> Select[Webhook]:
    """Every webhook for administrators; those of its subtree for an agency's head; nobody else's business."""
    require_admin_or_head(principal, "quản lý webhook")
    if principal.has_role(*ADMINS):
        return select(Webhook)
    return select(Webhook).where(Webhook.agency_id.in_(principal.agency_subtree))


async def present(session: AsyncSession, hooks: Sequence[Webhook]) -> list[WebhookRead]:
    agencies = {h.agency_id for h in hooks}
    names = dict((await session.execute(select(Agency.id, Agency.name).where(Agency.id.in_(agencies)))).tuples().all())
    return [
        WebhookRead(
            id=h.id,
            agency_id=h.agency_id,
            agency_name=names.get(h.agency_id, ""),
            url=h.url,
            event_types=list(h.event_types),
            event_labels=[EVENT_TYPES.get(e, e) for e in h.event_types],
            description=h.description,
            active=h.active,
            created_by=h.created_by,
            created_at=h.created_at,
        )
        for h in hooks
    ]


@router.get(
    "",
    summary="Webhook của các đơn vị người gọi quản lý (không kèm khoá ký)",
    responses=problem_responses(NotAuthenticated, Forbidden, InvalidInput),
)
async def list_webhooks(
    session: SessionDep,
    principal: CurrentPrincipal,
    agency_id: uuid.UUID | None = None,
    include_inactive: bool = False,
) -> list[WebhookRead]:
    stmt = readable(principal)
    if agency_id is not None:
        stmt = stmt.where(Webhook.agency_id == agency_id)
    if not include_inactive:
        stmt = stmt.where(Webhook.active)
    rows = (await session.scalars(stmt.order_by(Webhook.created_at, Webhook.id))).all()
    return await present(session, rows)


@router.post(
    "",
    status_code=201,
    summary="Đăng ký webhook cho một đơn vị; khoá ký (secret) chỉ trả về một lần trong phản hồi này",
    responses=problem_responses(NotAuthenticated, Forbidden, InvalidInput),
)
async def create_webhook(
    body: WebhookCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: SettingsDep,
    idem: IdempotencyDep,
) -> Response:
    # A retry with the same key (the first answer lost) gets the same secret back, and only that caller.
    if (replayed := await idem.replay()) is not None:
        return replayed
    readable(principal)  # who may, before what they sent
    if not may_manage_agency(principal, body.agency_id):
        raise Forbidden("Bạn chỉ đăng ký webhook cho đơn vị của mình hoặc đơn vị cấp dưới.")
    if await session.get(Agency, body.agency_id) is None:
        raise InvalidInput.on("agency_id", "Không có đơn vị này.")
    try:
        await check_webhook_url(body.url, production=settings.production)
    except ValueError as error:
        raise InvalidInput.on("url", str(error)) from error
    hook = Webhook(
        agency_id=body.agency_id,
        url=body.url,
        secret=secrets.token_urlsafe(32),
        event_types=body.event_types,
        description=body.description,
        active=True,
        created_by=actor_name(principal),
    )
    session.add(hook)
    await session.flush()
    read = (await present(session, [hook]))[0]
    return await idem.remember(201, WebhookCreated(**read.model_dump(), secret=hook.secret))


@router.delete(
    "/{webhook_id}",
    status_code=204,
    summary="Tắt webhook: không gửi tới nữa, kể cả những thông báo đang chờ",
    responses=problem_responses(NotAuthenticated, Forbidden, WebhookNotFound),
)
async def delete_webhook(
    webhook_id: Annotated[uuid.UUID, Path()], session: SessionDep, principal: CurrentPrincipal
) -> Response:
    hook = await session.scalar(readable(principal).where(Webhook.id == webhook_id).with_for_update())
    if hook is None:
        raise WebhookNotFound()
    if hook.active:
        hook.active = False
        await session.flush()
    return Response(status_code=204)
