"""ATELIER_S3_SSE: every object S3Storage writes (a single put, a multipart upload, a direct
upload through its presigned URL) is stored with that server-side encryption."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator

import aioboto3
import httpx
import pytest

from app.config import Settings
from app.services.storage.s3 import MIN_PART_SIZE, S3Storage
from tests.services.test_s3_storage import aws_credentials, chunks, moto_url

__all__ = ["aws_credentials", "moto_url"]  # fixtures of that module, used here


@pytest.fixture
async def encrypting_store(moto_url: str) -> AsyncIterator[S3Storage]:
    store = S3Storage(Settings(s3_endpoint_url=moto_url, s3_bucket=f"t-{uuid.uuid4().hex}",
                               s3_sse="AES256"), part_size=MIN_PART_SIZE)
    await store.ensure_bucket()
    yield store
    await store.aclose()


async def encryption_of(store: S3Storage, key: str) -> str | None:
    async with aioboto3.Session().client("s3", endpoint_url=store.endpoint_url,
                                         region_name=store.region) as s3:
        head = await s3.head_object(Bucket=store.bucket, Key=key)
    return head.get("ServerSideEncryption")


async def test_single_and_multipart_puts_are_encrypted(encrypting_store: S3Storage) -> None:
    await encrypting_store.put_stream("a/small.bin", chunks(b"small"))
    await encrypting_store.put_stream("a/large.bin", chunks(os.urandom(MIN_PART_SIZE + 1)))

    assert await encryption_of(encrypting_store, "a/small.bin") == "AES256"
    assert await encryption_of(encrypting_store, "a/large.bin") == "AES256"


async def test_a_direct_upload_sends_the_encryption_it_was_signed_with(
        encrypting_store: S3Storage) -> None:
    target = await encrypting_store.upload_target(
        "uploads/d/scan.stl", content_type="model/stl", base_url="unused", expires_in=60)

    async with httpx.AsyncClient() as http:
        response = await http.put(target.url, content=b"solid x", headers=target.headers)

    assert response.status_code == 200, response.text
    assert target.headers["x-amz-server-side-encryption"] == "AES256"
    assert await encryption_of(encrypting_store, "uploads/d/scan.stl") == "AES256"
