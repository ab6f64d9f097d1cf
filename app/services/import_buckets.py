"""The buckets assetImportFromStorage may read, and reading them.

Only buckets the operator lists in ATELIER_IMPORT_BUCKETS are opened, never the server's own
storage bucket (it holds every owner's files), whatever the list says; every read checks again,
so a worker configured apart from the API holds to its own list. Objects are listed (at most
ATELIER_IMPORT_MAX_OBJECTS, else LIMIT_EXCEEDED before anything is imported) and streamed from
ATELIER_IMPORT_S3_ENDPOINT_URL (AWS when unset) with the server's AWS credentials, found the
usual AWS way.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any

import aioboto3
from botocore.exceptions import ClientError

from app.config import Settings
from app.errors import Forbidden, LimitExceeded, NotFound
from app.services.storage.base import CHUNK_SIZE
from app.services.storage.s3 import client_config

LIST_SETTING = "ATELIER_IMPORT_BUCKETS"
CAP_SETTING = "ATELIER_IMPORT_MAX_OBJECTS"
MISSING_BUCKET = "NoSuchBucket"
MISSING_KEY = frozenset({"NoSuchKey", "404", "NotFound"})
DENIED = frozenset({"AccessDenied", "403", "Forbidden"})

# aiobotocore builds its client classes at run time, so they have no static type.
S3Client = Any


@dataclass(frozen=True)
class SourceObject:
    key: str
    size_bytes: int


def location(bucket: str, prefix: str) -> str:
    return f"s3://{bucket}/{prefix}"


class ImportBuckets:
    def __init__(self, settings: Settings) -> None:
        self.allowed = frozenset(settings.import_buckets)
        self.own_bucket = settings.s3_bucket
        self.endpoint_url = settings.import_s3_endpoint_url
        self.max_objects = settings.import_max_objects
        self._session = aioboto3.Session(region_name=settings.s3_region)
        self._config = client_config(self.endpoint_url)

    def check(self, bucket: str) -> None:
        """FORBIDDEN unless the operator opened `bucket` for imports; the server's own
        storage bucket never is."""
        if not self.allowed:
            raise Forbidden(f"importing from storage is off on this server: {LIST_SETTING} "
                            "names no bucket", field=["bucket"])
        if bucket == self.own_bucket:
            raise Forbidden(f"bucket {bucket!r} is this server's own storage and is never "
                            "imported from", field=["bucket"])
        if bucket not in self.allowed:
            raise Forbidden(f"bucket {bucket!r} is not open for imports (see {LIST_SETTING})",
                            field=["bucket"])

    async def list(self, bucket: str, prefix: str) -> list[SourceObject]:
        """Every object under `prefix`, in key order, folder markers left out."""
        self.check(bucket)
        found: list[SourceObject] = []
        async with self._client() as s3:
            pages = s3.get_paginator("list_objects_v2").paginate(
                Bucket=bucket, Prefix=prefix,
                PaginationConfig={"PageSize": min(1000, self.max_objects + 1)})
            try:
                async for page in pages:
                    found += [SourceObject(item["Key"], int(item["Size"]))
                              for item in page.get("Contents", [])]
                    if len(found) > self.max_objects:
                        raise LimitExceeded(
                            f"{location(bucket, prefix)} holds more than {self.max_objects} "
                            f"objects ({CAP_SETTING}); import narrower prefixes",
                            field=["prefix"])
            except ClientError as error:
                raise _refusal(error, bucket) from error
        return [item for item in found if not item.key.endswith("/")]

    @contextlib.asynccontextmanager
    async def open(self, bucket: str, key: str) -> AsyncIterator[AsyncIterator[bytes]]:
        """The object's bytes in chunks; NOT_FOUND when it went away since the listing."""
        self.check(bucket)
        async with self._client() as s3:
            try:
                response = await s3.get_object(Bucket=bucket, Key=key)
            except ClientError as error:
                raise _refusal(error, bucket, key) from error
            body = response["Body"]
            async with body:
                yield body.iter_chunks(CHUNK_SIZE)

    def _client(self) -> AbstractAsyncContextManager[S3Client]:
        return self._session.client("s3", endpoint_url=self.endpoint_url, config=self._config)


def _refusal(error: ClientError, bucket: str, key: str | None = None) -> Exception:
    """The domain error for a bucket or object that is missing or closed to the server's
    credentials; any other fault stays itself (a passing one, retried)."""
    code = str(error.response.get("Error", {}).get("Code", ""))
    if code == MISSING_BUCKET:
        return NotFound(f"there is no bucket {bucket!r} at the import endpoint",
                        field=["bucket"])
    if code in DENIED:
        return Forbidden(f"the server's credentials may not read bucket {bucket!r}",
                         field=["bucket"])
    if key is not None and code in MISSING_KEY:
        return NotFound(f"{key} was removed after the listing")
    return error
