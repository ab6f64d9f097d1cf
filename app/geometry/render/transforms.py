"""4x4 matrix helpers for the renderer: glTF node transforms, views and projections (row-major)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

Matrix = np.ndarray


def node_matrix(node: dict[str, Any]) -> Matrix:
    """A glTF node's local transform: its `matrix`, or translation · rotation · scale."""
    if "matrix" in node:
        # glTF stores matrices column-major; numpy reads the flat list row by row.
        return np.asarray(node["matrix"], dtype=np.float64).reshape(4, 4).T
    translation = np.asarray(node.get("translation", (0.0, 0.0, 0.0)), dtype=np.float64)
    rotation = node.get("rotation", (0.0, 0.0, 0.0, 1.0))
    scale = np.asarray(node.get("scale", (1.0, 1.0, 1.0)), dtype=np.float64)
    matrix = np.eye(4)
    matrix[:3, :3] = quaternion_matrix(rotation) * scale
    matrix[:3, 3] = translation
    return matrix


def quaternion_matrix(xyzw: Sequence[float]) -> np.ndarray:
    """The 3x3 rotation of a unit quaternion given as glTF orders it (x, y, z, w)."""
    x, y, z, w = (float(value) for value in xyzw)
    norm = np.sqrt(x * x + y * y + z * z + w * w) or 1.0
    x, y, z, w = x / norm, y / norm, z / norm, w / norm
    return np.array([
        [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
        [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
        [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
    ])


def normal_matrix(model: Matrix) -> np.ndarray:
    """The inverse transpose of the model's 3x3 part, which keeps normals perpendicular."""
    linear = model[:3, :3]
    if abs(np.linalg.det(linear)) < 1e-20:
        return np.eye(3)
    return np.linalg.inv(linear).T


def look_at(eye: np.ndarray, target: np.ndarray, up: np.ndarray) -> Matrix:
    """The view matrix of an eye looking at target, camera -Z forward and +Y up."""
    forward = target - eye
    forward = forward / np.linalg.norm(forward)
    side = np.cross(forward, up)
    if np.linalg.norm(side) < 1e-9:
        # Looking along `up`: any perpendicular axis gives a valid, if arbitrary, roll.
        side = np.cross(forward, _least_aligned_axis(forward))
    side = side / np.linalg.norm(side)
    true_up = np.cross(side, forward)
    view = np.eye(4)
    view[0, :3], view[1, :3], view[2, :3] = side, true_up, -forward
    view[:3, 3] = -view[:3, :3] @ eye
    return view


def _least_aligned_axis(direction: np.ndarray) -> np.ndarray:
    axis = np.zeros(3)
    axis[int(np.argmin(np.abs(direction)))] = 1.0
    return axis


def perspective(fov_y: float, aspect: float, near: float, far: float) -> Matrix:
    """An OpenGL perspective projection; `fov_y` in radians."""
    focal = 1.0 / np.tan(fov_y / 2.0)
    projection = np.zeros((4, 4))
    projection[0, 0] = focal / aspect
    projection[1, 1] = focal
    projection[2, 2] = (far + near) / (near - far)
    projection[2, 3] = 2.0 * far * near / (near - far)
    projection[3, 2] = -1.0
    return projection


def orthographic(half_width: float, half_height: float, near: float, far: float) -> Matrix:
    projection = np.eye(4)
    projection[0, 0] = 1.0 / half_width
    projection[1, 1] = 1.0 / half_height
    projection[2, 2] = 2.0 / (near - far)
    projection[2, 3] = (far + near) / (near - far)
    return projection


def transform_points(matrix: Matrix, points: np.ndarray) -> np.ndarray:
    """Apply an affine 4x4 matrix to (n, 3) points."""
    moved: np.ndarray = points @ matrix[:3, :3].T + matrix[:3, 3]
    return moved


def gl_bytes(matrix: np.ndarray) -> bytes:
    """A matrix as the column-major float32 bytes a GLSL mat3/mat4 uniform expects."""
    return np.ascontiguousarray(matrix.T, dtype=np.float32).tobytes()
