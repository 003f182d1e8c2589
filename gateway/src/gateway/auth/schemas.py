from __future__ import annotations

import uuid
from typing import Annotated

from common.roles import Role
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from gateway.agency.schemas import AgencyKind


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=128)]


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    refresh_token: Annotated[str, StringConstraints(min_length=20, max_length=200)]


class ChangePasswordRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current_password: Annotated[str, StringConstraints(min_length=1, max_length=128)]
    new_password: Annotated[str, StringConstraints(min_length=10, max_length=128)]


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"  # noqa: S105
    expires_in: int = Field(description="Số giây mã truy cập còn hiệu lực")
    must_change_password: bool


class ClientToken(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105
    expires_in: int
    scope: str


class AgencyBrief(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    code: str
    name: str
    short_name: str
    kind: AgencyKind


class Me(BaseModel):
    id: uuid.UUID
    username: str
    full_name: str
    email: str
    roles: list[Role]
    role_labels: list[str]
    must_change_password: bool
    agency: AgencyBrief
