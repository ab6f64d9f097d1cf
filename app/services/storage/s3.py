"""An S3 object store (AWS, MinIO or any S3-compatible endpoint): streamed multipart uploads
that hash and cap on the way, streamed downloads and presigned URLs.

Clients: every call that talks to the store opens its own client, so no connection outlives a
call and no shutdown hook is needed. Presigning does no I/O, but a page of assets presigns many
URLs and a client costs ~10 ms to build against ~1 ms a URL, so one presigning client is kept.

Presigned URLs must name a host the browser reaches (the API's `base_url` is not used: the
bytes never pass through the API). A self-hosted store (`s3_endpoint_url`) usually is not
reachable, so when `public_url` is set too, URLs are signed for `<public_url>/<bucket>/<key>`
and the reverse proxy there forwards `/<bucket>/` to the store with the Host header unchanged
(deploy/nginx/default.conf.template). Without a custom endpoint, URLs are signed for AWS.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterable, AsyncIterator
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aioboto3
from aiobotocore.config import AioConfig
from botocore.exceptions import ClientError

from app.config import Settings
from app.errors import InvalidInput
from app.services.storage.base import (
    CHUNK_SIZE,
    INLINE_TYPES,
    HashingCounter,
    ListedObject,
    ObjectInfo,
    Storage,
    UploadTarget,
)

MIB = 1024 * 1024
PART_SIZE = 8 * MIB
MIN_PART_SIZE = 5 * MIB  # S3's floor for every part but the last
MISSING_CODES = frozenset({"404", "NoSuchKey", "NoSuchBucket", "NotFound"})

# aiobotocore builds its client classes at run time, so they have no static type.
S3Client = Any
log = logging.getLogger(__name__)


def client_config(endpoint_url: str | None) -> AioConfig:
    """How Atelier talks to S3 or an S3-compatible store at `endpoint_url` (path-style there)."""
    return AioConfig(
        signature_version="s3v4",
        s3={"addressing_style": "path"} if endpoint_url else {},
        retries={"mode": "standard", "max_attempts": 3},
        # Checksums beyond Content-MD5 are not understood by every S3-compatible store.
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
    )


class S3Storage(Storage):
    def __init__(self, settings: Settings, *, part_size: int = PART_SIZE) -> None:
        if not settings.s3_bucket:
            raise ValueError("S3Storage needs settings.s3_bucket")
        if part_size < MIN_PART_SIZE:
            raise ValueError(f"S3 parts must be at least {MIN_PART_SIZE} bytes")
        self.bucket = settings.s3_bucket
        self.region = settings.s3_region
        self.part_size = part_size
        self.endpoint_url = settings.s3_endpoint_url
        self.presign_endpoint_url = (
            settings.public_url.rstrip("/") if settings.public_url and self.endpoint_url
            else self.endpoint_url
        )
        self._session = aioboto3.Session(region_name=self.region)
        self._config = client_config(self.endpoint_url)
        # Server-side encryption asked of S3 on every object written (put, multipart, URL).
        self.encryption: dict[str, str] = (
            {"ServerSideEncryption": settings.s3_sse} if settings.s3_sse else {})
        self._presigner: S3Client | None = None
        self._presigner_scope = contextlib.AsyncExitStack()

    def _client(self) -> AbstractAsyncContextManager[S3Client]:
        return self._session.client("s3", endpoint_url=self.endpoint_url, config=self._config)

    async def prepare(self) -> None:
        await self.ensure_bucket()

    async def ensure_bucket(self) -> None:
        """Create the bucket unless it exists; safe when several processes start at once."""
        async with self._client() as s3:
            try:
                await s3.head_bucket(Bucket=self.bucket)
                return
            except ClientError as error:
                if not _is_missing(error):
                    raise
            location = ({} if self.region == "us-east-1" else
                        {"CreateBucketConfiguration": {"LocationConstraint": self.region}})
            try:
                await s3.create_bucket(Bucket=self.bucket, **location)
            except ClientError as error:
                if _code(error) != "BucketAlreadyOwnedByYou":
                    raise

    async def put_stream(
        self,
        key: str,
        chunks: AsyncIterable[bytes],
        *,
        content_type: str = "application/octet-stream",
        max_bytes: int | None = None,
    ) -> ObjectInfo:
        _check_key(key)
        counter = HashingCounter(max_bytes)
        async with self._client() as s3:
            upload = _Upload(s3, self.bucket, key, content_type, self.part_size,
                             self.encryption)
            try:
                async for chunk in chunks:
                    counter.update(chunk)
                    await upload.write(chunk)
                await upload.finish()
            except BaseException:
                await upload.abort()
                raise
        return ObjectInfo(key=key, size_bytes=counter.size, sha256=counter.sha256)

    async def put_file(
        self, key: str, path: Path, *, content_type: str = "application/octet-stream"
    ) -> ObjectInfo:
        return await self.put_stream(key, _file_chunks(path), content_type=content_type)

    async def get_stream(self, key: str) -> AsyncIterator[bytes]:
        """The object's bytes in chunks; FileNotFoundError when it does not exist."""
        async with self._client() as s3:
            try:
                response = await s3.get_object(Bucket=self.bucket, Key=key)
            except ClientError as error:
                if _is_missing(error):
                    raise FileNotFoundError(f"no object {key!r}") from error
                raise
            body = response["Body"]
            async with body:
                async for chunk in body.iter_chunks(CHUNK_SIZE):
                    yield chunk

    async def download_to(self, key: str, path: Path) -> None:
        handle = await asyncio.to_thread(path.open, "wb")
        try:
            async for chunk in self.get_stream(key):
                await asyncio.to_thread(handle.write, chunk)
        finally:
            handle.close()

    async def info(self, key: str) -> ObjectInfo | None:
        async with self._client() as s3:
            try:
                head = await s3.head_object(Bucket=self.bucket, Key=key)
            except ClientError as error:
                if _is_missing(error):
                    return None
                raise
        return ObjectInfo(key=key, size_bytes=head["ContentLength"])

    async def list_objects(self, prefix: str = "") -> AsyncIterator[ListedObject]:
        """Page by page (S3 answers at most 1000 keys a request), so a bucket of any size is
        listed without holding it whole."""
        async with self._client() as s3:
            pages = s3.get_paginator("list_objects_v2").paginate(Bucket=self.bucket,
                                                                 Prefix=prefix)
            async for page in pages:
                for listed in page.get("Contents", []):
                    yield ListedObject(key=listed["Key"], size_bytes=int(listed["Size"]),
                                       modified_at=listed["LastModified"].astimezone(UTC))

    async def delete(self, key: str) -> None:
        async with self._client() as s3:
            await s3.delete_object(Bucket=self.bucket, Key=key)

    async def ping(self) -> None:
        async with self._client() as s3:
            await s3.head_bucket(Bucket=self.bucket)

    async def download_url(
        self, key: str, *, filename: str, content_type: str, base_url: str, expires_in: int
    ) -> str:
        _check_key(key)
        presigner = await self._presigning_client()
        params = {"Bucket": self.bucket, "Key": key, "ResponseContentType": content_type,
                  "ResponseContentDisposition": _disposition(filename, content_type)}
        url: str = await presigner.generate_presigned_url(
            "get_object", Params=params, ExpiresIn=expires_in)
        return url

    async def upload_target(
        self, key: str, *, content_type: str, base_url: str, expires_in: int,
        size_bytes: int | None = None,
    ) -> UploadTarget:
        _check_key(key)
        presigner = await self._presigning_client()
        expires_at = datetime.now(UTC) + timedelta(seconds=expires_in)
        # If-None-Match: * is signed, so the URL can only create the object: once bytes are
        # there (and above all once the upload completed and was ingested) S3 answers 412 and
        # keeps them, instead of letting the URL overwrite what was checked.
        params: dict[str, object] = {"Bucket": self.bucket, "Key": key,
                                     "ContentType": content_type, "IfNoneMatch": "*",
                                     **self.encryption}
        if size_bytes is not None:
            params["ContentLength"] = size_bytes  # signed: S3 refuses any other length
        url = await presigner.generate_presigned_url("put_object", Params=params,
                                                     ExpiresIn=expires_in)
        headers = {"Content-Type": content_type, "If-None-Match": "*"}
        if self.encryption:  # signed into the URL, so the PUT must send it
            headers["x-amz-server-side-encryption"] = self.encryption["ServerSideEncryption"]
        return UploadTarget(url=url, headers=headers,
                            expires_at=expires_at)

    async def aclose(self) -> None:
        """Release the presigning client."""
        self._presigner = None
        await self._presigner_scope.aclose()

    async def _presigning_client(self) -> S3Client:
        if self._presigner is None:
            self._presigner = await self._presigner_scope.enter_async_context(
                self._session.client("s3", endpoint_url=self.presign_endpoint_url,
                                     config=self._config))
        return self._presigner


