"""Scenes referencing an asset at a pinned version or "latest": a new current version moves the
latest references on (a new scene version, ASSET_VERSION_CHANGED per node, a GLB of the new
files) and leaves the pinned ones where they were; pins are checked like assets."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path

import numpy as np
import trimesh

from app.errors import ErrorCode
from app.geometry.gltf_io import load_asset
from app.geometry.stats import compute_stats
from app.models.asset import Asset, AssetStatus
from app.models.asset_version import AssetVersion, derived_first_version
from app.models.common import AssetStats, FileRole, StoredFile
from app.models.scene import SceneChangeKind
from app.services.container import Services
from app.services.scenes.operations import AddNode, MeshUse, Transform
from tests.geometry.test_scene_sources import box_glb
from tests.services.test_scenes import error_of, principal, services, stored_asset

__all__ = ["services"]

BLUE = (0.0, 0.0, 1.0, 1.0)


async def add_version(services: Services, asset: Asset, number: int, glb: bytes,
                      status: AssetStatus = AssetStatus.READY) -> AssetVersion:
    """Version `number` of the asset as its ingest leaves it, recorded through finish()."""
    if number == 2:
        await derived_first_version(asset).insert()
    key = f"assets/{asset.id}/v{number}/model.glb"

    async def chunks() -> AsyncIterator[bytes]:
        yield glb

    await services.storage.put_stream(key, chunks())
    version = AssetVersion(asset_id=asset.id, owner=asset.owner, number=number,
                           filename="model.glb", status=AssetStatus.PROCESSING, files=[
                               StoredFile(role=FileRole.GLB, format="GLB", key=key,
                                          size_bytes=len(glb), filename="model.glb",
                                          content_type="model/gltf-binary")])
    await version.insert()
    stats = AssetStats.model_validate(compute_stats(load_asset(glb)).to_dict()).model_dump()
    await services.asset_versions.finish(version, status, stats=stats)
    return version


def node_extents(glb: bytes) -> dict[str, list[float]]:
    """Each named node's mesh extents, as trimesh reads the exported GLB."""
    loaded = trimesh.load(io.BytesIO(glb), file_type="glb", force="scene")
    return {name: sorted(np.round(loaded.geometry[geometry].extents, 4).tolist())
            for name in loaded.graph.nodes_geometry
            for _, geometry in [loaded.graph[name]]}


async def test_latest_follows_a_new_version_and_pinned_stays(services: Services,
                                                             tmp_path: Path) -> None:
    viewer = principal("vera")
    asset = await stored_asset(services, "vera", box_glb((1, 1, 1), BLUE))
    scene = await services.scenes.create(viewer, name="pins", operations=[
        AddNode(id="latest", name="latest", mesh=MeshUse(asset.id)),
        AddNode(id="pinned", name="pinned", mesh=MeshUse(asset.id, asset_version=1),
                transform=Transform(translation=(5.0, 0.0, 0.0)))])
    assert scene.graph.latest_version(asset.id) == 1

    await add_version(services, asset, 2, box_glb((3, 3, 3), BLUE))

    followed = await services.scenes.get_visible(viewer, scene.id)
    assert followed.version == scene.version + 1
    changes = followed.revisions[-1].changes
    node_targets = {c.target_id for c in changes} & {"latest", "pinned"}
    assert node_targets == {"latest"}
    assert {c.kind for c in changes} == {SceneChangeKind.ASSET_VERSION_CHANGED}
    assert followed.graph.latest_version(asset.id) == 2
    exported = (await services.scenes.glbs.write(followed, tmp_path)).read_bytes()
    assert node_extents(exported) == {"latest": [3.0, 3.0, 3.0], "pinned": [1.0, 1.0, 1.0]}
    assert followed.bounds is not None and followed.bounds.min == [-1.5, -1.5, -1.5]
    # Nothing left to follow: a second run writes nothing.
    assert await services.scenes.follow_asset_version(asset.id) == 0

    # Restoring version 1 makes version 3 current: the latest node follows it.
    await services.asset_versions.restore(viewer, asset.id, 1)
    restored = await services.scenes.get_visible(viewer, scene.id)
    assert restored.version == followed.version + 1
    assert restored.graph.latest_version(asset.id) == 3
    exported = (await services.scenes.glbs.write(restored, tmp_path)).read_bytes()
    assert node_extents(exported) == {"latest": [1.0, 1.0, 1.0], "pinned": [1.0, 1.0, 1.0]}


async def test_pinned_versions_are_checked(services: Services) -> None:
    viewer = principal("wes")
    asset = await stored_asset(services, "wes", box_glb((1, 1, 1), BLUE))
    await add_version(services, asset, 2, box_glb((2, 2, 2), BLUE), AssetStatus.FAILED)
    scene = await services.scenes.create(viewer, name="checks")

    def pin(number: int) -> list[AddNode]:
        return [AddNode(mesh=MeshUse(asset.id, asset_version=number))]

    missing = await error_of(services.scenes.update(viewer, scene.id, operations=pin(7)))
    assert missing.code is ErrorCode.NOT_FOUND
    assert missing.field == ["operations", "0", "add_node", "mesh", "asset_version"]
    failed = await error_of(services.scenes.update(viewer, scene.id, operations=pin(2)))
    assert failed.code is ErrorCode.INVALID_STATE
    assert failed.field == ["operations", "0", "add_node", "mesh", "asset_version"]
    stranger = principal("xena")
    theirs = await services.scenes.create(stranger, name="theirs")
    unseen = await error_of(services.scenes.update(stranger, theirs.id, operations=pin(1)))
    assert unseen.code is ErrorCode.NOT_FOUND
    assert unseen.field == ["operations", "0", "add_node", "mesh", "asset_id"]
    pinned = await services.scenes.update(viewer, scene.id, operations=pin(1))
    assert pinned.graph.nodes[0].mesh is not None
    assert pinned.graph.nodes[0].mesh.asset_version == 1
