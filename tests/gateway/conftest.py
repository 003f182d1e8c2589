from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from tiendo.stack import Stack

from tests.gateway.identity_support import agency_by_code, remember_province_root


@pytest.fixture(scope="session", autouse=True)
def _province_root(stack: Stack, auth: Callable[[str], dict[str, str]]) -> None:
    with httpx.Client(base_url=stack.url("gateway"), timeout=20) as api:
        remember_province_root(str(agency_by_code(api, auth, "UBND_TINH")["id"]))
