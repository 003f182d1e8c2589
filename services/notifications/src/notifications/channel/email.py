"""E-mail over SMTP with the standard library, in a worker thread so the event loop keeps going.

The Vietnamese subject and sender name are RFC 2047 encoded and the bodies base64, so any relay takes the message,
8BITMIME and SMTPUTF8 or not. The message is built with the `email.mime` classes and `email.header.Header`: the
newer `EmailMessage` folder puts the space between two encoded words outside them, where readers drop it
("sáng tạocủa tỉnh", CPython issue 92081). The Message-ID comes from the caller: a retried delivery carries the
same one, and a receiver can drop the duplicate."""

from __future__ import annotations

import asyncio
import smtplib
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr, parseaddr

from notifications.channel.errors import DeliveryFailed
from notifications.channel.templates import Rendered


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    sender: str  # "Tiến Độ <no-reply@tiendo.vn>"
    username: str | None = None
    password: str | None = None
    starttls: bool = False
    timeout: float = 10.0


async def send_email(config: SmtpConfig, to: str, rendered: Rendered, *, message_id: str) -> None:
    """Raises DeliveryFailed; `retryable` is False only when retrying the same message cannot help (a 5xx
    refusal of the recipient or of the message, an address that is not one)."""
    message = _build_message(config, to, rendered, message_id=message_id)
    await asyncio.to_thread(_send, config, message, parseaddr(config.sender)[1], to)


def _build_message(config: SmtpConfig, to: str, rendered: Rendered, *, message_id: str) -> MIMEMultipart:
    """`message_id` is used as is when already `<…@…>`, otherwise put in brackets at the sender's domain."""
    if not _is_plain_address(to):
        raise DeliveryFailed(f"Địa chỉ thư điện tử không hợp lệ: {to!r}", retryable=False)
    sender_name, sender_address = parseaddr(config.sender)
    message = MIMEMultipart("alternative")
    message["From"] = formataddr((sender_name, sender_address), charset="utf-8")
    message["To"] = to
    # A Header object is what the compat32 folder encodes properly; typeshed only admits str here.
    message["Subject"] = Header(rendered.subject, "utf-8", header_name="Subject")  # type: ignore[assignment]
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = _message_id(message_id, sender_address)
    # RFC 3834: out-of-office robots should not answer a notification.
    message["Auto-Submitted"] = "auto-generated"
    message["Content-Language"] = "vi"
    # Plain first: a reader shows the last alternative it understands.
    message.attach(MIMEText(rendered.text, "plain", "utf-8"))
    message.attach(MIMEText(rendered.html, "html", "utf-8"))
    return message


def _send(config: SmtpConfig, message: MIMEMultipart, sender: str, to: str) -> None:
    try:
        with smtplib.SMTP(config.host, config.port, timeout=config.timeout) as smtp:
            if config.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if config.username:
                smtp.login(config.username, config.password or "")
            smtp.send_message(message, from_addr=sender, to_addrs=[to])
    except smtplib.SMTPRecipientsRefused as error:
        code, reply = next(iter(error.recipients.values()))
        raise DeliveryFailed(
            f"Máy chủ thư từ chối người nhận: {code} {_text(reply)}", retryable=not _permanent(code)
        ) from error
    except smtplib.SMTPDataError as error:
        raise DeliveryFailed(
            f"Máy chủ thư từ chối nội dung thư: {error.smtp_code} {_text(error.smtp_error)}",
            retryable=not _permanent(error.smtp_code),
        ) from error
    except smtplib.SMTPResponseException as error:
        # Sender refused, login failed, greeting refused: the server or our settings, the same for every message;
        # retrying lets a fixed configuration take over without losing the notification.
        raise DeliveryFailed(
            f"Máy chủ thư trả lời lỗi: {error.smtp_code} {_text(error.smtp_error)}", retryable=True
        ) from error
    except TimeoutError as error:
        raise DeliveryFailed("Hết thời gian chờ máy chủ thư", retryable=True) from error
    except (smtplib.SMTPException, OSError) as error:
        # Connection refused or dropped, DNS, TLS, a server without STARTTLS.
        raise DeliveryFailed(f"Không gửi được tới máy chủ thư: {_text(error)}", retryable=True) from error


def _permanent(code: int) -> bool:
    return 500 <= code < 600


def _text(value: object) -> str:
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return " ".join(text.split())[:200]


def _is_plain_address(to: str) -> bool:
    # A bare ASCII address: nothing a header could be smuggled in with, no need for SMTPUTF8.
    _, address = parseaddr(to)
    plain = to.isascii() and not any(c.isspace() or c in '<>,;"' for c in to)
    return plain and address == to and to.count("@") == 1 and not to.startswith("@") and not to.endswith("@")


def _message_id(message_id: str, sender_address: str) -> str:
    if not message_id.isascii() or any(c.isspace() for c in message_id):
        raise ValueError(f"message_id must be ASCII without spaces, got {message_id!r}")
    if message_id.startswith("<") and message_id.endswith(">") and "@" in message_id:
        return message_id
    domain = sender_address.rpartition("@")[2] or "tiendo.local"
    return f"<{message_id}@{domain}>"
