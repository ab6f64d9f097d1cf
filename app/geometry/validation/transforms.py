"""Node transforms: identity tests, and whether a matrix decomposes into TRS."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

IDENTITY = [1.0, 0, 0, 0, 0, 1.0, 0, 0, 0, 0, 1.0, 0, 0, 0, 0, 1.0]
# Khronos's tolerance when rebuilding a matrix from its decomposition.
_TRS_TOLERANCE = 0.00005


def has_transform(node: dict[str, Any]) -> bool:
    """Whether the node's own transform is not the identity."""
    matrix, rotation = node.get("matrix"), node.get("rotation")
    translation, scale = node.get("translation"), node.get("scale")
    return not ((matrix is None or matrix == IDENTITY)
                and (translation is None or translation == [0, 0, 0])
                and (rotation is None or rotation == [0, 0, 0, 1])
                and (scale is None or scale == [1, 1, 1]))


def is_trs_decomposable(matrix: list[float]) -> bool:
    """Column-major 4x4 `matrix` rebuilt from its TRS decomposition matches itself."""
    m = np.array(matrix, dtype=np.float64).reshape(4, 4).T  # row-major view
    if m[3, 0] != 0 or m[3, 1] != 0 or m[3, 2] != 0 or m[3, 3] != 1:
        return False
    determinant = float(np.linalg.det(m))
    if determinant == 0:
        return False
    scale = np.linalg.norm(m[:3, :3], axis=0)
    if determinant < 0:
        scale[0] = -scale[0]
    if not np.all(scale):
        return False
    rotation = m[:3, :3] / scale
    x, y, z, w = _quaternion(rotation)
    rebuilt = np.eye(4)
    rebuilt[:3, :3] = np.array([
        [1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)],
        [2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)],
        [2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)],
    ]) * scale
    rebuilt[:3, 3] = m[:3, 3]
    return abs(_column_norm(rebuilt) - _column_norm(m)) < _TRS_TOLERANCE


def _column_norm(m: np.ndarray) -> float:
    # vector_math's Matrix4.infinityNorm: the largest column sum of absolute values.
    return float(np.abs(m).sum(axis=0).max())


def _quaternion(r: np.ndarray) -> tuple[float, float, float, float]:
    """Quaternion (x, y, z, w) of a rotation matrix by the trace method, not renormalised."""
    trace = r[0, 0] + r[1, 1] + r[2, 2]
    if trace > 0:
        s = math.sqrt(trace + 1.0)
        w, s = s * 0.5, 0.5 / s
        return (r[2, 1] - r[1, 2]) * s, (r[0, 2] - r[2, 0]) * s, (r[1, 0] - r[0, 1]) * s, w
    i = (2 if r[1, 1] < r[2, 2] else 1) if r[0, 0] < r[1, 1] else (2 if r[0, 0] < r[2, 2] else 0)
    j, k = (i + 1) % 3, (i + 2) % 3
    s = math.sqrt(max(r[i, i] - r[j, j] - r[k, k] + 1.0, 0.0))
    q = [0.0, 0.0, 0.0]
    q[i] = s * 0.5
    s = 0.5 / s if s else 0.0
    q[j] = (r[j, i] + r[i, j]) * s
    q[k] = (r[k, i] + r[i, k]) * s
    return q[0], q[1], q[2], (r[k, j] - r[j, k]) * s
