"""The storage sweep on the real database against a filesystem store and moto's S3 server: it
deletes objects no record names once older than the grace, keeps young ones and every object
a record names (assets, trashed assets and scenes, pending direct uploads), lists S3 past one
page, and of sweepers racing for one interval only one sweeps."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import cast

import aioboto3
import pytest

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.models.common import utcnow
from app.models.upload import PendingUpload
from app.services.container import Services, opened_services
from app.services.storage import ListedObject, Storage
from app.services.storage_sweep import StorageSweeper
from tests.geometry.test_scene_sources import box_glb
from tests.services.test_s3_storage import aws_credentials, moto_url
from tests.services.test_scenes import principal, stored_asset

__all__ = ["aws_credentials", "moto_url"]  # module fixtures shared with the S3 store's tests

GRACE = timedelta(hours=1)
INTERVAL = timedelta(hours=1)
S3_PAGE = 1000


def sweep_settings(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   **stores: object) -> Settings:
    return Settings(mongodb_url=database.url, redis_url=redis_server.url,
                    database_name=f"sweep_{uuid.uuid4().hex[:8]}", secret_key="test", **stores)


@pytest.fixture
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path: Path) -> AsyncIterator[Services]:
    """A database and filesystem store of this test's own."""
    settings = sweep_settings(database, redis_server, storage_dir=tmp_path / "objects")
    async with opened_services(settings) as opened:
        yield opened


@pytest.fixture
async def s3_services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                      moto_url: str) -> AsyncIterator[Services]:
    settings = sweep_settings(database, redis_server, s3_endpoint_url=moto_url,
                              s3_bucket=f"sweep-{uuid.uuid4().hex[:12]}")
    async with opened_services(settings) as opened:
        yield opened


def sweeper(services: Services, interval: timedelta = INTERVAL) -> StorageSweeper:
    return StorageSweeper(services.storage, services.mongo, services.settings.database_name,
                          grace=GRACE, interval=interval, lease=timedelta(minutes=1))


async def put(storage: Storage, key: str, data: bytes = b"orphan") -> str:
    async def chunks() -> AsyncIterator[bytes]:
        yield data

    await storage.put_stream(key, chunks())
    return key


def age_every_file(root: Path, by: timedelta) -> None:
    """Every file of the store (the staging folder's too) modified `by` ago."""
    then = (utcnow() - by).timestamp()
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, (then, then))


async def keys(storage: Storage) -> set[str]:
    return {listed.key async for listed in storage.list_objects()}


async def test_old_orphans_go_and_everything_a_record_names_stays(services: Services) -> None:
    # Given assets kept, trashed and pending, a scene kept and a scene trashed with their GLBs
    storage, owner = services.storage, principal("sweep-owner")
    kept = await stored_asset(services, owner.owner, box_glb((1, 1, 1), (1, 0, 0, 1)))
    trashed = await stored_asset(services, owner.owner, box_glb((1, 1, 2), (1, 0, 0, 1)))
    await services.asset_trash.delete(owner, trashed.id)
    pending = await put(storage, f"uploads/{uuid.uuid4().hex}/model.stl", b"half")
    await PendingUpload(id=uuid.uuid4().hex, owner=owner.owner, key=pending, size_bytes=4,
                        expires_at=utcnow() + timedelta(hours=1)).insert()
    scene = await services.scenes.create_from_asset(owner, kept.id)
    gone_scene = await services.scenes.create_from_asset(owner, kept.id)
    scene_glbs = [await services.scenes.scene_glb(scene.id),
                  await services.scenes.scene_glb(gone_scene.id)]
    await services.scene_trash.delete(owner, gone_scene.id)
    # and two objects no record names, one written two hours ago, one just now
    old_orphan = await put(storage, f"assets/{uuid.uuid4().hex}/model.glb")
    storage_root = Path(str(services.settings.storage_dir))
    (storage_root / ".tmp" / "staged").write_bytes(b"a write under way")
    age_every_file(storage_root, timedelta(hours=2))
    young_orphan = await put(storage, f"renders/{uuid.uuid4().hex}.png")
    named = {file.key for file in kept.files} | {file.key for file in trashed.files} | {
        pending, *scene_glbs}
    assert named <= await keys(storage)

    # When the sweep runs
    removed = await sweeper(services).sweep()

    # Then only the old orphan is gone
    assert [orphan.key for orphan in removed] == [old_orphan]
    assert removed[0].size_bytes == len(b"orphan")
    assert await keys(storage) == named | {young_orphan}
    assert (storage_root / ".tmp" / "staged").exists()


