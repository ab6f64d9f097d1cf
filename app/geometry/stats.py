"""Asset statistics of a glTF asset: counts as Khronos's validator reports them, world bounds.

Counts follow glTF-Validator's `info`: each mesh primitive counts once, however many nodes
instance it. Bounds are in world space: every mesh instance of the default scene (the first
scene when none is marked default) through its node transforms, from each POSITION accessor's
min/max corners when they are well formed, else from its data. A file with meshes but no
scenes is measured untransformed, and so is a skinned mesh, in its bind pose. Primitives
whose positions cannot be read add no bounds; the validation report says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeGuard

import numpy as np

from app.errors import CorruptFile
from app.geometry.gltf_io import GltfAsset, accessor_array

Vec3 = tuple[float, float, float]

_TRIANGLE_MODES = {4, 5, 6}
# The eight corners of a box from its (min, max) rows.
_CORNERS = np.array([[i >> 2 & 1, i >> 1 & 1, i & 1] for i in range(8)])


@dataclass(frozen=True)
class AssetStats:
    vertex_count: int
    triangle_count: int
    mesh_count: int
    material_count: int
    texture_count: int
    animation_count: int
    node_count: int
    bounds_min: Vec3 | None
    bounds_max: Vec3 | None

    def to_dict(self) -> dict[str, Any]:
        bounds = None
        if self.bounds_min is not None and self.bounds_max is not None:
            bounds = {"min": list(self.bounds_min), "max": list(self.bounds_max)}
        return {
            "vertex_count": self.vertex_count,
            "triangle_count": self.triangle_count,
            "mesh_count": self.mesh_count,
            "material_count": self.material_count,
            "texture_count": self.texture_count,
            "animation_count": self.animation_count,
            "node_count": self.node_count,
            "bounds": bounds,
        }


def compute_stats(asset: GltfAsset) -> AssetStats:
    vertices = triangles = 0
    for mesh in asset.section("meshes"):
        for primitive in _primitives(mesh):
            count = _vertex_count(asset, primitive)
            vertices += count
            triangles += _triangle_count(asset, primitive, count)
    low, high = _world_bounds(asset)
    return AssetStats(
        vertex_count=vertices,
        triangle_count=triangles,
        mesh_count=len(asset.section("meshes")),
        material_count=len(asset.section("materials")),
        texture_count=len(asset.section("textures")),
        animation_count=len(asset.section("animations")),
        node_count=len(asset.section("nodes")),
        bounds_min=low,
        bounds_max=high,
    )


def _primitives(mesh: object) -> list[dict[str, Any]]:
    primitives = mesh.get("primitives") if isinstance(mesh, dict) else None
    return [p for p in primitives if isinstance(p, dict)] if isinstance(primitives, list) else []


def _accessor(asset: GltfAsset, index: object) -> dict[str, Any] | None:
    accessors = asset.section("accessors")
    if isinstance(index, int) and 0 <= index < len(accessors):
        accessor = accessors[index]
        return accessor if isinstance(accessor, dict) else None
    return None


def _count(accessor: dict[str, Any] | None) -> int | None:
    count = accessor.get("count") if accessor else None
    return count if isinstance(count, int) and count >= 0 else None


def _vertex_count(asset: GltfAsset, primitive: dict[str, Any]) -> int:
    """The count of the primitive's first attribute accessor, as Khronos takes it."""
    attributes = primitive.get("attributes")
    for index in attributes.values() if isinstance(attributes, dict) else []:
        count = _count(_accessor(asset, index))
        if count is not None:
            return count
    return 0


def _triangle_count(asset: GltfAsset, primitive: dict[str, Any], vertices: int) -> int:
    mode = primitive.get("mode", 4)
    if mode not in _TRIANGLE_MODES:
        return 0
    indexed = _count(_accessor(asset, primitive.get("indices")))
    count = vertices if indexed is None else indexed
    return count // 3 if mode == 4 else max(count - 2, 0)


