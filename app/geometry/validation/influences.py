"""Skinning influences: joint indices within the skin, unique per vertex, weights summing to 1."""

from __future__ import annotations

from typing import Any

import numpy as np

from .context import join
from .data_checks import normalized
from .layout import cached_raw
from .model import Model


def check_influences(model: Model) -> None:
    for m, mesh, pointer in model.enumerate("meshes"):
        facts = model.primitives.get(m) or []
        if not any(fact.joints for fact in facts):
            continue
        limits = [(len(node_skin["joints"]), node["skin"])
                  for _, node, _ in model.enumerate("nodes")
                  if node.get("mesh") == m
                  and (node_skin := model.get("skins", node.get("skin"))) is not None
                  and node_skin.get("joints") is not None]
        if not limits:
            continue
        joint_count, skin = min(limits)
        for p, fact in enumerate(facts):
            if not fact.joints:
                continue
            sets = _influence_sets(model, mesh["primitives"][p], fact.joints, fact.vertex_count)
            if sets is not None:
                _check_sets(model, sets, joint_count - 1, skin,
                            join(pointer, "primitives", p, "attributes"))


def _influence_sets(model: Model, primitive: dict[str, Any], count: int,
                    vertex_count: int | None) -> tuple[np.ndarray, np.ndarray] | None:
    """Joints and weights of every set, shaped (vertices, sets, 4); None if any is unreadable."""
    joints, weights = [], []
    for i in range(count):
        attributes = primitive.get("attributes") or {}
        joint_index, weight_index = attributes.get(f"JOINTS_{i}"), attributes.get(f"WEIGHTS_{i}")
        if joint_index is None or weight_index is None:
            return None
        accessors = (model.get("accessors", joint_index), model.get("accessors", weight_index))
        if any(accessor is None or accessor.get("count") != vertex_count
               for accessor in accessors):
            return None
        joint_values = cached_raw(model, joint_index)
        weight_values = cached_raw(model, weight_index)
        if joint_values is None or weight_values is None:
            return None
        joints.append(joint_values.astype(np.int64))
        weights.append(normalized(model, weight_index, weight_values))
    return np.stack(joints, axis=1), np.stack(weights, axis=1)


def _check_sets(model: Model, sets: tuple[np.ndarray, np.ndarray], last_joint: int, skin: int,
                pointer: str) -> None:
    joints, weights = sets
    vertices, set_count = joints.shape[0], joints.shape[1]
    # Khronos walks component 0 of every set, then component 1, ...: keep that order.
    order = [(s, k) for k in range(4) for s in range(set_count)]
    seen = np.zeros((vertices, 0), dtype=np.int64)
    total = np.zeros(vertices, dtype=np.float32)
    added = np.zeros(vertices, dtype=np.int64)
    problems: dict[tuple[str, int], int] = {}
    for s, k in order:
        joint, weight = joints[:, s, k], weights[:, s, k]
        beyond = joint > last_joint
        _count(problems, "ACCESSOR_JOINTS_INDEX_OOB", s, beyond)
        active = ~beyond & (weight != 0)
        duplicate = active & (seen == joint[:, None]).any(axis=1)
        _count(problems, "ACCESSOR_JOINTS_INDEX_DUPLICATE", s, duplicate)
        _count(problems, "ACCESSOR_WEIGHTS_NEGATIVE", s, active & (weight < 0))
        summed = active & ~duplicate & (weight >= 0)
        total = (total + np.where(summed, weight, 0).astype(np.float32)).astype(np.float32)
        added += summed
        unused = ~beyond & (weight == 0) & (joint != 0)
        _count(problems, "ACCESSOR_JOINTS_USED_ZERO_WEIGHT", s, unused)
        seen = np.column_stack((seen, np.where(active, joint, -1)))
    unnormalized = np.abs(total.astype(np.float64) - 1.0) > added * 2e-7
    for s in range(set_count):
        _count(problems, "ACCESSOR_WEIGHTS_NON_NORMALIZED", s, unnormalized)
    for (code, s), number in problems.items():
        name = "WEIGHTS" if code in ("ACCESSOR_WEIGHTS_NEGATIVE",
                                     "ACCESSOR_WEIGHTS_NON_NORMALIZED") else "JOINTS"
        args = (number, last_joint, skin) if code == "ACCESSOR_JOINTS_INDEX_OOB" else (number,)
        model.ctx.add(code, join(pointer, f"{name}_{s}"), *args)


def _count(problems: dict[tuple[str, int], int], code: str, set_index: int,
           mask: np.ndarray) -> None:
    number = int(mask.sum())
    if number:
        problems[(code, set_index)] = problems.get((code, set_index), 0) + number
