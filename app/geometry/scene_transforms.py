"""Node transforms of a scene graph: local and world matrices, TRS decomposition, world bounds."""

from __future__ import annotations

import math

import numpy as np

from app.geometry.scene_graph import MeshRef, Node, SceneGraph, Vec3, Vec4
from app.geometry.stats import local_matrix as gltf_local_matrix

Trs = tuple[Vec3, Vec4, Vec3]
IDENTITY_TRS: Trs = ((0.0, 0.0, 0.0), (0.0, 0.0, 0.0, 1.0), (1.0, 1.0, 1.0))
# How far a recomposed matrix may stray from the given one and still count as pure TRS.
TRS_TOLERANCE = 1e-5
# The eight corners of a box from its (min, max) rows.
_CORNERS = np.array([[i >> 2 & 1, i >> 1 & 1, i & 1] for i in range(8)])


def local_matrix(node: Node) -> np.ndarray:
    """The node's 4x4 local transform acting on column vectors."""
    return gltf_local_matrix({"matrix": node.matrix and list(node.matrix),
                              "translation": node.translation and list(node.translation),
                              "rotation": node.rotation and list(node.rotation),
                              "scale": node.scale and list(node.scale)})


def vec3(values: np.ndarray) -> Vec3:
    x, y, z = (float(v) for v in values)
    return (x, y, z)


def column_major(matrix: np.ndarray) -> tuple[float, ...]:
    return tuple(float(v) for v in matrix.T.reshape(16))


def node_trs(node: Node) -> Trs:
    """Translation, rotation (x, y, z, w) and scale, decomposed from `matrix` when it is set."""
    if node.matrix is not None:
        decomposed = decompose(np.array(node.matrix, dtype=np.float64).reshape(4, 4).T)
        if decomposed is not None:
            return decomposed
    default_t, default_r, default_s = IDENTITY_TRS
    return (node.translation or default_t, node.rotation or default_r, node.scale or default_s)


def decompose(matrix: np.ndarray) -> Trs | None:
    """(translation, rotation, scale) of a 4x4 matrix, or None when it shears or projects."""
    if not np.isfinite(matrix).all() or not np.allclose(matrix[3], [0, 0, 0, 1]):
        return None
    basis = matrix[:3, :3]
    scale = np.linalg.norm(basis, axis=0)
    if (scale == 0).any():
        return None
    if np.linalg.det(basis) < 0:
        scale[0] = -scale[0]
    rotation = quaternion(basis / scale)
    recomposed = gltf_local_matrix({"translation": list(matrix[:3, 3]), "rotation": list(rotation),
                                    "scale": list(scale)})
    if not np.allclose(recomposed, matrix, atol=TRS_TOLERANCE * max(1.0, np.abs(matrix).max())):
        return None
    return (vec3(matrix[:3, 3]), rotation, vec3(scale))


def quaternion(rotation: np.ndarray) -> Vec4:
    """The unit quaternion (x, y, z, w) of a 3x3 rotation matrix (Shepperd's method)."""
    m = rotation
    trace = m[0, 0] + m[1, 1] + m[2, 2]
    if trace > 0:
        s = 2.0 * math.sqrt(trace + 1.0)
        q = ((m[2, 1] - m[1, 2]) / s, (m[0, 2] - m[2, 0]) / s, (m[1, 0] - m[0, 1]) / s, s / 4)
    elif m[0, 0] > m[1, 1] and m[0, 0] > m[2, 2]:
        s = 2.0 * math.sqrt(max(1.0 + m[0, 0] - m[1, 1] - m[2, 2], 1e-300))
        q = (s / 4, (m[0, 1] + m[1, 0]) / s, (m[0, 2] + m[2, 0]) / s, (m[2, 1] - m[1, 2]) / s)
    elif m[1, 1] > m[2, 2]:
        s = 2.0 * math.sqrt(max(1.0 + m[1, 1] - m[0, 0] - m[2, 2], 1e-300))
        q = ((m[0, 1] + m[1, 0]) / s, s / 4, (m[1, 2] + m[2, 1]) / s, (m[0, 2] - m[2, 0]) / s)
    else:
        s = 2.0 * math.sqrt(max(1.0 + m[2, 2] - m[0, 0] - m[1, 1], 1e-300))
        q = ((m[0, 2] + m[2, 0]) / s, (m[1, 2] + m[2, 1]) / s, s / 4, (m[1, 0] - m[0, 1]) / s)
    norm = math.sqrt(sum(v * v for v in q))
    x, y, z, w = (float(v / norm) for v in q)
    return (x, y, z, w)


def world_matrices(graph: SceneGraph) -> dict[str, np.ndarray]:
    """Every node reachable from the roots, with its world matrix."""
    by_id = {node.id: node for node in graph.nodes}
    result: dict[str, np.ndarray] = {}
    stack = [(root, np.eye(4)) for root in reversed(graph.roots)]
    while stack:
        node_id, parent = stack.pop()
        node = by_id.get(node_id)
        if node is None or node_id in result:
            continue
        world = parent @ local_matrix(node)
        result[node_id] = world
        stack.extend((child, world) for child in reversed(node.children))
    return result


def world_bounds(graph: SceneGraph) -> tuple[Vec3, Vec3] | None:
    """The world-space box of every mesh instance whose mesh box is known, or None."""
    boxes: dict[MeshRef, np.ndarray] = {
        info.ref: np.array([info.box_min, info.box_max], dtype=np.float64)
        for info in graph.meshes if info.box_min is not None and info.box_max is not None}
    matrices = world_matrices(graph)
    placed = [(matrices[node.id], boxes[node.mesh]) for node in graph.nodes
              if node.mesh is not None and node.mesh in boxes and node.id in matrices]
    if not placed:
        return None
    stacked = np.stack([matrix for matrix, _ in placed])
    corners = np.stack([box for _, box in placed])[:, _CORNERS, [0, 1, 2]]  # (K, 8, 3)
    world = np.einsum("kij,kcj->kci", stacked[:, :3, :3], corners) + stacked[:, None, :3, 3]
    return vec3(world.min(axis=(0, 1))), vec3(world.max(axis=(0, 1)))
