"""Geometry checks for any triangle mesh (glTF, STL, OBJ, PLY...), vectorised with numpy.

Non-finite positions and out-of-range indices are errors (Khronos rejects them too); the rest
are warnings or infos, since Khronos accepts such meshes. Topology is judged on the index
buffer as given: vertices split for UV seams count as separate vertices.
"""

from __future__ import annotations

import numpy as np

from .context import join, make_issue
from .report import ValidationIssue


def validate_geometry(positions: np.ndarray, indices: np.ndarray | None, *, has_normals: bool,
                      has_uvs: bool, pointer: str | None) -> list[ValidationIssue]:
    """Check a triangle list: `positions` (N, 3), `indices` (T, 3) or (3T,), None for 0..N-1."""
    issues: list[ValidationIssue] = []
    vertex_count = len(positions)
    bad = ~np.isfinite(positions).all(axis=1) if vertex_count else np.zeros(0, dtype=bool)
    if bad.any():
        issues.append(make_issue("ACCESSOR_INVALID_FLOAT", _at(pointer, "POSITION"),
                                 int(bad.sum()), int(np.argmax(bad))))
    flat = np.arange(vertex_count - vertex_count % 3) if indices is None else indices.reshape(-1)
    flat = flat[: len(flat) - len(flat) % 3].astype(np.int64, copy=False)
    outside = (flat < 0) | (flat >= vertex_count)
    if outside.any():
        issues.append(make_issue("ACCESSOR_INDEX_OOB", pointer, int(outside.sum()),
                                 vertex_count - 1, int(np.argmax(outside))))
    triangles = flat.reshape(-1, 3)
    if outside.any():
        triangles = triangles[~outside.reshape(-1, 3).any(axis=1)]
    degenerate = _degenerate(positions, triangles)
    if degenerate.any():
        issues.append(make_issue("GEOMETRY_DEGENERATE_TRIANGLES", pointer, int(degenerate.sum()),
                                 len(triangles)))
    non_manifold, flipped = edge_defects(triangles[~degenerate], vertex_count)
    if non_manifold:
        issues.append(make_issue("GEOMETRY_NON_MANIFOLD_EDGES", pointer, non_manifold))
    if flipped:
        issues.append(make_issue("GEOMETRY_INCONSISTENT_WINDING", pointer, flipped))
    if vertex_count and not has_normals:
        issues.append(make_issue("GEOMETRY_MISSING_NORMALS", pointer))
    if vertex_count and not has_uvs:
        issues.append(make_issue("GEOMETRY_MISSING_TEXCOORDS", pointer))
    return issues


def _at(pointer: str | None, semantic: str) -> str | None:
    return None if pointer is None else join(pointer, "attributes", semantic)


def _degenerate(positions: np.ndarray, triangles: np.ndarray) -> np.ndarray:
    """Triangles that repeat a vertex or have zero area."""
    a, b, c = triangles[:, 0], triangles[:, 1], triangles[:, 2]
    repeated = (a == b) | (b == c) | (c == a)
    corners = positions.astype(np.float32, copy=False)
    p0 = corners[a]
    cross = np.cross(corners[b] - p0, corners[c] - p0)
    return repeated | ~np.any(cross != 0, axis=1)


def edge_defects(triangles: np.ndarray, vertex_count: int) -> tuple[int, int]:
    """(edges used by more than two triangles, edges whose two triangles wind the same way).

    In a consistently wound manifold every directed edge occurs once, so one sort of the
    directed edges finds both defects: an edge that repeats in the same direction is either
    shared by three or more triangles or joins two triangles of opposite winding.
    """
    if not len(triangles):
        return 0, 0
    start = triangles.reshape(-1)
    end = triangles[:, [1, 2, 0]].reshape(-1)
    keys = np.sort(start * vertex_count + end)
    repeated = keys[1:] == keys[:-1]
    if not repeated.any():
        return 0, 0
    edges, counts = _run_lengths(keys[1:][repeated])
    reverse = (edges % vertex_count) * vertex_count + edges // vertex_count
    found = np.searchsorted(keys, reverse)
    reverse_counts = (np.searchsorted(keys, reverse, side="right") - found)
    total = counts + 1 + reverse_counts
    non_manifold_edges = np.minimum(edges, reverse)[total > 2]
    return len(np.unique(non_manifold_edges)), int((total == 2).sum())


def _run_lengths(sorted_values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values of a sorted array and how often each occurs."""
    starts = np.flatnonzero(np.r_[True, sorted_values[1:] != sorted_values[:-1]])
    counts = np.diff(np.r_[starts, len(sorted_values)])
    return sorted_values[starts], counts
