"""The rule editor: the province's defaults and the overrides for one plan or one agency.

Administrators (admin, the standing agency) edit everything; an agency's head sees the defaults and edits the
overrides of its own agency and those under it. The scheduler reads the rules afresh when any of them changes."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Annotated, Any

from common.auth import CurrentPrincipal, Principal, actor_name
from common.concurrency import check_if_match, etag
from common.db import SessionDep, flush_or_conflict
from common.errors import (
    Conflict,
    FieldError,
    Forbidden,
    InvalidInput,
    NotAuthenticated,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
    problem_responses,
    vietnamese_message,
)
from common.idempotency import Idempotency, idempotency_dependency
from fastapi import APIRouter, Depends, Header, Path, Response
from pydantic import ValidationError
from sqlalchemy import Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from notifications.auth import ADMINS, may_manage_agency, require_admin_or_head
from notifications.db import idempotency_keys
from notifications.models import Agency, Rule
from notifications.rule.firing import DEFAULTS, RULE_LABELS, RuleKey, params_model
from notifications.rule.schemas import RuleCreate, RuleKind, RuleRead, RuleUpdate, Scope

router = APIRouter(prefix="/api/v1/notifications/rules", tags=["notifications"])
IdempotencyDep = Annotated[Idempotency, idempotency_dependency(idempotency_keys)]


class RuleNotFound(NotFound):
    code = "rule-not-found"
    title = "Không tìm thấy quy tắc"

    def __init__(self) -> None:
        super().__init__("Không có quy tắc này, hoặc bạn không được xem quy tắc này.")


class RuleExists(Conflict):
    code = "rule-exists"
    title = "Quy tắc đã có"

    def __init__(self) -> None:
        super().__init__("Phạm vi này đã có quy tắc riêng cho loại thông báo này; hãy sửa quy tắc đó.")


class DefaultRuleKept(Conflict):
    code = "default-rule-kept"
    title = "Không xoá được quy tắc mặc định"

    def __init__(self) -> None:
        super().__init__("Quy tắc mặc định không xoá được; hãy tắt hoặc sửa tham số của quy tắc.")


READ_ERRORS = problem_responses(NotAuthenticated, Forbidden, InvalidInput)
ONE_ERRORS = problem_responses(NotAuthenticated, Forbidden, RuleNotFound)
CREATE_ERRORS = problem_responses(NotAuthenticated, Forbidden, InvalidInput, RuleExists)
UPDATE_ERRORS = problem_responses(
    NotAuthenticated, Forbidden, RuleNotFound, InvalidInput, PreconditionFailed, PreconditionRequired
)
DELETE_ERRORS = UPDATE_ERRORS | problem_responses(DefaultRuleKept)


def may_see_rules(principal: Principal) -> None:
    require_admin_or_head(principal, "làm việc với quy tắc thông báo")


def readable(principal: Principal) -> Select[Rule]:
    """Every rule for administrators; the defaults and the overrides of its subtree for an agency's head."""
    may_see_rules(principal)
    if principal.has_role(*ADMINS):
        return select(Rule)
    is_default = and_(Rule.plan_id.is_(None), Rule.agency_id.is_(None))
    return select(Rule).where(or_(is_default, Rule.agency_id.in_(principal.agency_subtree)))


async def rule_for_write(
    rule_id: Annotated[uuid.UUID, Path()], session: SessionDep, principal: CurrentPrincipal
) -> Rule:
    rule = await session.scalar(readable(principal).where(Rule.id == rule_id).with_for_update())
    if rule is None:
        raise RuleNotFound()
    return rule


RuleForWrite = Annotated[Rule, Depends(rule_for_write)]


def scope_of(rule: Rule) -> Scope:
    return "agency" if rule.agency_id else "plan" if rule.plan_id else "default"


def label_of(key: str) -> str:
    try:
        return RULE_LABELS[RuleKey(key)]
    except ValueError:
        return key


async def present(session: AsyncSession, rules: Sequence[Rule]) -> list[RuleRead]:
    agencies = {r.agency_id for r in rules if r.agency_id}
    names = dict((await session.execute(select(Agency.id, Agency.name).where(Agency.id.in_(agencies)))).tuples().all())
    return [
        RuleRead(
            id=r.id,
            key=r.key,
            label=label_of(r.key),
            scope=scope_of(r),
            plan_id=r.plan_id,
            agency_id=r.agency_id,
            agency_name=names.get(r.agency_id) if r.agency_id else None,
            enabled=r.enabled,
            params=r.params,
            version=r.version,
            updated_by=r.updated_by,
            updated_at=r.updated_at,
        )
        for r in rules
    ]


def checked_params(key: str, params: dict[str, Any]) -> dict[str, Any]:
    """The parameters as the key's model reads them (normalised), or 422 naming each wrong field."""
    try:
        model = params_model(RuleKey(key)).model_validate(params)
    except ValidationError as exc:
        errors = [
            FieldError(field=".".join(["params", *map(str, e["loc"])]), message=vietnamese_message(dict(e)))
            for e in exc.errors()
        ]
        raise InvalidInput("; ".join(f"{e.field}: {e.message}" for e in errors[:5]), errors=errors) from exc
    return model.model_dump(mode="json")


def may_override(principal: Principal, body: RuleCreate) -> None:
    if principal.has_role(*ADMINS):
        return
    if body.plan_id is not None:
        raise Forbidden("Chỉ quản trị hệ thống hoặc cơ quan thường trực được đặt quy tắc riêng cho kế hoạch.")
    if body.agency_id is None or not may_manage_agency(principal, body.agency_id):
        raise Forbidden("Bạn chỉ đặt quy tắc riêng cho đơn vị của mình hoặc đơn vị cấp dưới.")