async def test_the_sweep_lists_s3_past_one_page(s3_services: Services) -> None:
    # Given more orphans than one S3 listing page holds, and an asset's files
    storage = s3_services.storage
    asset = await stored_asset(s3_services, "sweep-s3", box_glb((1, 1, 1), (0, 1, 0, 1)))
    bucket = str(s3_services.settings.s3_bucket)
    orphans = sorted(f"orphans/{n:05d}.bin" for n in range(S3_PAGE + 5))
    async with aioboto3.Session().client("s3", endpoint_url=s3_services.settings.s3_endpoint_url,
                                         region_name="us-east-1") as s3:
        await asyncio.gather(*(s3.put_object(Bucket=bucket, Key=key, Body=b"x")
                               for key in orphans))

    # When orphans are looked for as of past the grace
    found = await sweeper(s3_services).orphans(now=utcnow() + 2 * GRACE)

    # Then every page was read and the asset's files are not among them
    assert [orphan.key for orphan in found] == orphans
    assert len(await keys(storage)) == len(orphans) + len(asset.files)


async def test_the_sweep_on_s3_deletes_orphans_and_keeps_the_named(s3_services: Services
                                                                   ) -> None:
    storage = s3_services.storage
    asset = await stored_asset(s3_services, "sweep-s3", box_glb((1, 2, 1), (0, 1, 0, 1)))
    orphan = await put(storage, f"assets/{uuid.uuid4().hex}/model.glb")

    young = await sweeper(s3_services).sweep()
    removed = await sweeper(s3_services).sweep(now=utcnow() + 2 * GRACE)

    assert (young, [listed.key for listed in removed]) == ([], [orphan])
    assert await keys(storage) == {file.key for file in asset.files}


class SlowListing:
    """The store, whose listing takes `seconds` before it starts."""

    def __init__(self, storage: Storage, seconds: float) -> None:
        self.storage, self.seconds = storage, seconds

    async def list_objects(self) -> AsyncIterator[ListedObject]:
        await asyncio.sleep(self.seconds)
        async for listed in self.storage.list_objects():
            yield listed


def leased(services: Services, storage: object) -> StorageSweeper:
    """A sweeper due at every call, whose claim holds 0.6 s unless renewed."""
    return StorageSweeper(cast(Storage, storage), services.mongo,
                          services.settings.database_name, grace=GRACE,
                          interval=timedelta(0), lease=timedelta(seconds=0.6))


async def test_a_sweep_longer_than_its_interval_is_not_joined_and_a_dead_one_is_taken_over(
        services: Services) -> None:
    slow, other = leased(services, SlowListing(services.storage, 1.5)), leased(
        services, services.storage)

    sweeping = asyncio.create_task(slow.sweep_if_due())
    await asyncio.sleep(0.3)
    assert await other.sweep_if_due() is None
    await asyncio.sleep(0.7)  # past the first lease: renewed, so still held
    assert await other.sweep_if_due() is None
    assert await sweeping == []
    assert await other.sweep_if_due() == []

    # A sweeper that dies mid-sweep stops renewing: its claim lapses and another takes over.
    dying = asyncio.create_task(slow.sweep_if_due())
    await asyncio.sleep(0.3)
    dying.cancel()
    with pytest.raises(asyncio.CancelledError):
        await dying
    assert await other.sweep_if_due() is None
    await asyncio.sleep(0.7)
    assert await other.sweep_if_due() == []


async def test_of_sweepers_racing_for_an_interval_one_sweeps(services: Services) -> None:
    # Given four workers' sweepers and an old orphan
    orphan = await put(services.storage, f"assets/{uuid.uuid4().hex}/model.glb")
    age_every_file(Path(str(services.settings.storage_dir)), 2 * GRACE)
    racing = [sweeper(services, interval=timedelta(seconds=1)) for _ in range(4)]

    # When they all ask at once, twice within the interval, and again after it
    first = await asyncio.gather(*(one.sweep_if_due() for one in racing))
    again = await asyncio.gather(*(one.sweep_if_due() for one in racing))
    await asyncio.sleep(1.2)
    later = await asyncio.gather(*(one.sweep_if_due() for one in racing))

    # Then one swept (and deleted the orphan), then none, then one again
    assert first.count(None) == 3
    assert [[listed.key for listed in swept] for swept in first if swept is not None] == [
        [orphan]]
    assert again == [None] * 4
    assert [swept for swept in later if swept is not None] == [[]]
