"""Topology of one mesh: open and non-manifold edges, bowtie vertices, winding, duplicates.

Vertices are welded by exact position first, since glTF splits a vertex wherever its normal or
UV changes (a cube with flat normals has 24 vertices) and topology is about the surface, not
the vertex buffers. Every edge of every face is then one integer key (int32 when the vertices
are few enough, else int64), and one in-place sort of them gives each figure from the runs of
equal keys, with no Python loop over faces: the low bit of a key is the edge's direction, so the
two uses of an edge between two faces are consistently wound exactly when their keys differ.

Memory is the edge keys' (24 bytes a face for int64) plus a few bytes an edge: run positions
are int32, each figure's arrays go before the next is made, and the face checks go in chunks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from app.geometry.quality.primitives import Primitive

# Odd 64-bit multipliers for hashing rows of integers (from splitmix64).
_MULTIPLIERS = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xBF58476D1CE4E5B9),
                np.uint64(0x94D049BB133111EB))


@dataclass(frozen=True)
class Topology:
    open_edges: int  # used by one face
    non_manifold_edges: int  # used by more than two faces
    non_manifold_vertices: int  # where two or more separate fans of faces touch (a bowtie)
    inconsistent_edges: int  # used by two faces that traverse it in the same direction
    duplicate_faces: int  # copies of a face over the same three vertices, beyond the first


def welded_faces(primitives: list[Primitive]) -> tuple[np.ndarray, int]:
    """The faces of all `primitives` over vertices welded by position, and the bound of their
    indices (vertices that are welded away leave gaps)."""
    positions = np.concatenate([p.positions for p in primitives])
    positions += np.float32(0.0)  # -0 becomes 0, so both weld
    bits = np.ascontiguousarray(positions).view(np.uint32)
    ids = first_equal([bits[:, 0], bits[:, 1], bits[:, 2]])
    # Each primitive's faces index its own slice of the ids: no offset copy of the faces, and
    # no concatenated copy of a mesh's only primitive.
    ends = np.cumsum([len(p.positions) for p in primitives])
    parts = [ids[end - len(p.positions):end][p.faces]
             for p, end in zip(primitives, ends, strict=True)]
    welded = parts[0] if len(parts) == 1 else np.concatenate(parts)
    return welded, len(positions)


def first_equal(columns: list[np.ndarray]) -> np.ndarray:
    """For each row of `columns`, the index of one row equal to it, the same for all equal
    rows (its own index when it is unique). An in-place sort of 64-bit hashes finds the rows
    that may repeat (a smooth mesh repeats only its seams), and only those get ids."""
    hashes = _hashes(columns)
    ids = np.arange(len(hashes), dtype=np.int32 if len(hashes) < 2 ** 31 else np.int64)
    suspects = _repeated(hashes)
    if len(suspects):
        found, count = row_ids([column[suspects] for column in columns])
        representative = np.empty(count, dtype=ids.dtype)
        representative[found] = suspects
        ids[suspects] = representative[found]
    return ids


def _hashes(columns: list[np.ndarray]) -> np.ndarray:
    hashes = np.zeros(len(columns[0]), dtype=np.uint64)
    for column, multiplier in zip(columns, _MULTIPLIERS, strict=False):
        hashes *= multiplier  # wraps around, as wanted
        hashes += column.astype(np.uint64)
    return hashes


def _repeated(hashes: np.ndarray) -> np.ndarray:
    """Indices of the hashes that occur more than once."""
    ordered = np.sort(hashes)
    repeated = np.unique(ordered[1:][ordered[1:] == ordered[:-1]])
    if not len(repeated):
        return np.zeros(0, dtype=np.int64)
    slot = np.minimum(np.searchsorted(repeated, hashes), len(repeated) - 1)
    return np.flatnonzero(repeated[slot] == hashes)


def row_ids(columns: list[np.ndarray]) -> tuple[np.ndarray, int]:
    """An id per row of `columns` (equal rows, equal ids) and how many distinct rows there are.

    Rows are sorted by a 64-bit hash, one integer sort instead of np.unique's much slower sort
    of byte strings; neighbours are then compared exactly, and should two different rows ever
    share a hash (then ids could split), np.unique decides instead."""
    hashes = _hashes(columns)
    order = np.argsort(hashes)
    differs = np.zeros(len(order), dtype=bool)
    for column in columns:
        ordered = column[order]
        differs[1:] |= ordered[1:] != ordered[:-1]
    ordered_hashes = hashes[order]
    if np.any(differs[1:] & (ordered_hashes[1:] == ordered_hashes[:-1])):
        unique, inverse = np.unique(np.stack(columns, axis=1), axis=0, return_inverse=True)
        return inverse.reshape(-1), len(unique)
    differs[:1] = True
    ids = np.empty(len(order), dtype=np.int64)
    ids[order] = np.cumsum(differs) - 1
    return ids, int(np.count_nonzero(differs))


def mesh_topology(faces: np.ndarray, vertex_count: int) -> Topology:
    # Duplicates first, so their face keys are gone before the larger edge keys are made.
    duplicates = _duplicates(faces, vertex_count)
    collapsed = faces[(faces[:, 0] == faces[:, 1]) | (faces[:, 1] == faces[:, 2])
                      | (faces[:, 2] == faces[:, 0])]
    starts, edges, backwards = _edge_runs(faces, vertex_count)
    lengths = _run_lengths(starts, len(edges))
    inconsistent = _inconsistent_edges(starts[lengths == 2], edges, backwards, vertex_count,
                                       bool(len(collapsed)))
    del backwards  # spare its bytes while the border edges are picked out
    open_edges = edges[starts[lengths == 1]]
    crowded_edges = edges[starts[lengths > 2]]
    return Topology(
        open_edges=len(open_edges),
        non_manifold_edges=len(crowded_edges),
        non_manifold_vertices=_bowtie_vertices(vertex_count, open_edges, crowded_edges,
                                               collapsed),
        inconsistent_edges=inconsistent,
        duplicate_faces=duplicates,
    )


def _run_lengths(starts: np.ndarray, total: int) -> np.ndarray:
    lengths = np.empty_like(starts)
    np.subtract(starts[1:], starts[:-1], out=lengths[:-1])
    lengths[-1:] = total - starts[-1:]
    return lengths


def _inconsistent_edges(pairs: np.ndarray, edges: np.ndarray, backwards: np.ndarray,
                        vertex_count: int, any_collapsed: bool) -> int:
    """Edges of two faces (their runs start at `pairs`) that both traverse the same way."""
    same_way = backwards[pairs] == backwards[pairs + 1]
    if any_collapsed:
        # An edge from a vertex to itself (of a collapsed face) has no direction to disagree on.
        low, high = np.divmod(edges[pairs], vertex_count)
        same_way &= low != high
    return int(np.count_nonzero(same_way))


def _edge_runs(faces: np.ndarray, vertex_count: int
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where each run of one undirected edge starts in the sorted edges `low * V + high`, the
    sorted edges, and whether each use runs from high to low. The direction rides in the low
    bit of the key through the sort, then is split off in place to spare a copy."""
    keys: npt.NDArray[np.signedinteger[Any]] = np.empty(
        3 * len(faces), dtype=np.int32 if 2 * vertex_count ** 2 < 2 ** 31 else np.int64)
    for corner in range(3):
        start, end = faces[:, corner], faces[:, (corner + 1) % 3]
        part = keys[corner * len(faces):(corner + 1) * len(faces)]
        np.minimum(start, end, out=part)
        part *= vertex_count
        part += np.maximum(start, end)
        part *= 2
        part += start > end
    # Timsort: a mesh's faces come in runs of neighbours (exporters and meshoptimizer order
    # them so), its keys in long ascending stretches, which it merges many times faster than
    # quicksort sorts them.
    keys.sort(kind="stable")
    # The low byte, little-endian: no copy of keys.
    backwards = keys.view(np.uint8)[::keys.itemsize] & 1 == 1
    keys >>= 1
    new_run = np.empty(len(keys), dtype=bool)
    new_run[:1] = True
    np.not_equal(keys[1:], keys[:-1], out=new_run[1:])
    starts = np.flatnonzero(new_run)
    return starts.astype(np.int32) if len(keys) < 2 ** 31 else starts, keys, backwards