def may_edit(principal: Principal, rule: Rule) -> None:
    """Readable already means in scope; the defaults are the province's and stay with its administrators."""
    if scope_of(rule) != "agency" and not principal.has_role(*ADMINS):
        raise Forbidden("Chỉ quản trị hệ thống hoặc cơ quan thường trực được sửa quy tắc mặc định.")


@router.get("/kinds", summary="Các loại quy tắc: tên, tham số mặc định và mô tả tham số", responses=READ_ERRORS)
async def rule_kinds(principal: CurrentPrincipal) -> list[RuleKind]:
    may_see_rules(principal)
    return [
        RuleKind(
            key=key,
            label=RULE_LABELS[key],
            defaults=DEFAULTS[key].model_dump(mode="json"),
            params_schema=params_model(key).model_json_schema(),
        )
        for key in RuleKey
    ]


@router.get("", summary="Quy tắc thông báo: mặc định và quy tắc riêng theo kế hoạch, đơn vị", responses=READ_ERRORS)
async def list_rules(
    session: SessionDep,
    principal: CurrentPrincipal,
    key: RuleKey | None = None,
    plan_id: uuid.UUID | None = None,
    agency_id: uuid.UUID | None = None,
) -> list[RuleRead]:
    stmt = readable(principal)
    if key is not None:
        stmt = stmt.where(Rule.key == key.value)
    if plan_id is not None:
        stmt = stmt.where(Rule.plan_id == plan_id)
    if agency_id is not None:
        stmt = stmt.where(Rule.agency_id == agency_id)
    order = {k.value: n for n, k in enumerate(RuleKey)}
    rank = {"default": 0, "plan": 1, "agency": 2}
    rows = sorted(
        (await session.scalars(stmt)).all(),
        key=lambda r: (order.get(r.key, len(order)), r.key, rank[scope_of(r)], r.created_at),
    )
    return await present(session, rows)


@router.get("/{rule_id}", summary="Một quy tắc (kèm ETag để sửa)", responses=ONE_ERRORS)
async def get_rule(
    rule_id: Annotated[uuid.UUID, Path()], session: SessionDep, principal: CurrentPrincipal, response: Response
) -> RuleRead:
    rule = await session.scalar(readable(principal).where(Rule.id == rule_id))
    if rule is None:
        raise RuleNotFound()
    response.headers["ETag"] = etag(rule.version)
    return (await present(session, [rule]))[0]


@router.post(
    "",
    status_code=201,
    summary="Đặt quy tắc riêng cho một kế hoạch hoặc một đơn vị (thay quy tắc mặc định ở phạm vi đó)",
    responses=CREATE_ERRORS,
)
async def create_rule(
    body: RuleCreate, session: SessionDep, principal: CurrentPrincipal, idem: IdempotencyDep
) -> Response:
    if (replayed := await idem.replay()) is not None:
        return replayed
    may_see_rules(principal)  # who may, before what they sent
    if (body.plan_id is None) == (body.agency_id is None):
        message = "Chọn đúng một phạm vi: một kế hoạch (plan_id) hoặc một đơn vị (agency_id)."
        raise InvalidInput(
            message,
            errors=[FieldError(field="plan_id", message=message), FieldError(field="agency_id", message=message)],
        )
    may_override(principal, body)
    params = checked_params(body.key, body.params)
    if body.agency_id is not None and await session.get(Agency, body.agency_id) is None:
        raise InvalidInput.on("agency_id", "Không có đơn vị này.")
    same_scope = select(Rule.id).where(
        Rule.key == body.key.value,
        Rule.plan_id.is_not_distinct_from(body.plan_id),
        Rule.agency_id.is_not_distinct_from(body.agency_id),
    )
    if await session.scalar(same_scope) is not None:
        raise RuleExists()
    rule = Rule(
        key=body.key.value,
        plan_id=body.plan_id,
        agency_id=body.agency_id,
        enabled=body.enabled,
        params=params,
        updated_by=actor_name(principal),
        version=1,
    )
    session.add(rule)
    await flush_or_conflict(session, RuleExists())
    response = await idem.remember(201, (await present(session, [rule]))[0])
    response.headers["ETag"] = etag(rule.version)
    return response


@router.put(
    "/{rule_id}",
    summary="Sửa quy tắc: bật/tắt và tham số (cần If-Match)",
    responses=UPDATE_ERRORS,
)
async def update_rule(
    rule: RuleForWrite,
    body: RuleUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> RuleRead:
    may_edit(principal, rule)
    check_if_match(if_match, rule.version)
    rule.params = checked_params(rule.key, body.params)
    rule.enabled = body.enabled
    rule.version += 1
    rule.updated_by = actor_name(principal)
    await session.flush()
    response.headers["ETag"] = etag(rule.version)
    return (await present(session, [rule]))[0]


@router.delete(
    "/{rule_id}",
    status_code=204,
    summary="Xoá quy tắc riêng (phạm vi đó lại theo quy tắc mặc định; cần If-Match)",
    responses=DELETE_ERRORS,
)
async def delete_rule(
    rule: RuleForWrite,
    session: SessionDep,
    principal: CurrentPrincipal,
    if_match: Annotated[str | None, Header()] = None,
) -> Response:
    may_edit(principal, rule)
    if scope_of(rule) == "default":
        raise DefaultRuleKept()
    check_if_match(if_match, rule.version)
    await session.delete(rule)
    await session.flush()
    return Response(status_code=204)
