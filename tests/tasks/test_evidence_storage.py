"""The storage backends for evidence files: SigV4 against AWS's published examples, the local folder (keys that
cannot escape it, whole-or-nothing writes), and S3Storage against a real S3-compatible server (moto) that checks
every signature."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import boto3
import httpx
import pytest
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from tasks.config import Settings
from tasks.models import Task
from tasks.storage import LocalStorage, ObjectMissing, S3Storage, StorageError, storage_from
from tasks.storage.sigv4 import EMPTY_SHA256, encode_path, sign
from tasks.task.evidence import check_file, clean_filename, content_disposition, stored

from tests.conftest import free_port

DB = "postgresql://tasks@127.0.0.1:5432/tiendo"  # never connected to
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\ntrailer << >>\n%%EOF\n"
# The example credentials of AWS's "Signature Calculations for the Authorization Header" (S3 API reference).
AWS_EXAMPLE = {
    "access_key": "AKIAIOSFODNN7EXAMPLE",
    "secret_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "region": "us-east-1",
    "now": datetime(2013, 5, 24, tzinfo=UTC),
}


async def _read(chunks: AsyncIterator[bytes]) -> bytes:
    return b"".join([c async for c in chunks])


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


async def _stream(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


class TestSignatureV4:
    def test_get_object_matches_the_published_example(self) -> None:
        headers = sign(
            "GET",
            "/test.txt",
            {"Host": "examplebucket.s3.amazonaws.com", "Range": "bytes=0-9"},
            EMPTY_SHA256,
            **AWS_EXAMPLE,  # type: ignore[arg-type]
        )
        assert headers["authorization"] == (
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
            "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        )
        assert headers["x-amz-date"] == "20130524T000000Z"

    def test_put_object_with_an_encoded_key_matches_the_published_example(self) -> None:
        body = b"Welcome to Amazon S3."
        headers = sign(
            "PUT",
            encode_path("/test$file.text"),
            {
                "Host": "examplebucket.s3.amazonaws.com",
                "Date": "Fri, 24 May 2013 00:00:00 GMT",
                "x-amz-storage-class": "REDUCED_REDUNDANCY",
            },
            hashlib.sha256(body).hexdigest(),
            **AWS_EXAMPLE,  # type: ignore[arg-type]
        )
        assert headers["authorization"].endswith(
            "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"
        )


class TestLocalStorage:
    async def test_a_streamed_object_comes_back_whole_and_is_deleted(self, tmp_path: Path) -> None:
        storage = LocalStorage(tmp_path)
        await storage.put("evidence/t1/a", _stream(PDF[:5], PDF[5:]), "application/pdf")
        assert await _read(await storage.open("evidence/t1/a")) == PDF
        await storage.delete("evidence/t1/a")
        await storage.delete("evidence/t1/a")  # twice is fine
        with pytest.raises(ObjectMissing):
            await storage.open("evidence/t1/a")

    @pytest.mark.parametrize("key", ["../x", "a/../../x", "/etc/passwd", ".hidden", "a/.b", "a\\b", "a//b", ""])
    async def test_a_key_that_could_leave_the_folder_is_refused(self, tmp_path: Path, key: str) -> None:
        with pytest.raises(ValueError, match="invalid storage key"):
            await LocalStorage(tmp_path / "root").put(key, b"x", "text/plain")
        assert not (tmp_path / "x").exists()

    async def test_a_symlink_out_of_the_folder_is_refused(self, tmp_path: Path) -> None:
        (tmp_path / "root").mkdir()
        (tmp_path / "root" / "out").symlink_to(tmp_path)
        with pytest.raises(ValueError, match="invalid storage key"):
            await LocalStorage(tmp_path / "root").put("out/x", b"x", "text/plain")

    async def test_a_write_that_fails_midway_leaves_neither_the_object_nor_a_temp_file(self, tmp_path: Path) -> None:
        async def broken() -> AsyncIterator[bytes]:
            yield PDF
            raise ConnectionResetError("client went away")

        storage = LocalStorage(tmp_path)
        with pytest.raises(ConnectionResetError):
            await storage.put("evidence/t1/b", broken(), "application/pdf")
        assert _files(tmp_path) == []


class TestStoredThenRecorded:
    async def test_the_object_is_deleted_when_the_database_write_fails(self, tmp_path: Path) -> None:
        storage = LocalStorage(tmp_path)
        upload = UploadFile(io.BytesIO(PDF), filename="Báo cáo.pdf")
        checked = await check_file(upload, 1024)
        with pytest.raises(RuntimeError, match="commit failed"):
            async with stored(storage, upload, checked, Task(id=uuid.uuid4())) as key:
                assert await _read(await storage.open(key)) == PDF
                raise RuntimeError("commit failed")
        assert _files(tmp_path) == []

    def test_names_lose_folders_and_control_characters_and_keep_vietnamese(self) -> None:
        assert clean_filename("C:\\Users\\cán bộ\\Báo cáo\x00 quý.pdf") == "Báo cáo quý.pdf"
        assert clean_filename("../../etc/passwd") == "passwd"
        assert content_disposition('Đề án "số".pdf') == (
            "attachment; filename=\"De an _so_.pdf\"; filename*=UTF-8''%C4%90%E1%BB%81%20%C3%A1n%20%22s%E1%BB%91%22.pdf"
        )


@pytest.fixture(scope="module")
def moto_url() -> Iterator[str]:
    """A real S3-compatible server (moto) on 127.0.0.1, started for this module."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/moto-api/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "moto server did not start"
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def s3_credentials(moto_url: str) -> dict[str, str]:
    """A user with an access key allowed everything, and a bucket; then moto starts checking every signature."""
    setup = {"endpoint_url": moto_url, "region_name": "us-east-1", "aws_access_key_id": "setup"}
    iam = boto3.client("iam", aws_secret_access_key="setup", **setup)
    iam.create_user(UserName="tiendo-tasks")
    iam.put_user_policy(
        UserName="tiendo-tasks",
        PolicyName="all",
        PolicyDocument='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    )
    key = iam.create_access_key(UserName="tiendo-tasks")["AccessKey"]
    boto3.client("s3", aws_secret_access_key="setup", **setup).create_bucket(Bucket="tiendo-evidence")
    assert httpx.post(f"{moto_url}/moto-api/reset-auth", content=b"0").status_code == 200
    return {"access_key": key["AccessKeyId"], "secret_key": key["SecretAccessKey"]}


def _s3(moto_url: str, access_key: str, secret_key: str, bucket: str = "tiendo-evidence") -> S3Storage:
    return S3Storage(
        endpoint_url=moto_url, bucket=bucket, region="us-east-1", access_key=access_key, secret_key=secret_key
    )


class TestS3Storage:
    async def test_put_get_delete_round_trip(self, moto_url: str, s3_credentials: dict[str, str]) -> None:
        storage = _s3(moto_url, **s3_credentials)
        try:
            await storage.put("evidence/t1/bytes", PDF, "application/pdf")
            assert await _read(await storage.open("evidence/t1/bytes")) == PDF
            big = PDF + bytes(range(256)) * 4096  # ~1 MB, streamed with its size and hash known
            await storage.put(
                "evidence/t1/stream",
                _stream(big[:300_000], big[300_000:]),
                "application/pdf",
                size=len(big),
                sha256=hashlib.sha256(big).hexdigest(),
            )
            assert await _read(await storage.open("evidence/t1/stream")) == big
            await storage.delete("evidence/t1/bytes")
            with pytest.raises(ObjectMissing):
                await storage.open("evidence/t1/bytes")
        finally:
            await storage.aclose()

    async def test_a_wrong_secret_is_refused_with_a_clear_error(
        self, moto_url: str, s3_credentials: dict[str, str]
    ) -> None:
        storage = _s3(moto_url, s3_credentials["access_key"], "not-the-secret")
        try:
            with pytest.raises(StorageError, match=r"HTTP 403 SignatureDoesNotMatch"):
                await storage.put("evidence/t1/x", PDF, "application/pdf")
            with pytest.raises(StorageError, match=r"HTTP 403 SignatureDoesNotMatch"):
                await storage.open("evidence/t1/stream")
        finally:
            await storage.aclose()

    async def test_an_unknown_bucket_or_unreachable_server_is_a_storage_error(
        self, moto_url: str, s3_credentials: dict[str, str]
    ) -> None:
        for storage in (
            _s3(moto_url, **s3_credentials, bucket="no-such-bucket"),
            _s3(f"http://127.0.0.1:{free_port()}", **s3_credentials),
        ):
            try:
                with pytest.raises(StorageError) as refused:
                    await storage.put("evidence/t1/x", PDF, "application/pdf")
                assert not isinstance(refused.value, ObjectMissing)
            finally:
                await storage.aclose()

    def test_the_settings_choose_the_backend_and_refuse_s3_without_its_keys(self, tmp_path: Path) -> None:
        assert isinstance(storage_from(Settings(database_url=DB, storage_dir=tmp_path)), LocalStorage)
        # Checked when the process reads its settings, so it refuses to start rather than fail the first upload.
        with pytest.raises(ValidationError, match="TASKS_S3_BUCKET, TASKS_S3_ACCESS_KEY, TASKS_S3_SECRET_KEY"):
            Settings(database_url=DB, storage_backend="s3")
        ready = Settings(database_url=DB, storage_backend="s3", s3_bucket="b", s3_access_key="a", s3_secret_key="s")
        assert isinstance(storage_from(ready), S3Storage)
