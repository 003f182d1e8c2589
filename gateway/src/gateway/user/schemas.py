from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from common.roles import Role
from common.text import lower_stripped
from pydantic import BaseModel, BeforeValidator, ConfigDict, EmailStr, Field, StringConstraints, field_validator

Username = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]{2,63}$"), BeforeValidator(lower_stripped)]
FullName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]
Password = Annotated[str, StringConstraints(min_length=10, max_length=128)]


def _human_roles(roles: list[Role]) -> list[Role]:
    if Role.INTEGRATION in roles:
        raise ValueError("vai trò integration chỉ dành cho ứng dụng tích hợp, không cấp cho người dùng")
    return sorted(set(roles))


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: Username = Field(description="Tên đăng nhập: chữ thường không dấu, số, dấu chấm, gạch")
    full_name: FullName
    email: EmailStr
    agency_id: uuid.UUID
    roles: list[Role] = Field(min_length=1, max_length=6)
    initial_password: Password = Field(description="Mật khẩu ban đầu; người dùng phải đổi ở lần đăng nhập đầu")

    _roles = field_validator("roles")(_human_roles)


class UserUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    full_name: FullName | None = None
    email: EmailStr | None = None
    agency_id: uuid.UUID | None = None
    roles: list[Role] | None = Field(None, min_length=1, max_length=6)
    active: bool | None = None

    @field_validator("roles")
    @classmethod
    def _roles(cls, roles: list[Role] | None) -> list[Role] | None:
        return None if roles is None else _human_roles(roles)


class PasswordReset(BaseModel):
    model_config = ConfigDict(extra="forbid")

    new_password: Password


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    username: str
    full_name: str
    email: str
    agency_id: uuid.UUID
    roles: list[Role]
    active: bool
    must_change_password: bool
    last_login_at: datetime | None
    locked_until: datetime | None
    version: int
