from __future__ import annotations

from common.errors import NotFound


class IndicatorNotFound(NotFound):
    code = "indicator-not-found"
    title = "Không tìm thấy chỉ tiêu"

    def __init__(self) -> None:
        super().__init__("Không có chỉ tiêu này, hoặc đơn vị của bạn không được xem chỉ tiêu này.")


class ValueNotFound(NotFound):
    code = "value-not-found"
    title = "Không tìm thấy số liệu"

    def __init__(self) -> None:
        super().__init__("Không có số liệu này, hoặc đơn vị của bạn không được xem số liệu này.")


class PlanNotFound(NotFound):
    code = "plan-not-found"
    title = "Không tìm thấy kế hoạch"

    def __init__(self) -> None:
        super().__init__("Không có kế hoạch có chỉ tiêu với mã này.")
