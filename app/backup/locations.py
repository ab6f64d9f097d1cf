"""Where a backup's files live: a folder (`--to DIR`) or a prefix of an S3 bucket (`--to
s3://bucket/prefix`). Both hold the same relative paths (`manifest.json`, `database/*.jsonl`,
`objects/<key>`), each written whole or not at all, so `manifest.json`, written last, is there
only when everything it lists is.

The S3 location talks to ATELIER_BACKUP_S3_ENDPOINT_URL (AWS when unset) in ATELIER_S3_REGION
with the AWS credentials found the usual way, and asks for ATELIER_S3_SSE on every object."""

from __future__ import annotations

import asyncio
import contextlib
import os
import uuid
from abc import ABC, abstractmethod
from collections.abc import AsyncIterable, AsyncIterator
from pathlib import Path
from typing import BinaryIO

from app.config import Settings
from app.services.storage.base import CHUNK_SIZE
from app.services.storage.s3 import S3Storage
from app.usage import UsageError

S3_SCHEME = "s3://"


class BackupLocation(ABC):
    """A backup's files by relative path."""

    description: str  # as the user named it, for messages

    @abstractmethod
    async def check_empty(self) -> None:
        """UsageError unless nothing is there yet; makes the place when it can."""

    @abstractmethod
    async def write(self, path: str, chunks: AsyncIterable[bytes]) -> None:
        """Store `path` whole from `chunks`; an error from `chunks` leaves nothing there."""

    @abstractmethod
    def read(self, path: str) -> AsyncIterator[bytes]:
        """The bytes of `path`; FileNotFoundError when it is not there."""

    @abstractmethod
    async def aclose(self) -> None: ...


def backup_location(named: str, settings: Settings) -> BackupLocation:
    """The folder or `s3://bucket/prefix` the user named."""
    if not named.startswith(S3_SCHEME):
        return FolderLocation(Path(named))
    bucket, _, prefix = named.removeprefix(S3_SCHEME).partition("/")
    if not bucket:
        raise UsageError(f"{named} names no bucket: use s3://bucket/prefix")
    return S3Location(named, settings, bucket, prefix.strip("/"))


class FolderLocation(BackupLocation):
    def __init__(self, root: Path) -> None:
        self.root = root
        self.description = str(root)

    async def check_empty(self) -> None:
        if self.root.exists() and (not self.root.is_dir() or any(self.root.iterdir())):
            raise UsageError(f"--to {self.root} is not empty; back up into a new or empty "
                             "folder")
        self.root.mkdir(parents=True, exist_ok=True)

    def path_of(self, path: str) -> Path:
        """The file for `path`; one that would leave the folder (a hostile manifest's object
        key) is refused."""
        root = self.root.resolve()
        resolved = (root / path).resolve()
        if not path or not resolved.is_relative_to(root) or resolved == root:
            raise UsageError(f"the backup names a file outside its folder: {path!r}")
        return resolved

    async def write(self, path: str, chunks: AsyncIterable[bytes]) -> None:
        target = self.path_of(path)
        await asyncio.to_thread(target.parent.mkdir, parents=True, exist_ok=True)
        draft = target.with_name(f".{target.name}.{uuid.uuid4().hex}.draft")
        try:
            handle = await asyncio.to_thread(draft.open, "wb")
            try:
                async for chunk in chunks:
                    await asyncio.to_thread(handle.write, chunk)
                await asyncio.to_thread(_flush_and_sync, handle)
            finally:
                handle.close()
            await asyncio.to_thread(draft.rename, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                draft.unlink()

    async def read(self, path: str) -> AsyncIterator[bytes]:
        handle = await asyncio.to_thread(self.path_of(path).open, "rb")
        try:
            while chunk := await asyncio.to_thread(handle.read, CHUNK_SIZE):
                yield chunk
        finally:
            handle.close()

    async def aclose(self) -> None:
        """Files hold no connections."""


class S3Location(BackupLocation):
    def __init__(self, named: str, settings: Settings, bucket: str, prefix: str) -> None:
        self.description = named
        self.prefix = f"{prefix}/" if prefix else ""
        self.store = S3Storage(settings.model_copy(update={
            "s3_bucket": bucket, "s3_endpoint_url": settings.backup_s3_endpoint_url,
            "public_url": None}))

    async def check_empty(self) -> None:
        await self.store.ensure_bucket()
        async for _ in self.store.list_objects(self.prefix):
            raise UsageError(f"--to {self.description} is not empty; back up into a new or "
                             "empty prefix")

    async def write(self, path: str, chunks: AsyncIterable[bytes]) -> None:
        await self.store.put_stream(self.prefix + path, chunks)

    async def read(self, path: str) -> AsyncIterator[bytes]:
        async for chunk in self.store.get_stream(self.prefix + path):
            yield chunk

    async def aclose(self) -> None:
        await self.store.aclose()


def _flush_and_sync(handle: BinaryIO) -> None:
    handle.flush()
    os.fsync(handle.fileno())
