"""UV checks of one primitive's TEXCOORD_0: coordinates outside [0, 1], and how much of the UV
square more than one triangle covers.

The overlap is estimated on a grid of at most 256 x 256 pixel centres over [0, 1]: each
triangle's bounding box gives the centres it may cover, an edge-function test keeps those
strictly inside (so neighbours sharing an edge never both claim a centre on it), and a
bincount gives each centre's coverage. Past a budget of candidate centres (islands stacked
many deep) the grid halves and the count starts again, so a pathological layout costs a
coarser estimate, not more time; triangles go in chunks, so memory stays bounded too.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

GRID = 256
MIN_GRID = 16
CANDIDATE_BUDGET = 4_000_000
CHUNK = 1 << 16  # faces at a time: about 10 MiB of temporaries
# Float noise in exporters leaves UVs a hair outside [0, 1]; that is not tiling.
RANGE_SLACK = 1e-4


@dataclass(frozen=True)
class Coverage:
    covered: float  # share of the UV square inside at least one triangle
    overlapped: float  # share inside two or more

    @property
    def ratio(self) -> float:
        return self.overlapped / self.covered if self.covered else 0.0


def out_of_range(uvs: np.ndarray) -> int:
    """UV coordinates (vertices) outside [0, 1] in either axis."""
    outside = (uvs < -RANGE_SLACK) | (uvs > 1 + RANGE_SLACK)
    return int(np.count_nonzero(outside[:, 0] | outside[:, 1]))


def coverage(uvs: np.ndarray, faces: np.ndarray) -> Coverage:
    grid = GRID
    while True:
        counts = _counts(uvs.astype(np.float32, copy=False), faces, grid)
        if counts is not None or grid <= MIN_GRID:
            break
        grid //= 2
    cells = grid * grid
    if counts is None:
        return Coverage(0.0, 0.0)
    return Coverage(int(np.count_nonzero(counts)) / cells,
                    int(np.count_nonzero(counts >= 2)) / cells)


def _counts(uvs: np.ndarray, faces: np.ndarray, grid: int) -> np.ndarray | None:
    """How many triangles cover each pixel centre; None past the candidate budget."""
    counts = np.zeros(grid * grid, dtype=np.int64)
    spent = 0
    for first in range(0, len(faces), CHUNK):
        chunk = faces[first:first + CHUNK]
        # Pixel units, centres at integers.
        a, b, c = (uvs[chunk[:, k]] * np.float32(grid) - np.float32(0.5) for k in range(3))
        x0, y0, width, height = _spans(a, b, c, grid)
        area = _cross(a, b, c)
        per_face = np.where(np.isfinite(area) & (area != 0), width * height, 0)
        spent += int(per_face.sum())
        if spent > CANDIDATE_BUDGET and grid > MIN_GRID:
            return None
        hit = np.flatnonzero(per_face)
        counts += np.bincount(_inside(a[hit], b[hit], c[hit], area[hit], x0[hit], y0[hit],
                                      width[hit], per_face[hit], grid), minlength=grid * grid)
    return counts


def _spans(a: np.ndarray, b: np.ndarray, c: np.ndarray, grid: int
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The first pixel centre and the number of them in x and y within each triangle's box."""
    with np.errstate(invalid="ignore"):  # non-finite UVs get an empty box
        low = np.clip(np.ceil(np.minimum(np.minimum(a, b), c)), 0, grid)
        high = np.clip(np.floor(np.maximum(np.maximum(a, b), c)), -1, grid - 1)
        size = np.nan_to_num(np.maximum(high - low + 1, 0)).astype(np.int64)
    low = np.nan_to_num(low).astype(np.int64)
    return low[:, 0], low[:, 1], size[:, 0], size[:, 1]


def _inside(a: np.ndarray, b: np.ndarray, c: np.ndarray, area: np.ndarray, x0: np.ndarray,
            y0: np.ndarray, width: np.ndarray, per_face: np.ndarray, grid: int) -> np.ndarray:
    """Flat indices of the pixel centres strictly inside each triangle, one per cover."""
    face = np.repeat(np.arange(len(a)), per_face)
    offset = np.arange(len(face)) - np.repeat(np.cumsum(per_face) - per_face, per_face)
    x = x0[face] + offset % width[face]
    y = y0[face] + offset // width[face]
    centre = np.stack([x, y], axis=1).astype(np.float32)
    a, b, c, sign = a[face], b[face], c[face], np.sign(area[face])
    inside = ((_cross(a, b, centre) * sign > 0) & (_cross(b, c, centre) * sign > 0)
              & (_cross(c, a, centre) * sign > 0))
    flat: np.ndarray = y[inside] * grid + x[inside]
    return flat


def _cross(origin: np.ndarray, to: np.ndarray, point: np.ndarray) -> np.ndarray:
    """z of the cross product (to - origin) x (point - origin), row by row."""
    z: np.ndarray = ((to[:, 0] - origin[:, 0]) * (point[:, 1] - origin[:, 1])
                     - (to[:, 1] - origin[:, 1]) * (point[:, 0] - origin[:, 0]))
    return z