def _bowtie_vertices(vertex_count: int, open_edges: np.ndarray, crowded_edges: np.ndarray,
                     collapsed: np.ndarray) -> int:
    """Vertices where two or more open fans of faces meet. Around a vertex whose edges have at
    most two faces the faces form fans, and each open fan has two open edges at the vertex
    (a closed one none), so four or more open edges there mean a bowtie. A closed fan touching
    another at its tip (a double cone) escapes this count; vertices on edges of more than two
    faces or of collapsed faces are left to those checks."""
    if not len(open_edges):
        return 0
    borders = np.bincount(_edge_vertices(open_edges, vertex_count), minlength=vertex_count)
    borders[_edge_vertices(crowded_edges, vertex_count)] = 0
    borders[collapsed.reshape(-1)] = 0
    return int(np.count_nonzero(borders >= 4))


def _edge_vertices(edges: np.ndarray, vertex_count: int) -> np.ndarray:
    low, high = np.divmod(edges, vertex_count)
    return np.concatenate([low, high])


def _duplicates(faces: np.ndarray, vertex_count: int) -> int:
    """Faces beyond the first over each set of three vertices."""
    if not len(faces):
        return 0
    first, second, third = faces[:, 0], faces[:, 1], faces[:, 2]
    low = np.minimum(np.minimum(first, second), third)
    high = np.maximum(np.maximum(first, second), third)
    middle = first + second
    middle += third
    middle -= low
    middle -= high
    if vertex_count ** 3 < 2 ** 63:  # each face packs into one int64, exactly
        keys = low.astype(np.int64)
        keys *= vertex_count
        keys += middle
        keys *= vertex_count
        keys += high
        keys.sort(kind="stable")  # runs of neighbouring faces, as in _edge_runs
        return int(np.count_nonzero(keys[1:] == keys[:-1]))
    # Else by 64-bit hashes: only faces whose hash repeats are compared exactly.
    suspects = _repeated(_hashes([low, middle, high]))
    if not len(suspects):
        return 0
    return len(suspects) - row_ids([low[suspects], middle[suspects], high[suspects]])[1]


