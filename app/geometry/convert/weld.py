"""The WELD preset: merge identical vertices, drop degenerate triangles and data nothing uses."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from app.geometry.convert.model import TRIANGLES, Model
from app.geometry.convert.prune import drop_empty_meshes, prune_unused


def weld(model: Model) -> None:
    for primitive in model.primitives():
        if primitive.get("mode", TRIANGLES) == TRIANGLES:
            weld_primitive(primitive)
    drop_empty_meshes(model.document)
    prune_unused(model)


def weld_primitive(primitive: dict[str, Any]) -> None:
    """Merge vertices equal in every attribute and morph target, then drop what is left unused."""
    attributes = primitive["attributes"]
    count = len(attributes["POSITION"])
    triangles = _triangles(primitive, count)
    first, new_index = _unique_vertices(_vertex_columns(primitive), count)
    triangles = new_index[triangles]
    triangles = triangles[~_degenerate(triangles, attributes["POSITION"][first])]
    used = np.zeros(len(first), dtype=bool)
    used[triangles] = True
    compact = np.cumsum(used) - 1
    keep_vertices(primitive, first[used], compact[triangles])


def keep_vertices(primitive: dict[str, Any], keep: np.ndarray, triangles: np.ndarray) -> None:
    """Keep vertices `keep` (old numbers, in new order) of every per-vertex array."""
    primitive["attributes"] = {k: v[keep] for k, v in primitive["attributes"].items()}
    if "targets" in primitive:
        primitive["targets"] = [{k: v[keep] for k, v in t.items()} for t in primitive["targets"]]
    primitive["indices"] = triangles.reshape(-1).astype(np.uint32)


def _triangles(primitive: dict[str, Any], count: int) -> np.ndarray:
    indices = primitive.get("indices")
    flat = np.arange(count, dtype=np.uint32) if indices is None else indices.astype(np.uint32)
    return flat[: len(flat) // 3 * 3].reshape(-1, 3)


def _vertex_columns(primitive: dict[str, Any]) -> list[np.ndarray]:
    arrays = [primitive["attributes"][name] for name in sorted(primitive["attributes"])]
    arrays += [t[name] for t in primitive.get("targets", []) for name in sorted(t)]
    return arrays


def _unique_vertices(columns: list[np.ndarray], count: int) -> tuple[np.ndarray, np.ndarray]:
    """(first vertex of each distinct value, in original order; each vertex's new number)."""
    rows = np.concatenate(
        [np.ascontiguousarray(c).reshape(count, -1).view(np.uint8) for c in columns], axis=1
    )
    keys = np.ascontiguousarray(rows).view(np.dtype((np.void, rows.shape[1]))).reshape(-1)
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    order = np.argsort(first)
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return first[order], rank[inverse.reshape(-1)]


def _degenerate(triangles: np.ndarray, positions: np.ndarray) -> NDArray[np.bool_]:
    """Triangles that cover no area: a repeated corner, or corners on one line."""
    a, b, c = (positions[triangles[:, i]].astype(np.float64) for i in range(3))
    area = np.linalg.norm(np.cross(b - a, c - a), axis=1)
    repeated: NDArray[np.bool_] = ((triangles[:, 0] == triangles[:, 1])
                                   | (triangles[:, 1] == triangles[:, 2])
                                   | (triangles[:, 0] == triangles[:, 2]))
    flat: NDArray[np.bool_] = area == 0.0
    return repeated | flat
