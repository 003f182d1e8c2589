"""Tables users upload (CSV or XLSX) → rows of text, the first row being the header."""

from __future__ import annotations

import csv
import io

from common.errors import InvalidInput

MAX_FILE_BYTES = 5 * 1024 * 1024


def read_csv(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    return [list(r) for r in csv.reader(io.StringIO(text))]


def read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    sheet = book.worksheets[0]
    rows = [["" if v is None else str(v).strip() for v in r] for r in sheet.iter_rows(values_only=True)]
    book.close()
    return rows


def read_rows(filename: str, data: bytes) -> list[list[str]]:
    """The rows of an uploaded .xlsx or .csv; a file that cannot be read is refused on the `file` field."""
    if len(data) > MAX_FILE_BYTES:
        raise InvalidInput.on("file", f"Tệp lớn hơn {MAX_FILE_BYTES // (1024 * 1024)} MB.")
    name = filename.lower()
    try:
        if name.endswith(".xlsx"):
            return read_xlsx(data)
        if name.endswith(".csv"):
            return read_csv(data)
    except UnicodeDecodeError as exc:
        raise InvalidInput.on("file", "Tệp CSV phải mã hóa UTF-8.") from exc
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise InvalidInput.on("file", "Không đọc được tệp; hãy kiểm tra đúng định dạng XLSX hoặc CSV.") from exc
    raise InvalidInput.on("file", "Chỉ nhận tệp .xlsx hoặc .csv.")
