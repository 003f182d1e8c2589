from __future__ import annotations

from common.errors import NotFound


class PlanNotFound(NotFound):
    code = "plan-not-found"
    title = "Không tìm thấy văn bản"

    def __init__(self) -> None:
        super().__init__("Không có văn bản (kế hoạch) này.")
