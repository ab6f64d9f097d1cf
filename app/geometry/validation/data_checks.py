"""Checks of accessor values, vectorised with numpy: bounds, finiteness, units, indices, times.

Khronos reports most of these once per bad value; we report once per accessor use, with the
count of bad values and where the first one is, which keeps reports short on large meshes.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from .context import (
    COMPONENT_RANGES,
    FLOAT,
    UNIT_TOLERANCE_VEC3,
    UNIT_TOLERANCE_VEC4,
    join,
)
from .layout import cached_raw, sparse_indices
from .model import ElementCheck, Model


def normalized(model: Model, index: int, values: np.ndarray) -> np.ndarray:
    """Values as a shader reads them: normalised integers scaled to [-1, 1] or [0, 1]."""
    accessor = model.get("accessors", index) or {}
    if accessor.get("componentType") == FLOAT:
        return values
    if not accessor.get("normalized"):
        return values.astype(np.float64)
    low, high = COMPONENT_RANGES[accessor["componentType"]]
    return np.maximum(values / float(high), -1.0) if low < 0 else values / float(high)


def check_accessor_values(model: Model) -> None:
    for i, accessor, pointer in model.enumerate("accessors"):
        if accessor.get("sparse"):
            _check_sparse_indices(model, accessor, join(pointer, "sparse"))
        values = cached_raw(model, i)
        if values is None or not values.size:
            continue
        if accessor["componentType"] == FLOAT:
            finite = np.isfinite(values.reshape(-1))
            if not finite.all():
                model.ctx.add("ACCESSOR_INVALID_FLOAT", pointer, int((~finite).sum()),
                              int(np.argmin(finite)))
        for name in ("min", "max"):
            if accessor.get(name) is not None:
                _check_bound(model, values, accessor, name, pointer)
    for check in model.checks:
        values = cached_raw(model, check.accessor)
        if values is not None and values.size:
            _ELEMENT_CHECKS[check.kind](model, check, values)


def _check_sparse_indices(model: Model, accessor: dict[str, Any], pointer: str) -> None:
    indices = sparse_indices(model, accessor, strict=False)
    if indices is None or not len(indices):
        return
    decreasing = np.flatnonzero(indices[1:] <= indices[:-1])
    if len(decreasing):
        model.ctx.add("ACCESSOR_SPARSE_INDICES_NON_INCREASING", pointer, int(decreasing[0]) + 1)
    outside = int((indices >= accessor["count"]).sum())
    if outside:
        model.ctx.add("ACCESSOR_SPARSE_INDEX_OOB", pointer, outside, accessor["count"])


def _check_bound(model: Model, values: np.ndarray, accessor: dict[str, Any], name: str,
                 pointer: str) -> None:
    """Declared min or max against the data; floats compare at single precision, as stored."""
    dtype = np.float32 if accessor["componentType"] == FLOAT else np.int64
    declared = np.array(accessor[name], dtype=dtype)
    # Column by column: numpy reduces a strided column far faster than along axis 0.
    reduce = np.min if name == "min" else np.max
    for c in range(values.shape[1]):
        column = values[:, c]
        actual = reduce(column)
        if actual == declared[c]:
            continue
        where = join(pointer, name, c)
        model.ctx.add(f"ACCESSOR_{name.upper()}_MISMATCH", where, declared[c].item(),
                      actual.item())
        outside = int(((column < declared[c]) if name == "min" else (column > declared[c])).sum())
        if outside:
            model.ctx.add(f"ACCESSOR_ELEMENT_OUT_OF_{name.upper()}_BOUND", where, outside,
                          declared[c].item())


def _unit_length_errors(vectors: np.ndarray, tolerance: float) -> NDArray[np.bool_]:
    squares = sum(vectors[:, k] * vectors[:, k] for k in range(vectors.shape[1]))
    errors: NDArray[np.bool_] = np.abs(np.sqrt(squares) - 1.0) > tolerance
    return errors


def _report_rows(model: Model, code: str, pointer: str, bad: np.ndarray) -> None:
    if bad.any():
        model.ctx.add(code, pointer, int(bad.sum()), int(np.argmax(bad)))


def _check_normal(model: Model, check: ElementCheck, values: np.ndarray) -> None:
    vectors = normalized(model, check.accessor, values)
    _report_rows(model, "ACCESSOR_VECTOR3_NON_UNIT", check.pointer,
                 _unit_length_errors(vectors[:, :3], UNIT_TOLERANCE_VEC3))


def _check_tangent(model: Model, check: ElementCheck, values: np.ndarray) -> None:
    vectors = normalized(model, check.accessor, values)
    _report_rows(model, "ACCESSOR_VECTOR3_NON_UNIT", check.pointer,
                 _unit_length_errors(vectors[:, :3], UNIT_TOLERANCE_VEC3))
    _report_rows(model, "ACCESSOR_INVALID_SIGN", check.pointer,
                 (vectors[:, 3] != 1.0) & (vectors[:, 3] != -1.0))


def _check_clamped(model: Model, check: ElementCheck, values: np.ndarray) -> None:
    flat = values.reshape(-1)
    _report_rows(model, "ACCESSOR_NON_CLAMPED", check.pointer, (flat < 0) | (flat > 1))


def _check_indices(model: Model, check: ElementCheck, values: np.ndarray) -> None:
    last_vertex, mode = check.options
    indices = values.reshape(-1)
    accessor = model.get("accessors", check.accessor) or {}
    largest = int(indices.max())  # one pass settles both checks for a valid index buffer
    if largest > last_vertex:
        beyond = indices > last_vertex
        model.ctx.add("ACCESSOR_INDEX_OOB", check.pointer, int(beyond.sum()), last_vertex,
                      int(np.argmax(beyond)))
    restart = COMPONENT_RANGES[accessor["componentType"]][1]
    if largest == restart:
        _report_rows(model, "ACCESSOR_INDEX_PRIMITIVE_RESTART", check.pointer, indices == restart)
    if mode == 4:
        triangles = indices[: len(indices) // 3 * 3].reshape(-1, 3)
        degenerate = int(((triangles[:, 0] == triangles[:, 1]) | (triangles[:, 1] ==
                          triangles[:, 2]) | (triangles[:, 2] == triangles[:, 0])).sum())
        if degenerate:
            model.ctx.add("ACCESSOR_INDEX_TRIANGLE_DEGENERATE", check.pointer, degenerate,
                          len(triangles))


def _check_animation_input(model: Model, check: ElementCheck, values: np.ndarray) -> None:
    times = values.reshape(-1).astype(np.float64)
    _report_rows(model, "ACCESSOR_ANIMATION_INPUT_NEGATIVE", check.pointer, times < 0)
    # Negative times are reported above and skipped, as Khronos compares each time with the
    # last non-negative one (0 before the first).
    kept = np.flatnonzero(times >= 0)
    previous = np.concatenate(([0.0], times[kept][:-1]))
    stalled = (times[kept] <= previous) & (kept != 0)
    if stalled.any():
        model.ctx.add("ACCESSOR_ANIMATION_INPUT_NON_INCREASING", check.pointer,
                      int(kept[np.argmax(stalled)]))


def _check_quaternion(model: Model, check: ElementCheck, values: np.ndarray) -> None:
    (cubic,) = check.options
    quaternions = normalized(model, check.accessor, values)
    if cubic:  # in-tangent, value, out-tangent: only the values must be unit quaternions
        quaternions = quaternions[1::3]
    _report_rows(model, "ACCESSOR_ANIMATION_SAMPLER_OUTPUT_NON_NORMALIZED_QUATERNION",
                 check.pointer, _unit_length_errors(quaternions, UNIT_TOLERANCE_VEC4))


def _check_inverse_bind_matrix(model: Model, check: ElementCheck, values: np.ndarray) -> None:
    last_row = values[:, [3, 7, 11, 15]]
    bad = (last_row != np.array([0, 0, 0, 1], dtype=values.dtype)).any(axis=1)
    if bad.any():
        model.ctx.add("ACCESSOR_INVALID_IBM", check.pointer, int(bad.sum()))


_ELEMENT_CHECKS = {
    "normal": _check_normal,
    "tangent": _check_tangent,
    "clamped": _check_clamped,
    "indices": _check_indices,
    "input": _check_animation_input,
    "quaternion": _check_quaternion,
    "ibm": _check_inverse_bind_matrix,
}
