"""Byte layout of accessors: element sizes, strides, and reading raw values with numpy.

Matrices of 1- and 2-byte components pad each column to 4 bytes (glTF 2.0 section 3.6.2.4),
so their elements are shorter than their strides. Values come back raw (not normalised),
with sparse substitution applied; anything that does not fit its buffer reads as None.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .context import COMPONENT_SIZES, TYPE_WIDTHS
from .model import Model

_DTYPES = {5120: "<i1", 5121: "<u1", 5122: "<i2", 5123: "<u2", 5125: "<u4", 5126: "<f4"}
_MATRIX_SIDES = {"MAT2": 2, "MAT3": 3, "MAT4": 4}


def column_stride(component_type: int, kind: str) -> int | None:
    """Bytes per matrix column when columns are padded, else None."""
    size, side = COMPONENT_SIZES[component_type], _MATRIX_SIDES.get(kind)
    if side is None or size * side % 4 == 0:
        return None
    return (size * side + 3) // 4 * 4


def element_length(component_type: int, kind: str) -> int:
    size, width = COMPONENT_SIZES[component_type], TYPE_WIDTHS[kind]
    column = column_stride(component_type, kind)
    if column is None:
        return size * width
    side = _MATRIX_SIDES[kind]
    return column * (side - 1) + size * side


def natural_stride(component_type: int, kind: str) -> int:
    column = column_stride(component_type, kind)
    if column is None:
        return COMPONENT_SIZES[component_type] * TYPE_WIDTHS[kind]
    return column * _MATRIX_SIDES[kind]


def has_format(accessor: dict[str, Any]) -> bool:
    """Whether componentType, type and count are all valid, so the accessor has a layout."""
    return (accessor.get("componentType") in COMPONENT_SIZES
            and accessor.get("type") in TYPE_WIDTHS and isinstance(accessor.get("count"), int))


def fits(offset: int | None, component_size: int, length: int, view: dict[str, Any]) -> bool:
    """Khronos's silent offset, alignment and length test of data inside a buffer view."""
    view_offset, view_length = view.get("byteOffset", 0), view.get("byteLength")
    if offset is None or view_offset is None or view_length is None:
        return False
    return (offset % component_size == 0 and (view_offset + offset) % component_size == 0
            and offset + length <= view_length)


def view_bytes(model: Model, view_index: int | None) -> tuple[dict[str, Any], bytes] | None:
    """A buffer view and the bytes of its buffer, when the buffer holds all the view declares."""
    view = model.get("bufferViews", view_index)
    if view is None:
        return None
    buffer_index = view.get("buffer")
    buffer = model.get("buffers", buffer_index)
    if buffer is None or not isinstance(buffer_index, int):
        return None
    if buffer_index >= len(model.asset.buffers) or buffer_index in model.ctx.unloaded_buffers:
        return None
    data = model.asset.buffers[buffer_index]
    declared = buffer.get("byteLength")
    if declared is None or len(data) < declared:
        return None
    return view, data


def read_raw(model: Model, index: int) -> np.ndarray | None:
    """Accessor `index` as raw values shaped (count, components), or None if unreadable."""
    accessor = model.get("accessors", index)
    if accessor is None or not has_format(accessor):
        return None
    component_type, kind, count = accessor["componentType"], accessor["type"], accessor["count"]
    dtype, width = np.dtype(_DTYPES[component_type]), TYPE_WIDTHS[kind]
    if "bufferView" in accessor:
        values = _read_dense(model, accessor, dtype, width)
    elif accessor.get("sparse"):
        values = np.zeros((count, width), dtype=dtype)
    else:
        return None
    if values is None or not accessor.get("sparse"):
        return values
    return _apply_sparse(model, accessor, values, dtype, width)


def _read_dense(model: Model, accessor: dict[str, Any], dtype: np.dtype,
                width: int) -> np.ndarray | None:
    found = view_bytes(model, accessor.get("bufferView"))
    if found is None:
        return None
    view, data = found
    component_type, kind, count = accessor["componentType"], accessor["type"], accessor["count"]
    length = element_length(component_type, kind)
    stride = view.get("byteStride") or natural_stride(component_type, kind)
    offset = accessor.get("byteOffset", 0)
    if stride < length or not fits(offset, dtype.itemsize, stride * (count - 1) + length, view):
        return None
    start = view.get("byteOffset", 0) + offset
    if start + stride * (count - 1) + length > len(data):
        return None
    column = column_stride(component_type, kind)
    side = _MATRIX_SIDES.get(kind, 1)
    shape = (count, side, width // side) if column else (count, 1, width)
    strides = (stride, column or 0, dtype.itemsize)
    raw = np.ndarray(shape, dtype=dtype, buffer=data, offset=start, strides=strides)
    return raw.reshape(count, width)


def _apply_sparse(model: Model, accessor: dict[str, Any], base: np.ndarray, dtype: np.dtype,
                  width: int) -> np.ndarray | None:
    indices = sparse_indices(model, accessor)
    sparse = accessor["sparse"]
    values_info = sparse.get("values") or {}
    found = view_bytes(model, values_info.get("bufferView"))
    if indices is None or found is None:
        return None
    view, data = found
    count = len(indices)
    offset = values_info.get("byteOffset", 0)
    if not fits(offset, dtype.itemsize, dtype.itemsize * width * count, view):
        return None
    start = view.get("byteOffset", 0) + offset
    values = np.frombuffer(data, dtype=dtype, count=count * width, offset=start)
    result = base.copy()
    inside = indices < len(result)
    result[indices[inside]] = values.reshape(count, width)[inside]
    return result


def sparse_indices(model: Model, accessor: dict[str, Any], *,
                   strict: bool = True) -> np.ndarray | None:
    """The sparse indices of an accessor, or None when they cannot be read.

    `strict` also requires them to fit their buffer view and the accessor, as substitution
    does; the checks of the indices themselves only need the bytes to exist.
    """
    sparse = accessor.get("sparse") or {}
    info, count = sparse.get("indices") or {}, sparse.get("count")
    component_type = info.get("componentType")
    found = view_bytes(model, info.get("bufferView"))
    if found is None or component_type not in (5121, 5123, 5125) or not isinstance(count, int):
        return None
    view, data = found
    dtype = np.dtype(_DTYPES[component_type])
    offset = info.get("byteOffset", 0)
    if offset is None or (strict and (
            count > accessor["count"] or not fits(offset, dtype.itemsize, dtype.itemsize * count,
                                                  view))):
        return None
    start = (view.get("byteOffset") or 0) + offset
    if start + dtype.itemsize * count > len(data):
        return None
    return np.frombuffer(data, dtype=dtype, count=count, offset=start)


def cached_raw(model: Model, index: int) -> np.ndarray | None:
    """`read_raw`, read once per validation run."""
    if index not in model.arrays:
        model.arrays[index] = read_raw(model, index)
    return model.arrays[index]
