"""Skins: joints with a common root, the skeleton, and the inverse bind matrices accessor."""

from __future__ import annotations

from typing import Any

from .context import join
from .formats import IBM_FORMAT, describe, format_of
from .model import ElementCheck, Model
from .nodes import ancestors


def check_skins(model: Model) -> None:
    ctx = model.ctx
    for s, skin, pointer in model.enumerate("skins"):
        joints = skin.get("joints")
        roots: list[int] | None = None
        for j, joint in enumerate(joints or []):
            where = join(pointer, "joints", j)
            if joint is None or model.resolve("nodes", joint, where) is None:
                continue
            model.joints.add(joint)
            chain = ancestors(model, joint)
            # As Khronos does, an emptied set of roots starts over from the next joint.
            roots = [r for r in roots if r in chain] if roots else chain
        if joints is not None:
            model.skin_roots[s] = roots or []
            if not roots:
                ctx.add("SKIN_NO_COMMON_ROOT", join(pointer, "joints"))
        _link_inverse_bind_matrices(model, skin, pointer)
        skeleton = skin.get("skeleton")
        if model.resolve("nodes", skeleton, pointer, "skeleton") is not None \
                and skeleton not in (roots or []):
            ctx.add("SKIN_SKELETON_INVALID", join(pointer, "skeleton"))


def _link_inverse_bind_matrices(model: Model, skin: dict[str, Any], pointer: str) -> None:
    where = join(pointer, "inverseBindMatrices")
    index = skin.get("inverseBindMatrices")
    accessor = model.resolve("accessors", index, where)
    if index is None or accessor is None:
        return
    model.use_accessor(index, "IBM", where)
    view = model.get("bufferViews", accessor.get("bufferView"))
    if view is not None and view.get("byteStride") is not None:
        model.ctx.add("SKIN_IBM_ACCESSOR_WITH_BYTESTRIDE", where)
    fmt = format_of(accessor)
    if fmt != IBM_FORMAT:
        model.ctx.add("SKIN_IBM_INVALID_FORMAT", where, describe(fmt))
    else:
        model.checks.append(ElementCheck("ibm", index, where))
    joints, count = skin.get("joints"), accessor.get("count")
    if joints is not None and isinstance(count, int) and count < len(joints):
        model.ctx.add("INVALID_IBM_ACCESSOR_COUNT", where, len(joints), count)
