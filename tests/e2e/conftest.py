"""The browser flows write (a ward's task, an indicator value, notices): they get a product of their own, so the
session's shared one keeps exactly the seed data other tests count."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from tiendo.stack import Stack

from tests.conftest import running_stack
from tests.mailbox import Mailbox


@pytest.fixture(scope="module")
def e2e_stack(
    new_database: Callable[[str], str], tmp_path_factory: pytest.TempPathFactory, mailbox: Mailbox
) -> Iterator[Stack]:
    with running_stack(new_database("e2e"), tmp_path_factory.mktemp("e2e"), mailbox) as running:
        yield running
