"""Turn a glTF mesh primitive into one interleaved vertex array and triangle index list."""

from __future__ import annotations

from typing import Any

import numpy as np

from app.errors import CorruptFile
from app.geometry.gltf_io import GltfAsset, accessor_array
from app.geometry.render.scene_data import VERTEX_FLOATS, Bounds, Primitive

MODE_TRIANGLES, MODE_STRIP, MODE_FAN = 4, 5, 6


def primitive_triangle_count(asset: GltfAsset, primitive: dict[str, Any]) -> int:
    """Triangles a primitive will draw, from accessor counts alone (nothing is decoded)."""
    mode = primitive.get("mode", MODE_TRIANGLES)
    accessor = primitive.get("indices", primitive.get("attributes", {}).get("POSITION"))
    if mode not in (MODE_TRIANGLES, MODE_STRIP, MODE_FAN) or accessor is None:
        return 0
    accessors = asset.section("accessors")
    count = int(accessors[accessor].get("count", 0)) if 0 <= accessor < len(accessors) else 0
    return count // 3 if mode == MODE_TRIANGLES else max(count - 2, 0)


def build_primitive(asset: GltfAsset, primitive: dict[str, Any], uv_set: int) -> Primitive | None:
    """The drawable form of a primitive, or None when it has no triangles (points, lines).

    Missing normals become flat face normals, as glTF requires; `uv_set` picks TEXCOORD_n.
    """
    attributes = primitive.get("attributes", {})
    if primitive_triangle_count(asset, primitive) == 0 or "POSITION" not in attributes:
        return None
    positions = accessor_array(asset, attributes["POSITION"]).astype(np.float32)
    if positions.ndim != 2 or positions.shape[1] != 3:
        raise CorruptFile("a mesh primitive's POSITION accessor is not VEC3")
    if not np.isfinite(positions).all():
        raise CorruptFile("a mesh primitive has non-finite vertex positions")
    if "indices" in primitive:
        order = accessor_array(asset, primitive["indices"]).astype(np.uint32)
    else:
        order = np.arange(len(positions), dtype=np.uint32)
    triangles = _triangle_list(primitive.get("mode", MODE_TRIANGLES), order)
    if len(triangles) and int(triangles.max()) >= len(positions):
        raise CorruptFile("a mesh primitive has an index past the end of its vertices")
    vertices = np.empty((len(positions), VERTEX_FLOATS), dtype=np.float32)
    vertices[:, 0:3] = positions
    vertices[:, 6:8] = _attribute(asset, attributes, f"TEXCOORD_{uv_set}", vertices, 2, 0.0)
    vertices[:, 8:12] = _attribute(asset, attributes, "COLOR_0", vertices, 4, 1.0)
    bounds = Bounds.of_points(positions)
    material = primitive.get("material")
    if "NORMAL" in attributes:
        vertices[:, 3:6] = _attribute(asset, attributes, "NORMAL", vertices, 3, 0.0)
        return Primitive(vertices, triangles.reshape(-1), material, bounds)
    return Primitive(_flat_shaded(vertices, triangles), None, material, bounds)


def _triangle_list(mode: int, order: np.ndarray) -> np.ndarray:
    """(t, 3) vertex indices of the triangles a list, strip or fan describes (glTF §3.7.2.1)."""
    if mode == MODE_TRIANGLES:
        return order[: len(order) // 3 * 3].reshape(-1, 3)
    steps = np.arange(max(len(order) - 2, 0))
    if mode == MODE_STRIP:
        odd = steps % 2
        return np.stack([order[steps], order[steps + 1 + odd], order[steps + 2 - odd]], axis=1)
    return np.stack([order[steps + 1], order[steps + 2], np.full_like(steps, order[0])], axis=1)


def _attribute(
    asset: GltfAsset,
    attributes: dict[str, Any],
    name: str,
    vertices: np.ndarray,
    width: int,
    missing_fill: float,
) -> np.ndarray | float:
    """An attribute padded to `width` columns (RGB colours get alpha 1), or the fill value."""
    if name not in attributes:
        return missing_fill
    values = accessor_array(asset, attributes[name]).astype(np.float32)
    if values.ndim != 2 or len(values) != len(vertices) or values.shape[1] > width:
        raise CorruptFile(f"a mesh primitive's {name} does not match its POSITION accessor")
    if values.shape[1] < width:
        padding = np.full((len(values), width - values.shape[1]), 1.0, dtype=np.float32)
        values = np.hstack([values, padding])
    return values


def _flat_shaded(vertices: np.ndarray, triangles: np.ndarray) -> np.ndarray:
    """Unshare vertices so each triangle carries its own face normal."""
    corners: np.ndarray = vertices[triangles]  # (t, 3, VERTEX_FLOATS)
    positions = corners[:, :, 0:3]
    normals = np.cross(positions[:, 1] - positions[:, 0], positions[:, 2] - positions[:, 0])
    lengths = np.linalg.norm(normals, axis=1, keepdims=True)
    # Degenerate triangles keep a zero normal; the shader then faces them to the viewer.
    normals = np.divide(normals, lengths, out=np.zeros_like(normals), where=lengths > 0)
    corners[:, :, 3:6] = normals[:, None, :]
    return corners.reshape(-1, VERTEX_FLOATS)
