"""OBJ corners as glTF vertices: each distinct (v, vt, vn) triplet a group's faces use
becomes one vertex, and the triangles are renumbered over them.

OBJ indexes positions, UVs and normals separately; a glTF vertex is one (v, vt, vn) triplet.
When each position always comes with the same vt and vn (most exporters write `f 7/7/7`) the
distinct corners are the distinct positions; otherwise the triplet is packed into one integer
for np.unique. A group has UVs (normals) when every corner of its faces gives one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from app.errors import CorruptFile
from app.geometry.obj_parse import MISSING, Corners, ObjData


@dataclass(frozen=True)
class ObjVertices:
    """One group's vertices as flat arrays, and its triangles over them."""

    positions: NDArray[np.float64]
    uvs: NDArray[np.float64] | None
    normals: NDArray[np.float64] | None
    source_positions: NDArray[np.int64]  # each vertex's `v`, for per-position data (colours)
    triangles: NDArray[np.int64]


def obj_vertices(obj: ObjData, corners: Corners) -> ObjVertices:
    """The vertices `corners` (rows of v, vt, vn) use; raises CorruptFile for an index past
    the file's elements."""
    has_uv = len(obj.uvs) > 0 and bool((corners[:, 1] != MISSING).all())
    has_normal = len(obj.normals) > 0 and bool((corners[:, 2] != MISSING).all())
    columns = [0] + [1] * has_uv + [2] * has_normal
    sizes = [len(obj.positions), len(obj.uvs), len(obj.normals)]
    for column in columns:
        _check_range(corners[:, column], sizes[column], ("v", "vt", "vn")[column])
    unique, triangles = _unique_triplets(corners, columns, [sizes[c] for c in columns])
    vertex = dict(zip(columns, unique, strict=True))
    return ObjVertices(obj.positions[vertex[0]], obj.uvs[vertex[1]] if has_uv else None,
                       obj.normals[vertex[2]] if has_normal else None, vertex[0], triangles)


def _check_range(indices: NDArray[np.int32], size: int, keyword: str) -> None:
    if len(indices) and int(indices.max()) >= size:
        raise CorruptFile(f"a face of the OBJ file refers to `{keyword}` number "
                          f"{int(indices.max()) + 1}; the file has {size}")


def _unique_triplets(corners: Corners, columns: list[int], sizes: list[int]
                     ) -> tuple[list[NDArray[np.int64]], NDArray[np.int64]]:
    """Per used column, the index of each distinct corner, and the triangles over them; the
    distinct corners are in (v, vt, vn) order either way."""
    return _by_position(corners, columns, sizes[0]) or _by_packed_key(corners, columns, sizes)


def _by_position(corners: Corners, columns: list[int], positions: int
                 ) -> tuple[list[NDArray[np.int64]], NDArray[np.int64]] | None:
    """When each position always comes with the same vt and vn (most exporters write
    `f 7/7/7`), the distinct corners are the distinct positions: no sort is needed, and
    nothing larger than the corners is allocated. None when some position has two."""
    v = corners[:, 0]
    used = np.zeros(positions, np.bool_)
    used[v] = True
    parts = [np.flatnonzero(used)]
    for column in columns[1:]:
        partner = np.zeros(positions, np.int32)
        partner[v] = corners[:, column]  # the last corner of each position wins
        if not (partner[v] == corners[:, column]).all():
            return None
        parts.append(partner[parts[0]].astype(np.int64))
    remap = np.cumsum(used, dtype=np.int64) - 1
    return parts, remap[v].reshape(-1, 3)


def _by_packed_key(corners: Corners, columns: list[int], sizes: list[int]
                   ) -> tuple[list[NDArray[np.int64]], NDArray[np.int64]]:
    # The packed key is exact while the product of the sizes fits in int64; a file with that
    # many elements is far past the triangle cap, but the product is checked all the same.
    if np.prod([float(s) for s in sizes]) >= 2.0 ** 63:
        raise CorruptFile("the OBJ file has more vertices, UVs and normals than can be indexed")
    key = corners[:, columns[0]].astype(np.int64)
    for column, size in zip(columns[1:], sizes[1:], strict=True):
        key *= size
        key += corners[:, column]
    unique, inverse = np.unique(key, return_inverse=True)
    del key
    parts = []
    for size in reversed(sizes[1:]):
        parts.append(unique % size)
        unique //= size
    parts.append(unique)
    return parts[::-1], inverse.reshape(-1, 3)
