"""Walk a Model's node tree and flatten its triangles into world space for formats without one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from app.errors import CorruptFile
from app.geometry.convert.model import TRIANGLES, Model

TRIANGLE_STRIP = 5
TRIANGLE_FAN = 6


@dataclass(frozen=True)
class FlatPart:
    """One primitive of one node, in world space, as triangles with per-vertex attributes."""

    name: str
    positions: np.ndarray
    triangles: np.ndarray
    normals: np.ndarray | None
    uvs: np.ndarray | None
    colors: np.ndarray | None
    material: int | None


def scene_roots(document: dict[str, Any]) -> list[int]:
    """The root nodes of the default scene (all parentless nodes when there is no scene)."""
    scenes = document.get("scenes", [])
    if scenes:
        return list(scenes[document.get("scene", 0)].get("nodes", []))
    children = {c for node in document.get("nodes", []) for c in node.get("children", [])}
    return [i for i in range(len(document.get("nodes", []))) if i not in children]


def local_matrix(node: dict[str, Any]) -> np.ndarray:
    """The node's transform as a 4x4 matrix acting on column vectors."""
    if "matrix" in node:
        return np.asarray(node["matrix"], dtype=np.float64).reshape(4, 4).T
    x, y, z, w = node.get("rotation", (0.0, 0.0, 0.0, 1.0))
    rotation = np.array([
        [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
        [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
        [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
    ])
    matrix = np.eye(4)
    matrix[:3, :3] = rotation * np.asarray(node.get("scale", (1.0, 1.0, 1.0)))
    matrix[:3, 3] = node.get("translation", (0.0, 0.0, 0.0))
    return matrix


def mesh_instances(document: dict[str, Any]) -> Iterator[tuple[int, int, np.ndarray]]:
    """(node, mesh, world matrix) for every node of the default scene that draws a mesh."""
    nodes = document.get("nodes", [])
    stack = [(root, np.eye(4)) for root in reversed(scene_roots(document))]
    seen: set[int] = set()
    while stack:
        index, parent = stack.pop()
        if index in seen or not 0 <= index < len(nodes):
            raise CorruptFile(f"node {index} is missing or appears twice in the node tree")
        seen.add(index)
        world = parent @ local_matrix(nodes[index])
        if "mesh" in nodes[index]:
            yield index, nodes[index]["mesh"], world
        stack.extend((child, world) for child in reversed(nodes[index].get("children", [])))


def triangle_indices(primitive: dict[str, Any]) -> np.ndarray | None:
    """The primitive's triangles as an (n, 3) array, or None for points and lines."""
    mode = primitive.get("mode", TRIANGLES)
    count = len(primitive["attributes"]["POSITION"])
    indices = primitive.get("indices")
    flat = np.arange(count, dtype=np.uint32) if indices is None else indices.astype(np.uint32)
    if mode == TRIANGLES:
        return flat[: len(flat) // 3 * 3].reshape(-1, 3)
    if mode == TRIANGLE_STRIP and len(flat) >= 3:
        strip = np.stack([flat[:-2], flat[1:-1], flat[2:]], axis=1)
        strip[1::2] = strip[1::2, [1, 0, 2]]  # every other strip triangle is wound backwards
        return strip
    if mode == TRIANGLE_FAN and len(flat) >= 3:
        return np.stack([np.full(len(flat) - 2, flat[0]), flat[1:-1], flat[2:]], axis=1)
    return None


def drawn_triangles(document: dict[str, Any]) -> int:
    """Triangles the default scene draws, each mesh counted once per node that uses it."""
    meshes = document.get("meshes", [])
    total = 0
    for _, mesh, _ in mesh_instances(document):
        for primitive in meshes[mesh]["primitives"]:
            triangles = triangle_indices(primitive)
            total += 0 if triangles is None else len(triangles)
    return total


def flatten(model: Model) -> Iterator[FlatPart]:
    """Every triangle primitive of every mesh instance, transformed into world space."""
    meshes = model.document.get("meshes", [])
    for node, mesh_index, world in mesh_instances(model.document):
        mesh = meshes[mesh_index]
        for number, primitive in enumerate(mesh["primitives"]):
            triangles = triangle_indices(primitive)
            if triangles is None or len(triangles) == 0:
                continue
            yield _world_part(model, node, mesh, number, primitive, triangles, world)


def _world_part(
    model: Model, node: int, mesh: dict[str, Any], number: int, primitive: dict[str, Any],
    triangles: np.ndarray, world: np.ndarray,
) -> FlatPart:
    attributes = primitive["attributes"]
    name = model.document["nodes"][node].get("name") or mesh.get("name") or f"node{node}"
    positions = attributes["POSITION"] @ world[:3, :3].T + world[:3, 3]
    normals = attributes.get("NORMAL")
    if normals is not None:
        normals = normals @ np.linalg.inv(world[:3, :3])  # the inverse transpose, row-wise
        normals /= np.maximum(np.linalg.norm(normals, axis=1, keepdims=True), 1e-12)
    if np.linalg.det(world[:3, :3]) < 0:
        triangles = triangles[:, ::-1]  # a mirroring transform turns the faces inside out
    colors = attributes.get("COLOR_0")
    if colors is not None and colors.shape[1] == 3:
        colors = np.column_stack([colors, np.ones(len(colors), dtype=colors.dtype)])
    return FlatPart(
        name=f"{name}_{number}" if len(mesh["primitives"]) > 1 else name,
        positions=positions.astype(np.float32),
        triangles=np.ascontiguousarray(triangles),
        normals=None if normals is None else normals.astype(np.float32),
        uvs=attributes.get("TEXCOORD_0"),
        colors=colors,
        material=primitive.get("material"),
    )
