"""Geometry checks for any triangle mesh (glTF, STL, OBJ, PLY...), vectorised with numpy.

Non-finite positions and out-of-range indices are errors (Khronos rejects them too); the rest
are warnings or infos, since Khronos accepts such meshes. Topology is judged on the index
buffer as given: vertices split for UV seams count as separate vertices.
"""

from __future__ import annotations

import numpy as np

from .context import join, make_issue
from .report import ValidationIssue
from .topology import edge_defects, zero_area


def validate_geometry(positions: np.ndarray, indices: np.ndarray | None, *, has_normals: bool,
                      has_uvs: bool, pointer: str | None) -> list[ValidationIssue]:
    """Check a triangle list: `positions` (N, 3), `indices` (T, 3) or (3T,), None for 0..N-1."""
    issues: list[ValidationIssue] = []
    vertex_count = len(positions)
    # Whole-array tests first: the per-row masks are only built when something is wrong.
    if not np.isfinite(positions.reshape(-1)).all():
        finite = np.isfinite(positions).all(axis=1)
        issues.append(make_issue("ACCESSOR_INVALID_FLOAT", _at(pointer, "POSITION"),
                                 int((~finite).sum()), int(np.argmin(finite))))
    triangles = _triangles(indices, vertex_count)
    if len(triangles) and (triangles.max() >= vertex_count or triangles.min() < 0):
        outside = ((triangles >= vertex_count) | (triangles < 0)).any(axis=1)
        issues.append(make_issue("ACCESSOR_INDEX_OOB", pointer, int(outside.sum()),
                                 vertex_count - 1, int(np.argmax(outside))))
        triangles = triangles[~outside]
    degenerate = zero_area(positions, triangles)
    if degenerate.any():
        issues.append(make_issue("GEOMETRY_DEGENERATE_TRIANGLES", pointer, int(degenerate.sum()),
                                 len(triangles)))
        triangles = triangles[~degenerate]
    non_manifold, flipped = edge_defects(triangles, vertex_count)
    if non_manifold:
        issues.append(make_issue("GEOMETRY_NON_MANIFOLD_EDGES", pointer, non_manifold))
    if flipped:
        issues.append(make_issue("GEOMETRY_INCONSISTENT_WINDING", pointer, flipped))
    if vertex_count and not has_normals:
        issues.append(make_issue("GEOMETRY_MISSING_NORMALS", pointer))
    if vertex_count and not has_uvs:
        issues.append(make_issue("GEOMETRY_MISSING_TEXCOORDS", pointer))
    return issues


def _triangles(indices: np.ndarray | None, vertex_count: int) -> np.ndarray:
    """Indices as (T, 3); a trailing incomplete triangle is dropped, as renderers drop it."""
    flat = np.arange(vertex_count, dtype=np.uint32) if indices is None else indices.reshape(-1)
    return flat[: len(flat) // 3 * 3].reshape(-1, 3)


def _at(pointer: str | None, semantic: str) -> str | None:
    return None if pointer is None else join(pointer, "attributes", semantic)
