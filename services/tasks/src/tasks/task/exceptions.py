from __future__ import annotations

from common.errors import AppError, FieldError, NotFound


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


class EvidenceNotFound(NotFound):
    code = "evidence-not-found"
    title = "Không tìm thấy minh chứng"

    def __init__(self, detail: str = "Không có tệp minh chứng này trong nhiệm vụ.") -> None:
        super().__init__(detail)


class _FileError(AppError):
    def __init__(self, message: str) -> None:
        super().__init__(f"file: {message}", errors=[FieldError(field="file", message=message)])


class FileTooLarge(_FileError):
    status = 413
    code = "file-too-large"
    title = "Tệp quá lớn"


class FileTypeNotAllowed(_FileError):
    status = 415
    code = "file-type-not-allowed"
    title = "Loại tệp không được chấp nhận"
