"""The Storage interface every backend implements, and hashing of streamed uploads."""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.errors import TooLarge

CHUNK_SIZE = 1024 * 1024
# Types a browser shows without running anything: downloaded inline; any other is an attachment.
INLINE_TYPES = frozenset({"image/png", "image/jpeg", "image/webp", "model/gltf-binary"})


@dataclass(frozen=True)
class ObjectInfo:
    key: str
    size_bytes: int
    sha256: str | None = None


@dataclass(frozen=True)
class ListedObject:
    """One object as a listing of the store sees it; `modified_at` is timezone-aware UTC."""

    key: str
    size_bytes: int
    modified_at: datetime


@dataclass(frozen=True)
class UploadTarget:
    """Where a client PUTs bytes directly, bypassing the API process."""

    url: str
    headers: dict[str, str] = field(default_factory=dict)
    expires_at: datetime | None = None


class Storage(ABC):
    @abstractmethod
    async def put_stream(
        self,
        key: str,
        chunks: AsyncIterable[bytes],
        *,
        content_type: str = "application/octet-stream",
        max_bytes: int | None = None,
    ) -> ObjectInfo:
        """Store a stream chunk by chunk; over `max_bytes` raises TooLarge and stores nothing."""

    @abstractmethod
    async def put_file(
        self, key: str, path: Path, *, content_type: str = "application/octet-stream"
    ) -> ObjectInfo: ...

    @abstractmethod
    def get_stream(self, key: str) -> AsyncIterator[bytes]: ...

    @abstractmethod
    async def download_to(self, key: str, path: Path) -> None: ...

    @abstractmethod
    async def info(self, key: str) -> ObjectInfo | None:
        """Size of a stored object, or None when it does not exist."""

    @abstractmethod
    def list_objects(self, prefix: str = "") -> AsyncIterator[ListedObject]:
        """Every stored object whose key starts with `prefix`, in no set order (not staging
        files of writes under way)."""

    @abstractmethod
    async def delete(self, key: str) -> None:
        """Remove an object; removing a missing one is not an error."""

    @abstractmethod
    async def ping(self) -> None:
        """Raise if the store does not answer."""

    @abstractmethod
    async def prepare(self) -> None:
        """Create what the store needs before first use (a folder, a bucket)."""

    @abstractmethod
    async def aclose(self) -> None:
        """Release the store's connections."""

    @abstractmethod
    async def download_url(
        self, key: str, *, filename: str, content_type: str, base_url: str, expires_in: int
    ) -> str: ...

    def download_url_now(
        self, key: str, *, filename: str, content_type: str, base_url: str, expires_in: int
    ) -> str | None:
        """download_url's URL when this store signs it without awaiting anything (a plain
        HMAC); None when only download_url can give it (S3's presigner is async)."""
        return None

    @abstractmethod
    async def upload_target(
        self, key: str, *, content_type: str, base_url: str, expires_in: int,
        size_bytes: int | None = None,
    ) -> UploadTarget:
        """A signed PUT for `key`; with `size_bytes`, the store refuses a body of another
        size."""


class HashingCounter:
    """Counts and hashes bytes as they stream past, enforcing a size cap on the way."""

    def __init__(self, max_bytes: int | None) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._hash = hashlib.sha256()

    def update(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.max_bytes is not None and self.size > self.max_bytes:
            raise TooLarge(f"the file is larger than the limit of {self.max_bytes} bytes")
        self._hash.update(chunk)

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()


async def sha256_of_stream(chunks: AsyncIterable[bytes]) -> ObjectInfo:
    counter = HashingCounter(None)
    async for chunk in chunks:
        counter.update(chunk)
    return ObjectInfo(key="", size_bytes=counter.size, sha256=counter.sha256)
