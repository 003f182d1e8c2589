"""The rules in force: the stored defaults and the overrides for a plan or an agency, read once per round."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from notifications.models import Rule
from notifications.rule.firing import DEFAULTS, RuleKey, params_model


@dataclass(frozen=True)
class Resolved:
    enabled: bool
    params: Any  # the key's params model


class RuleBook:
    def __init__(self, rows: list[Rule]) -> None:
        self.rows = rows
        self._by_scope = {(r.key, r.plan_id, r.agency_id): r for r in rows}

    @classmethod
    async def load(cls, session: AsyncSession) -> RuleBook:
        return cls(list((await session.scalars(select(Rule))).all()))

    def _resolved(self, key: RuleKey, row: Rule | None) -> Resolved:
        if row is None:
            return Resolved(True, DEFAULTS[key])
        params: BaseModel = params_model(key).model_validate(row.params)
        return Resolved(row.enabled, params)

    def default(self, key: RuleKey) -> Resolved:
        return self._resolved(key, self._by_scope.get((key.value, None, None)))

    def resolve(
        self, key: RuleKey, *, plan_id: uuid.UUID | None = None, agency_id: uuid.UUID | None = None
    ) -> Resolved:
        """The most specific rule: the agency's, then the plan's, then the default."""
        for scope in ((key.value, None, agency_id), (key.value, plan_id, None)):
            if scope[1:] != (None, None) and (row := self._by_scope.get(scope)) is not None:
                return self._resolved(key, row)
        return self.default(key)

    def overrides(self, key: RuleKey) -> list[Rule]:
        return [r for r in self.rows if r.key == key.value and (r.plan_id or r.agency_id)]
