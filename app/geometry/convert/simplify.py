"""The SIMPLIFY preset: quadric error decimation (fast-simplification) that keeps seams and borders.

A glTF primitive splits a vertex wherever its normal, UV or colour jumps, so UV seams and
hard edges are open borders of the index topology. Decimating with `preserve_border` never
collapses an edge touching such a vertex: seams, hard edges and true borders stay exactly
where they were. Each remaining vertex keeps its own attributes; its position is the one
the quadric error metric chose.
"""

from __future__ import annotations

from typing import Any

import fast_simplification
import numpy as np

from app.geometry.convert.model import TRIANGLES, Model
from app.geometry.convert.prune import drop_empty_meshes
from app.geometry.convert.scene import drawn_triangles
from app.geometry.convert.weld import keep_vertices, weld_primitive

# Smallest primitive worth decimating: below this the quadric solver has nothing to remove.
MIN_TRIANGLES = 4


def simplify(model: Model, ratio: float | None, target_triangles: int | None) -> None:
    """Keep about `ratio` of the triangles, or about `target_triangles` drawn in total."""
    total = drawn_triangles(model.document)
    keep = ratio if ratio is not None else min(1.0, (target_triangles or total) / max(total, 1))
    for primitive in model.primitives():
        if primitive.get("mode", TRIANGLES) == TRIANGLES:
            # Exact duplicates would look like borders to the decimator: merge them first.
            weld_primitive(primitive)
            simplify_primitive(primitive, keep)
    drop_empty_meshes(model.document)


def simplify_primitive(primitive: dict[str, Any], keep: float) -> None:
    triangles = primitive["indices"].reshape(-1, 3).astype(np.int64)
    target = round(len(triangles) * keep)
    if len(triangles) < MIN_TRIANGLES or target >= len(triangles):
        return
    positions = primitive["attributes"]["POSITION"].astype(np.float64)
    _, _, collapses = fast_simplification.simplify(
        positions, triangles, target_count=max(target, 1), preserve_border=True,
        return_collapses=True,
    )
    new_positions, new_triangles, mapping = fast_simplification.replay_simplification(
        positions, triangles, collapses
    )
    # Every vertex that was never collapsed away survives, and `mapping` numbers them 0..n-1.
    survivors = np.setdiff1d(np.arange(len(positions)), collapses[:, 1])
    survivors = survivors[mapping[survivors] >= 0]
    representative = np.empty(len(new_positions), dtype=np.int64)
    representative[mapping[survivors]] = survivors
    keep_vertices(primitive, representative, np.asarray(new_triangles))
    primitive["attributes"]["POSITION"] = np.asarray(new_positions, dtype=np.float32)
