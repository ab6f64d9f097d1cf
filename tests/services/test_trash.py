"""The trash on the real database and a filesystem store: a deleted asset or scene is hidden,
restored whole, and swept once its retention has passed (time is handed to the sweeper), never
while a scene draws from it; a sweep cut off between its steps is finished by the next one."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import cast

import pytest

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.errors import ErrorCode
from app.models.asset import Asset
from app.models.asset_version import AssetVersion
from app.models.common import FileRole, StoredFile, utcnow
from app.models.job import Job, JobKind, JobStatus
from app.models.scene import Scene
from app.models.token import Scope
from app.models.trash import TrashEntry
from app.services import asset_trash
from app.services.container import Services, opened_services
from app.services.scenes.files import glb_key
from app.services.scenes.operations import AddNode, MeshUse
from app.services.storage import Storage
from app.services.trash_sweep import TrashSweeper
from tests.geometry.test_scene_sources import box_glb
from tests.services.test_scenes import code_of, principal, stored_asset

RETENTION = timedelta(days=2)


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="trash_service_test", secret_key="test",
                        storage_dir=tmp_path_factory.mktemp("trash-objects"),
                        trash_retention_days=RETENTION.days,
                        quota_overrides={"quo": {"assets": 1}})
    async with opened_services(settings) as opened:
        yield opened


@pytest.fixture(autouse=True)
async def empty_trash(services: Services) -> None:
    """Each test sweeps only what it put in the trash."""
    await TrashEntry.get_pymongo_collection().delete_many({})


def past_retention() -> timedelta:
    return RETENTION + timedelta(seconds=1)


async def asset_with_files(services: Services, owner: str) -> Asset:
    """A READY asset with its GLB and a thumbnail in storage."""
    asset = await stored_asset(services, owner, box_glb((1, 1, 1), (1, 0, 0, 1)))
    key = f"assets/{asset.id}/thumbnail.png"

    async def chunks() -> AsyncIterator[bytes]:
        yield b"png"

    await services.storage.put_stream(key, chunks())
    asset.files.append(StoredFile(role=FileRole.THUMBNAIL, format="PNG", key=key, size_bytes=3,
                                  content_type="image/png", filename="thumbnail.png"))
    await asset.save()
    return asset


async def stored_keys(storage: Storage, asset: Asset) -> list[str]:
    return [f.key for f in asset.files if await storage.info(f.key) is not None]


async def test_a_deleted_asset_is_hidden_then_restored_with_its_files(services: Services
                                                                       ) -> None:
    viewer = principal("ann")
    asset = await asset_with_files(services, "ann")

    await services.asset_trash.delete(viewer, asset.id)

    assert await code_of(services.assets.get_visible(viewer, asset.id)) is ErrorCode.NOT_FOUND
    assert await Asset.get(asset.id) is None
    assert await code_of(services.asset_trash.delete(viewer, asset.id)) is ErrorCode.NOT_FOUND
    restored = await services.asset_trash.restore(viewer, asset.id)
    assert restored.model_dump() == asset.model_dump()
    assert (await services.assets.get_visible(viewer, asset.id)).files == asset.files
    assert await stored_keys(services.storage, asset) == [f.key for f in asset.files]
    assert await TrashEntry.get(asset.id) is None


async def test_an_asset_whose_ingest_ends_while_it_is_deleted_goes_to_the_trash(
        services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    viewer = principal("ann")
    asset = await asset_with_files(services, "ann")
    job = Job(owner="ann", kind=JobKind.INGEST, asset_id=asset.id, status=JobStatus.RUNNING)
    await job.insert()
    asset.ingest_job_id = job.id
    await asset.save()
    read_ingest_job = asset_trash._ingest_job

    async def ends_once_read(of: Asset) -> Job | None:
        seen = await read_ingest_job(of)
        await Job.get_pymongo_collection().update_one(
            {"_id": job.id}, {"$set": {"status": JobStatus.SUCCEEDED.value}})
        return seen

    monkeypatch.setattr(asset_trash, "_ingest_job", ends_once_read)
    await services.asset_trash.delete(viewer, asset.id)

    assert await TrashEntry.get(asset.id) is not None and await Asset.get(asset.id) is None
    ended = await Job.get(job.id)
    assert ended is not None and (ended.status, ended.cancel_requested) == (
        JobStatus.SUCCEEDED, False)


async def test_restore_is_refused_to_other_owners_and_without_the_write_scope(
        services: Services) -> None:
    asset = await asset_with_files(services, "bea")
    await services.asset_trash.delete(principal("bea"), asset.id)
    reader = principal("bea", frozenset({Scope.ASSETS_READ}))

    stranger = await code_of(services.asset_trash.restore(principal("eve"), asset.id))
    unscoped = await code_of(services.asset_trash.restore(reader, asset.id))
    unknown = await code_of(services.asset_trash.restore(principal("bea"), "ast_nothing"))

    assert (stranger, unscoped, unknown) == (ErrorCode.NOT_FOUND, ErrorCode.FORBIDDEN,
                                             ErrorCode.NOT_FOUND)
    assert await TrashEntry.get(asset.id) is not None


async def test_restoring_past_a_quota_filled_since_is_refused_and_keeps_it_in_the_trash(
        services: Services) -> None:
    viewer = principal("quo")
    asset = await asset_with_files(services, "quo")
    await services.asset_trash.delete(viewer, asset.id)
    await asset_with_files(services, "quo")  # the trash counts for no quota

    refused = await code_of(services.asset_trash.restore(viewer, asset.id))

    assert refused is ErrorCode.QUOTA_EXCEEDED
    assert await TrashEntry.get(asset.id) is not None and await Asset.get(asset.id) is None


async def test_the_sweep_removes_what_outlived_its_retention_and_nothing_else(
        services: Services) -> None:
    viewer = principal("cat")
    due, recent, kept = [await asset_with_files(services, "cat") for _ in range(3)]
    made = Job(owner="cat", kind=JobKind.RENDER, status=JobStatus.SUCCEEDED, asset_id=due.id,
               outputs=due.files[1:])
    await made.insert()
    await services.asset_trash.delete(viewer, due.id)
    sweep_at = utcnow() + past_retention()
    await services.asset_trash.delete(viewer, recent.id)
    await TrashEntry.get_pymongo_collection().update_one(
        {"_id": recent.id}, {"$set": {"purge_after": sweep_at + timedelta(hours=1)}})

    await services.trash_sweeper.sweep(now=sweep_at)

    assert await stored_keys(services.storage, due) == []
    assert await TrashEntry.get(due.id) is None
    assert await code_of(services.asset_trash.restore(viewer, due.id)) is ErrorCode.NOT_FOUND
    assert (swept_job := await Job.get(made.id)) is not None and swept_job.outputs == []
    assert len(await stored_keys(services.storage, recent)) == 2
    assert len(await stored_keys(services.storage, kept)) == 2
    assert (await services.asset_trash.restore(viewer, recent.id)).id == recent.id


async def test_the_sweep_removes_every_version_of_a_swept_asset(services: Services) -> None:
    viewer = principal("vic")
    asset = await asset_with_files(services, "vic")

    async def chunks() -> AsyncIterator[bytes]:
        yield box_glb((2, 2, 2), (0, 1, 0, 1))

    uploaded = await services.asset_versions.upload(viewer, asset.id, filename="v2.glb",
                                                    chunks=chunks())
    versions = await AssetVersion.find({"asset_id": asset.id}).sort("number").to_list()
    [original] = versions[1].files
    assert [v.number for v in versions] == [1, 2] and uploaded.job.asset_id == asset.id
    assert await services.storage.info(original.key) is not None
    await services.asset_trash.delete(viewer, asset.id)

    await services.trash_sweeper.sweep(now=utcnow() + past_retention())

    assert await services.storage.info(original.key) is None
    assert await stored_keys(services.storage, asset) == []
    assert await AssetVersion.find({"asset_id": asset.id}).count() == 0


async def test_an_asset_a_scene_draws_from_waits_in_the_trash_until_the_scene_is_gone(
        services: Services) -> None:
    viewer = principal("dan")
    asset = await asset_with_files(services, "dan")
    scene = await services.scenes.create(viewer, name="uses it", operations=[
        AddNode(id="n", mesh=MeshUse(asset_id=asset.id))])
    await services.asset_trash.delete(viewer, asset.id)
    await services.scene_trash.delete(viewer, scene.id)  # a trashed scene can come back too
    first_sweep = utcnow() + past_retention()

    await services.trash_sweeper.sweep(now=first_sweep)  # the scene goes, the asset waits
    assert await TrashEntry.get(scene.id) is None
    assert len(await stored_keys(services.storage, asset)) == 2
    held = await TrashEntry.get(asset.id)
    assert held is not None and held.purge_after > first_sweep

    await services.trash_sweeper.sweep(now=held.purge_after)

    assert await TrashEntry.get(asset.id) is None
    assert await stored_keys(services.storage, asset) == []


async def test_a_kept_scene_holds_its_assets_and_shows_them_missing(services: Services) -> None:
    viewer = principal("eli")
    asset = await asset_with_files(services, "eli")
    scene = await services.scenes.create(viewer, name="kept", operations=[
        AddNode(id="n", mesh=MeshUse(asset_id=asset.id))])
    await services.asset_trash.delete(viewer, asset.id)

    for _ in range(2):
        await services.trash_sweeper.sweep(now=utcnow() + 2 * past_retention())

    usable = await services.scenes.assets.usable(viewer, [asset.id])
    assert isinstance(usable[asset.id], Exception)
    assert (await services.scenes.get_visible(viewer, scene.id)).graph.asset_ids() == {asset.id}
    assert (await services.asset_trash.restore(viewer, asset.id)).files == asset.files


async def test_a_deleted_scene_is_hidden_restored_whole_and_swept_with_its_glbs(
        services: Services) -> None:
    viewer = principal("fay")
    scene = await services.scenes.create(viewer, name="s", operations=[AddNode(id="a")])
    scene = await services.scenes.update(viewer, scene.id, operations=[AddNode(id="b")])
    await services.scene_trash.delete(viewer, scene.id)

    assert await code_of(services.scenes.get_visible(viewer, scene.id)) is ErrorCode.NOT_FOUND
    assert await code_of(services.scene_trash.restore(principal("eve"), scene.id)
                         ) is ErrorCode.NOT_FOUND
    restored = await services.scene_trash.restore(viewer, scene.id)
    assert (restored.version, restored.graph) == (2, scene.graph)
    key = await services.scenes.glbs.stored_key(restored)
    assert key == glb_key(scene.id, 2)

    await services.scene_trash.delete(viewer, scene.id)
    await services.trash_sweeper.sweep(now=utcnow() + past_retention())

    assert await services.storage.info(key) is None
    assert await Scene.get(scene.id) is None and await TrashEntry.get(scene.id) is None
    assert await code_of(services.scene_trash.restore(viewer, scene.id)) is ErrorCode.NOT_FOUND


class DiesAfterOneDelete:
    """The worker's store, cut off (as by a SIGKILL) after deleting one object."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage
        self.deleted = 0

    async def delete(self, key: str) -> None:
        if self.deleted:
            raise SystemExit("the worker died")
        self.deleted += 1
        await self.storage.delete(key)

    def __getattr__(self, name: str) -> object:
        return getattr(self.storage, name)


async def test_a_sweep_cut_off_midway_is_finished_by_the_next_and_never_restored(
        services: Services) -> None:
    viewer = principal("gus")
    asset = await asset_with_files(services, "gus")
    await services.asset_trash.delete(viewer, asset.id)
    sweep_at = utcnow() + past_retention()

    with pytest.raises(SystemExit):
        dying = cast(Storage, DiesAfterOneDelete(services.storage))
        await TrashSweeper(dying).sweep(now=sweep_at)

    assert len(await stored_keys(services.storage, asset)) == 1
    assert await code_of(services.asset_trash.restore(viewer, asset.id)) is ErrorCode.NOT_FOUND
    assert await services.trash_sweeper.sweep(now=sweep_at) == 1
    assert await stored_keys(services.storage, asset) == []
    assert await TrashEntry.get(asset.id) is None and await Asset.get(asset.id) is None