def _world_bounds(asset: GltfAsset) -> tuple[Vec3, Vec3] | tuple[None, None]:
    boxes, matrices = [], []
    for mesh_index, matrix in _mesh_instances(asset):
        mesh = asset.section("meshes")[mesh_index]
        for primitive in _primitives(mesh):
            box = _position_box(asset, primitive)
            if box is not None:
                boxes.append(box)
                matrices.append(matrix)
    if not boxes:
        return None, None
    corners = np.stack(boxes)[:, _CORNERS, [0, 1, 2]]  # (K, 8, 3)
    stacked = np.stack(matrices)
    world = np.einsum("kij,kcj->kci", stacked[:, :3, :3], corners) + stacked[:, None, :3, 3]
    finite = world[np.isfinite(world).all(axis=(1, 2))]
    if not len(finite):
        return None, None
    low, high = finite.min(axis=(0, 1)), finite.max(axis=(0, 1))
    return ((float(low[0]), float(low[1]), float(low[2])),
            (float(high[0]), float(high[1]), float(high[2])))


def _mesh_instances(asset: GltfAsset) -> list[tuple[int, np.ndarray]]:
    """(mesh index, world matrix) for every mesh instance in the default scene."""
    meshes, nodes, scenes = (asset.section(n) for n in ("meshes", "nodes", "scenes"))
    if not scenes:
        return [(i, np.eye(4)) for i in range(len(meshes))]
    chosen = asset.document.get("scene", 0)
    scene = scenes[chosen] if isinstance(chosen, int) and 0 <= chosen < len(scenes) else None
    roots = scene.get("nodes") if isinstance(scene, dict) else None
    stack = [(r, np.eye(4)) for r in roots] if isinstance(roots, list) else []
    instances, visited = [], set()
    while stack:
        index, parent = stack.pop()
        if not isinstance(index, int) or not 0 <= index < len(nodes) or index in visited:
            continue
        visited.add(index)  # a node graph with cycles or shared children is walked once
        node = nodes[index] if isinstance(nodes[index], dict) else {}
        world = parent @ local_matrix(node)
        mesh = node.get("mesh")
        if isinstance(mesh, int) and 0 <= mesh < len(meshes):
            # A skinned mesh ignores its node's transform; in the bind pose its joints leave
            # the vertices where they are (glTF 2.0 section 3.7.3.3).
            instances.append((mesh, np.eye(4) if "skin" in node else world))
        children = node.get("children")
        stack.extend((c, world) for c in (children if isinstance(children, list) else []))
    return instances


def local_matrix(node: dict[str, Any]) -> np.ndarray:
    """A node's local transform: its column-major `matrix`, else T * R * S."""
    matrix = node.get("matrix")
    if _numbers(matrix, 16):
        return np.array(matrix, dtype=np.float64).reshape(4, 4).T
    result = np.eye(4)
    translation, rotation, scale = (node.get(k) for k in ("translation", "rotation", "scale"))
    if _numbers(rotation, 4):
        x, y, z, w = rotation
        result[:3, :3] = [
            [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
            [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
            [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
        ]
    if _numbers(scale, 3):
        result[:3, :3] *= np.array(scale, dtype=np.float64)
    if _numbers(translation, 3):
        result[:3, 3] = translation
    return result


def _numbers(value: object, length: int) -> TypeGuard[list[float]]:
    return isinstance(value, list) and len(value) == length and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)


def _position_box(asset: GltfAsset, primitive: dict[str, Any]) -> np.ndarray | None:
    """(2, 3) min/max of the primitive's POSITION accessor, declared or computed."""
    attributes = primitive.get("attributes")
    index = attributes.get("POSITION") if isinstance(attributes, dict) else None
    accessor = _accessor(asset, index)
    if not isinstance(index, int) or accessor is None:
        return None
    low, high = accessor.get("min"), accessor.get("max")
    if _numbers(low, 3) and _numbers(high, 3) and not accessor.get("normalized"):
        box = np.array([low, high], dtype=np.float64)
        if np.isfinite(box).all() and (box[0] <= box[1]).all():
            return box
    try:
        positions = accessor_array(asset, index)
    except (CorruptFile, KeyError, TypeError, ValueError):
        return None
    finite = positions[np.isfinite(positions).all(axis=1)] if positions.ndim == 2 else None
    if finite is None or finite.shape[1] != 3 or not len(finite):
        return None
    return np.array([finite.min(axis=0), finite.max(axis=0)], dtype=np.float64)
