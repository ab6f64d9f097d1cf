"""Buffers, buffer views and accessors: their own rules and how they fit inside each other."""

from __future__ import annotations

from typing import Any

from .context import (
    COMPONENT_NAMES,
    COMPONENT_RANGES,
    COMPONENT_SIZES,
    ELEMENT_ARRAY_BUFFER,
    FLOAT,
    TYPE_WIDTHS,
    UNSIGNED_INT,
    is_int,
    join,
    show,
)
from .layout import element_length, has_format, natural_stride
from .model import INDEX, OTHER, VERTEX, Model
from .schema import Numbers, UInt, read_numbers, read_value
from .uris import read_uri


def check_buffers(model: Model) -> None:
    ctx = model.ctx
    for i, buffer, pointer in model.enumerate("buffers"):
        raw = model.asset.document["buffers"][i]
        _, data_uri = read_uri(ctx, raw, pointer)
        if data_uri is not None and data_uri.media_type.lower() not in (
                "application/octet-stream", "application/gltf-buffer"):
            ctx.add("BUFFER_DATA_URI_MIME_TYPE_INVALID", join(pointer, "uri"),
                    f"'{data_uri.media_type}'")
        declared = buffer.get("byteLength")
        if declared is None or i >= len(model.asset.buffers) or i in ctx.unloaded_buffers:
            continue
        actual = len(model.asset.buffers[i])
        if actual < declared:
            ctx.add("BUFFER_BYTE_LENGTH_MISMATCH", pointer, actual, declared)
        elif ctx.glb and i == 0 and "uri" not in raw and actual > declared + (-declared % 4):
            ctx.add("BUFFER_GLB_CHUNK_TOO_BIG", pointer, actual - declared - (-declared % 4))


def check_buffer_views(model: Model) -> None:
    ctx = model.ctx
    for i, view, pointer in model.enumerate("bufferViews"):
        stride, length = view.get("byteStride"), view.get("byteLength")
        if stride is not None:
            if length is not None and stride > length:
                ctx.add("BUFFER_VIEW_TOO_BIG_BYTE_STRIDE", join(pointer, "byteStride"),
                        stride, length)
            if stride % 4:
                ctx.add("VALUE_MULTIPLE_OF", join(pointer, "byteStride"), stride, 4)
            if view.get("target") == ELEMENT_ARRAY_BUFFER:
                ctx.add("BUFFER_VIEW_INVALID_BYTE_STRIDE", join(pointer, "byteStride"))
        if view.get("target") is not None:
            model.view_usage[i] = INDEX if view["target"] == ELEMENT_ARRAY_BUFFER else VERTEX
        buffer = model.resolve("buffers", view.get("buffer"), pointer, "buffer")
        capacity, offset = (buffer or {}).get("byteLength"), view.get("byteOffset", 0)
        if capacity is None or offset is None or length is None:
            continue
        if offset >= capacity:
            ctx.add("BUFFER_VIEW_TOO_LONG", join(pointer, "byteOffset"), view["buffer"], capacity)
        elif offset + length > capacity:
            ctx.add("BUFFER_VIEW_TOO_LONG", join(pointer, "byteLength"), view["buffer"], capacity)


def check_accessors(model: Model) -> None:
    for i, accessor, pointer in model.enumerate("accessors"):
        raw = model.asset.document["accessors"][i]
        _read_offset_and_bounds(model, accessor, raw, pointer)
        if accessor.get("normalized") and accessor.get("componentType") in (FLOAT, UNSIGNED_INT):
            model.ctx.add("ACCESSOR_NORMALIZED_INVALID", join(pointer, "normalized"))
        offset = accessor.get("byteOffset")
        if str(accessor.get("type")).startswith("MAT") and isinstance(offset, int) and offset % 4:
            model.ctx.add("ACCESSOR_MATRIX_ALIGNMENT", join(pointer, "byteOffset"))
        if has_format(accessor):
            _link_accessor(model, accessor, pointer)


