"""The words of every notification: all four blocks in Vietnamese, HTML escaped, text plain, contexts complete."""

from __future__ import annotations

import re

import pytest
from jinja2 import UndefinedError
from notifications.channel.templates import EVENT_TYPES, TEMPLATES_DIR, Rendered, UnknownEvent, render, render_digest

from tests.notifications.channel.samples import SAMPLES, USER_TEXT_KEYS, sample

VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE)
TAG = re.compile(r"</?[a-zA-Z!][^>]*>")
SCRIPT = "<script>alert('x')</script>"

ALL_EVENTS = pytest.mark.parametrize("event_type", sorted(EVENT_TYPES))


class TestEveryEventType:
    def test_has_a_template_file_a_sample_and_a_vietnamese_label(self) -> None:
        files = {path.name.removesuffix(".jinja") for path in TEMPLATES_DIR.glob("*.jinja")}
        assert files - {"_layout", "_parts", "digest"} == set(EVENT_TYPES)
        assert set(SAMPLES) == set(EVENT_TYPES)
        assert all(VIETNAMESE.search(label) for label in EVENT_TYPES.values())

    @ALL_EVENTS
    def test_renders_all_four_blocks_in_vietnamese(self, event_type: str) -> None:
        rendered = render(event_type, SAMPLES[event_type])
        for block in (rendered.subject, rendered.summary, rendered.text, rendered.html):
            assert block == block.strip()
            assert VIETNAMESE.search(block)
        assert "\n" not in rendered.subject
        assert "\n" not in rendered.summary

    @ALL_EVENTS
    def test_text_is_plain_and_html_is_a_page_with_the_link_and_the_footer(self, event_type: str) -> None:
        context = SAMPLES[event_type]
        rendered = render(event_type, context)
        assert not TAG.search(rendered.text)
        assert rendered.text.startswith(f"Kính gửi {context['recipient_name']},")
        assert context["link"] in rendered.text
        assert rendered.html.startswith("<!DOCTYPE html>")
        assert f'<a href="{context["link"]}"' in rendered.html
        for body in (rendered.text, rendered.html):
            assert "Thông báo → Tuỳ chọn" in body
            assert f"“{EVENT_TYPES[event_type]}”" in body

    @ALL_EVENTS
    def test_html_escapes_user_text_that_the_text_keeps_as_typed(self, event_type: str) -> None:
        context = {key: (SCRIPT if key in USER_TEXT_KEYS else value) for key, value in SAMPLES[event_type].items()}
        rendered = render(event_type, context)
        assert "<script>" not in rendered.html
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in rendered.html
        assert SCRIPT in rendered.text

    @ALL_EVENTS
    def test_without_a_link_there_is_no_button(self, event_type: str) -> None:
        rendered = render(event_type, sample(event_type, link=None))
        assert "<a " not in rendered.html
        assert "Xem chi tiết" not in rendered.text

    @pytest.mark.parametrize(
        ("event_type", "key"),
        [(event, key) for event, context in sorted(SAMPLES.items()) for key in context if key != "app_name"],
    )
    def test_a_missing_context_key_is_refused(self, event_type: str, key: str) -> None:
        context = {k: v for k, v in SAMPLES[event_type].items() if k != key}
        with pytest.raises(UndefinedError):
            render(event_type, context)


