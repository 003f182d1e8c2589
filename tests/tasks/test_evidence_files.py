"""Evidence files through the gateway: upload, download byte for byte, refusals (too large, wrong type, empty,
another agency), Idempotency-Key, and a completion report naming the uploaded file. Own plan, so the seed
counts stay untouched."""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from tiendo.stack import Stack

from tests.conftest import assert_problem
from tests.tasks.task_support import own_plan

TASKS = "/api/v1/tasks"
LIMIT = 20 * 1024 * 1024  # TASKS_MAX_UPLOAD_BYTES default, which the test stack keeps
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
ROWS = (
    "I,Minh chứng điện tử,,,,\n"
    "1,Số hóa hồ sơ bệnh án tại bệnh viện tuyến tỉnh,Sở Y tế,,Hồ sơ bệnh án số,Tháng 12/2030\n"
    "2,Báo cáo kết quả số hóa hồ sơ bệnh án,Sở Y tế,,Báo cáo kết quả,Tháng 12/2030\n"
)

Auth = Callable[[str], dict[str, str]]


@pytest.fixture(scope="module")
def tasks(client: httpx.Client, auth: Auth) -> dict[str, dict[str, Any]]:
    """Two tasks led by Sở Y tế only, in a plan of their own: "1" for files, "2" for the completion report."""
    _, tasks = own_plan(client, auth, ROWS, "Kế hoạch số hóa hồ sơ bệnh án (kiểm thử minh chứng)")
    return tasks


def _upload(
    api: httpx.Client, headers: dict[str, str], task: dict[str, Any], name: str, content: bytes, **form: str
) -> httpx.Response:
    return api.post(
        f"{TASKS}/{task['id']}/evidence",
        files={"file": (name, content, "application/octet-stream")},
        data=form,
        headers=headers,
    )


def _file_url(task: dict[str, Any], evidence_id: str) -> str:
    return f"{TASKS}/{task['id']}/evidence/{evidence_id}/file"


def _rows(stack: Stack, task: dict[str, Any]) -> int:
    async def count() -> int:
        conn = await asyncpg.connect(stack.database_url.replace("+asyncpg", ""))
        try:
            return int(await conn.fetchval("SELECT count(*) FROM tasks.evidence WHERE task_id = $1", task["id"]))
        finally:
            await conn.close()

    return asyncio.run(count())


def _stored_files(stack: Stack) -> list[Path]:
    return sorted(p for p in (stack.key_dir.parent / "evidence").rglob("*") if p.is_file())


