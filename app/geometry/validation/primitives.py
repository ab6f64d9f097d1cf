"""Linking one mesh primitive: its attribute, index and morph accessors, material and variants."""

from __future__ import annotations

from typing import Any

from .context import FLOAT, MODE_NAMES, UNSIGNED_INT, join
from .formats import INDEX_FORMATS, Format, attribute_formats, describe, format_of
from .layout import element_length, has_format
from .materials import material_facts
from .model import ElementCheck, Model, PrimitiveFacts

_MODE_MINIMUMS = {2: 2, 3: 2, 5: 3, 6: 3}


def link_primitive(model: Model, primitive: dict[str, Any], fact: PrimitiveFacts,
                   pointer: str) -> None:
    ctx = model.ctx
    quantized = "KHR_mesh_quantization" in ctx.extensions_loaded
    formats = attribute_formats(quantized, morph=False)
    for semantic, index in (primitive.get("attributes") or {}).items():
        where = join(pointer, "attributes", semantic)
        accessor = model.resolve("accessors", index, where)
        if accessor is None:
            continue
        fact.attributes[semantic] = index
        _link_vertex_accessor(model, index, accessor, semantic, where)
        _schedule_attribute_checks(model, index, accessor, semantic, formats, where)
        if fact.vertex_count is None:
            fact.vertex_count = accessor.get("count")
        elif fact.vertex_count != accessor.get("count"):
            ctx.add("MESH_PRIMITIVE_UNEQUAL_ACCESSOR_COUNT", where)
    count = fact.vertex_count
    indices = model.resolve("accessors", primitive.get("indices"), pointer, "indices")
    if indices is not None:
        count = indices.get("count")
        _link_indices(model, primitive["indices"], indices, fact, primitive.get("mode", 4),
                      join(pointer, "indices"))
    mode = primitive.get("mode", 4)
    if isinstance(count, int) and mode is not None and (
            (mode == 1 and count % 2) or (mode == 4 and count % 3)
            or count < _MODE_MINIMUMS.get(mode, 0)):
        ctx.add("MESH_PRIMITIVE_INCOMPATIBLE_MODE", pointer, count, MODE_NAMES[mode])
    material = model.resolve("materials", primitive.get("material"), pointer, "material")
    if material is not None:
        _link_material(model, primitive["material"], fact, join(pointer, "material"))
    _link_targets(model, primitive, fact, quantized, pointer)
    _link_variants(model, primitive, fact, pointer)


def _link_vertex_accessor(model: Model, index: int, accessor: dict[str, Any], semantic: str,
                          where: str) -> None:
    ctx = model.ctx
    model.use_accessor(index, "VertexAttribute", where)
    if semantic == "POSITION" and (accessor.get("min") is None or accessor.get("max") is None):
        ctx.add("MESH_PRIMITIVE_POSITION_ACCESSOR_WITHOUT_BOUNDS", where)
    offset = accessor.get("byteOffset", 0)
    view = model.get("bufferViews", accessor.get("bufferView"))
    length = element_length(accessor["componentType"], accessor["type"]) \
        if has_format(accessor) else 0
    strideless = view is not None and view.get("byteStride") is None
    if (isinstance(offset, int) and offset % 4) or (length % 4 and strideless):
        ctx.add("MESH_PRIMITIVE_ACCESSOR_UNALIGNED", where)
    if strideless:
        shared = model.strideless_views.setdefault(accessor["bufferView"], set())
        if index not in shared:
            shared.add(index)
            if len(shared) > 1:
                ctx.add("MESH_PRIMITIVE_ACCESSOR_WITHOUT_BYTESTRIDE", where)


def _schedule_attribute_checks(model: Model, index: int, accessor: dict[str, Any], semantic: str,
                               formats: dict[str, set[Format]], where: str) -> None:
    valid = formats.get(semantic.split("_")[0])
    if valid is None:
        if accessor.get("componentType") == UNSIGNED_INT:
            model.ctx.add("MESH_PRIMITIVE_ATTRIBUTES_ACCESSOR_UNSIGNED_INT", where)
        return
    fmt = format_of(accessor)
    if fmt not in valid:
        model.ctx.add("MESH_PRIMITIVE_ATTRIBUTES_ACCESSOR_INVALID_FORMAT", where, describe(fmt))
    elif semantic == "NORMAL":
        model.checks.append(ElementCheck("normal", index, where))
    elif semantic == "TANGENT":
        model.checks.append(ElementCheck("tangent", index, where))
    elif semantic == "COLOR_0" and accessor["componentType"] == FLOAT:
        model.checks.append(ElementCheck("clamped", index, where))


