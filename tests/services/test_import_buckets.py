"""Which buckets assetImportFromStorage may read, and listing them, against moto's S3 server:
no list means none, the server's own storage bucket never, the object cap and a missing bucket
are coded errors; models are told from other objects by extension."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import boto3
import pytest
from moto.server import ThreadedMotoServer

from app.client.buckets import BucketPrefix
from app.config import Settings
from app.embedded.process import free_port
from app.errors import Forbidden, LimitExceeded, NotFound
from app.services.import_buckets import ImportBuckets, SourceObject
from app.services.storage_imports import split_models
from app.usage import UsageError

CREDENTIALS = {"AWS_ACCESS_KEY_ID": "atelier-test", "AWS_SECRET_ACCESS_KEY": "atelier-secret"}
# moto's servers in one process share their buckets: this name is this module's alone.
BUCKET = f"listing-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="module")
def moto_url() -> Iterator[str]:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in CREDENTIALS.items():
            patch.setenv(name, value)
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
        server.start()
        host, port = server.get_host_and_port()
        url = f"http://{host}:{port}"
        s3 = boto3.client("s3", endpoint_url=url, region_name="us-east-1")
        s3.create_bucket(Bucket=BUCKET)
        for key in ("set/a.stl", "set/b.STL", "set/notes.md", "set/folder/"):
            s3.put_object(Bucket=BUCKET, Key=key, Body=b"solid\nendsolid\n")
        yield url
        server.stop()


def buckets(moto_url: str | None = None, **settings: object) -> ImportBuckets:
    return ImportBuckets(Settings(import_s3_endpoint_url=moto_url, **settings))


@pytest.mark.parametrize(("settings", "bucket", "message"), [
    ({}, "incoming", "ATELIER_IMPORT_BUCKETS names no bucket"),
    ({"import_buckets": ["incoming", "atelier"], "s3_bucket": "atelier"}, "atelier",
     "this server's own storage"),
    ({"import_buckets": ["incoming"]}, "other", "'other' is not open for imports"),
])
def test_only_listed_buckets_other_than_the_servers_own_are_open(
        settings: dict[str, object], bucket: str, message: str) -> None:
    with pytest.raises(Forbidden, match=message) as refused:
        buckets(**settings).check(bucket)

    assert refused.value.field == ["bucket"]


async def test_a_listed_bucket_lists_in_key_order_without_folder_markers(moto_url: str) -> None:
    found = await buckets(moto_url, import_buckets=[BUCKET]).list(BUCKET, "set/")

    assert [item.key for item in found] == ["set/a.stl", "set/b.STL", "set/notes.md"]
    models, others = split_models(found)
    assert [item.key for item in models] == ["set/a.stl", "set/b.STL"]
    assert others == [SourceObject("set/notes.md", 15)]


async def test_the_object_cap_and_a_missing_bucket_are_coded_errors(moto_url: str) -> None:
    with pytest.raises(LimitExceeded, match="more than 2 objects"):
        await buckets(moto_url, import_buckets=[BUCKET], import_max_objects=2).list(
            BUCKET, "set/")
    with pytest.raises(NotFound, match="no bucket 'gone'"):
        await buckets(moto_url, import_buckets=["gone"]).list("gone", "")


def test_an_s3_url_names_a_bucket_and_a_prefix() -> None:
    assert BucketPrefix.parse("s3://models/set/a") == BucketPrefix("models", "set/a")
    assert BucketPrefix.parse("s3://models").url() == "s3://models/"
    with pytest.raises(UsageError, match="names no bucket"):
        BucketPrefix.parse("s3:///set")
