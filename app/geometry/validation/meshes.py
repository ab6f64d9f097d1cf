"""Meshes and their primitives: attribute names, morph targets, and the accessors they use."""

from __future__ import annotations

import re
from typing import Any

from .context import Context, is_int, join, show
from .model import Model, PrimitiveFacts
from .primitives import link_primitive

_SEMANTIC_INDEX = re.compile(r"^(0|[1-9][0-9]*)$")
_INDEXED = ("COLOR", "JOINTS", "TEXCOORD", "WEIGHTS")


def check_meshes(model: Model) -> None:
    ctx = model.ctx
    for i, mesh, pointer in model.enumerate("meshes"):
        primitives = mesh.get("primitives")
        if not primitives:
            continue
        raw_primitives = model.asset.document["meshes"][i]["primitives"]
        facts: list[PrimitiveFacts] = []
        first_targets = 0
        for p, primitive in enumerate(primitives):
            where = join(pointer, "primitives", p)
            fact = _read_primitive(ctx, primitive, raw_primitives[p], where)
            facts.append(fact)
            count = len(primitive.get("targets") or [])
            if p == 0:
                first_targets = count
            elif count != first_targets:
                ctx.add("MESH_PRIMITIVES_UNEQUAL_TARGETS_COUNT",
                        join(where, "targets") if count else where)
        weights = mesh.get("weights")
        if weights is not None and len(weights) != first_targets:
            ctx.add("MESH_INVALID_WEIGHTS_COUNT", join(pointer, "weights"), len(weights),
                    first_targets)
        model.primitives[i] = facts
    for i, mesh, pointer in model.enumerate("meshes"):
        for p, primitive in enumerate(mesh.get("primitives") or []):
            link_primitive(model, primitive, model.primitives[i][p],
                           join(pointer, "primitives", p))


def _read_primitive(ctx: Context, primitive: dict[str, Any], raw: dict[str, Any],
                    pointer: str) -> PrimitiveFacts:
    fact = PrimitiveFacts()
    attributes = _read_attributes(ctx, raw, pointer)
    maxima: dict[str, int] = {}
    counts = dict.fromkeys(_INDEXED, 0)
    for semantic in attributes or {}:
        where = join(pointer, "attributes", semantic)
        if semantic.startswith("_"):
            continue
        if semantic in ("POSITION", "NORMAL", "TANGENT"):
            fact.has_normal |= semantic == "NORMAL"
            fact.has_tangent |= semantic == "TANGENT"
            continue
        name, _, number = semantic.partition("_")
        if name not in _INDEXED or "_" in number or not _SEMANTIC_INDEX.match(number):
            ctx.add("MESH_PRIMITIVE_INVALID_ATTRIBUTE", where)
            continue
        counts[name] += 1
        maxima[name] = max(maxima.get(name, -1), int(number))
    if attributes is not None:
        at = join(pointer, "attributes")
        if "POSITION" not in attributes:
            ctx.add("MESH_PRIMITIVE_NO_POSITION", at)
        if fact.has_tangent and not fact.has_normal:
            ctx.add("MESH_PRIMITIVE_TANGENT_WITHOUT_NORMAL", join(at, "TANGENT"))
        for name in _INDEXED:
            if maxima.get(name, -1) + 1 != counts[name]:
                ctx.add("MESH_PRIMITIVE_INDEXED_SEMANTIC_CONTINUITY", at, f"'{name}'",
                        maxima.get(name, -1) + 1, counts[name])
                counts[name] = 0
        if counts["JOINTS"] != counts["WEIGHTS"]:
            ctx.add("MESH_PRIMITIVE_JOINTS_WEIGHTS_MISMATCH", at, counts["JOINTS"],
                    counts["WEIGHTS"])
            counts["JOINTS"] = counts["WEIGHTS"] = 0
    fact.texcoords, fact.joints, fact.weights = (counts["TEXCOORD"], counts["JOINTS"],
                                                 counts["WEIGHTS"])
    primitive["attributes"] = attributes
    primitive["targets"] = _read_targets(ctx, raw, pointer)
    fact.targets = None if primitive["targets"] is None else len(primitive["targets"])
    return fact


def _read_attributes(ctx: Context, raw: dict[str, Any],
                     pointer: str) -> dict[str, int | None] | None:
    """The required object of semantic -> accessor index; invalid indices become None."""
    where = join(pointer, "attributes")
    if "attributes" not in raw:
        ctx.add("UNDEFINED_PROPERTY", pointer, "attributes")
        return None
    value = raw["attributes"]
    if not isinstance(value, dict):
        ctx.add("TYPE_MISMATCH", where, show(value), "object")
        return None
    if not value:
        ctx.add("EMPTY_ENTITY", where)
        return None
    return _indices_of(ctx, value, where)


def _indices_of(ctx: Context, mapping: dict[str, Any], where: str) -> dict[str, int | None]:
    result: dict[str, int | None] = {}
    for semantic, index in mapping.items():
        if is_int(index) and int(index) >= 0:
            result[semantic] = int(index)
        else:
            ctx.add("INVALID_INDEX", join(where, semantic))
            result[semantic] = None
    return result


def _read_targets(ctx: Context, raw: dict[str, Any],
                  pointer: str) -> list[dict[str, int | None]] | None:
    if "targets" not in raw:
        return None
    value, where = raw["targets"], join(pointer, "targets")
    if not isinstance(value, list):
        ctx.add("TYPE_MISMATCH", where, show(value), "array")
        return None
    if not value:
        ctx.add("EMPTY_ENTITY", where)
        return None
    targets, valid = [], True
    for t, target in enumerate(value):
        if not isinstance(target, dict):
            ctx.add("ARRAY_TYPE_MISMATCH", where, show(target), "object")
            valid = False
            continue
        if not target:
            ctx.add("EMPTY_ENTITY", join(where, t))
            valid = False
            continue
        for semantic in target:
            if not _is_morph_semantic(semantic):
                ctx.add("MESH_PRIMITIVE_INVALID_ATTRIBUTE", join(where, t, semantic))
        targets.append(_indices_of(ctx, target, join(where, t)))
    return targets if valid else None


def _is_morph_semantic(semantic: str) -> bool:
    if semantic.startswith("_") or semantic in ("POSITION", "NORMAL", "TANGENT"):
        return True
    name, _, number = semantic.partition("_")
    return name in ("COLOR", "TEXCOORD") and "_" not in number \
        and bool(_SEMANTIC_INDEX.match(number))
