"""The SIMPLIFY preset: meshoptimizer's quadric simplifier on flat arrays, seams and borders kept.

A glTF primitive splits a vertex wherever its normal, UV or colour jumps; meshoptimizer
sees such vertices share a position and only collapses along a seam, never across it, and
`SIMPLIFY_LOCK_BORDER` keeps open borders exactly where they were. Vertices never move, so
every survivor keeps its own position and attributes; normals and colours also weigh in the
error metric, as gltfpack weighs them. Primitives are simplified one at a time, so memory is
bounded by the largest one, never by per-vertex Python objects.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from app.geometry.convert.meshopt_simplifier import (
    MAX_VERTEX_BYTES,
    SIMPLIFY_LOCK_BORDER,
    UNUSED,
    identical_vertex_remap,
    simplify_indices,
)
from app.geometry.convert.model import TRIANGLES, Model
from app.geometry.convert.prune import drop_empty_meshes
from app.geometry.convert.scene import drawn_triangles
from app.geometry.convert.weld import keep_vertices, weld_primitive

# Smallest primitive worth simplifying: below this there is nothing to remove.
MIN_TRIANGLES = 4
# A ratio or a count alone sets the goal: the error may grow as large as it has to.
UNBOUNDED_ERROR = float(np.finfo(np.float32).max)
ATTRIBUTE_WEIGHTS = {"NORMAL": 0.5, "COLOR_0": 1.0}


def simplify(model: Model, ratio: float | None, target_triangles: int | None,
             max_error: float | None = None) -> None:
    """Keep about `ratio` of the triangles, about `target_triangles` drawn in total, or as few
    as keep the surface within `max_error` (a fraction of each mesh's extent)."""
    total = drawn_triangles(model.document)
    if max_error is not None:
        keep, error = 0.0, max_error
    else:
        keep = ratio if ratio is not None else min(1.0, (target_triangles or total) / max(total, 1))
        error = UNBOUNDED_ERROR
    for primitive in model.primitives():
        if primitive.get("mode", TRIANGLES) == TRIANGLES:
            # Exact duplicates would look like borders to the simplifier: merge them first.
            merge_identical_vertices(primitive)
            simplify_primitive(primitive, keep, error)
    drop_empty_meshes(model.document)


def merge_identical_vertices(primitive: dict[str, Any]) -> None:
    """Merge vertices equal in every attribute and morph target, in meshoptimizer's hash."""
    arrays = [*primitive["attributes"].values(),
              *(values for target in primitive.get("targets", []) for values in target.values())]
    count = len(primitive["attributes"]["POSITION"])
    rows = np.hstack([np.ascontiguousarray(a).reshape(count, -1).view(np.uint8) for a in arrays])
    if rows.shape[1] > MAX_VERTEX_BYTES or "indices" not in primitive:
        weld_primitive(primitive)  # numpy's slower path compares any width
        return
    remap = identical_vertex_remap(primitive["indices"], rows)
    used = np.flatnonzero(remap != UNUSED)
    representative = np.empty(int(remap[used].max()) + 1 if len(used) else 0, dtype=np.int64)
    representative[remap[used]] = used
    keep_vertices(primitive, representative, remap[primitive["indices"].astype(np.int64)])


def simplify_primitive(primitive: dict[str, Any], keep: float, error: float) -> None:
    indices = primitive["indices"].astype(np.uint32)
    triangle_count = len(indices) // 3
    target = round(triangle_count * keep)
    if triangle_count < MIN_TRIANGLES or target >= triangle_count:
        return
    attributes = primitive["attributes"]
    positions = attributes["POSITION"]
    weighted = [(np.asarray(attributes[name], dtype=np.float32).reshape(len(positions), -1),
                 weight) for name, weight in ATTRIBUTE_WEIGHTS.items() if name in attributes]
    if weighted:
        values = np.hstack([v for v, _ in weighted])
        weights = np.concatenate([np.full(v.shape[1], w, dtype=np.float32) for v, w in weighted])
    else:
        values, weights = np.empty((len(positions), 0), np.float32), np.empty(0, np.float32)
    kept, _ = simplify_indices(indices, positions, values, weights,
                               max(target, 1 if keep else 0) * 3, error, SIMPLIFY_LOCK_BORDER)
    used, triangles = np.unique(kept, return_inverse=True)
    keep_vertices(primitive, used, triangles.astype(np.uint32))
