"""A filesystem object store: atomic writes under one root, URLs signed for the API to serve."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import uuid
from collections.abc import AsyncIterable, AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from app.errors import Conflict, InvalidInput
from app.services.storage.base import (
    CHUNK_SIZE,
    HashingCounter,
    ListedObject,
    ObjectInfo,
    Storage,
    UploadTarget,
)
from app.services.storage.signing import UrlSigner

DOWNLOAD_PATH = "/files"
DOWNLOAD_SIGNED = ("name", "type")
UPLOAD_PATH = "/uploads"


class FilesystemStorage(Storage):
    def __init__(self, root: Path, signer: UrlSigner) -> None:
        self.root = root.resolve()
        self.signer = signer

    async def prepare(self) -> None:
        await asyncio.to_thread((self.root / ".tmp").mkdir, parents=True, exist_ok=True)

    async def aclose(self) -> None:
        """Files hold no connections."""

    def path_of(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not key or key.startswith(".") or not path.is_relative_to(self.root):
            raise InvalidInput(f"invalid storage key: {key!r}")
        return path

    async def put_stream(
        self,
        key: str,
        chunks: AsyncIterable[bytes],
        *,
        content_type: str = "application/octet-stream",
        max_bytes: int | None = None,
    ) -> ObjectInfo:
        target = self.path_of(key)
        counter = HashingCounter(max_bytes)
        async with self._staged(chunks, counter) as staging:
            await asyncio.to_thread(_publish, staging, target)
        return ObjectInfo(key=key, size_bytes=counter.size, sha256=counter.sha256)

    async def put_new(
        self, key: str, chunks: AsyncIterable[bytes], *, max_bytes: int
    ) -> ObjectInfo:
        """Store a direct upload once: Conflict when `key` already holds bytes (an upload URL
        used again, or after its upload completed and was ingested)."""
        target = self.path_of(key)
        if await asyncio.to_thread(target.exists):
            raise Conflict("this upload URL was already used; its bytes cannot be replaced")
        counter = HashingCounter(max_bytes)
        async with self._staged(chunks, counter) as staging:
            await asyncio.to_thread(_publish_new, staging, target)
        return ObjectInfo(key=key, size_bytes=counter.size, sha256=counter.sha256)

    @contextlib.asynccontextmanager
    async def _staged(self, chunks: AsyncIterable[bytes], counter: HashingCounter
                      ) -> AsyncIterator[Path]:
        """The stream written and synced to a staging file, removed after the block."""
        staging = self.root / ".tmp" / uuid.uuid4().hex
        try:
            handle = await asyncio.to_thread(staging.open, "wb")
            try:
                async for chunk in chunks:
                    counter.update(chunk)
                    await asyncio.to_thread(handle.write, chunk)
                await asyncio.to_thread(_flush_and_sync, handle)
            finally:
                handle.close()
            yield staging
        finally:
            with contextlib.suppress(FileNotFoundError):
                staging.unlink()

    async def put_file(
        self, key: str, path: Path, *, content_type: str = "application/octet-stream"
    ) -> ObjectInfo:
        target = self.path_of(key)
        staging = self.root / ".tmp" / uuid.uuid4().hex
        await asyncio.to_thread(shutil.copyfile, path, staging)
        await asyncio.to_thread(_publish, staging, target)
        return ObjectInfo(key=key, size_bytes=target.stat().st_size)

    async def get_stream(self, key: str) -> AsyncIterator[bytes]:
        handle = await asyncio.to_thread(self.path_of(key).open, "rb")
        try:
            while chunk := await asyncio.to_thread(handle.read, CHUNK_SIZE):
                yield chunk
        finally:
            handle.close()

    async def download_to(self, key: str, path: Path) -> None:
        await asyncio.to_thread(shutil.copyfile, self.path_of(key), path)

    async def info(self, key: str) -> ObjectInfo | None:
        try:
            stat = await asyncio.to_thread(self.path_of(key).stat)
        except FileNotFoundError:
            return None
        return ObjectInfo(key=key, size_bytes=stat.st_size)

    async def list_objects(self, prefix: str = "") -> AsyncIterator[ListedObject]:
        """One folder at a time off the event loop, so memory holds a folder, not the store."""
        walker = os.walk(self.root)
        while (files := await asyncio.to_thread(_next_folder, walker, self.root)) is not None:
            for listed in files:
                if listed.key.startswith(prefix):
                    yield listed

    async def delete(self, key: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            await asyncio.to_thread(self.path_of(key).unlink)

    async def ping(self) -> None:
        if not await asyncio.to_thread(os.access, self.root, os.W_OK):
            raise OSError(f"storage root {self.root} is not writable")

    async def download_url(
        self, key: str, *, filename: str, content_type: str, base_url: str, expires_in: int
    ) -> str:
        return self._signed_download(key, filename, content_type, base_url, expires_in)

    def download_url_now(
        self, key: str, *, filename: str, content_type: str, base_url: str, expires_in: int
    ) -> str:
        return self._signed_download(key, filename, content_type, base_url, expires_in)

    def _signed_download(self, key: str, filename: str, content_type: str, base_url: str,
                         expires_in: int) -> str:
        url, _ = self.signer.url(base_url, DOWNLOAD_PATH, "GET", key, expires_in,
                                 {"name": filename, "type": content_type})
        return url

    async def upload_target(
        self, key: str, *, content_type: str, base_url: str, expires_in: int,
        size_bytes: int | None = None,
    ) -> UploadTarget:
        params = {} if size_bytes is None else {"size": str(size_bytes)}
        url, expires = self.signer.url(base_url, UPLOAD_PATH, "PUT", key, expires_in, params)
        return UploadTarget(
            url=url,
            headers={"Content-Type": content_type},
            expires_at=datetime.fromtimestamp(expires, UTC),
        )


def _next_folder(walker: Iterator[tuple[str, list[str], list[str]]], root: Path
                 ) -> list[ListedObject] | None:
    """The files of the walk's next folder, None once it is done; the staging folder (and any
    other dot-named entry, which path_of never hands out as a key) is left out."""
    step = next(walker, None)
    if step is None:
        return None
    folder, folders, files = step
    folders[:] = [name for name in folders if not name.startswith(".")]
    listed = []
    for name in files:
        if name.startswith("."):
            continue
        path = Path(folder) / name
        with contextlib.suppress(FileNotFoundError):  # deleted while listing
            stat = path.stat()
            listed.append(ListedObject(
                key=path.relative_to(root).as_posix(), size_bytes=stat.st_size,
                modified_at=datetime.fromtimestamp(stat.st_mtime, UTC)))
    return listed


def _flush_and_sync(handle: BinaryIO) -> None:
    handle.flush()
    os.fsync(handle.fileno())


def _publish(staging: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    staging.replace(target)


def _publish_new(staging: Path, target: Path) -> None:
    """Publish only if nothing is at `target`: a hard link is created atomically or not at all,
    so of two racing uploads to one URL exactly one wins."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(staging, target)
    except FileExistsError:
        raise Conflict("this upload URL was already used; its bytes cannot be replaced") from None
