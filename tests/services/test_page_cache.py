"""The catalog's page cache on the real database and change feed: a page and its count are
read once and then kept; this process's writes (a transaction's at its commit) show in the
very next read, another process's once the feed delivers them; one viewer's page is never
another's; with the cache off every read goes to the database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from pymongo import AsyncMongoClient

from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.models.asset import Asset, AssetStatus
from app.models.project import personal_project_id
from app.services.asset_details import AssetEdit
from app.services.asset_search import AssetFilter
from app.services.container import Services, opened_services
from app.services.pagination import Page
from tests.services.test_access_cache_feed import within
from tests.services.test_live_fanout import ADMIN, settings_for, viewer


@pytest.fixture
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis, tmp_path: Path
                   ) -> AsyncIterator[Services]:
    # A TTL far past every deadline here: whatever is dropped in time, a change dropped.
    settings = settings_for(database, redis_server, tmp_path, list_cache_seconds=600)
    async with opened_services(settings) as opened:
        yield opened


async def listed(services: Services, owner: str) -> Page[Asset]:
    principal = await services.projects.with_access(viewer(owner))
    return await services.assets.list(principal, first=10, after=None, where=AssetFilter())


async def asset_of(owner: str, name: str) -> Asset:
    asset = Asset(owner=owner, project_id=personal_project_id(owner), name=name,
                  filename="model.glb", status=AssetStatus.READY)
    await asset.insert()
    return asset


async def kept(services: Services, owner: str) -> Page[Asset]:
    """The owner's page once it is served from the cache (the feed opens after the first look)."""

    async def served_twice() -> bool:
        return await listed(services, owner) is await listed(services, owner)

    await within(10, served_twice)
    return await listed(services, owner)


def names(page: Page[Asset]) -> list[str]:
    return [asset.name for asset in page.items]


async def test_a_page_is_kept_until_this_process_writes_and_its_writes_show_at_once(
        services: Services) -> None:
    first = await asset_of("olga", "first")
    await asset_of("olga", "second")
    page = await kept(services, "olga")
    assert names(page) == ["second", "first"] and await page.count() == 2

    olga = await services.projects.with_access(viewer("olga"))
    await services.assets.update(olga, first.id, AssetEdit(name="renamed"))
    page = await listed(services, "olga")
    assert names(page) == ["second", "renamed"]

    await asset_of("olga", "third")
    page = await listed(services, "olga")
    assert names(page) == ["third", "second", "renamed"] and await page.count() == 3
    assert await (await kept(services, "olga")).count() == 3


async def test_a_transaction_s_writes_show_from_its_commit(services: Services) -> None:
    asset = await asset_of("tess", "before")
    await kept(services, "tess")
    collection = Asset.get_pymongo_collection()
    async with services.mongo.start_session() as session:
        await session.start_transaction()
        await collection.update_one({"_id": asset.id}, {"$set": {"name": "after"}},
                                    session=session)
        # Read (and kept) between the write and the commit: what was committed then.
        assert names(await kept(services, "tess")) == ["before"]
        await session.commit_transaction()
    assert names(await listed(services, "tess")) == ["after"]


async def test_another_process_s_write_shows_once_the_feed_delivers_it(
        services: Services) -> None:
    asset = await asset_of("otto", "mine")
    await kept(services, "otto")
    async with AsyncMongoClient[dict[str, object]](services.settings.mongodb_url) as other:
        collection = other[services.settings.database_name]["assets"]
        await collection.update_one({"_id": asset.id}, {"$set": {"name": "theirs"}})

    async def renamed() -> bool:
        return names(await listed(services, "otto")) == ["theirs"]

    await within(2.5, renamed)


async def test_a_viewer_never_gets_another_s_page(services: Services) -> None:
    await asset_of("ivy", "ivy's")
    assert names(await kept(services, "ivy")) == ["ivy's"]
    assert names(await listed(services, "jan")) == []
    everything = await services.assets.list(ADMIN, first=10, after=None, where=AssetFilter())
    assert "ivy's" in names(everything)


async def test_with_the_cache_off_every_read_goes_to_the_database(
        database: EmbeddedDatabase, redis_server: EmbeddedRedis, tmp_path: Path) -> None:
    settings = settings_for(database, redis_server, tmp_path, list_cache_seconds=0)
    async with opened_services(settings) as services:
        await asset_of("una", "one")
        await listed(services, "una")
        await asyncio.sleep(0.3)
        assert await listed(services, "una") is not await listed(services, "una")
