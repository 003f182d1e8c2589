"""What the indicators tests share: one gateway client per module."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from tiendo.stack import Stack


@pytest.fixture(scope="module")
def client(stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=stack.url("gateway"), timeout=60) as c:
        yield c
