"""A person's choices: each event on or off per channel (in-app, e-mail), and one daily digest instead of
single e-mails. Urgent notices (directives) still come one by one."""

from __future__ import annotations

from common.db import SessionDep
from common.errors import Forbidden, InvalidInput, NotAuthenticated, problem_responses
from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert

from notifications.auth import CallerId
from notifications.channel.templates import EVENT_TYPES
from notifications.models import Preference, RecipientSetting

router = APIRouter(prefix="/api/v1/notifications/preferences", tags=["notifications"])
USER_CHANNELS = ("inbox", "email")


class EventChoice(BaseModel):
    model_config = ConfigDict(extra="forbid")

    event_type: str
    label: str = ""
    inbox: bool = True
    email: bool = True


class Preferences(BaseModel):
    model_config = ConfigDict(extra="forbid")

    digest: bool = Field(False, description="Nhận một thư tổng hợp mỗi sáng ngày làm việc thay cho từng thư")
    events: list[EventChoice] = Field(max_length=100)

    @field_validator("events")
    @classmethod
    def _known(cls, events: list[EventChoice]) -> list[EventChoice]:
        for choice in events:
            if choice.event_type not in EVENT_TYPES:
                raise ValueError(f"loại thông báo không có: {choice.event_type}")
        if len({c.event_type for c in events}) != len(events):
            raise ValueError("mỗi loại thông báo chỉ ghi một lần")
        return events


async def _read(session: SessionDep, user: CallerId) -> Preferences:
    rows = (await session.scalars(select(Preference).where(Preference.user_id == user))).all()
    off = {(r.event_type, r.channel) for r in rows if not r.enabled}
    setting = await session.get(RecipientSetting, user)
    return Preferences(
        digest=bool(setting and setting.digest),
        events=[
            EventChoice(event_type=e, label=label, inbox=(e, "inbox") not in off, email=(e, "email") not in off)
            for e, label in EVENT_TYPES.items()
        ],
    )


@router.get(
    "", summary="Tuỳ chọn nhận thông báo của người gọi", responses=problem_responses(NotAuthenticated, Forbidden)
)
async def get_preferences(session: SessionDep, user: CallerId) -> Preferences:
    return await _read(session, user)


@router.put(
    "",
    summary="Đặt tuỳ chọn nhận thông báo (loại nào không nêu thì giữ nguyên)",
    responses=problem_responses(NotAuthenticated, Forbidden, InvalidInput),
)
async def put_preferences(body: Preferences, session: SessionDep, user: CallerId) -> Preferences:
    for choice in body.events:
        await session.execute(
            delete(Preference).where(Preference.user_id == user, Preference.event_type == choice.event_type)
        )
        off = [c for c in USER_CHANNELS if not getattr(choice, c)]
        if off:
            await session.execute(
                insert(Preference).values(
                    [{"user_id": user, "event_type": choice.event_type, "channel": c, "enabled": False} for c in off]
                )
            )
    stmt = insert(RecipientSetting).values(user_id=user, digest=body.digest)
    await session.execute(
        stmt.on_conflict_do_update(index_elements=[RecipientSetting.user_id], set_={"digest": body.digest})
    )
    await session.flush()
    return await _read(session, user)
