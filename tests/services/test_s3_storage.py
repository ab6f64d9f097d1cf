"""S3Storage against real S3-compatible HTTP servers: moto's server mode for the store's
behaviour, and nanio, which (unlike moto) checks SigV4 signatures and expiry of presigned URLs."""

from __future__ import annotations

import asyncio
import hashlib
import os
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aioboto3
import httpx
import pytest
from botocore.exceptions import ClientError
from moto.server import ThreadedMotoServer

from app.config import Settings
from app.embedded.process import ChildProcess, free_port, port_open
from app.errors import InvalidInput, TooLarge
from app.services.storage.s3 import PART_SIZE, S3Storage

CREDENTIALS = {"AWS_ACCESS_KEY_ID": "atelier-test", "AWS_SECRET_ACCESS_KEY": "atelier-secret"}
MIB = 1024 * 1024


@pytest.fixture(scope="module", autouse=True)
def aws_credentials() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in CREDENTIALS.items():
            patch.setenv(name, value)
        yield


@pytest.fixture(scope="module")
def moto_url() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture(scope="module")
def nanio_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("nanio")
    port = free_port()
    env = {**os.environ, "NANIO_ACCESS_KEY": CREDENTIALS["AWS_ACCESS_KEY_ID"],
           "NANIO_SECRET_KEY": CREDENTIALS["AWS_SECRET_ACCESS_KEY"]}
    server = ChildProcess("nanio", [sys.executable, "-m", "nanio", "serve", "--data-dir",
                                    str(root / "data"), "--host", "127.0.0.1", "--port",
                                    str(port), "--no-access-log"],
                          env=env, log_path=root / "nanio.log")
    server.start()
    server.wait_ready(lambda: port_open("127.0.0.1", port))
    yield f"http://127.0.0.1:{port}"
    server.stop()


async def new_store(endpoint_url: str, *, public_url: str | None = None) -> S3Storage:
    store = S3Storage(Settings(s3_endpoint_url=endpoint_url, s3_bucket=f"t-{uuid.uuid4().hex}",
                               s3_region="us-east-1", public_url=public_url))
    await store.ensure_bucket()
    return store


@pytest.fixture
async def store(moto_url: str) -> AsyncIterator[S3Storage]:
    store = await new_store(moto_url)
    yield store
    await store.aclose()


@pytest.fixture(params=["moto", "nanio"])
async def any_store(request: pytest.FixtureRequest) -> AsyncIterator[S3Storage]:
    """The same behaviour on two independent S3 implementations."""
    store = await new_store(request.getfixturevalue(f"{request.param}_url"))
    yield store
    await store.aclose()


@pytest.fixture
async def checked_store(nanio_url: str) -> AsyncIterator[S3Storage]:
    """A store on the server that enforces signatures."""
    store = await new_store(nanio_url)
    yield store
    await store.aclose()


async def chunks(data: bytes, size: int = MIB) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start:start + size]


async def failing_after(data: bytes) -> AsyncIterator[bytes]:
    async for chunk in chunks(data):
        yield chunk
    raise ConnectionResetError("the client went away")


async def read_all(store: S3Storage, key: str) -> bytes:
    return b"".join([chunk async for chunk in store.get_stream(key)])


async def pending_uploads(store: S3Storage) -> list[dict]:
    async with aioboto3.Session().client("s3", endpoint_url=store.endpoint_url,
                                         region_name=store.region) as s3:
        listing = await s3.list_multipart_uploads(Bucket=store.bucket)
    return listing.get("Uploads", [])


async def etag(store: S3Storage, key: str) -> str:
    async with aioboto3.Session().client("s3", endpoint_url=store.endpoint_url,
                                         region_name=store.region) as s3:
        head = await s3.head_object(Bucket=store.bucket, Key=key)
    return str(head["ETag"]).strip('"')


async def test_streamed_put_round_trips_with_sha256(any_store: S3Storage) -> None:
    data = os.urandom(3 * MIB + 17)

    info = await any_store.put_stream("assets/a/original.stl", chunks(data))

    assert info.size_bytes == len(data)
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    assert await read_all(any_store, "assets/a/original.stl") == data
    assert (await any_store.info("assets/a/original.stl")).size_bytes == len(data)


