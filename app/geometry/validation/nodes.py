"""Nodes and scenes: transforms, references, the parent graph (loops, shared children), roots."""

from __future__ import annotations

import math
from typing import Any

from .context import UNIT_TOLERANCE_VEC4, join
from .model import Model
from .transforms import IDENTITY, has_transform, is_trs_decomposable


def check_nodes(model: Model) -> None:
    ctx = model.ctx
    for _, node, pointer in model.enumerate("nodes"):
        rotation = node.get("rotation")
        if rotation is not None and abs(1 - math.hypot(*rotation)) > UNIT_TOLERANCE_VEC4:
            ctx.add("ROTATION_NON_UNIT", join(pointer, "rotation"))
        if node.get("mesh") is None:
            for name in ("skin", "weights"):
                if node.get(name) is not None:
                    ctx.add("UNSATISFIED_DEPENDENCY", join(pointer, name), "'mesh'")
        matrix = node.get("matrix")
        if matrix is not None:
            if any(node.get(k) is not None for k in ("translation", "rotation", "scale")):
                ctx.add("NODE_MATRIX_TRS", join(pointer, "matrix"))
            if matrix == IDENTITY:
                ctx.add("NODE_MATRIX_DEFAULT", join(pointer, "matrix"))
            elif not is_trs_decomposable(matrix):
                ctx.add("NODE_MATRIX_NON_TRS", join(pointer, "matrix"))
    for i, node, pointer in model.enumerate("nodes"):
        _link_node(model, i, node, pointer)


def _link_node(model: Model, index: int, node: dict[str, Any], pointer: str) -> None:
    ctx = model.ctx
    model.resolve("cameras", node.get("camera"), pointer, "camera")
    skin = model.resolve("skins", node.get("skin"), pointer, "skin")
    mesh = model.resolve("meshes", node.get("mesh"), pointer, "mesh")
    facts = model.primitives.get(node.get("mesh", -1)) if mesh is not None else None
    if facts:
        weights = node.get("weights")
        targets = facts[0].targets
        if weights is not None and targets != len(weights):
            ctx.add("NODE_WEIGHTS_INVALID", join(pointer, "weights"), len(weights),
                    targets or 0)
        skinned = any(fact.joints for fact in facts)
        if skin is not None and not skinned:
            ctx.add("NODE_SKIN_WITH_NON_SKINNED_MESH", pointer)
        elif skin is None and skinned:
            ctx.add("NODE_SKINNED_MESH_WITHOUT_SKIN", pointer)
    for c, child in enumerate(node.get("children") or []):
        where = join(pointer, "children", c)
        if child is None or model.resolve("nodes", child, where) is None:
            continue
        if child in model.parents:
            ctx.add("NODE_PARENT_OVERRIDE", where, child)
        model.parents[child] = index


def check_scenes(model: Model) -> None:
    for s, scene, pointer in model.enumerate("scenes"):
        for n, root in enumerate(scene.get("nodes") or []):
            where = join(pointer, "nodes", n)
            if root is None or model.resolve("nodes", root, where) is None:
                continue
            if root in model.parents:
                model.ctx.add("SCENE_NON_ROOT_NODE", where, root)
            _add_scene(model, root, s)


def _add_scene(model: Model, root: int, scene: int) -> None:
    stack, seen = [root], set()
    while stack:
        index = stack.pop()
        model.node_scenes.setdefault(index, set()).add(scene)
        node = model.get("nodes", index)
        if node is None or index in seen:
            continue
        seen.add(index)
        stack.extend(c for c in node.get("children") or [] if model.get("nodes", c) is not None)


def ancestors(model: Model, index: int) -> list[int]:
    """The node and its parents up to the root, stopping where a loop closes."""
    chain, seen = [index], {index}
    while (parent := model.parents.get(chain[-1])) is not None and parent not in seen:
        chain.append(parent)
        seen.add(parent)
    return chain


def nodes_in_loops(parents: dict[int, int]) -> set[int]:
    """Nodes whose parent chain leads back to themselves, found in one pass over all chains."""
    done: set[int] = set()
    looped: set[int] = set()
    for start in parents:
        path: dict[int, int] = {}  # node -> position along the chain walked from `start`
        node: int | None = start
        while node is not None and node not in done and node not in path:
            path[node] = len(path)
            node = parents.get(node)
        if node is not None and node in path:  # the walk closed a loop of its own
            looped.update(n for n, position in path.items() if position >= path[node])
        done.update(path)
    return looped


def check_node_graph(model: Model) -> None:
    """Loops, empty nodes, and skinned meshes placed where joints cannot move them."""
    ctx = model.ctx
    looped = nodes_in_loops(model.parents)
    for i, node, pointer in model.enumerate("nodes"):
        if (i not in model.joints and node.get("children") is None
                and model.get("meshes", node.get("mesh")) is None
                and model.get("cameras", node.get("camera")) is None
                and not node["extensions"]
                and model.asset.document["nodes"][i].get("extras") is None):
            ctx.add("NODE_EMPTY", pointer)
        if i in looped:
            ctx.add("NODE_LOOP", pointer)
        if model.get("skins", node.get("skin")) is not None:
            _check_skinned_node(model, i, node, pointer)


def _check_skinned_node(model: Model, index: int, node: dict[str, Any], pointer: str) -> None:
    ctx = model.ctx
    if has_transform(node):
        ctx.add("NODE_SKINNED_MESH_LOCAL_TRANSFORMS", pointer)
    if index in model.parents:
        ctx.add("NODE_SKINNED_MESH_NON_ROOT", pointer)
    roots = [r for r in model.skin_roots.get(node["skin"], []) if r not in model.parents]
    if roots and not model.node_scenes.get(index, set()) <= model.node_scenes.get(roots[0], set()):
        ctx.add("NODE_SKIN_NO_SCENE", pointer)
