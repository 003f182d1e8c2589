from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from tiendo.stack import Stack


@pytest.fixture(scope="module")
def api(stack: Stack) -> Iterator[httpx.Client]:
    """One gateway client per module: module fixtures here build data through it."""
    with httpx.Client(base_url=stack.url("gateway"), timeout=20) as client:
        yield client
