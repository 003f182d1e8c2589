"""Domain errors as classes, rendered once as RFC 9457 problem+json with Vietnamese titles."""

from __future__ import annotations

from typing import Any, ClassVar

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://tiendo.vn/problems/"


class FieldError(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    """The problem+json body every 4xx/5xx carries."""

    type: str
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[FieldError] = []


class AppError(Exception):
    """Base of every error a user may see; subclasses set `status`, `code` and a Vietnamese `title`."""

    status: ClassVar[int] = 400
    code: ClassVar[str] = "bad-request"
    title: ClassVar[str] = "Yêu cầu không hợp lệ"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: list[FieldError] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.errors = errors or []
        self.headers = headers or {}

    def problem(self, instance: str | None = None) -> Problem:
        return Problem(
            type=TYPE_BASE + self.code,
            title=self.title,
            status=self.status,
            detail=self.detail,
            instance=instance,
            errors=self.errors,
        )


class InvalidInput(AppError):
    status = 422
    code = "validation"
    title = "Dữ liệu không hợp lệ"

    @classmethod
    def on(cls, field: str, message: str) -> InvalidInput:
        return cls(f"{field}: {message}", errors=[FieldError(field=field, message=message)])


class NotAuthenticated(AppError):
    status = 401
    code = "not-authenticated"
    title = "Chưa xác thực"

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(detail or "Bạn cần đăng nhập để tiếp tục.", headers={"WWW-Authenticate": "Bearer"})


class Forbidden(AppError):
    status = 403
    code = "forbidden"
    title = "Không có quyền"


class NotFound(AppError):
    status = 404
    code = "not-found"
    title = "Không tìm thấy"


class Conflict(AppError):
    status = 409
    code = "conflict"
    title = "Xung đột dữ liệu"


class PreconditionFailed(AppError):
    status = 412
    code = "precondition-failed"
    title = "Dữ liệu đã bị thay đổi"


class PreconditionRequired(AppError):
    status = 428
    code = "precondition-required"
    title = "Thiếu điều kiện If-Match"


class TooManyRequests(AppError):
    status = 429
    code = "too-many-requests"
    title = "Quá nhiều yêu cầu"


class Locked(AppError):
    status = 423
    code = "locked"
    title = "Tài khoản tạm khóa"


class ServiceUnavailable(AppError):
    status = 503
    code = "service-unavailable"
    title = "Dịch vụ tạm thời không khả dụng"


class GatewayTimeout(AppError):
    status = 504
    code = "gateway-timeout"
    title = "Dịch vụ phản hồi quá chậm"


def problem_responses(*errors: type[AppError]) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route, so the OpenAPI shows the problems it can answer with."""
    return {err.status: {"model": Problem, "description": err.title, "content": {PROBLEM_JSON: {}}} for err in errors}


_HTTP_TITLES = {
    400: ("bad-request", "Yêu cầu không hợp lệ"),
    401: ("not-authenticated", "Chưa xác thực"),
    403: ("forbidden", "Không có quyền"),
    404: ("not-found", "Không tìm thấy"),
    405: ("method-not-allowed", "Phương thức không được hỗ trợ"),
    406: ("not-acceptable", "Định dạng không được hỗ trợ"),
    413: ("payload-too-large", "Dữ liệu gửi lên quá lớn"),
    415: ("unsupported-media-type", "Kiểu dữ liệu không được hỗ trợ"),
    429: ("too-many-requests", "Quá nhiều yêu cầu"),
}

# Pydantic error types → Vietnamese, with the context values pydantic gives.
_VALIDATION_MESSAGES: dict[str, str] = {
    "missing": "Trường này là bắt buộc.",
    "string_type": "Phải là chuỗi ký tự.",
    "string_too_short": "Phải có ít nhất {min_length} ký tự.",
    "string_too_long": "Không được dài quá {max_length} ký tự.",
    "string_pattern_mismatch": "Không đúng định dạng yêu cầu.",
    "int_type": "Phải là số nguyên.",
    "int_parsing": "Phải là số nguyên.",
    "float_type": "Phải là số.",
    "float_parsing": "Phải là số.",
    "bool_type": "Phải là true hoặc false.",
    "bool_parsing": "Phải là true hoặc false.",
    "greater_than": "Phải lớn hơn {gt}.",
    "greater_than_equal": "Phải lớn hơn hoặc bằng {ge}.",
    "less_than": "Phải nhỏ hơn {lt}.",
    "less_than_equal": "Phải nhỏ hơn hoặc bằng {le}.",
    "enum": "Phải là một trong các giá trị: {expected}.",
    "literal_error": "Phải là một trong các giá trị: {expected}.",
    "value_error": "Giá trị không hợp lệ: {reason}",
    "uuid_type": "Phải là mã UUID.",
    "uuid_parsing": "Phải là mã UUID hợp lệ.",
    "date_type": "Phải là ngày (yyyy-mm-dd).",
    "date_parsing": "Phải là ngày (yyyy-mm-dd).",
    "date_from_datetime_parsing": "Phải là ngày (yyyy-mm-dd).",
    "datetime_type": "Phải là thời điểm ISO 8601.",
    "datetime_parsing": "Phải là thời điểm ISO 8601.",
    "list_type": "Phải là danh sách.",
    "too_short": "Phải có ít nhất {min_length} phần tử.",
    "too_long": "Không được quá {max_length} phần tử.",
    "dict_type": "Phải là đối tượng JSON.",
    "model_type": "Phải là đối tượng JSON.",
    "model_attributes_type": "Phải là đối tượng JSON.",
    "json_invalid": "Nội dung JSON không hợp lệ.",
    "json_type": "Nội dung JSON không hợp lệ.",
    "extra_forbidden": "Trường này không được phép.",
    "url_parsing": "Phải là địa chỉ URL hợp lệ.",
    "url_scheme": "Địa chỉ URL phải bắt đầu bằng http:// hoặc https://.",
    "set_type": "Phải là danh sách không trùng lặp.",
}


def vietnamese_message(error: dict[str, Any]) -> str:
    if str(error.get("msg", "")).startswith("value is not a valid email address"):
        return "Địa chỉ thư điện tử không hợp lệ."
    template = _VALIDATION_MESSAGES.get(error["type"])
    ctx = dict(error.get("ctx") or {})
    if "expected" in ctx:
        ctx["expected"] = str(ctx["expected"]).replace(" or ", " hoặc ")
    if "reason" not in ctx and "error" in ctx:
        ctx["reason"] = str(ctx["error"]).removeprefix("Value error, ")
    if template is None:
        return f"Giá trị không hợp lệ ({error['type']})."
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return template.split(":")[0].split("{")[0].rstrip() + "."


def field_path(loc: tuple[Any, ...] | list[Any], error_type: str = "") -> str:
    """`("body", "agency", "code")` → `agency.code`; query/path/header names keep their own name."""
    if error_type == "json_invalid":
        return "body"  # pydantic puts the byte offset of the syntax error there, not a field
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        parts = parts[1:]
    return ".".join(parts) or "body"


def _problem_response(problem: Problem, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        problem.model_dump(exclude_none=True),
        status_code=problem.status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def install_error_handlers(app: FastAPI) -> None:
    log = structlog.get_logger("errors")

    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> JSONResponse:
        return _problem_response(exc.problem(request.url.path), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            FieldError(field=field_path(err.get("loc", ()), err["type"]), message=vietnamese_message(err))
            for err in exc.errors()
        ]
        detail = "; ".join(f"{e.field}: {e.message}" for e in errors[:5])
        err = InvalidInput(detail, errors=errors)
        return _problem_response(err.problem(request.url.path))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, title = _HTTP_TITLES.get(exc.status_code, ("error", "Lỗi"))
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail != title else None
        if exc.status_code == 404 and detail in (None, "Not Found"):
            detail = "Không tìm thấy địa chỉ được yêu cầu."
        if exc.status_code == 405:
            detail = "Địa chỉ này không hỗ trợ phương thức " + request.method + "."
        problem = Problem(
            type=TYPE_BASE + code, title=title, status=exc.status_code, detail=detail, instance=request.url.path
        )
        return _problem_response(problem, dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", path=request.url.path)
        problem = Problem(
            type=TYPE_BASE + "internal",
            title="Lỗi hệ thống",
            status=500,
            detail="Đã có lỗi ngoài dự kiến. Vui lòng thử lại; nếu vẫn lỗi, hãy báo quản trị với mã yêu cầu.",
            instance=request.url.path,
        )
        return _problem_response(problem)
