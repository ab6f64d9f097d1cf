"""The LOD preset: a chain of simplified copies of every drawn mesh, linked with MSFT_lod.

Each node of the scene that draws a mesh lists, in `extensions.MSFT_lod.ids`, one node per
level; those nodes stand outside the scene tree, so a viewer without the extension draws the
source (level 0) alone, and the extension is used but not required. A level node has the
base node's transform, because a viewer puts it where the base node is, under the same parent;
it has no children, so a base node with children first hands its mesh to a new child of its
own. Level k is simplified from level k-1 (seams and borders kept, as SIMPLIFY does), so each
level costs less than the one before; a mesh drawn by several nodes is simplified once.
"""

from __future__ import annotations

from typing import Any

from app.geometry.convert.model import TRIANGLES, Model, add_extension
from app.geometry.convert.scene import mesh_instances, scene_roots, triangle_indices
from app.geometry.convert.simplify import (
    UNBOUNDED_ERROR,
    merge_identical_vertices,
    simplify_primitive,
)

MSFT_LOD = "MSFT_lod"
TRANSFORM_FIELDS = ("translation", "rotation", "scale", "matrix")
# What a node draws with its mesh; it moves with the mesh and is copied onto each level.
DRAWING_FIELDS = ("mesh", "skin", "weights")


def add_lod_levels(model: Model, ratios: tuple[float, ...]) -> tuple[int, ...]:
    """Add one level per ratio (a fraction of the source's triangles, decreasing) to every
    drawn mesh; returns the triangles the scene draws at level 0 (the source) and each level."""
    document = model.document
    _pin_scene(document)
    nodes = document.setdefault("nodes", [])
    instances = [(node, mesh) for node, mesh, _ in mesh_instances(document)]
    chains: dict[int, list[int]] = {}  # source mesh -> its level meshes
    counts = [0] * (len(ratios) + 1)
    for node_index, mesh_index in instances:
        if mesh_index not in chains:
            chains[mesh_index] = _simplified_chain(document, mesh_index, ratios)
        levels = [mesh_index, *chains[mesh_index]]
        for level, level_mesh in enumerate(levels):
            counts[level] += _mesh_triangles(document["meshes"][level_mesh])
        base = _drawing_node(nodes, node_index)
        ids = []
        for level, level_mesh in enumerate(chains[mesh_index], start=1):
            ids.append(len(nodes))
            nodes.append(_level_node(base, level, level_mesh))
        base.setdefault("extensions", {})[MSFT_LOD] = {"ids": ids}
    if instances:
        add_extension(document, MSFT_LOD, required=False)
    return tuple(counts)


def _pin_scene(document: dict[str, Any]) -> None:
    """Name the scene's roots, so the level nodes added outside the tree stay out of it."""
    if not document.get("scenes"):
        document["scenes"] = [{"nodes": scene_roots(document)}]
        document["scene"] = 0


def _simplified_chain(document: dict[str, Any], mesh_index: int,
                      ratios: tuple[float, ...]) -> list[int]:
    meshes = document["meshes"]
    source = meshes[mesh_index]
    previous, kept_before, chain = source, 1.0, []
    for level, ratio in enumerate(ratios, start=1):
        primitives = [_simplified(p, ratio / kept_before, first=level == 1)
                      for p in previous["primitives"]]
        name = source.get("name") or f"mesh{mesh_index}"
        previous = {**source, "name": f"{name} LOD{level}", "primitives": primitives}
        kept_before = ratio
        chain.append(len(meshes))
        meshes.append(previous)
    return chain


def _simplified(primitive: dict[str, Any], keep: float, *, first: bool) -> dict[str, Any]:
    """A copy of the primitive keeping about `keep` of its triangles; the source is untouched
    (the simplifier replaces arrays rather than writing into them)."""
    copy = {**primitive, "attributes": dict(primitive["attributes"])}
    if "targets" in primitive:
        copy["targets"] = [dict(target) for target in primitive["targets"]]
    if copy.get("mode", TRIANGLES) != TRIANGLES:
        return copy
    if first:  # later levels come from this one, already merged
        merge_identical_vertices(copy)
    simplify_primitive(copy, keep, UNBOUNDED_ERROR)
    return copy


def _mesh_triangles(mesh: dict[str, Any]) -> int:
    return sum(len(triangles) for p in mesh["primitives"]
               if (triangles := triangle_indices(p)) is not None)


def _drawing_node(nodes: list[dict[str, Any]], index: int) -> dict[str, Any]:
    """The node to carry MSFT_lod: this one, or a new child holding its mesh if it has
    children (a level replaces its base node's whole subtree)."""
    node = nodes[index]
    if not node.get("children"):
        return node
    child = {"name": node.get("name", f"node{index}"),
             **{key: node.pop(key) for key in DRAWING_FIELDS if key in node}}
    node["children"].append(len(nodes))
    nodes.append(child)
    return child


def _level_node(base: dict[str, Any], level: int, mesh: int) -> dict[str, Any]:
    copied = (*TRANSFORM_FIELDS, *DRAWING_FIELDS)
    node = {key: base[key] for key in copied if key in base}
    node["mesh"] = mesh
    node["name"] = f"{base.get('name', 'node')} LOD{level}"
    instancing = base.get("extensions", {}).get("EXT_mesh_gpu_instancing")
    if instancing is not None:
        node["extensions"] = {"EXT_mesh_gpu_instancing": instancing}
    return node
