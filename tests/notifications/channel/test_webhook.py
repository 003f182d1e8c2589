"""Signed webhooks to a real HTTP receiver on loopback, the signature scheme, the URL check and the retry delays."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from notifications.channel.errors import DeliveryFailed
from notifications.channel.webhook import (
    DELIVERY_HEADER,
    EVENT_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    UnresolvableHost,
    backoff_seconds,
    check_webhook_url,
    post_webhook,
    sign,
    verify,
)

from tests.conftest import free_port

SECRET = "whsec-bi-mat-cua-so-khcn"
PAYLOAD = {
    "event": "task.due_soon",
    "subject": "Nhiệm vụ sắp đến hạn: Xây dựng cơ sở dữ liệu đổi mới sáng tạo của tỉnh",
    "due_date": "30/06/2026",
}


@dataclass
class Receiver:
    """What a subscriber's endpoint saw; `status`, `location` and `delay` shape its answer."""

    url: str = ""
    status: int = 204
    location: str | None = None
    delay: float = 0.0
    received: list[tuple[str, dict[str, str], bytes]] = field(default_factory=list)


class _Server(ThreadingHTTPServer):
    receiver: Receiver


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_POST(self) -> None:
        receiver = self.server.receiver
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        receiver.received.append((self.path, dict(self.headers.items()), body))
        time.sleep(receiver.delay)
        self.send_response(receiver.status)
        if receiver.location:
            self.send_header("Location", receiver.location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.receiver = Receiver(url=f"http://127.0.0.1:{server.server_address[1]}/hooks/tiendo")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.receiver
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    # trust_env=False: a proxy from the environment must not stand between the test and its loopback receiver.
    async with httpx.AsyncClient(timeout=2.0, trust_env=False) as client:
        yield client


async def deliver(http: httpx.AsyncClient, url: str, *, production: bool = False) -> int:
    now = int(time.time())
    await post_webhook(http, url, SECRET, "task.due_soon", "dlv-42", PAYLOAD, now=now, production=production)
    return now


class TestSignature:
    def test_is_a_sha256_hmac_of_the_timestamp_and_the_body(self) -> None:
        # Reference value computed independently: printf '1767225600.{"a":1}' | openssl dgst -sha256 -hmac secret
        signature = sign("secret", 1767225600, b'{"a":1}')
        assert signature == "sha256=96a067a1c95eb143fc00b9097bcfcbcd5456adda508c443ff219748e764dbed7"

    def test_verifies_within_the_tolerance_and_not_after(self) -> None:
        body = b'{"a":1}'
        signature = sign(SECRET, 1000, body)
        assert verify(SECRET, "1000", signature, body, now=1000 + 300)
        assert verify(SECRET, "1000", signature, body, now=1000 - 300)
        assert not verify(SECRET, "1000", signature, body, now=1000 + 301)
        assert not verify(SECRET, "1000", signature, body, now=1000 - 301)

    @pytest.mark.parametrize(
        ("secret", "timestamp", "body"),
        [
            pytest.param(SECRET, "1000", b'{"a":2}', id="tampered body"),
            pytest.param("another-secret", "1000", b'{"a":1}', id="other secret"),
            pytest.param(SECRET, "1001", b'{"a":1}', id="other timestamp"),
            pytest.param(SECRET, "abc", b'{"a":1}', id="timestamp not a number"),
            pytest.param(SECRET, "1_000", b'{"a":1}', id="timestamp not plain digits"),
            pytest.param(SECRET, None, b'{"a":1}', id="no timestamp"),
        ],
    )
    def test_refuses_anything_changed(self, secret: str, timestamp: str | None, body: bytes) -> None:
        assert not verify(secret, timestamp, sign(SECRET, 1000, b'{"a":1}'), body, now=1000)

    def test_refuses_a_missing_or_malformed_signature(self) -> None:
        assert not verify(SECRET, "1000", None, b"{}", now=1000)
        assert not verify(SECRET, "1000", "sha256=00", b"{}", now=1000)


class TestPostWebhook:
    async def test_the_receiver_gets_the_json_and_can_verify_the_signature(
        self, http: httpx.AsyncClient, receiver: Receiver
    ) -> None:
        now = await deliver(http, receiver.url)

        [(path, headers, body)] = receiver.received
        assert path == "/hooks/tiendo"
        assert verify(SECRET, headers[TIMESTAMP_HEADER], headers[SIGNATURE_HEADER], body, now=now)
        assert headers[TIMESTAMP_HEADER] == str(now)
        assert (headers[EVENT_HEADER], headers[DELIVERY_HEADER]) == ("task.due_soon", "dlv-42")
        assert headers["Content-Type"] == "application/json; charset=utf-8"
        assert json.loads(body) == PAYLOAD
        # Compact, UTF-8 as is (no \\u escapes).
        assert body.startswith('{"event":"task.due_soon","subject":"Nhiệm vụ sắp đến hạn: '.encode())

    @pytest.mark.parametrize(
        ("status", "retryable"),
        [(500, True), (503, True), (429, True), (408, True), (404, False), (400, False), (410, False)],
    )
    async def test_an_error_status_fails_retryable_only_when_trying_later_can_help(
        self, http: httpx.AsyncClient, receiver: Receiver, status: int, retryable: bool
    ) -> None:
        receiver.status = status
        with pytest.raises(DeliveryFailed) as raised:
            await deliver(http, receiver.url)
        assert raised.value.retryable is retryable
        assert str(status) in raised.value.reason

    async def test_a_redirect_is_not_followed(self, http: httpx.AsyncClient, receiver: Receiver) -> None:
        receiver.status, receiver.location = 302, receiver.url + "/elsewhere"
        with pytest.raises(DeliveryFailed) as raised:
            await deliver(http, receiver.url)
        assert raised.value.retryable is False
        assert "302" in raised.value.reason
        assert [path for path, _, _ in receiver.received] == ["/hooks/tiendo"]

    async def test_a_closed_port_is_worth_retrying(self, http: httpx.AsyncClient) -> None:
        with pytest.raises(DeliveryFailed) as raised:
            await deliver(http, f"http://127.0.0.1:{free_port()}/hook")
        assert raised.value.retryable is True

    async def test_a_receiver_slower_than_the_client_timeout_is_worth_retrying(self, receiver: Receiver) -> None:
        receiver.delay = 1.0
        async with httpx.AsyncClient(timeout=0.2, trust_env=False) as impatient:
            with pytest.raises(DeliveryFailed) as raised:
                await deliver(impatient, receiver.url)
        assert raised.value.retryable is True
        assert "Hết thời gian chờ" in raised.value.reason

    async def test_in_production_a_url_into_the_private_network_is_refused_before_sending(
        self, http: httpx.AsyncClient, receiver: Receiver
    ) -> None:
        with pytest.raises(DeliveryFailed) as raised:
            await deliver(http, receiver.url.replace("http://", "https://"), production=True)
        assert raised.value.retryable is False
        assert receiver.received == []


REFUSED_IN_PRODUCTION = [
    "http://127.0.0.1/x",
    "https://127.0.0.1/x",
    "https://127.8.9.10/x",
    "https://10.1.2.3/hook",
    "https://[::1]/",
    "https://169.254.169.254/latest/meta-data/",
    "https://[fe80::1]/",
    "https://[fe80::1%25eth0]/",
    "https://192.168.1.1",
    "https://172.20.0.1",
    "https://[fd00::1]/",
    "https://100.64.0.1/",
    "https://0.0.0.0/",
    "https://[::]/",
    "https://224.0.0.1/",
    "https://240.0.0.1/",
    "https://[::ffff:127.0.0.1]/",
    "https://[::ffff:10.0.0.1]/",
    "https://[2002:a00:1::]/",  # 6to4 wrapping 10.0.0.1
    "https://[64:ff9b::a9fe:a9fe]/",  # NAT64 wrapping 169.254.169.254
    "https://localhost/",
    "https://2130706433/",  # 127.0.0.1 written as one number, resolved by the system
    "ftp://files.example.com/hook",
    "https://user:pw@example.com/hook",
    "https:///no-host",
    "https://example.com:99999/",
    " https://93.184.216.34/",
    "https://93.184.216.34\t@127.0.0.1/",
    "https://127.0.0.1\\@93.184.216.34/",
]


class TestCheckWebhookUrl:
    @pytest.mark.parametrize("url", REFUSED_IN_PRODUCTION)
    async def test_in_production_refuses_with_a_vietnamese_message(self, url: str) -> None:
        with pytest.raises(ValueError, match=r"^(Địa chỉ webhook|Cổng trong địa chỉ webhook) ") as raised:
            await check_webhook_url(url, production=True)
        assert raised.type is not UnresolvableHost

    async def test_in_production_a_host_that_does_not_resolve_is_refused(self) -> None:
        with pytest.raises(UnresolvableHost, match="Không phân giải được tên máy chủ"):
            await check_webhook_url("https://no-such-host.invalid/hook", production=True)

    @pytest.mark.parametrize("url", ["https://93.184.216.34/hook", "https://[2606:2800:220:1:248:1893:25c8:1946]/h"])
    async def test_in_production_accepts_a_public_address(self, url: str) -> None:
        await check_webhook_url(url, production=True)

    @pytest.mark.parametrize("url", ["http://127.0.0.1:8080/", "https://localhost/hook", "http://10.0.0.5/h"])
    async def test_outside_production_accepts_plain_http_and_local_addresses(self, url: str) -> None:
        await check_webhook_url(url, production=False)

    @pytest.mark.parametrize(
        ("url", "message"),
        [
            ("ftp://127.0.0.1/", "http:// hoặc https://"),
            ("http://user:pw@127.0.0.1/", "tên đăng nhập hoặc mật khẩu"),
            ("http:///x", "thiếu tên máy chủ"),
        ],
    )
    async def test_outside_production_still_refuses_what_is_not_a_webhook_url(self, url: str, message: str) -> None:
        with pytest.raises(ValueError, match=message):
            await check_webhook_url(url, production=False)


class TestBackoff:
    @pytest.mark.parametrize(
        ("attempt", "expected"),
        [(1, 60.0), (2, 120.0), (3, 240.0), (4, 480.0), (7, 3600.0), (8, 3600.0), (1000, 3600.0)],
    )
    def test_doubles_from_the_base_up_to_the_cap(self, attempt: int, expected: float) -> None:
        assert backoff_seconds(attempt, base=60.0, cap=3600.0) == expected

    def test_jitter_is_the_same_for_the_same_delivery_and_shortens_by_at_most_a_tenth(self) -> None:
        delays = {key: backoff_seconds(3, base=60.0, cap=3600.0, jitter_key=key) for key in ("a", "b", "c", "d")}
        assert delays == {key: backoff_seconds(3, base=60.0, cap=3600.0, jitter_key=key) for key in delays}
        assert all(216.0 <= delay <= 240.0 for delay in delays.values())
        assert len(set(delays.values())) > 1

    def test_attempts_count_from_one(self) -> None:
        with pytest.raises(ValueError):
            backoff_seconds(0, base=60.0, cap=3600.0)
