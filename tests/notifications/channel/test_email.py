"""E-mail sent to a real SMTP server (aiosmtpd on loopback): what arrives, and how refusals are classified."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from notifications.channel.email import SmtpConfig, send_email
from notifications.channel.errors import DeliveryFailed
from notifications.channel.templates import Rendered, render

from tests.conftest import free_port
from tests.notifications.channel.samples import SAMPLES

SENDER = "Tiến Độ <no-reply@tiendo.example.vn>"
TO = "huong.nt@sokhcn.example.vn"


@dataclass
class Mailbox:
    """An aiosmtpd handler keeping what it receives; `rcpt_reply` set answers every RCPT with it instead."""

    rcpt_reply: str | None = None
    received: list[tuple[str, list[str], bytes]] = field(default_factory=list)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:  # noqa: N802
        if self.rcpt_reply:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted for delivery"


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    yield Mailbox()


@pytest.fixture
def smtp(mailbox: Mailbox) -> Iterator[SmtpConfig]:
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield SmtpConfig(host="127.0.0.1", port=port, sender=SENDER, timeout=5.0)
    finally:
        controller.stop()


@pytest.fixture
def due_soon() -> Rendered:
    return render("task.due_soon", SAMPLES["task.due_soon"])


def parsed(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


class TestDelivery:
    async def test_the_message_arrives_with_its_vietnamese_subject_and_both_bodies(
        self, smtp: SmtpConfig, mailbox: Mailbox, due_soon: Rendered
    ) -> None:
        await send_email(smtp, TO, due_soon, message_id="<delivery-1@tiendo.example.vn>")

        [(mail_from, rcpt_tos, raw)] = mailbox.received
        assert (mail_from, rcpt_tos) == ("no-reply@tiendo.example.vn", [TO])
        message = parsed(raw)
        assert message["Subject"] == "Nhiệm vụ sắp đến hạn: Xây dựng cơ sở dữ liệu đổi mới sáng tạo của tỉnh"
        assert message["From"].addresses[0].display_name == "Tiến Độ"
        assert message["To"] == TO
        assert message["Date"].datetime is not None
        assert message.get_content_type() == "multipart/alternative"
        plain = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        assert plain is not None and html is not None
        assert plain.get_content().strip() == due_soon.text.replace("\r\n", "\n")
        assert "Kính gửi Nguyễn Thị Hương," in plain.get_content()
        assert "còn 3 ngày làm việc là đến hạn" in html.get_content()
        assert html.get_content().strip() == due_soon.html

    async def test_the_message_id_is_kept_so_a_retry_can_be_recognised(
        self, smtp: SmtpConfig, mailbox: Mailbox, due_soon: Rendered
    ) -> None:
        await send_email(smtp, TO, due_soon, message_id="<delivery-7@tiendo.example.vn>")
        await send_email(smtp, TO, due_soon, message_id="delivery-8")

        first, second = (parsed(raw) for _, _, raw in mailbox.received)
        assert first["Message-ID"] == "<delivery-7@tiendo.example.vn>"
        assert second["Message-ID"] == "<delivery-8@tiendo.example.vn>"

    async def test_headers_on_the_wire_are_ascii_with_the_subject_rfc2047_encoded(
        self, smtp: SmtpConfig, mailbox: Mailbox, due_soon: Rendered
    ) -> None:
        await send_email(smtp, TO, due_soon, message_id="<delivery-2@tiendo.example.vn>")

        [(_, _, raw)] = mailbox.received
        head = raw.split(b"\r\n\r\n", 1)[0]
        assert head.isascii()
        assert b"Subject: =?utf-8?" in head
        assert b"Auto-Submitted: auto-generated" in head
        assert raw.isascii()  # bodies are encoded too, for relays without 8BITMIME

    async def test_every_space_of_a_long_subject_survives_folding(self, smtp: SmtpConfig, mailbox: Mailbox) -> None:
        # The subject is folded into several encoded words; a space at a fold must stay inside one of them.
        sentence = (
            "Nhiệm vụ sắp đến hạn: Xây dựng cơ sở dữ liệu đổi mới sáng tạo của tỉnh và triển khai <b>nền tảng</b> số"
            " & “dữ liệu” dùng chung của tỉnh Lâm Đồng năm 2026"
        )
        words = sentence.split(" ")
        subjects = [" ".join(words[:count]) for count in range(6, len(words) + 1)]
        for number, subject in enumerate(subjects):
            rendered = Rendered(subject=subject, summary="-", text="-", html="<p>-</p>")
            await send_email(smtp, TO, rendered, message_id=f"<long-{number}@tiendo.example.vn>")

        assert [parsed(raw)["Subject"] for _, _, raw in mailbox.received] == subjects


class TestFailures:
    async def test_a_closed_port_is_worth_retrying(self, due_soon: Rendered) -> None:
        config = SmtpConfig(host="127.0.0.1", port=free_port(), sender=SENDER, timeout=2.0)
        with pytest.raises(DeliveryFailed) as raised:
            await send_email(config, TO, due_soon, message_id="<d@tiendo.example.vn>")
        assert raised.value.retryable is True
        assert raised.value.reason.startswith("Không gửi được tới máy chủ thư")

    async def test_a_recipient_refused_with_550_is_not_worth_retrying(
        self, smtp: SmtpConfig, mailbox: Mailbox, due_soon: Rendered
    ) -> None:
        mailbox.rcpt_reply = "550 5.1.1 No such user here"
        with pytest.raises(DeliveryFailed) as raised:
            await send_email(smtp, TO, due_soon, message_id="<d@tiendo.example.vn>")
        assert raised.value.retryable is False
        assert "550" in raised.value.reason
        assert "No such user here" in raised.value.reason
        assert mailbox.received == []

    async def test_a_recipient_deferred_with_450_is_worth_retrying(
        self, smtp: SmtpConfig, mailbox: Mailbox, due_soon: Rendered
    ) -> None:
        mailbox.rcpt_reply = "450 4.2.1 Mailbox busy, try later"
        with pytest.raises(DeliveryFailed) as raised:
            await send_email(smtp, TO, due_soon, message_id="<d@tiendo.example.vn>")
        assert raised.value.retryable is True
        assert "450" in raised.value.reason

    @pytest.mark.parametrize(
        "to",
        [
            "huong@example.vn\r\nBcc: everyone@example.vn",
            "Hương <huong@example.vn>",
            "a@example.vn, b@example.vn",
            "hương@example.vn",
            "not-an-address",
        ],
    )
    async def test_an_address_that_is_not_one_plain_address_is_refused_before_connecting(
        self, smtp: SmtpConfig, mailbox: Mailbox, due_soon: Rendered, to: str
    ) -> None:
        with pytest.raises(DeliveryFailed) as raised:
            await send_email(smtp, to, due_soon, message_id="<d@tiendo.example.vn>")
        assert raised.value.retryable is False
        assert mailbox.received == []
