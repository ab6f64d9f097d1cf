"""Which assets scenes draw from, asked of the database: meshes, material textures and the
asset materials a scene's materials stand for, in kept scenes and in trashed ones alike (a
trashed scene can be restored, so what it draws from must stay)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from app.geometry.scene_graph import Material, TextureRef
from app.models.scene import Scene
from app.models.trash import TrashEntry, TrashKind

TEXTURE_SLOTS = tuple(name for name, field in Material.model_fields.items()
                      if field.annotation == TextureRef | None)
ASSET_PATHS = ("graph.meshes.asset_id", "graph.nodes.mesh.asset_id",
               "graph.materials.source.asset_id",
               *(f"graph.materials.{slot}.asset_id" for slot in TEXTURE_SLOTS))


def referencing(asset_ids: Collection[str], prefix: str = "") -> dict[str, Any]:
    """A filter for the scene documents (at `prefix` within theirs) that name any of
    `asset_ids`."""
    wanted = sorted(asset_ids)
    return {"$or": [{f"{prefix}{path}": {"$in": wanted}} for path in ASSET_PATHS]}


async def assets_in_scenes(asset_ids: Collection[str]) -> set[str]:
    """Those of `asset_ids` a kept or trashed scene draws from."""
    if not asset_ids:
        return set()
    graphs = [document["graph"] async for document in Scene.get_pymongo_collection().find(
        referencing(asset_ids), projection={"graph": 1})]
    trashed = TrashEntry.get_pymongo_collection().find(
        {"kind": TrashKind.SCENE.value, **referencing(asset_ids, "document.")},
        projection={"document.graph": 1})
    graphs += [entry["document"]["graph"] async for entry in trashed]
    used = {asset_id for graph in graphs for path in ASSET_PATHS
            for asset_id in values_at({"graph": graph}, path.split("."))}
    return used & set(asset_ids)


def values_at(value: Any, path: list[str]) -> list[Any]:
    """What a dotted path reaches in a document, through lists as MongoDB goes through them."""
    if isinstance(value, list):
        return [found for item in value for found in values_at(item, path)]
    if not path:
        return [value]
    if not isinstance(value, dict) or path[0] not in value:
        return []
    return values_at(value[path[0]], path[1:])