class TestUploadAndDownload:
    def test_a_pdf_comes_back_byte_identical_under_its_vietnamese_name(
        self, client: httpx.Client, auth: Auth, tasks: dict[str, dict[str, Any]], stack: Stack
    ) -> None:
        task = tasks["1"]
        uploaded = _upload(client, auth("syt.canbo"), task, "Báo cáo số hóa.pdf", PDF, title="Báo cáo quý IV")
        assert uploaded.status_code == 201, uploaded.text
        body = uploaded.json()
        assert (body["kind"], body["title"], body["filename"]) == ("file", "Báo cáo quý IV", "Báo cáo số hóa.pdf")
        assert (body["content_type"], body["size"]) == ("application/pdf", len(PDF))
        assert body["sha256"] == hashlib.sha256(PDF).hexdigest()
        for reader in ("syt.lanhdao", "coordinator", "leader"):
            downloaded = client.get(_file_url(task, body["id"]), headers=auth(reader))
            assert downloaded.status_code == 200, downloaded.text
            assert downloaded.content == PDF
        assert downloaded.headers["content-type"] == "application/pdf"
        # The service sets it; the gateway, which adds it to every response, does not repeat it.
        assert downloaded.headers.get_list("x-content-type-options") == ["nosniff"]
        disposition = downloaded.headers["content-disposition"]
        assert disposition.startswith('attachment; filename="Bao cao so hoa.pdf"')
        assert "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20s%E1%BB%91%20h%C3%B3a.pdf" in disposition
        assert any(p.read_bytes() == PDF for p in _stored_files(stack))

    def test_an_exe_renamed_to_pdf_is_refused_with_the_allowed_types(
        self, client: httpx.Client, auth: Auth, tasks: dict[str, dict[str, Any]]
    ) -> None:
        exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
        refused = _upload(client, auth("syt.canbo"), tasks["1"], "bao-cao.pdf", exe)
        problem = assert_problem(refused, 415, "file")
        assert "Nội dung tệp không đúng định dạng .pdf" in str(problem["detail"])
        assert "Word (.doc, .docx)" in str(problem["detail"])
        assert_problem(_upload(client, auth("syt.canbo"), tasks["1"], "cai-dat.exe", exe), 415, "file")

    def test_an_empty_file_is_refused(self, client: httpx.Client, auth: Auth, tasks: dict[str, dict[str, Any]]) -> None:
        problem = assert_problem(_upload(client, auth("syt.canbo"), tasks["1"], "trong.pdf", b""), 422, "file")
        assert "Tệp rỗng" in str(problem["detail"])

    def test_evidence_of_another_task_is_not_found(
        self, client: httpx.Client, auth: Auth, tasks: dict[str, dict[str, Any]]
    ) -> None:
        uploaded = _upload(client, auth("syt.canbo"), tasks["1"], "anh-chup.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
        assert uploaded.status_code == 201, uploaded.text
        assert uploaded.json()["content_type"] == "image/png"
        assert_problem(client.get(_file_url(tasks["2"], uploaded.json()["id"]), headers=auth("syt.canbo")), 404)
        assert_problem(client.get(_file_url(tasks["1"], str(uuid.uuid4())), headers=auth("syt.canbo")), 404)


class TestLimits:
    def test_a_file_over_the_limit_is_refused_and_leaves_no_row_and_no_file(
        self, client: httpx.Client, auth: Auth, tasks: dict[str, dict[str, Any]], stack: Stack
    ) -> None:
        rows, files = _rows(stack, tasks["1"]), _stored_files(stack)
        big = PDF + b"\0" * (LIMIT + 1 - len(PDF))
        problem = assert_problem(_upload(client, auth("syt.canbo"), tasks["1"], "lon.pdf", big), 413, "file")
        assert "20 MB" in str(problem["detail"])
        assert (_rows(stack, tasks["1"]), _stored_files(stack)) == (rows, files)

    def test_a_chunked_upload_without_content_length_is_counted_and_stopped(
        self, client: httpx.Client, auth: Auth, tasks: dict[str, dict[str, Any]], stack: Stack
    ) -> None:
        rows, files = _rows(stack, tasks["1"]), _stored_files(stack)
        boundary = uuid.uuid4().hex

        def body() -> Iterator[bytes]:
            yield (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="lon.pdf"\r\n'
                "Content-Type: application/pdf\r\n\r\n"
            ).encode() + PDF
            for _ in range(LIMIT // (1024 * 1024) + 2):
                yield b"\0" * (1024 * 1024)
            yield f"\r\n--{boundary}--\r\n".encode()

        refused = client.post(
            f"{TASKS}/{tasks['1']['id']}/evidence",
            content=body(),
            headers={**auth("syt.canbo"), "Content-Type": f"multipart/form-data; boundary={boundary}"},
        )
        assert_problem(refused, 413, "file")
        assert (_rows(stack, tasks["1"]), _stored_files(stack)) == (rows, files)

    def test_a_file_at_the_limit_is_accepted(
        self, client: httpx.Client, auth: Auth, tasks: dict[str, dict[str, Any]]
    ) -> None:
        exact = PDF + b"\0" * (LIMIT - len(PDF))
        uploaded = _upload(client, auth("syt.canbo"), tasks["1"], "vua-du.pdf", exact)
        assert uploaded.status_code == 201, uploaded.text
        downloaded = client.get(_file_url(tasks["1"], uploaded.json()["id"]), headers=auth("syt.canbo"))
        assert hashlib.sha256(downloaded.content).hexdigest() == hashlib.sha256(exact).hexdigest()


class TestWhoAndHowOften:
    def test_an_officer_of_an_agency_not_on_the_task_neither_uploads_nor_downloads(
        self, client: httpx.Client, auth: Auth, tasks: dict[str, dict[str, Any]], stack: Stack
    ) -> None:
        rows = _rows(stack, tasks["1"])
        assert_problem(_upload(client, auth("vietri.canbo"), tasks["1"], "bao-cao.pdf", PDF), 404)
        uploaded = _upload(client, auth("syt.canbo"), tasks["1"], "bao-cao.pdf", PDF)
        assert_problem(client.get(_file_url(tasks["1"], uploaded.json()["id"]), headers=auth("vietri.canbo")), 404)
        assert _rows(stack, tasks["1"]) == rows + 1

    def test_a_leader_reads_but_does_not_upload(
        self, client: httpx.Client, auth: Auth, tasks: dict[str, dict[str, Any]]
    ) -> None:
        assert_problem(_upload(client, auth("leader"), tasks["1"], "bao-cao.pdf", PDF), 403)

    def test_the_same_idempotency_key_stores_the_file_once(
        self, client: httpx.Client, auth: Auth, tasks: dict[str, dict[str, Any]], stack: Stack
    ) -> None:
        rows, files = _rows(stack, tasks["1"]), _stored_files(stack)
        headers = {**auth("syt.canbo"), "Idempotency-Key": uuid.uuid4().hex}
        first = _upload(client, headers, tasks["1"], "ke-hoach.docx", b"PK\x03\x04" + b"\0" * 40)
        again = _upload(client, headers, tasks["1"], "ke-hoach.docx", b"PK\x03\x04" + b"\0" * 40)
        assert (first.status_code, again.status_code) == (201, 201), again.text
        assert again.headers["idempotent-replayed"] == "true"
        assert again.json()["id"] == first.json()["id"]
        assert (_rows(stack, tasks["1"]), len(_stored_files(stack))) == (rows + 1, len(files) + 1)
        other = _upload(client, headers, tasks["1"], "khac.docx", b"PK\x03\x04" + b"\1" * 40)
        assert_problem(other, 422, "Idempotency-Key")


class TestCompletionWithAFile:
    def test_a_report_naming_the_uploaded_file_completes_the_task(
        self, client: httpx.Client, auth: Auth, tasks: dict[str, dict[str, Any]]
    ) -> None:
        task = tasks["2"]
        without = client.post(
            f"{TASKS}/{task['id']}/progress", json={"percent": 100, "submit": True}, headers=auth("syt.canbo")
        )
        assert_problem(without, 422, "evidence")
        uploaded = _upload(client, auth("syt.canbo"), task, "Báo cáo kết quả.pdf", PDF)
        assert uploaded.status_code == 201, uploaded.text
        submitted = client.post(
            f"{TASKS}/{task['id']}/progress",
            json={"percent": 100, "submit": True, "evidence_ids": [uploaded.json()["id"]]},
            headers=auth("syt.canbo"),
        )
        assert submitted.status_code == 201, submitted.text
        share = next(a for a in submitted.json()["assignments"] if a["role"] == "lead")
        assert share["status"] == "submitted"
        timeline = client.get(f"{TASKS}/{task['id']}/progress", headers=auth("coordinator")).json()
        assert [e["filename"] for e in timeline[-1]["evidence"]] == ["Báo cáo kết quả.pdf"]
        late = _upload(client, auth("syt.canbo"), task, "bo-sung.pdf", PDF)
        assert_problem(late, 409)
        accepted = client.post(
            f"{TASKS}/{task['id']}/review",
            json={"assignment_id": share["id"], "decision": "accept"},
            headers=auth("coordinator"),
        )
        assert accepted.status_code == 200, accepted.text
        assert client.get(f"{TASKS}/{task['id']}", headers=auth("syt.canbo")).json()["status"] == "completed_on_time"