def degenerate_faces(primitive: Primitive, tolerance: float = 1e-8,
                     chunk: int = 1 << 16) -> int:
    """Faces whose height (twice the area over the longest edge) or longest edge is at most
    `tolerance`: trimesh's `nondegenerate_faces` test, squared to spare the roots, in float32
    like the positions (half the traffic of float64) and in chunks."""
    count = 0
    for first in range(0, len(primitive.faces), chunk):
        faces = primitive.faces[first:first + chunk]
        a, b, c = (primitive.positions[faces[:, k]] for k in range(3))
        ab, ac, bc = b - a, c - a, c - b
        longest = np.maximum(np.maximum(_squared(ab), _squared(ac)), _squared(bc))
        doubled_area = _squared(_cross(ab, ac))  # both squared
        flat = (longest <= tolerance ** 2) | (doubled_area <= tolerance ** 2 * longest)
        count += int(np.count_nonzero(flat))
    return count


def _cross(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Row-wise cross products; np.cross is several times slower on (n, 3) arrays."""
    return np.stack([u[:, 1] * v[:, 2] - u[:, 2] * v[:, 1], u[:, 2] * v[:, 0] - u[:, 0] * v[:, 2],
                     u[:, 0] * v[:, 1] - u[:, 1] * v[:, 0]], axis=1)


def _squared(vectors: np.ndarray) -> np.ndarray:
    squared: np.ndarray = (vectors[:, 0] * vectors[:, 0] + vectors[:, 1] * vectors[:, 1]
                           + vectors[:, 2] * vectors[:, 2])
    return squared


def unreferenced_vertices(primitive: Primitive) -> int:
    """Vertices of an indexed primitive that no face uses."""
    if not primitive.indexed:
        return 0
    used = np.zeros(len(primitive.positions), dtype=bool)
    used[primitive.faces.reshape(-1)] = True
    return len(used) - int(np.count_nonzero(used))
