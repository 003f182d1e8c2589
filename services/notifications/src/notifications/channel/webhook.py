"""Signed webhooks.

Each delivery is a POST of a compact UTF-8 JSON body with four headers:

- `X-TienDo-Event`: the event type, e.g. `task.due_soon`;
- `X-TienDo-Delivery`: the delivery id, the same on every retry, so the receiver can drop duplicates;
- `X-TienDo-Timestamp`: Unix seconds when this attempt was signed;
- `X-TienDo-Signature`: `sha256=` + hex HMAC-SHA256, keyed with the subscription's secret, of
  `f"{timestamp}."` followed by the raw body bytes.

A receiver recomputes the HMAC over the body exactly as received, compares in constant time and refuses a
timestamp more than five minutes away from its clock: `verify` does all three. Signing the timestamp with the
body keeps a captured request from being replayed later.

Redirects are not followed. In production the URL must be https and every address its host resolves to must be
public, checked when the URL is saved and again before each delivery (DNS may have changed since). A resolver
answering differently between that check and httpx's own connection remains possible; pinning the checked
address for the connection would close it."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import ipaddress
import json
import random
import socket
from collections.abc import Mapping
from typing import Any

import httpx

from notifications.channel.errors import DeliveryFailed

SIGNATURE_HEADER = "X-TienDo-Signature"
TIMESTAMP_HEADER = "X-TienDo-Timestamp"
EVENT_HEADER = "X-TienDo-Event"
DELIVERY_HEADER = "X-TienDo-Delivery"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Carrier-grade NAT (RFC 6598): neither private nor global; named so the rule does not hide in is_global.
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


class UnresolvableHost(ValueError):
    """The host has no address right now: possibly a passing DNS failure, so a delivery may try again."""


def sign(secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(
    secret: str,
    timestamp_header: str | None,
    signature_header: str | None,
    body: bytes,
    *,
    now: int,
    tolerance: int = 300,
) -> bool:
    """True when the signature is ours for this body and the timestamp is within `tolerance` seconds of `now`."""
    # Plain digits only: int() would also take "+1000" or "1_000" for the signed "1000".
    if not timestamp_header or not (timestamp_header.isascii() and timestamp_header.isdigit()) or not signature_header:
        return False
    timestamp = int(timestamp_header)
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body).encode(), signature_header.strip().encode())


async def check_webhook_url(url: str, *, production: bool) -> None:
    """Raises ValueError (UnresolvableHost when the name does not resolve) with a message for the user.

    The URL is parsed by httpx, the parser that will make the request, so both agree on the host."""
    try:
        target = httpx.URL(url)
    except httpx.InvalidURL as error:
        raise ValueError("Địa chỉ webhook không hợp lệ") from error
    allowed = ("https",) if production else ("http", "https")
    if target.scheme not in allowed:
        raise ValueError(
            "Địa chỉ webhook phải dùng giao thức https"
            if production
            else "Địa chỉ webhook phải bắt đầu bằng http:// hoặc https://"
        )
    if target.userinfo:
        raise ValueError("Địa chỉ webhook không được chứa tên đăng nhập hoặc mật khẩu")
    if not target.host:
        raise ValueError("Địa chỉ webhook thiếu tên máy chủ")
    port = target.port or (443 if target.scheme == "https" else 80)
    if not 0 < port < 65536:
        raise ValueError("Cổng trong địa chỉ webhook không hợp lệ")
    if not production:
        return
    for address in await _addresses(target.raw_host.decode("ascii"), port):
        if not _is_public(address):
            raise ValueError(
                f"Địa chỉ webhook trỏ tới mạng nội bộ hoặc địa chỉ dành riêng ({address}); "
                "chỉ chấp nhận địa chỉ công khai trên Internet"
            )


async def post_webhook(
    http: httpx.AsyncClient,
    url: str,
    secret: str,
    event_type: str,
    delivery_id: str,
    payload: Mapping[str, Any],
    *,
    now: int,
    production: bool,
) -> None:
    """One attempt; raises DeliveryFailed. The timeout is the client's; the response body is never read."""
    if production:
        try:
            await check_webhook_url(url, production=True)
        except UnresolvableHost as error:
            raise DeliveryFailed(str(error), retryable=True) from error
        except ValueError as error:
            raise DeliveryFailed(str(error), retryable=False) from error
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "TienDo-Webhook/1",
        EVENT_HEADER: event_type,
        DELIVERY_HEADER: delivery_id,
        TIMESTAMP_HEADER: str(now),
        SIGNATURE_HEADER: sign(secret, now, body),
    }
    try:
        async with http.stream("POST", url, content=body, headers=headers, follow_redirects=False) as response:
            status = response.status_code
    except httpx.TimeoutException as error:
        raise DeliveryFailed("Hết thời gian chờ máy nhận webhook", retryable=True) from error
    except httpx.TransportError as error:
        raise DeliveryFailed(f"Không kết nối được máy nhận webhook: {type(error).__name__}", retryable=True) from error
    except httpx.InvalidURL as error:
        raise DeliveryFailed("Địa chỉ webhook không hợp lệ", retryable=False) from error
    if 200 <= status < 300:
        return
    if 300 <= status < 400:
        raise DeliveryFailed(
            f"Máy nhận webhook trả về chuyển hướng {status} (không theo chuyển hướng)", retryable=False
        )
    # 408 and 429 say "later"; 5xx is the receiver's trouble; any other 4xx will be refused again.
    retryable = status in (408, 429) or status >= 500
    raise DeliveryFailed(f"Máy nhận webhook trả về lỗi {status}", retryable=retryable)


def backoff_seconds(attempt: int, *, base: float, cap: float, jitter_key: str | None = None) -> float:
    """Delay before retry number `attempt` (1 = the first retry): base, 2×base, 4×base, … never above cap.

    With a `jitter_key` (a delivery id) the delay is shortened by up to 10 %, the same for the same key and
    attempt, so deliveries failing together do not all come back in the same second."""
    if attempt < 1:
        raise ValueError("attempt starts at 1")
    delay = min(cap, base * 2.0 ** min(attempt - 1, 62))
    if jitter_key is None:
        return delay
    fraction = random.Random(f"{jitter_key}:{attempt}").random()
    return delay * (1.0 - 0.1 * fraction)


async def _addresses(host: str, port: int) -> list[IPAddress]:
    try:
        # A literal address needs no DNS; an IPv6 zone ("%25eth0" in a URL) does not change where it points.
        return [ipaddress.ip_address(host.split("%", 1)[0])]
    except ValueError:
        pass
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise UnresolvableHost(f"Không phân giải được tên máy chủ của địa chỉ webhook: {host}") from error
    if not infos:
        raise UnresolvableHost(f"Không phân giải được tên máy chủ của địa chỉ webhook: {host}")
    # An IPv6 answer may carry a zone ("fe80::1%eth0"); the address is what matters.
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


def _is_public(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address):
        # An IPv6 form that carries an IPv4 address reaches that IPv4 address.
        # (NAT64's 64:ff9b::/96 lies in the reserved ::/8 and is refused below.)
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None and not _is_public(embedded):
            return False
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_unspecified
        or address.is_multicast
        or address.is_reserved
        or address in _CGNAT
        or not address.is_global
    )
