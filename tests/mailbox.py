"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for the tests of e-mail delivery."""

from __future__ import annotations

import email
import email.policy
import threading
import time
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller


class _Keeper:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's hook name
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        with self.lock:
            self.messages.append(message)
        return "250 OK"


class Mailbox:
    def __init__(self, port: int) -> None:
        self.port = port
        self._keeper = _Keeper()
        self._controller = Controller(self._keeper, hostname="127.0.0.1", port=port)

    def start(self) -> Mailbox:
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    def messages(self, to: str | None = None) -> list[EmailMessage]:
        with self._keeper.lock:
            found = list(self._keeper.messages)
        return [m for m in found if to is None or to in str(m["To"])]

    def wait_for(
        self, count: int, *, to: str | None = None, timeout: float = 30.0, where: Any = None
    ) -> list[EmailMessage]:
        """Messages to `to` (matching `where`), once there are at least `count`."""
        deadline = time.monotonic() + timeout
        while True:
            found = [m for m in self.messages(to) if where is None or where(m)]
            if len(found) >= count or time.monotonic() > deadline:
                return found
            time.sleep(0.2)


def body_text(message: EmailMessage, subtype: str) -> str:
    part = message.get_body(preferencelist=(subtype,))
    assert part is not None, f"no text/{subtype} part"
    return str(part.get_content())