def _link_indices(model: Model, index: int, accessor: dict[str, Any], fact: PrimitiveFacts,
                  mode: int | None, where: str) -> None:
    model.use_accessor(index, "PrimitiveIndices", where)
    view = model.get("bufferViews", accessor.get("bufferView"))
    if view is not None and view.get("byteStride") is not None:
        model.ctx.add("MESH_PRIMITIVE_INDICES_ACCESSOR_WITH_BYTESTRIDE", where)
    fmt = format_of(accessor)
    if fmt not in INDEX_FORMATS:
        model.ctx.add("MESH_PRIMITIVE_INDICES_ACCESSOR_INVALID_FORMAT", where, describe(fmt))
        return
    last_vertex = fact.vertex_count - 1 if isinstance(fact.vertex_count, int) else -1
    model.checks.append(ElementCheck("indices", index, where, (last_vertex, mode)))


def _link_material(model: Model, material_index: int, fact: PrimitiveFacts, where: str) -> None:
    facts = material_facts(model, material_index)
    if facts.needs_tangent and not (fact.has_normal and fact.has_tangent):
        code = ("MESH_PRIMITIVE_GENERATED_TANGENT_SPACE" if facts.can_provide_tangent
                else "MESH_PRIMITIVE_NO_TANGENT_SPACE")
        model.ctx.add(code, where)
    check_texcoords(model, material_index, fact, where)


def check_texcoords(model: Model, material_index: int, fact: PrimitiveFacts, where: str) -> None:
    """Every texture the material samples needs its TEXCOORD_n on the primitive."""
    for info_pointer, texcoord in material_facts(model, material_index).texcoords:
        if texcoord + 1 > fact.texcoords:
            model.ctx.add("MESH_PRIMITIVE_TOO_FEW_TEXCOORDS", where, f"'{info_pointer}'",
                          texcoord)


def _link_targets(model: Model, primitive: dict[str, Any], fact: PrimitiveFacts, quantized: bool,
                  pointer: str) -> None:
    formats = attribute_formats(quantized, morph=True)
    for t, target in enumerate(primitive.get("targets") or []):
        for semantic, index in target.items():
            where = join(pointer, "targets", t, semantic)
            accessor = model.resolve("accessors", index, where)
            if accessor is None:
                continue
            base = model.get("accessors", fact.attributes.get(semantic))
            if base is None:
                model.ctx.add("MESH_PRIMITIVE_MORPH_TARGET_NO_BASE_ACCESSOR", where)
            elif base.get("count") != accessor.get("count"):
                model.ctx.add("MESH_PRIMITIVE_MORPH_TARGET_INVALID_ATTRIBUTE_COUNT", where)
            valid = formats.get(semantic.split("_")[0])
            if valid is not None and format_of(accessor) not in valid:
                model.ctx.add("MESH_PRIMITIVE_ATTRIBUTES_ACCESSOR_INVALID_FORMAT", where,
                              describe(format_of(accessor)))
            _link_vertex_accessor(model, index, accessor, semantic, where)


def _link_variants(model: Model, primitive: dict[str, Any], fact: PrimitiveFacts,
                   pointer: str) -> None:
    variants = primitive.get("extensions", {}).get("KHR_materials_variants")
    if not isinstance(variants, dict):
        return
    root = model.extensions.get("KHR_materials_variants")
    at = join(pointer, "extensions", "KHR_materials_variants", "mappings")
    seen: set[int] = set()
    for m, mapping in enumerate(variants.get("mappings") or []):
        where = join(at, m)
        if not isinstance(root, dict):
            model.ctx.add("UNSATISFIED_DEPENDENCY", where, "'/extensions/KHR_materials_variants'")
            continue
        declared = root.get("variants") or []
        for k, variant in enumerate(mapping.get("variants") or []):
            if variant is None:
                continue
            if variant in seen:
                model.ctx.add("KHR_MATERIALS_VARIANTS_NON_UNIQUE_VARIANT",
                              join(where, "variants", k))
            seen.add(variant)
            if not 0 <= variant < len(declared) or declared[variant] is None:
                model.ctx.add("UNRESOLVED_REFERENCE", join(where, "variants", k), variant)
        material = model.resolve("materials", mapping.get("material"), where, "material")
        if material is not None:
            check_texcoords(model, mapping["material"], fact, join(where, "material"))
