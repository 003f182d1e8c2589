"""What the tasks tests share: a gateway client that lives as long as a module's own plan and tasks."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from tiendo.stack import Stack


@pytest.fixture(scope="module")
def client(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.url("gateway"), timeout=60) as c:
        yield c
