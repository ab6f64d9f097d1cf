"""A scene as one GLB file: its referenced assets' GLBs composed with its hierarchy, transforms,
materials, cameras and lights (app.geometry.scene_export), written to a work directory or kept
in storage per scene version. Composition can take a lot of memory (thousands of nodes and
materials): the caller says where it runs (render jobs run it in their sandboxed child)."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path

from app.geometry.gltf_io import load_asset
from app.geometry.scene_export import compose_glb
from app.geometry.scene_graph import SceneGraph
from app.models.scene import Scene
from app.services.scenes.assets import SceneAssets
from app.services.storage import Storage

GLB_CONTENT_TYPE = "model/gltf-binary"
# Runs compose_file(graph, sources, name, output) somewhere; sources are keyed by source key.
Composer = Callable[[SceneGraph, Mapping[str, Path], str, Path], Awaitable[None]]


async def compose_in_thread(graph: SceneGraph, sources: Mapping[str, Path], name: str,
                            output: Path) -> None:
    await asyncio.to_thread(compose_file, graph, sources, name, output)


def scene_glb_key(scene: Scene) -> str:
    return glb_key(scene.id, scene.version)


def glb_key(scene_id: str, version: int) -> str:
    """Where the scene's GLB at `version` is stored (each version's once composed)."""
    return f"scenes/{scene_id}/scene-v{version}.glb"


class SceneGlbs:
    def __init__(self, assets: SceneAssets, storage: Storage) -> None:
        self.assets = assets
        self.storage = storage

    async def write(self, scene: Scene, work_dir: Path,
                    compose: Composer = compose_in_thread) -> Path:
        """Compose the scene into `work_dir`/scene.glb, each reference drawing its pinned
        version or the one the scene records for latest. Assets deleted since they were placed
        draw nothing; LimitExceeded when the assets outgrow `max_export_bytes`."""
        drawn = scene.graph.sources()
        present = await self.assets.present({asset_id for asset_id, _ in drawn.values()})
        sources = await self.assets.download_glbs(
            {key: (present[asset_id], number) for key, (asset_id, number) in drawn.items()
             if asset_id in present}, work_dir)
        output = work_dir / "scene.glb"
        await compose(scene.graph, sources, scene.name, output)
        return output

    async def stored_key(self, scene: Scene, compose: Composer = compose_in_thread) -> str:
        """The storage key of the scene's GLB at its current version, composed when missing."""
        key = scene_glb_key(scene)
        if await self.storage.info(key) is None:
            with tempfile.TemporaryDirectory(prefix="atelier-scene-") as work:
                path = await self.write(scene, Path(work), compose)
                await self.storage.put_file(key, path, content_type=GLB_CONTENT_TYPE)
        return key


def compose_file(graph: SceneGraph, sources: Mapping[str, Path], name: str, output: Path
                 ) -> None:
    loaded = {key: load_asset(path.read_bytes()) for key, path in sources.items()}
    output.write_bytes(compose_glb(graph, loaded, name=name))