def _read_offset_and_bounds(model: Model, accessor: dict[str, Any], raw: dict[str, Any],
                            pointer: str) -> None:
    """byteOffset only counts with a bufferView; min/max are read as the component type says."""
    ctx = model.ctx
    if "bufferView" not in accessor or accessor["bufferView"] is None:
        accessor.pop("byteOffset", None)
        if "byteOffset" in raw:
            ctx.add("UNSATISFIED_DEPENDENCY", join(pointer, "byteOffset"), "bufferView")
    elif "byteOffset" in raw:
        accessor["byteOffset"] = (None if raw["byteOffset"] is None
                                  else read_value(ctx, raw["byteOffset"], UInt(),
                                                  join(pointer, "byteOffset")))
    component_type, width = accessor.get("componentType"), TYPE_WIDTHS.get(accessor.get("type", ""))
    for name in ("min", "max"):
        accessor.pop(name, None)
        if name not in raw or width is None or component_type not in COMPONENT_SIZES:
            continue
        where, value = join(pointer, name), raw[name]
        if value is None:
            ctx.add("TYPE_MISMATCH", where, "null", "array")
        elif component_type == FLOAT:
            accessor[name] = read_numbers(ctx, value, Numbers(lengths=(width,)), where)
        else:
            accessor[name] = _read_int_bounds(model, value, component_type, width, where)


def _read_int_bounds(model: Model, value: object, component_type: int, width: int,
                     where: str) -> list[int] | None:
    ctx = model.ctx
    if not isinstance(value, list):
        ctx.add("TYPE_MISMATCH", where, show(value), "array")
        return None
    if len(value) != width:
        ctx.add("ARRAY_LENGTH_NOT_IN_LIST", where, len(value), [width])
        return None
    low, high = COMPONENT_RANGES[component_type]
    valid = True
    for item in value:
        if not is_int(item):
            ctx.add("ARRAY_TYPE_MISMATCH", where, show(item), "integer")
            valid = False
        elif not low <= int(item) <= high:
            ctx.add("INVALID_GL_VALUE", where, show(item), COMPONENT_NAMES[component_type])
            valid = False
    return [int(v) for v in value] if valid else None


def _link_accessor(model: Model, accessor: dict[str, Any], pointer: str) -> None:
    ctx = model.ctx
    component_type, kind, count = accessor["componentType"], accessor["type"], accessor["count"]
    size, length = COMPONENT_SIZES[component_type], element_length(component_type, kind)
    view = model.resolve("bufferViews", accessor.get("bufferView"), pointer, "bufferView")
    if view is not None:
        stride = view.get("byteStride")
        if stride is not None and stride < length:
            ctx.add("ACCESSOR_SMALL_BYTESTRIDE", pointer, stride, length)
        byte_length = (stride or natural_stride(component_type, kind)) * (count - 1) + length
        check_fit(model, accessor.get("byteOffset", 0), size, byte_length, accessor["bufferView"],
                  pointer)
    sparse = accessor.get("sparse")
    if not sparse or sparse.get("count") is None or not sparse.get("indices") \
            or not sparse.get("values"):
        return
    where = join(pointer, "sparse")
    if sparse["count"] > count:
        ctx.add("ACCESSOR_SPARSE_COUNT_OUT_OF_RANGE", join(where, "count"), sparse["count"], count)
    width = TYPE_WIDTHS[kind]
    indices_size = COMPONENT_SIZES.get(sparse["indices"].get("componentType"))
    for part, item_size in (("indices", indices_size), ("values", size * width)):
        info, at = sparse[part], join(where, part)
        target = model.resolve("bufferViews", info.get("bufferView"), at, "bufferView")
        if target is None:
            continue
        model.use_view(info["bufferView"], OTHER, join(at, "bufferView"))
        if target.get("byteStride") is not None:
            ctx.add("BUFFER_VIEW_INVALID_BYTE_STRIDE", join(at, "bufferView"))
        if item_size is not None:
            component = item_size if part == "indices" else size
            check_fit(model, info.get("byteOffset", 0), component, item_size * sparse["count"],
                      info["bufferView"], at)


def check_fit(model: Model, offset: int | None, component: int, byte_length: int,
              view_index: int, pointer: str) -> None:
    """Alignment and bounds of data at `offset` inside buffer view `view_index`."""
    ctx, view = model.ctx, model.get("bufferViews", view_index) or {}
    if offset is None:
        return
    if offset % component:
        ctx.add("ACCESSOR_OFFSET_ALIGNMENT", join(pointer, "byteOffset"), offset, component)
    view_offset, view_length = view.get("byteOffset", 0), view.get("byteLength")
    if view_offset is None or view_length is None:
        return
    if (view_offset + offset) % component:
        ctx.add("ACCESSOR_TOTAL_OFFSET_ALIGNMENT", pointer, view_offset + offset, component)
    if offset > view_length:
        ctx.add("ACCESSOR_TOO_LONG", join(pointer, "byteOffset"), offset, byte_length,
                view_index, view_length)
    elif offset + byte_length > view_length:
        ctx.add("ACCESSOR_TOO_LONG", pointer, offset, byte_length, view_index, view_length)
