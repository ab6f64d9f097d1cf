"""The filesystem store streams with size caps, hashes on the way and signs expiring URLs."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from app.errors import InvalidInput, TooLarge
from app.services.storage.filesystem import FilesystemStorage
from app.services.storage.signing import UrlSigner


async def chunks(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


@pytest.fixture
async def store(tmp_path: Path) -> FilesystemStorage:
    storage = FilesystemStorage(tmp_path / "objects", UrlSigner("secret"))
    await storage.prepare()
    return storage


async def test_put_stream_hashes_and_reads_back(store: FilesystemStorage) -> None:
    info = await store.put_stream("a/b.bin", chunks(b"hello ", b"world"))

    assert info.size_bytes == 11
    assert info.sha256 == hashlib.sha256(b"hello world").hexdigest()
    assert b"".join([c async for c in store.get_stream("a/b.bin")]) == b"hello world"


async def test_over_the_cap_stores_nothing(store: FilesystemStorage) -> None:
    with pytest.raises(TooLarge):
        await store.put_stream("big.bin", chunks(b"x" * 10, b"y" * 10), max_bytes=15)

    assert await store.info("big.bin") is None
    assert list((store.root / ".tmp").iterdir()) == []


async def test_keys_cannot_escape_the_root(store: FilesystemStorage) -> None:
    with pytest.raises(InvalidInput):
        await store.put_stream("../outside.bin", chunks(b"x"))


def test_signed_urls_reject_tampering_and_expiry() -> None:
    signer = UrlSigner("secret")
    url, _ = signer.url("http://h", "/files", "GET", "assets/a/model.glb", 60,
                        {"name": "model.glb", "type": "model/gltf-binary"})
    query = dict(parse_qsl(urlsplit(url).query))
    signed = ("name", "type")

    assert signer.verify("GET", "assets/a/model.glb", query, signed)
    assert not signer.verify("GET", "assets/b/model.glb", query, signed)
    assert not signer.verify("PUT", "assets/a/model.glb", query, signed)
    assert not signer.verify("GET", "assets/a/model.glb", {**query, "type": "text/html"}, signed)
    assert not UrlSigner("other").verify("GET", "assets/a/model.glb", query, signed)
    expired, _ = signer.url("http://h", "/files", "GET", "assets/a/model.glb", -1)
    assert not signer.verify("GET", "assets/a/model.glb", dict(parse_qsl(urlsplit(expired).query)))
