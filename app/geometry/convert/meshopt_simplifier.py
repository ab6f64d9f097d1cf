"""meshoptimizer's simplifier and vertex welder called on flat numpy arrays, C signatures declared.

The `meshoptimizer` wheel's own wrapper of `meshopt_simplifyWithAttributes` leaves the
signature undeclared, so ctypes cannot pass its float error (and would pass sizes as 32-bit
ints); this calls the same library through a handle of our own that declares it.
"""

from __future__ import annotations

import ctypes

import numpy as np
from meshoptimizer import _loader

SIMPLIFY_LOCK_BORDER = 1
MAX_VERTEX_BYTES = 256  # the most meshopt_generateVertexRemap compares per vertex
UNUSED = 0xFFFFFFFF  # its number for a vertex no index refers to
_FLOATS = ctypes.POINTER(ctypes.c_float)
_UINTS = ctypes.POINTER(ctypes.c_uint)
_library = ctypes.CDLL(_loader.lib_path)
_simplify = _library.meshopt_simplifyWithAttributes
_simplify.restype = ctypes.c_size_t
_simplify.argtypes = [
    _UINTS, _UINTS, ctypes.c_size_t,  # destination, indices, index count
    _FLOATS, ctypes.c_size_t, ctypes.c_size_t,  # positions, vertex count, stride
    _FLOATS, ctypes.c_size_t, _FLOATS, ctypes.c_size_t,  # attributes, stride, weights, count
    ctypes.POINTER(ctypes.c_ubyte),  # vertex lock (none)
    ctypes.c_size_t, ctypes.c_float, ctypes.c_uint,  # target index count, error, options
    _FLOATS,  # the error reached
]

_remap = _library.meshopt_generateVertexRemap
_remap.restype = ctypes.c_size_t
_remap.argtypes = [_UINTS, _UINTS, ctypes.c_size_t, ctypes.c_void_p, ctypes.c_size_t,
                   ctypes.c_size_t]


def identical_vertex_remap(indices: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Each vertex's number once byte-identical `rows` are merged, in first-use order;
    UNUSED for a vertex no index refers to. Rows are at most MAX_VERTEX_BYTES wide."""
    source = np.ascontiguousarray(indices, dtype=np.uint32)
    vertices = np.ascontiguousarray(rows, dtype=np.uint8)
    destination = np.empty(len(vertices), dtype=np.uint32)
    _remap(destination.ctypes.data_as(_UINTS), source.ctypes.data_as(_UINTS), len(source),
           vertices.ctypes.data, len(vertices), vertices.shape[1])
    return destination


def simplify_indices(indices: np.ndarray, positions: np.ndarray, attributes: np.ndarray,
                     weights: np.ndarray, target_index_count: int, target_error: float,
                     options: int) -> tuple[np.ndarray, float]:
    """The simplified index list (into the same vertices) and the relative error it reached.

    `attributes` holds one float row per vertex (it may have no columns), `weights` one
    weight per column.
    """
    source = np.ascontiguousarray(indices, dtype=np.uint32)
    points = np.ascontiguousarray(positions, dtype=np.float32)
    values = np.ascontiguousarray(attributes, dtype=np.float32).reshape(len(points), -1)
    factors = np.ascontiguousarray(weights, dtype=np.float32)
    destination = np.empty(len(source), dtype=np.uint32)
    reached = ctypes.c_float(0.0)
    columns = values.shape[1]
    count = _simplify(
        destination.ctypes.data_as(_UINTS), source.ctypes.data_as(_UINTS), len(source),
        points.ctypes.data_as(_FLOATS), len(points), points.shape[1] * 4,
        values.ctypes.data_as(_FLOATS) if columns else None, columns * 4,
        factors.ctypes.data_as(_FLOATS) if columns else None, columns,
        None, target_index_count, target_error, options, ctypes.byref(reached),
    )
    return destination[:count], float(reached.value)
