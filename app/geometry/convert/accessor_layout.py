"""How one numpy array is stored as a glTF accessor: component type, bounds, padded rows."""

from __future__ import annotations

from typing import Any

import numpy as np

from app.geometry.convert.model import VERTEX_ROLES, Role
from app.geometry.convert.quantization import column_bounds

ARRAY_BUFFER = 34962
ELEMENT_ARRAY_BUFFER = 34963
COMPONENT_TYPES = {"f4": 5126, "u4": 5125, "u2": 5123, "u1": 5121, "i2": 5122, "i1": 5120}
ACCESSOR_TYPES = {1: "SCALAR", 2: "VEC2", 3: "VEC3", 4: "VEC4", 9: "MAT3", 16: "MAT4"}


def storable(values: np.ndarray, role: Role) -> np.ndarray:
    """`values` in a type glTF stores: 16 or 32-bit indices, 32-bit floats, small integers."""
    if role == "index":
        flat = values.reshape(-1)
        small = len(flat) == 0 or int(flat.max()) < 0xFFFF
        return flat.astype(np.uint16 if small else np.uint32, copy=False)
    if values.dtype.kind == "f":
        return values.astype(np.float32, copy=False)
    if values.dtype.str[1:] not in COMPONENT_TYPES:  # e.g. joint numbers an optimiser widened
        return values.astype(np.uint16)
    return values


def describe(values: np.ndarray, bounds: bool = True) -> dict[str, Any]:
    """The accessor fields of `values`, with exact bounds (validators compare them to the
    data) unless not `bounds` (a codec that states its own)."""
    width = 1 if values.ndim == 1 else values.shape[1]
    fields: dict[str, Any] = {
        "componentType": COMPONENT_TYPES[values.dtype.str[1:]],
        "count": len(values),
        "type": ACCESSOR_TYPES[width],
    }
    if bounds:
        low, high = column_bounds(values) if len(values) else ([0] * width, [0] * width)
        fields |= {"min": np.asarray(low).tolist(), "max": np.asarray(high).tolist()}
    return fields


def row_bytes(values: np.ndarray, role: Role) -> tuple[bytes, int]:
    """The bytes of `values`; vertex rows are padded to four bytes as glTF requires."""
    rows = np.ascontiguousarray(values).reshape(len(values), -1).view(np.uint8)
    stride = rows.shape[1]
    if role not in VERTEX_ROLES or stride % 4 == 0:
        return rows.tobytes(), stride
    padded = np.zeros((len(rows), stride + (-stride % 4)), dtype=np.uint8)
    padded[:, :stride] = rows
    return padded.tobytes(), padded.shape[1]


def view_target(role: Role) -> dict[str, Any]:
    """The bufferView `target` hint for data used as vertices or indices."""
    if role in VERTEX_ROLES:
        return {"target": ARRAY_BUFFER}
    if role == "index":
        return {"target": ELEMENT_ARRAY_BUFFER}
    return {}
