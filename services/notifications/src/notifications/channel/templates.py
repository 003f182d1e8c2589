"""The words of every notification: one Jinja file per event type in `templates/`, each with four blocks —
`subject` (the inbox title and e-mail subject), `summary` (the inbox body and webhook summary), `text` and `html`
(the e-mail bodies, wrapped by `_layout.jinja` with the greeting, the link and the footer).

Blocks are rendered one by one. The same files are compiled twice: plainly for subject, summary and text, and
with autoescape for html, so user text (a task title with `<`) is escaped in HTML and left as typed elsewhere,
without any template having to remember it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

APP_NAME = "Tiến Độ"
TEMPLATES_DIR = Path(__file__).with_name("templates")

# Event type → the label users see on the preference screen (and in the footer saying why they got a message).
EVENT_TYPES: dict[str, str] = {
    "task.assigned": "Được giao nhiệm vụ",
    "task.due_soon": "Nhiệm vụ sắp đến hạn",
    "task.due_today": "Nhiệm vụ đến hạn hôm nay",
    "task.overdue": "Nhiệm vụ quá hạn",
    "task.escalated": "Nhiệm vụ quá hạn kéo dài (báo cáo cấp trên)",
    "task.report_due": "Đến hạn báo cáo định kỳ nhiệm vụ",
    "task.returned": "Kết quả nhiệm vụ bị trả lại",
    "task.extension_decided": "Quyết định về đề nghị gia hạn",
    "task.directive": "Ý kiến chỉ đạo",
    "task.commented": "Ý kiến trao đổi về nhiệm vụ",
    "indicator.period_open": "Mở kỳ báo cáo chỉ tiêu",
    "indicator.report_due": "Sắp đến hạn báo cáo chỉ tiêu",
    "indicator.report_late": "Chậm báo cáo chỉ tiêu",
    "indicator.value_returned": "Số liệu chỉ tiêu bị trả lại",
    "indicator.value_accepted": "Số liệu chỉ tiêu được chấp nhận",
}

DIGEST_FOOTER = "Bạn nhận được bản tin này vì đã chọn nhận thông báo gộp hằng ngày qua thư điện tử."


class UnknownEvent(KeyError):
    """No template for this event type."""


@dataclass(frozen=True)
class Rendered:
    subject: str
    summary: str
    text: str
    html: str


def render(event_type: str, context: Mapping[str, Any]) -> Rendered:
    """Raises UnknownEvent for an event type without a template, jinja2.UndefinedError for a missing context key."""
    if event_type not in EVENT_TYPES:  # also keeps names like "_layout" or "../x" away from the loader
        raise UnknownEvent(event_type)
    values = {"app_name": APP_NAME, **context}
    _check_link(values.get("link"))
    footer = (
        f"Bạn nhận được thư này vì tài khoản của bạn đang bật thông báo “{EVENT_TYPES[event_type]}” trên {APP_NAME}."
    )
    return _render_file(f"{event_type}.jinja", values, footer)


def render_digest(recipient_name: str, day: str, items: Sequence[Rendered], links: Sequence[str | None]) -> Rendered:
    """One e-mail for the day's non-urgent messages, each with its subject, summary and link (if any)."""
    for link in links:
        _check_link(link)
    entries = [
        {"subject": item.subject, "summary": item.summary, "link": link}
        for item, link in zip(items, links, strict=True)
    ]
    values = {"app_name": APP_NAME, "recipient_name": recipient_name, "day": day, "items": entries, "link": None}
    return _render_file("digest.jinja", values, DIGEST_FOOTER)


def _render_file(name: str, values: dict[str, Any], footer: str) -> Rendered:
    subject = _one_line(_block(_PLAIN, name, "subject", values))
    summary = _one_line(_block(_PLAIN, name, "summary", values))
    # Text and html quote the summary as rendered: on one line, whatever the line breaks of the template.
    values = {**values, "summary": summary}
    around = {**values, "subject": subject, "footer": footer}
    text = _block(_PLAIN, "_layout.jinja", "text", {**around, "body": _block(_PLAIN, name, "text", values)})
    body = Markup(_block(_HTML, name, "html", values))  # noqa: S704 (rendered by the autoescaping environment)
    html = _block(_HTML, "_layout.jinja", "html", {**around, "body": body})
    return Rendered(subject=subject, summary=summary, text=_tidy(text), html=html)


def _block(env: Environment, name: str, block: str, values: Mapping[str, Any]) -> str:
    template = env.get_template(name)
    context = template.new_context(dict(values))
    return "".join(template.blocks[block](context)).strip()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _check_link(link: object) -> None:
    # Links come from the engine, but a `javascript:` href in an e-mail button is not worth the trust.
    if link is not None and not (isinstance(link, str) and link.startswith(("https://", "http://"))):
        raise ValueError(f"link must be an absolute http(s) URL, got {link!r}")


def _deadline(deadline_text: str | None, due_date: str | None) -> str:
    """The plan's own words for a deadline with the date they resolve to: "Quý II/2026 (ngày 30/06/2026)"."""
    if not due_date:
        return deadline_text or "chưa xác định"
    if not deadline_text or due_date in deadline_text:
        return f"ngày {due_date}"
    return f"{deadline_text} (ngày {due_date})"


def _nl2br(value: object) -> Markup:
    """Multi-line user text (a directive, a reason) in HTML: escaped, its line breaks kept."""
    return Markup("<br>\n").join(escape(line) for line in str(value).splitlines())


def _environment(*, autoescape: bool) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        # Off only for the compile that renders subject, summary and text, which are never HTML.
        autoescape=autoescape,  # noqa: S701
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.globals["deadline"] = _deadline
    env.filters["nl2br"] = _nl2br
    return env


_PLAIN = _environment(autoescape=False)
_HTML = _environment(autoescape=True)
