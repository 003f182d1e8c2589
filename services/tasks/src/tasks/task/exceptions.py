from __future__ import annotations

from common.errors import NotFound


class TaskNotFound(NotFound):
    code = "task-not-found"
    title = "Không tìm thấy nhiệm vụ"

    def __init__(self) -> None:
        super().__init__("Không có nhiệm vụ này, hoặc đơn vị của bạn không được xem nhiệm vụ này.")


class ExtensionNotFound(NotFound):
    code = "extension-not-found"
    title = "Không tìm thấy đề nghị gia hạn"

    def __init__(self) -> None:
        super().__init__("Không có đề nghị gia hạn này cho nhiệm vụ.")
