"""A scene following its latest references to an asset onto another version of it.

Pure: the graph with the asset's latest meshes read again from that version's glTF document
(their boxes and primitives' materials), its `latest` entry moved on, and one
ASSET_VERSION_CHANGED change per node and material drawing the asset as latest. A mesh the
version lacks keeps its node, which then draws nothing."""

from __future__ import annotations

from typing import Any

from app.geometry.scene_graph import (
    LatestVersion,
    MaterialSource,
    MeshInfo,
    SceneGraph,
    TextureRef,
)
from app.geometry.scene_import import mesh_info
from app.models.scene import SceneChange, SceneChangeKind


def follow_latest(graph: SceneGraph, asset_id: str, number: int, document: dict[str, Any]
                  ) -> tuple[SceneGraph, list[SceneChange]]:
    """`graph` drawing version `number` (whose glTF document is `document`) of the asset for
    its latest references."""
    mesh_count = len(document.get("meshes", []))
    meshes: list[MeshInfo] = []
    for info in graph.meshes:
        if info.asset_id != asset_id or info.asset_version is not None:
            meshes.append(info)
        elif info.mesh_index < mesh_count:
            meshes.append(mesh_info(document, asset_id, info.mesh_index))
    latest = [entry for entry in graph.latest if entry.asset_id != asset_id]
    latest.append(LatestVersion(asset_id=asset_id, number=number))
    followed = graph.model_copy(update={"meshes": meshes, "latest": latest})
    targets = [node.id for node in graph.nodes if node.mesh is not None and
               node.mesh.asset_id == asset_id and node.mesh.asset_version is None]
    for material in graph.materials:
        refs: list[TextureRef | MaterialSource] = [*material.textures()]
        refs += [material.source] if material.source else []
        if any(ref.asset_id == asset_id and ref.asset_version is None for ref in refs):
            targets.append(material.id)
    changes = [SceneChange(kind=SceneChangeKind.ASSET_VERSION_CHANGED, target_id=target)
               for target in targets]
    return followed, changes
