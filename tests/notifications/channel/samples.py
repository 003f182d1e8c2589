"""A realistic context for every event type, as the engine passes it (dates already dd/mm/yyyy): each key here is
needed by its template."""

from __future__ import annotations

from typing import Any

COMMON: dict[str, Any] = {
    "recipient_name": "Nguyễn Thị Hương",
    "link": "https://tiendo.example.vn/nhiem-vu/218",
    "app_name": "Tiến Độ",
}

TASK: dict[str, Any] = {
    "agency_name": "Sở Khoa học và Công nghệ",
    "task_number": "2.3",
    "task_title": "Xây dựng cơ sở dữ liệu đổi mới sáng tạo của tỉnh",
    "plan_symbol": "45/KH-UBND",
    "deadline_text": "Quý II/2026",
    "due_date": "30/06/2026",
}

INDICATOR: dict[str, Any] = {
    "agency_name": "Sở Thông tin và Truyền thông",
    "plan_symbol": "12/KH-UBND",
    "period_label": "Quý I/2026",
    "due_date": "15/04/2026",
}

SAMPLES: dict[str, dict[str, Any]] = {
    "task.assigned": {**COMMON, **TASK, "role_label": "chủ trì", "tasks_count": 1},
    "task.due_soon": {**COMMON, **TASK, "days": 3},
    # The engine also passes days (0) here; the message does not need it.
    "task.due_today": {**COMMON, **TASK},
    "task.overdue": {**COMMON, **TASK, "days_overdue": 5},
    "task.escalated": {**COMMON, **TASK, "days_overdue": 20, "level_label": "cơ quan thường trực"},
    "task.report_due": {**COMMON, **TASK, "deadline_text": "Thường xuyên", "due_date": "20/06/2026", "days": 2},
    "task.returned": {
        **{key: value for key, value in TASK.items() if key not in ("deadline_text", "due_date")},
        **COMMON,
        "reason": "Thiếu biên bản nghiệm thu.\nĐề nghị bổ sung số liệu quý I.",
    },
    "task.extension_decided": {
        **{key: value for key, value in TASK.items() if key != "deadline_text"},
        **COMMON,
        "approved": True,
        "due_date": "30/09/2026",
        "note": "Đồng ý gia hạn một lần.",
    },
    "task.directive": {
        **COMMON,
        "task_number": "2.3",
        "task_title": "Xây dựng cơ sở dữ liệu đổi mới sáng tạo của tỉnh",
        "plan_symbol": "45/KH-UBND",
        "author": "Đồng chí Trần Văn Bình, Phó Chủ tịch UBND tỉnh",
        "body": "Đề nghị Sở khẩn trương hoàn thành.\nBáo cáo kết quả trước ngày 15/06/2026.",
    },
    "task.commented": {
        **COMMON,
        "task_number": "2.3",
        "task_title": "Xây dựng cơ sở dữ liệu đổi mới sáng tạo của tỉnh",
        "plan_symbol": "45/KH-UBND",
        "author": "Lê Minh Tuấn (Văn phòng UBND tỉnh)",
        "body": "Đơn vị cập nhật giúp tiến độ tháng này.",
    },
    "indicator.period_open": {**COMMON, **INDICATOR, "missing_count": 7},
    "indicator.report_due": {**COMMON, **INDICATOR, "days": 2, "missing_count": 4},
    "indicator.report_late": {**COMMON, **INDICATOR, "missing_count": 2},
    "indicator.value_returned": {
        **COMMON,
        "agency_name": "Sở Thông tin và Truyền thông",
        "indicator_name": "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình",
        "period_label": "Quý I/2026",
        "reason": "Số liệu chưa khớp với báo cáo của Văn phòng UBND tỉnh.",
    },
    "indicator.value_accepted": {
        **COMMON,
        "agency_name": "Sở Thông tin và Truyền thông",
        "indicator_name": "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình",
        "period_label": "Quý I/2026",
    },
}

# Fields a user types; the escaping tests put markup in all of them.
USER_TEXT_KEYS = ("task_title", "indicator_name", "agency_name", "author", "body", "reason", "note", "recipient_name")


def sample(event_type: str, **changes: Any) -> dict[str, Any]:
    return {**SAMPLES[event_type], **changes}
