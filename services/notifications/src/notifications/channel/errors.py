"""The one error a channel raises when a message did not get through."""

from __future__ import annotations


class DeliveryFailed(Exception):
    """`reason` is short and goes into the delivery log; `retryable` tells the engine whether trying again later
    can help (a server down, a timeout, a 4xx SMTP reply) or not (the recipient's server refused the address)."""

    def __init__(self, reason: str, *, retryable: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable

    def __repr__(self) -> str:
        return f"DeliveryFailed({self.reason!r}, retryable={self.retryable})"
