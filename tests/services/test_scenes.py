"""The scene service on the real database, Redis and a filesystem store: scenes from assets and
from operations, compare-and-set updates, asset checks, listing, export and the live stream."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import numpy as np
import pytest

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.errors import AtelierError, ErrorCode
from app.geometry.gltf_io import load_asset
from app.geometry.stats import compute_stats
from app.models.asset import Asset, AssetStatus
from app.models.common import AssetStats, FileRole, StoredFile
from app.models.project import personal_project_id
from app.models.scene import Scene, SceneChangeKind
from app.models.token import Scope
from app.services.auth import Principal
from app.services.container import Services, opened_services
from app.services.scenes.operations import AddMaterial, AddNode, MeshUse, RenameNode
from tests.geometry.test_scene_sources import box_glb, hierarchy_glb, trimesh_bounds
from tests.support.gltf_validator import khronos_bytes_errors

USER_SCOPES = frozenset(scope for scope in Scope if scope is not Scope.ADMIN)


def principal(owner: str, scopes: frozenset[Scope] = USER_SCOPES) -> Principal:
    return Principal(owner=owner, scopes=scopes)


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="scenes_service_test", secret_key="test",
                        storage_dir=tmp_path_factory.mktemp("scene-objects"),
                        max_scene_nodes=50, max_scene_operations=60)
    async with opened_services(settings) as opened:
        yield opened


async def stored_asset(services: Services, owner: str, glb: bytes,
                       status: AssetStatus = AssetStatus.READY) -> Asset:
    """An asset as ingest leaves it: its normalised GLB in storage, stats, the given status."""
    asset = Asset(owner=owner, name="model.glb", filename="model.glb", status=status)
    key = f"assets/{asset.id}/model.glb"

    async def chunks() -> AsyncIterator[bytes]:
        yield glb

    await services.storage.put_stream(key, chunks())
    asset.files = [StoredFile(role=FileRole.GLB, format="GLB", key=key, size_bytes=len(glb),
                              content_type="model/gltf-binary", filename="model.glb")]
    asset.stats = AssetStats.model_validate(compute_stats(load_asset(glb)).to_dict())
    await asset.insert()
    return asset


async def error_of(call) -> AtelierError:
    with pytest.raises(AtelierError) as raised:
        await call
    return raised.value


async def code_of(call) -> ErrorCode:
    return (await error_of(call)).code


async def test_a_scene_from_an_asset_is_stored_with_its_hierarchy_and_bounds(
        services: Services) -> None:
    viewer = principal("alice")
    asset = await stored_asset(services, "alice", hierarchy_glb())

    scene = await services.scenes.create_from_asset(viewer, asset.id)

    stored = await services.scenes.get_visible(viewer, scene.id)
    assert (stored.version, stored.name, stored.node_count) == (1, "model.glb", 5)
    assert [node.name for node in stored.graph.nodes] == ["base", "arm", "hand", "eye", "lamp"]
    np.testing.assert_allclose([stored.bounds.min, stored.bounds.max],
                               trimesh_bounds(hierarchy_glb()))
    assert stored.id.startswith("scn_")
    preview = await services.scenes.asset_scene(viewer, asset.id)
    assert (preview.id, preview.version) == (asset.id, 0)


async def test_an_update_bumps_the_version_once_and_a_stale_one_conflicts(
        services: Services) -> None:
    viewer = principal("bob")
    scene = await services.scenes.create(viewer, name="stage")

    updated = await services.scenes.update(viewer, scene.id, name="renamed",
                                           operations=[AddNode(id="a")], expected_version=1)
    stale = services.scenes.update(viewer, scene.id, operations=[AddNode(id="b")],
                                   expected_version=1)

    assert (updated.version, updated.name) == (2, "renamed")
    assert await code_of(stale) is ErrorCode.CONFLICT
    stored = await services.scenes.get_visible(viewer, scene.id)
    assert (stored.version, [n.id for n in stored.graph.nodes]) == (2, ["a"])
    assert [c.kind for c in stored.revisions[-1].changes] == [SceneChangeKind.SCENE_RENAMED,
                                                              SceneChangeKind.NODE_ADDED]


async def test_concurrent_updates_each_land_once(services: Services) -> None:
    viewer = principal("carol")
    scene = await services.scenes.create(viewer, name="busy")

    results = await asyncio.gather(*(
        services.scenes.update(viewer, scene.id, operations=[AddNode(id=f"n-{i}")])
        for i in range(6)))

    assert sorted(result.version for result in results) == list(range(2, 8))
    stored = await services.scenes.get_visible(viewer, scene.id)
    assert stored.version == 7
    assert sorted(node.id for node in stored.graph.nodes) == [f"n-{i}" for i in range(6)]


async def test_assets_that_cannot_be_used_change_nothing(services: Services) -> None:
    viewer = principal("dave")
    scene = await services.scenes.create(viewer, name="careful")
    theirs = await stored_asset(services, "erin", box_glb((1, 1, 1), (1, 0, 0, 1)))
    pending = await stored_asset(services, "dave", box_glb((1, 1, 1), (1, 0, 0, 1)),
                                 status=AssetStatus.PROCESSING)
    mine = await stored_asset(services, "dave", box_glb((1, 1, 1), (1, 0, 0, 1)))

    def update(*operations):
        return services.scenes.update(viewer, scene.id, operations=list(operations))

    assert await code_of(update(AddNode(), AddNode(mesh=MeshUse(theirs.id)))) is (
        ErrorCode.NOT_FOUND)
    assert await code_of(update(AddNode(mesh=MeshUse(pending.id)))) is ErrorCode.INVALID_STATE
    missing_texture = await error_of(update(AddMaterial(fields={"base_color_texture": {
        "asset_id": mine.id, "texture_index": 0}})))
    assert (missing_texture.code, missing_texture.field) == (ErrorCode.INVALID_INPUT, [
        "operations", "0", "add_material", "base_color_texture", "texture_index"])
    assert await code_of(services.scenes.create_from_asset(viewer, theirs.id)) is (
        ErrorCode.NOT_FOUND)
    assert (await services.scenes.get_visible(viewer, scene.id)).version == 1


async def test_scopes_owners_and_limits_are_enforced(services: Services) -> None:
    owner = principal("frank")
    scene = await services.scenes.create(owner, name="private")
    reader = principal("frank", frozenset({Scope.SCENES_READ}))

    assert await code_of(services.scenes.update(reader, scene.id, name="x")) is (
        ErrorCode.FORBIDDEN)
    assert await code_of(services.scenes.get_visible(principal("grace"), scene.id)) is (
        ErrorCode.NOT_FOUND)
    assert await code_of(services.scenes.update(owner, scene.id, operations=[
        RenameNode(node_id="x", name="y")] * 61)) is ErrorCode.LIMIT_EXCEEDED
    assert await code_of(services.scenes.update(owner, scene.id, operations=[
        AddNode() for _ in range(51)])) is ErrorCode.LIMIT_EXCEEDED
    assert await code_of(services.scenes.create(owner, name="  ")) is ErrorCode.INVALID_INPUT


async def test_scenes_are_listed_newest_first_a_page_at_a_time(services: Services) -> None:
    viewer = principal("heidi")
    made = [await services.scenes.create(viewer, name=f"scene {i}") for i in range(3)]

    first = await services.scenes.list(viewer, first=2, after=None)
    rest = await services.scenes.list(viewer, first=2, after=first.end_cursor)

    assert [s.id for s in first.items + rest.items] == [s.id for s in reversed(made)]
    assert (first.has_next_page, rest.has_next_page, await first.count()) == (True, False, 3)


async def test_a_scene_exports_to_a_valid_glb_of_its_assets(services: Services,
                                                            tmp_path: Path) -> None:
    viewer = principal("ivan")
    box = await stored_asset(services, "ivan", box_glb((1, 1, 1), (0, 0, 1, 1)))
    made = await services.scenes.create_from_asset(
        viewer, (await stored_asset(services, "ivan", hierarchy_glb())).id)
    scene = await services.scenes.update(viewer, made.id, operations=[
        AddNode(id="crate", mesh=MeshUse(box.id), parent_id="n4")])

    path = await services.scenes.glbs.write(scene, tmp_path)
    key = await services.scenes.scene_glb(scene.id)

    exported = path.read_bytes()
    assert khronos_bytes_errors(exported, tmp_path, "checked.glb") == []
    np.testing.assert_allclose(trimesh_bounds(exported), [scene.bounds.min, scene.bounds.max])
    assert key.endswith(f"scene-v{scene.version}.glb")
    assert await services.scenes.scene_glb(scene.id) == key
    assert (await services.storage.info(key)).size_bytes == len(exported)
    assert await services.scenes.scene_project(scene.id) == personal_project_id("ivan")


async def test_the_live_stream_sends_each_update_with_what_it_changed(
        services: Services) -> None:
    viewer = principal("judy")
    scene = await services.scenes.create(viewer, name="live", operations=[AddNode(id="a")])
    stream = services.live.scene_changes(viewer, scene.id, after_version=1)
    first = asyncio.ensure_future(anext(stream))

    await services.scenes.update(viewer, scene.id, operations=[RenameNode(node_id="a",
                                                                          name="b")])
    stored = await services.scenes.get_visible(viewer, scene.id)
    revision, seen = await asyncio.wait_for(first, 10)
    replay = services.live.scene_changes(viewer, scene.id, after_version=0)
    replayed = [await asyncio.wait_for(anext(replay), 10) for _ in range(2)]
    await stream.aclose()
    await replay.aclose()

    assert [(r.version, [c.model_dump(mode="json") for c in r.changes])
            for r in stored.revisions][-1] == (2, [{"kind": "NODE_RENAMED", "target_id": "a"}])
    assert revision.version == seen.version == 2
    assert [(c.kind, c.target_id) for c in revision.changes] == [
        (SceneChangeKind.NODE_RENAMED, "a")]
    assert seen.graph.nodes[0].name == "b"
    assert [r.version for r, _ in replayed] == [1, 2]
    assert isinstance(seen, Scene)
