"""The triangle primitives of a glTF asset as numpy arrays, grouped by mesh.

Each glTF mesh is checked once, however many nodes draw it, in its own coordinates. Points and
lines have no faces and are skipped; strips and fans become triangle lists with the winding
glTF 2.0 gives them (section 3.7.2.1). Primitives whose data cannot be read are skipped too:
the validation report already says why.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from app.errors import CorruptFile
from app.geometry.gltf_io import GltfAsset, accessor_array

TRIANGLES, STRIP, FAN = 4, 5, 6


@dataclass(frozen=True)
class Primitive:
    pointer: str  # JSON pointer of the primitive, as /meshes/0/primitives/1
    positions: np.ndarray  # (V, 3) float32
    faces: np.ndarray  # (F, 3) int32 indices into positions (int64 past 2**31 vertices)
    uvs: np.ndarray | None  # (V, 2) TEXCOORD_0, or None
    indexed: bool


@dataclass(frozen=True)
class Mesh:
    pointer: str
    primitives: list[Primitive]


def triangle_meshes(asset: GltfAsset) -> Iterator[Mesh]:
    """Every mesh with at least one readable triangle primitive."""
    for mesh_index, mesh in enumerate(asset.section("meshes")):
        raw = mesh.get("primitives") if isinstance(mesh, dict) else None
        primitives = [read for index, primitive in enumerate(raw if isinstance(raw, list) else [])
                      if (read := _read(asset, f"/meshes/{mesh_index}/primitives/{index}",
                                        primitive)) is not None]
        if primitives:
            yield Mesh(f"/meshes/{mesh_index}", primitives)


def _read(asset: GltfAsset, pointer: str, primitive: object) -> Primitive | None:
    if not isinstance(primitive, dict) or primitive.get("mode", TRIANGLES) not in (
            TRIANGLES, STRIP, FAN):
        return None
    attributes = primitive.get("attributes")
    attributes = attributes if isinstance(attributes, dict) else {}
    positions = _array(asset, attributes.get("POSITION"), 3)
    if positions is None:
        return None
    indices_accessor = primitive.get("indices")
    indexed = indices_accessor is not None
    indices = _array(asset, indices_accessor, 1) if indexed else np.arange(len(positions))
    if indices is None:
        return None
    faces = _faces(_signed(indices, len(positions)).reshape(-1), primitive.get("mode", 4))
    # A validated GLB has no index past its vertices; one left would break the arrays' maths.
    if len(faces) and (faces.max() >= len(positions) or faces.min() < 0):
        faces = faces[((faces >= 0) & (faces < len(positions))).all(axis=1)]
    uvs = _array(asset, attributes.get("TEXCOORD_0"), 2)
    return Primitive(pointer, positions.astype(np.float32, copy=False), faces,
                     uvs if uvs is not None and len(uvs) == len(positions) else None, indexed)


def _signed(indices: np.ndarray, vertex_count: int) -> np.ndarray:
    """`indices` as int32 (int64 past 2**31 vertices): half the memory of int64 for every face
    array downstream. 32-bit indices are reinterpreted in place, not copied; one past 2**31
    turns negative, and is dropped with the other indices out of range."""
    if vertex_count >= 2 ** 31:
        return indices.astype(np.int64, copy=False)
    if indices.dtype == np.uint32:
        return indices.view(np.int32)
    return indices.astype(np.int32, copy=False)


def _array(asset: GltfAsset, index: object, width: int) -> np.ndarray | None:
    if not isinstance(index, int):
        return None
    try:
        values = accessor_array(asset, index)
    except (CorruptFile, KeyError, TypeError, ValueError):
        return None
    expected = (values.ndim == 1) if width == 1 else (values.ndim == 2 and
                                                      values.shape[1] == width)
    return values if expected else None


def _faces(indices: np.ndarray, mode: object) -> np.ndarray:
    if mode == TRIANGLES:
        return indices[:len(indices) // 3 * 3].reshape(-1, 3)
    count = max(len(indices) - 2, 0)
    step = np.arange(count)
    if mode == STRIP:
        odd = step % 2
        return np.stack([indices[step], indices[step + 1 + odd], indices[step + 2 - odd]], axis=1)
    return np.stack([indices[step + 1], indices[step + 2], np.full(count, indices[0] if count
                                                                  else 0)], axis=1)