class TestWording:
    def test_due_soon_names_the_task_and_the_working_days_left(self) -> None:
        rendered = render("task.due_soon", SAMPLES["task.due_soon"])
        assert rendered.subject == "Nhiệm vụ sắp đến hạn: Xây dựng cơ sở dữ liệu đổi mới sáng tạo của tỉnh"
        assert "còn 3 ngày làm việc là đến hạn; thời hạn: Quý II/2026 (ngày 30/06/2026)." in rendered.summary

    def test_a_deadline_that_is_a_date_is_not_said_twice(self) -> None:
        rendered = render("task.overdue", sample("task.overdue", deadline_text="30/06/2026"))
        assert rendered.summary.endswith("thời hạn: ngày 30/06/2026.")

    def test_assigning_several_tasks_is_one_message_about_the_plan(self) -> None:
        rendered = render("task.assigned", sample("task.assigned", tasks_count=4, role_label="phối hợp"))
        assert rendered.subject == "Được giao 4 nhiệm vụ của kế hoạch 45/KH-UBND"
        assert rendered.summary.startswith("Sở Khoa học và Công nghệ được giao phối hợp thực hiện 4 nhiệm vụ")

    def test_escalation_says_which_agency_is_late_and_to_whom(self) -> None:
        rendered = render("task.escalated", SAMPLES["task.escalated"])
        assert rendered.subject == "Sở Khoa học và Công nghệ chậm thực hiện nhiệm vụ 2.3 (20 ngày làm việc)"
        assert "Thông báo gửi cơ quan thường trực để theo dõi, đôn đốc." in rendered.summary

    @pytest.mark.parametrize(
        ("approved", "expected"),
        [(True, "đã được chấp thuận; thời hạn mới: ngày 30/09/2026."), (False, "không được chấp thuận")],
    )
    def test_extension_decision_says_which_way_it_went(self, approved: bool, expected: str) -> None:
        rendered = render("task.extension_decided", sample("task.extension_decided", approved=approved))
        assert expected in rendered.summary

    @pytest.mark.parametrize("event_type", ["task.report_due", "indicator.report_due"])
    def test_a_report_due_today_says_today(self, event_type: str) -> None:
        assert render(event_type, sample(event_type, days=0)).subject.startswith("Hôm nay là hạn báo cáo")
        assert render(event_type, sample(event_type, days=2)).subject.startswith("Sắp đến hạn báo cáo")

    def test_a_directive_keeps_its_line_breaks_in_both_bodies(self) -> None:
        rendered = render("task.directive", SAMPLES["task.directive"])
        assert "    Đề nghị Sở khẩn trương hoàn thành.\n    Báo cáo kết quả trước ngày 15/06/2026." in rendered.text
        assert "Đề nghị Sở khẩn trương hoàn thành.<br>\nBáo cáo kết quả trước ngày 15/06/2026." in rendered.html

    def test_a_long_comment_is_shortened_in_the_summary_only(self) -> None:
        body = "Nội dung trao đổi rất dài. " * 40
        rendered = render("task.commented", sample("task.commented", body=body))
        assert len(rendered.summary) < 400
        assert rendered.summary.endswith("…")
        assert body.strip() in " ".join(rendered.text.split())


class TestRefusals:
    @pytest.mark.parametrize("event_type", ["task.unknown", "digest", "_layout", "../templates/_layout"])
    def test_an_event_type_without_its_own_template_is_unknown(self, event_type: str) -> None:
        with pytest.raises(UnknownEvent) as raised:
            render(event_type, SAMPLES["task.due_soon"])
        assert isinstance(raised.value, KeyError)

    def test_a_link_that_is_not_http_is_refused(self) -> None:
        with pytest.raises(ValueError, match="link"):
            render("task.due_soon", sample("task.due_soon", link="javascript:alert(1)"))


class TestDigest:
    def items(self) -> list[Rendered]:
        return [render("task.due_soon", SAMPLES["task.due_soon"]), render("task.commented", SAMPLES["task.commented"])]

    def test_lists_every_item_with_its_subject_summary_and_link(self) -> None:
        items = self.items()
        digest = render_digest("Nguyễn Thị Hương", "05/06/2026", items, ["https://tiendo.example.vn/a", None])
        assert digest.subject == "Bản tin hằng ngày của Tiến Độ — 05/06/2026"
        assert digest.summary == "Bạn có 2 thông báo mới trong ngày 05/06/2026."
        assert not TAG.search(digest.text)
        for item in items:
            assert item.subject in digest.text
            assert item.summary in digest.text
        assert "https://tiendo.example.vn/a" in digest.text
        assert digest.html.count('<a href="https://tiendo.example.vn/a"') == 1
        assert "thông báo gộp hằng ngày" in digest.html
        assert "Thông báo → Tuỳ chọn" in digest.html

    def test_escapes_the_items_once_in_html(self) -> None:
        item = render("task.due_soon", sample("task.due_soon", task_title=SCRIPT))
        digest = render_digest("Hương", "05/06/2026", [item], [None])
        assert "<script>" not in digest.html
        assert "&lt;script&gt;" in digest.html
        assert "&amp;lt;" not in digest.html
        assert SCRIPT in digest.text

    def test_needs_one_link_per_item(self) -> None:
        with pytest.raises(ValueError):
            render_digest("Hương", "05/06/2026", self.items(), [None])
