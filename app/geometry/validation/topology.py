"""Triangle topology in numpy: zero-area triangles, non-manifold edges, inconsistent winding.

In a consistently wound manifold every directed edge occurs once. So one pass finds both
defects: a directed edge that occurs twice is either shared by three or more triangles or
joins two triangles of opposite winding. Directed edges are found twice by sorting 32-bit
hashes of them (several times faster than sorting the 64-bit edges) and checking only the
few edges whose hashes collide against their exact values.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

_GOLDEN = np.uint32(0x9E3779B1)  # 2**32 / golden ratio, odd
_FILTER_BITS = 20  # a 1 MiB table of suspect hash prefixes, small enough to stay in cache


def zero_area(positions: np.ndarray, triangles: np.ndarray) -> NDArray[np.bool_]:
    """Which triangles repeat a corner or have corners on one line (exactly zero area)."""
    corners = [np.ascontiguousarray(triangles[:, k]) for k in range(3)]
    repeated: NDArray[np.bool_] = ((corners[0] == corners[1]) | (corners[1] == corners[2])
                                   | (corners[2] == corners[0]))
    points = positions.astype(np.result_type(positions.dtype, np.float32), copy=False)
    origin, u, v = (np.take(points, c, axis=0) for c in corners)
    np.subtract(u, origin, out=u)
    np.subtract(v, origin, out=v)
    # The cross product u x v is zero exactly when each of its components is.
    flat: NDArray[np.bool_] = u[:, 1] * v[:, 2] == u[:, 2] * v[:, 1]
    for i, j in ((2, 0), (0, 1)):
        flat &= u[:, i] * v[:, j] == u[:, j] * v[:, i]
    return repeated | flat


def edge_defects(triangles: np.ndarray, vertex_count: int) -> tuple[int, int]:
    """(edges used by more than two triangles, edges joining triangles of opposite winding)."""
    if not len(triangles):
        return 0, 0
    hashes = _edge_hashes(triangles)
    ordered = np.sort(hashes)
    shared = ordered[1:][ordered[1:] == ordered[:-1]]
    if not len(shared):
        return 0, 0
    keys = _edge_keys(triangles, _suspects(hashes, shared), vertex_count)
    edges, counts = _run_lengths(np.sort(keys))
    repeated = counts > 1
    edges, counts = edges[repeated], counts[repeated]
    if not len(edges):
        return 0, 0
    ends, starts = edges % vertex_count, edges // vertex_count
    reverse = ends * np.uint64(vertex_count) + starts
    wanted = np.sort(_hash(ends, starts))
    found = np.sort(_edge_keys(triangles, _suspects(hashes, wanted), vertex_count))
    reverse_counts = np.searchsorted(found, reverse, "right") - np.searchsorted(found, reverse)
    total = counts + reverse_counts
    # An edge repeated in both directions appears twice here; count each undirected edge once.
    undirected = np.minimum(edges, reverse)[total > 2]
    return len(_run_lengths(np.sort(undirected))[0]), int((total == 2).sum())


def _hash(starts: np.ndarray, ends: np.ndarray,
          out: NDArray[np.uint32] | None = None) -> NDArray[np.uint32]:
    """32-bit hash of directed edges; the multiplier spreads consecutive starts (Fibonacci)."""
    out = np.multiply(starts.astype(np.uint32, copy=False), _GOLDEN, out=out)
    return np.add(out, ends.astype(np.uint32, copy=False), out=out)


def _edge_hashes(triangles: np.ndarray) -> NDArray[np.uint32]:
    """Hashes of every directed edge; edge k * T + t runs from corner k of triangle t."""
    hashes = np.empty((3, len(triangles)), dtype=np.uint32)
    for k in range(3):
        _hash(triangles[:, k], triangles[:, (k + 1) % 3], out=hashes[k])
    return hashes.reshape(-1)


def _edge_keys(triangles: np.ndarray, edges: np.ndarray, vertex_count: int) -> NDArray[np.uint64]:
    """Exact keys start * vertex_count + end of the given directed edges, as uint64."""
    corner, rows = np.divmod(edges, len(triangles))
    starts: NDArray[np.uint64] = triangles[rows, corner].astype(np.uint64)
    ends: NDArray[np.uint64] = triangles[rows, (corner + 1) % 3].astype(np.uint64)
    return starts * np.uint64(vertex_count) + ends


def _suspects(hashes: NDArray[np.uint32], wanted: NDArray[np.uint32]) -> NDArray[np.intp]:
    """Indices of hashes that may be in `wanted` (sorted): a prefix filter, then exact."""
    shift = np.uint32(32 - _FILTER_BITS)
    table = np.zeros(1 << _FILTER_BITS, dtype=bool)
    table[wanted >> shift] = True
    maybe = np.flatnonzero(table[hashes >> shift])
    candidates = hashes[maybe]
    slot = np.minimum(np.searchsorted(wanted, candidates), len(wanted) - 1)
    exact: NDArray[np.bool_] = wanted[slot] == candidates
    return maybe[exact]


def _run_lengths(sorted_values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values of a sorted array and how often each occurs."""
    if not len(sorted_values):
        return sorted_values, np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, sorted_values[1:] != sorted_values[:-1]])
    return sorted_values[starts], np.diff(np.r_[starts, len(sorted_values)])
