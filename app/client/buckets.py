"""`atelier ingest s3://bucket/prefix`: the client reads the bucket itself, with the user's own
AWS credentials and endpoint (found the usual AWS way: AWS_PROFILE, AWS_ACCESS_KEY_ID,
AWS_ENDPOINT_URL_S3, ...), so the server never needs access to it.

The models under the prefix, and the files they may name (buffers, material libraries,
images), are downloaded into a temporary folder that is then ingested like a local one: the
same bundles, skipped files, live display and upload flow, each file named by its s3:// URL.
Running it again re-sends identical bytes, which give back the assets they made: it resumes.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import aioboto3
from aiobotocore.config import AioConfig
from botocore.exceptions import BotoCoreError, ClientError

from app.client.files import FoundFiles, Skipped, find_model_files
from app.geometry.formats import EXTENSIONS
from app.usage import UsageError

SCHEME = "s3://"
# What a .gltf or .obj may name; other objects that are not models are never downloaded.
RESOURCE_SUFFIXES = frozenset({".bin", ".mtl", ".png", ".jpg", ".jpeg", ".webp", ".ktx2",
                               ".gif", ".bmp", ".tga", ".tif", ".tiff", ".dds"})
DOWNLOADS_AT_ONCE = 8
CHUNK_SIZE = 1024 * 1024
Label = Callable[[Path], str]


@dataclass(frozen=True)
class BucketPrefix:
    bucket: str
    prefix: str

    @classmethod
    def parse(cls, url: str) -> BucketPrefix:
        bucket, _, prefix = url.removeprefix(SCHEME).partition("/")
        if not bucket:
            raise UsageError(f"{url!r} names no bucket: write s3://bucket/prefix")
        return cls(bucket, prefix)

    def url(self, key: str = "") -> str:
        return f"{SCHEME}{self.bucket}/{key or self.prefix}"


@contextlib.asynccontextmanager
async def gathered(sources: Sequence[Path | str]) -> AsyncIterator[tuple[FoundFiles, Label]]:
    """The models to send from local paths and s3:// prefixes (downloaded for as long as the
    context lasts), and the name to show for each file."""
    buckets = [BucketPrefix.parse(str(s)) for s in sources if str(s).startswith(SCHEME)]
    paths = [Path(s) for s in sources if not str(s).startswith(SCHEME)]
    with tempfile.TemporaryDirectory(prefix="atelier-ingest-s3-") as work:
        folders = {Path(work) / str(number): source for number, source in enumerate(buckets)}
        passed_over: list[Skipped] = []
        for folder, source in folders.items():
            passed_over += await download(source, folder)

        def label(path: Path) -> str:
            for folder, source in folders.items():
                if path.is_relative_to(folder):
                    return source.url(path.relative_to(folder).as_posix())
            return str(path)

        found = await asyncio.to_thread(find_model_files, [*paths, *folders])
        skipped = [Skipped(label(s.path) if isinstance(s.path, Path) else s.path, s.reason)
                   for s in found.skipped]
        yield FoundFiles(found.models, passed_over + skipped), label


async def download(source: BucketPrefix, folder: Path) -> list[Skipped]:
    """Download the prefix's models and the files they may name to `folder`/key; the other
    objects, skipped."""
    await asyncio.to_thread(folder.mkdir)
    try:
        async with _client() as s3:
            keys = await _keys(s3, source)
            wanted = [key for key in keys if _wanted(key)]
            gate = asyncio.Semaphore(DOWNLOADS_AT_ONCE)

            async def fetch(key: str) -> None:
                async with gate:
                    response = await s3.get_object(Bucket=source.bucket, Key=key)
                    await _save(response["Body"], folder.joinpath(*PurePosixPath(key).parts))

            await asyncio.gather(*(fetch(key) for key in wanted))
    except (ClientError, BotoCoreError) as error:
        raise UsageError(f"cannot read {source.url()}: {error}") from error
    if not keys:
        raise UsageError(f"no objects under {source.url()}")
    return [Skipped(source.url(key), _why_skipped(key)) for key in keys if not _wanted(key)]


async def _keys(s3: Any, source: BucketPrefix) -> list[str]:
    keys: list[str] = []
    async for page in s3.get_paginator("list_objects_v2").paginate(
            Bucket=source.bucket, Prefix=source.prefix):
        keys += [item["Key"] for item in page.get("Contents", [])
                 if not item["Key"].endswith("/")]
    return keys


def _wanted(key: str) -> bool:
    suffix = PurePosixPath(key).suffix.lower()
    return _safe(key) and (suffix in EXTENSIONS or suffix in RESOURCE_SUFFIXES)


def _safe(key: str) -> bool:
    """A key that stays inside the download folder as a path."""
    parts = key.split("/")
    return not key.startswith("/") and all(part not in {"", ".", ".."} for part in parts)


def _why_skipped(key: str) -> str:
    return "not a model" if _safe(key) else "its key is not a safe file path"


async def _save(body: Any, target: Path) -> None:
    """Stream an object's body to `target`, never whole in memory."""
    await asyncio.to_thread(target.parent.mkdir, parents=True, exist_ok=True)
    handle = await asyncio.to_thread(target.open, "wb")
    try:
        async with body:
            async for chunk in body.iter_chunks(CHUNK_SIZE):
                await asyncio.to_thread(handle.write, chunk)
    finally:
        await asyncio.to_thread(handle.close)


def _client() -> contextlib.AbstractAsyncContextManager[Any]:
    config = AioConfig(signature_version="s3v4", request_checksum_calculation="when_required",
                       response_checksum_validation="when_required")
    return aioboto3.Session().client("s3", config=config)