async def test_streams_over_one_part_go_multipart(any_store: S3Storage) -> None:
    data = os.urandom(2 * PART_SIZE + 5 * MIB)

    info = await any_store.put_stream("big.bin", chunks(data))

    assert info.sha256 == hashlib.sha256(data).hexdigest()
    assert await etag(any_store, "big.bin") == f"{_multipart_etag(data, PART_SIZE)}-3"
    assert await read_all(any_store, "big.bin") == data


async def test_empty_stream_stores_an_empty_object(store: S3Storage) -> None:
    info = await store.put_stream("empty.bin", chunks(b""))

    assert info.size_bytes == 0
    assert (await store.info("empty.bin")).size_bytes == 0


@pytest.mark.parametrize("size", [PART_SIZE + 3 * MIB, 3 * MIB])
async def test_too_large_leaves_no_object_and_no_pending_upload(any_store: S3Storage,
                                                                size: int) -> None:
    with pytest.raises(TooLarge):
        await any_store.put_stream("too-big.bin", chunks(os.urandom(size)), max_bytes=size - 1)

    assert await any_store.info("too-big.bin") is None
    assert await pending_uploads(any_store) == []


async def test_a_failing_stream_aborts_its_multipart_upload(any_store: S3Storage) -> None:
    with pytest.raises(ConnectionResetError):
        await any_store.put_stream("broken.bin", failing_after(os.urandom(PART_SIZE + MIB)))

    assert await any_store.info("broken.bin") is None
    assert await pending_uploads(any_store) == []


async def test_delete_removes_and_tolerates_missing(store: S3Storage) -> None:
    await store.put_stream("gone.bin", chunks(b"bytes"))

    await store.delete("gone.bin")
    await store.delete("gone.bin")

    assert await store.info("gone.bin") is None
    with pytest.raises(FileNotFoundError):
        await read_all(store, "gone.bin")


async def test_put_file_and_download_to_round_trip(store: S3Storage, tmp_path: Path) -> None:
    source = tmp_path / "model.glb"
    source.write_bytes(os.urandom(PART_SIZE + 1234))

    info = await store.put_file("assets/b/model.glb", source, content_type="model/gltf-binary")
    await store.download_to("assets/b/model.glb", tmp_path / "copy.glb")

    assert info.size_bytes == source.stat().st_size
    assert (tmp_path / "copy.glb").read_bytes() == source.read_bytes()


async def test_ping_needs_the_bucket(store: S3Storage) -> None:
    await store.ensure_bucket()
    await store.ping()

    missing = S3Storage(Settings(s3_endpoint_url=store.endpoint_url, s3_bucket="no-such-bucket"))
    with pytest.raises(ClientError):
        await missing.ping()


async def test_keys_that_urls_would_rewrite_are_refused(store: S3Storage) -> None:
    for key in ("", "a/../b", "./a", "a//b"):
        with pytest.raises(InvalidInput):
            await store.put_stream(key, chunks(b"x"))


async def test_presigned_get_serves_the_bytes_as_a_named_download(store: S3Storage) -> None:
    data = os.urandom(4096)
    await store.put_stream("assets/c/model.glb", chunks(data))

    url = await store.download_url("assets/c/model.glb", filename="chair model.glb",
                                   content_type="model/gltf-binary", base_url="unused",
                                   expires_in=60)
    async with httpx.AsyncClient() as http:
        response = await http.get(url)

    assert response.status_code == 200
    assert response.content == data
    assert response.headers["content-type"] == "model/gltf-binary"
    assert response.headers["content-disposition"] == "inline; filename*=utf-8''chair%20model.glb"


