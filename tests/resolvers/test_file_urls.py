"""An asset's signed URLs (files' url, glbUrl, thumbnailUrl) through the real schema, in process:
signed without awaiting by a store that can (the filesystem's HMAC), awaited from one that
cannot (S3's presigner), alike either way, and each file signed once per request."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from starlette.requests import Request

from app.config import Settings
from app.context import Context
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.models.asset import Asset, AssetStatus
from app.models.common import FileRole, StoredFile
from app.services.container import Services, opened_services
from app.services.storage.filesystem import FilesystemStorage
from tests.resolvers.test_asset_update import SCHEMA
from tests.services.test_scenes import principal

PAGE = """
query Page { assets(first: 10) { edges { node {
  id files { role url } glbUrl thumbnailUrl
} } } }"""
OWNER = "signer"


class CountingStore(FilesystemStorage):
    """The filesystem store, counting what it signs; with `awaited`, it signs only through
    the async download_url, as S3 does."""

    def __init__(self, store: FilesystemStorage, *, awaited: bool) -> None:
        super().__init__(store.root, store.signer)
        self.awaited = awaited
        self.signed: Counter[str] = Counter()

    async def download_url(self, key: str, *, filename: str, content_type: str,
                           base_url: str, expires_in: int) -> str:
        self.signed[key] += 1
        return await super().download_url(key, filename=filename, content_type=content_type,
                                          base_url=base_url, expires_in=expires_in)

    def download_url_now(self, key: str, *, filename: str, content_type: str, base_url: str,
                         expires_in: int) -> str | None:
        if self.awaited:
            return None
        self.signed[key] += 1
        return super().download_url_now(key, filename=filename, content_type=content_type,
                                        base_url=base_url, expires_in=expires_in)


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="file_urls_test", secret_key="test",
                        storage_dir=tmp_path_factory.mktemp("file-url-objects"))
    async with opened_services(settings) as opened:
        for number in range(3):
            asset = Asset(owner=OWNER, name=f"model {number}", filename="model.glb",
                          status=AssetStatus.READY)
            asset.files = [StoredFile(role=role, format=fmt, key=f"assets/{asset.id}/{name}",
                                      size_bytes=1, content_type=kind, filename=name)
                           for role, fmt, name, kind in (
                               (FileRole.GLB, "GLB", "model.glb", "model/gltf-binary"),
                               (FileRole.THUMBNAIL, "PNG", "thumbnail.png", "image/png"))]
            await asset.insert()
        yield opened


async def run(services: Services, query: str, *, awaited: bool
              ) -> tuple[list[dict[str, Any]], CountingStore]:
    assert isinstance(services.storage, FilesystemStorage)
    store = CountingStore(services.storage, awaited=awaited)
    context = Context(services=dataclasses.replace(services, storage=store),
                      base_url="http://test", request=Request({"type": "http", "headers": []}),
                      principal=principal(OWNER))
    result = await SCHEMA.execute(query, context_value=context)
    assert result.errors is None, result.errors
    return [edge["node"] for edge in result.data["assets"]["edges"]], store


def unsigned(url: str) -> tuple[str, dict[str, str]]:
    """A URL without its expiry and signature (which change with the second it was signed)."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    assert query.pop("exp") and query.pop("sig")
    return parts.path, query


@pytest.mark.parametrize("awaited", [False, True], ids=["signed-now", "awaited"])
async def test_each_file_is_signed_once_per_request_and_its_urls_agree(
        services: Services, awaited: bool) -> None:
    nodes, store = await run(services, PAGE, awaited=awaited)

    assert len(nodes) == 3
    for node in nodes:
        urls = {file["role"]: file["url"] for file in node["files"]}
        assert urls == {"GLB": node["glbUrl"], "THUMBNAIL": node["thumbnailUrl"]}
        assert all(store.signer.verify("GET", unsigned(url)[0].removeprefix("/files/"),
                                       dict(parse_qsl(urlsplit(url).query)), ("name", "type"))
                   for url in urls.values())
    assert sorted(store.signed.values()) == [1] * 6


async def test_a_store_signing_now_and_one_awaited_give_the_same_urls(
        services: Services) -> None:
    now, _ = await run(services, PAGE, awaited=False)
    later, _ = await run(services, PAGE, awaited=True)

    assert [[unsigned(file["url"]) for file in node["files"]] for node in now] == [
        [unsigned(file["url"]) for file in node["files"]] for node in later]
    assert [unsigned(node["glbUrl"]) for node in now] == [
        unsigned(node["glbUrl"]) for node in later]


@pytest.mark.parametrize("awaited", [False, True], ids=["signed-now", "awaited"])
async def test_files_without_url_sign_nothing(services: Services, awaited: bool) -> None:
    query = "query Page { assets(first: 10) { edges { node { files { role } } } } }"

    nodes, store = await run(services, query, awaited=awaited)

    assert [file["role"] for node in nodes for file in node["files"]] == ["GLB", "THUMBNAIL"] * 3
    assert not store.signed