class _Upload:
    """One object being written: a single PUT while it fits in one part, multipart beyond."""

    def __init__(self, s3: S3Client, bucket: str, key: str, content_type: str,
                 part_size: int, encryption: dict[str, str]) -> None:
        self.s3, self.bucket, self.key = s3, bucket, key
        self.encryption = encryption
        self.content_type = content_type
        self.part_size = part_size
        self.buffer = bytearray()
        self.upload_id: str | None = None
        self.parts: list[dict[str, Any]] = []

    async def write(self, chunk: bytes) -> None:
        self.buffer += chunk
        while len(self.buffer) >= self.part_size:
            part = bytes(self.buffer[: self.part_size])
            del self.buffer[: self.part_size]
            await self._upload_part(part)

    async def finish(self) -> None:
        if self.upload_id is None:
            await self.s3.put_object(Bucket=self.bucket, Key=self.key, Body=bytes(self.buffer),
                                     ContentType=self.content_type, **self.encryption)
            return
        if self.buffer:
            await self._upload_part(bytes(self.buffer))
        await self.s3.complete_multipart_upload(
            Bucket=self.bucket, Key=self.key, UploadId=self.upload_id,
            MultipartUpload={"Parts": self.parts})

    async def abort(self) -> None:
        """Drop the uploaded parts; a failure here only leaves what the bucket's expiry rule
        for stale uploads removes, so it is logged rather than raised over the first error."""
        if self.upload_id is None:
            return
        try:
            await self.s3.abort_multipart_upload(Bucket=self.bucket, Key=self.key,
                                                 UploadId=self.upload_id)
        except (ClientError, OSError):
            log.warning("could not abort multipart upload %s of %s", self.upload_id, self.key,
                        exc_info=True)

    async def _upload_part(self, part: bytes) -> None:
        if self.upload_id is None:
            created = await self.s3.create_multipart_upload(
                Bucket=self.bucket, Key=self.key, ContentType=self.content_type,
                **self.encryption)
            self.upload_id = created["UploadId"]
        number = len(self.parts) + 1
        uploaded = await self.s3.upload_part(Bucket=self.bucket, Key=self.key,
                                             UploadId=self.upload_id, PartNumber=number,
                                             Body=part)
        self.parts.append({"PartNumber": number, "ETag": uploaded["ETag"]})


def _disposition(filename: str, content_type: str) -> str:
    """Content-Disposition for a download, as the filesystem store's responses send it: inline
    only for the types a browser shows without running anything."""
    kind = "inline" if content_type in INLINE_TYPES else "attachment"
    quoted = quote(filename)
    if quoted != filename:
        return f"{kind}; filename*=utf-8''{quoted}"
    return f'{kind}; filename="{filename}"'


def _check_key(key: str) -> None:
    # Clients normalise "." and ".." path segments, which would break a presigned URL's signature.
    segments = key.split("/")
    if not key or any(segment in ("", ".", "..") for segment in segments):
        raise InvalidInput(f"invalid storage key: {key!r}")


async def _file_chunks(path: Path) -> AsyncIterator[bytes]:
    handle = await asyncio.to_thread(path.open, "rb")
    try:
        while chunk := await asyncio.to_thread(handle.read, CHUNK_SIZE):
            yield chunk
    finally:
        handle.close()


def _code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


def _is_missing(error: ClientError) -> bool:
    return _code(error) in MISSING_CODES