async def test_presigned_put_uploads_directly(store: S3Storage) -> None:
    data = os.urandom(100_000)
    target = await store.upload_target("uploads/d/scan.stl", content_type="model/stl",
                                       base_url="unused", expires_in=60)

    async with httpx.AsyncClient() as http:
        response = await http.put(target.url, content=data, headers=target.headers)

    assert response.status_code == 200, response.text
    assert target.headers == {"Content-Type": "model/stl", "If-None-Match": "*"}
    assert target.expires_at is not None
    assert (await store.info("uploads/d/scan.stl")).size_bytes == len(data)
    assert await read_all(store, "uploads/d/scan.stl") == data


async def test_tampered_presigned_urls_are_refused(checked_store: S3Storage) -> None:
    await checked_store.put_stream("assets/e/a.glb", chunks(b"secret a"))
    await checked_store.put_stream("assets/e/b.glb", chunks(b"secret b"))
    url = await checked_store.download_url("assets/e/a.glb", filename="a.glb",
                                           content_type="model/gltf-binary", base_url="unused",
                                           expires_in=60)
    target = await checked_store.upload_target("uploads/e/new.stl", content_type="model/stl",
                                               base_url="unused", expires_in=60)

    async with httpx.AsyncClient() as http:
        genuine = await http.get(url)
        other_key = await http.get(url.replace("/a.glb?", "/b.glb?"))
        forged = await http.get(url.replace("X-Amz-Signature=", "X-Amz-Signature=0"))
        wrong_type = await http.put(target.url, content=b"solid x",
                                    headers={"Content-Type": "text/plain"})

    assert genuine.status_code == 200
    assert (other_key.status_code, forged.status_code, wrong_type.status_code) == (403, 403, 403)
    assert await checked_store.info("uploads/e/new.stl") is None


async def test_a_declared_upload_size_is_part_of_the_signature(checked_store: S3Storage) -> None:
    data = b"solid sized\n"
    target = await checked_store.upload_target("uploads/g/new.stl", content_type="model/stl",
                                               base_url="unused", expires_in=60,
                                               size_bytes=len(data))

    async with httpx.AsyncClient() as http:
        longer = await http.put(target.url, content=data + b"more", headers=target.headers)
        exact = await http.put(target.url, content=data, headers=target.headers)

    assert (longer.status_code, exact.status_code) == (403, 200)
    assert (await checked_store.info("uploads/g/new.stl")).size_bytes == len(data)


async def test_expired_presigned_urls_are_refused(checked_store: S3Storage) -> None:
    await checked_store.put_stream("assets/f/a.glb", chunks(b"data"))
    url = await checked_store.download_url("assets/f/a.glb", filename="a.glb",
                                           content_type="model/gltf-binary", base_url="unused",
                                           expires_in=1)
    target = await checked_store.upload_target("uploads/f/new.stl", content_type="model/stl",
                                               base_url="unused", expires_in=1)

    await asyncio.sleep(2.5)
    async with httpx.AsyncClient() as http:
        download = await http.get(url)
        upload = await http.put(target.url, content=b"solid x", headers=target.headers)

    assert (download.status_code, upload.status_code) == (403, 403)


async def test_urls_are_signed_for_the_public_url(nanio_url: str) -> None:
    # The same server reached as "localhost" stands in for a proxy that keeps the Host header.
    public_url = nanio_url.replace("127.0.0.1", "localhost")
    store = await new_store(nanio_url, public_url=public_url + "/")
    await store.put_stream("assets/g/a.glb", chunks(b"through the proxy"))

    url = await store.download_url("assets/g/a.glb", filename="a.glb",
                                   content_type="model/gltf-binary", base_url="unused",
                                   expires_in=60)
    async with httpx.AsyncClient() as http:
        via_public = await http.get(url)
        via_internal = await http.get(url.replace(public_url, nanio_url))

    assert url.startswith(f"{public_url}/{store.bucket}/assets/g/a.glb?")
    assert via_public.content == b"through the proxy"
    assert via_internal.status_code == 403
    await store.aclose()


def _multipart_etag(data: bytes, part_size: int) -> str:
    """S3's ETag of a multipart object: the MD5 of its parts' MD5s."""
    digests = b"".join(hashlib.md5(data[i:i + part_size]).digest()
                       for i in range(0, len(data), part_size))
    return hashlib.md5(digests).hexdigest()
