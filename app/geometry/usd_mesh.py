"""One UsdGeom.Mesh as glTF-ready arrays: triangles (n-gons fanned), and per-vertex positions,
normals, UVs and colours, all in numpy on the Vt arrays.

USD gives each attribute its own interpolation: `vertex` (one per point), `faceVarying` (one
per face corner), `uniform` (one per face) or `constant`. glTF has one: per vertex. A mesh whose
attributes are all per point or constant keeps its points as vertices; otherwise every face
corner becomes a vertex and identical corners are welded again (np.unique on a hash of their
bytes). An attribute whose length fits none of its interpolation is left out, as USD's
renderers do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from numpy.typing import NDArray
from pxr import Sdf, UsdGeom

from app.errors import CorruptFile

PER_POINT = frozenset({UsdGeom.Tokens.vertex, UsdGeom.Tokens.varying})
ST_PRIMVAR = "st"
_UV_TYPES = (Sdf.ValueTypeNames.TexCoord2f, Sdf.ValueTypeNames.TexCoord2d,
             Sdf.ValueTypeNames.TexCoord2h)
FloatArray = NDArray[np.float32]
IntArray = NDArray[np.int64]
Scalar = TypeVar("Scalar", np.float32, np.int64)
_FNV_OFFSET, _FNV_PRIME = np.uint64(0xCBF29CE484222325), np.uint64(0x100000001B3)


@dataclass
class MeshArrays:
    positions: FloatArray
    triangles: IntArray  # (n, 3) vertex indices, counter-clockwise
    triangle_faces: IntArray  # the USD face each triangle comes from (for GeomSubsets)
    normals: FloatArray | None = None
    uvs: FloatArray | None = None  # glTF's: V runs top to bottom
    colors: FloatArray | None = None


@dataclass(frozen=True)
class _Topology:
    points: FloatArray
    face_count: int
    corner_points: IntArray  # the point of each face corner
    face_of_corner: IntArray
    corners: IntArray  # (n, 3) corner indices of each triangle
    triangle_faces: IntArray


def read_mesh(mesh: UsdGeom.Mesh, *, with_colors: bool) -> MeshArrays | None:
    """The mesh's triangles and vertices; None when it has none; CorruptFile for a topology
    that points past its points. Colours (displayColor) are read when `with_colors`."""
    topology = _topology(mesh)
    if topology is None:
        return None
    attributes: dict[str, tuple[FloatArray, str]] = {}
    for name, found in (("normals", _normals(mesh)), ("uvs", _uvs(mesh)),
                        ("colors", _colors(mesh) if with_colors else None)):
        if found is not None and _fits(found, topology):
            attributes[name] = found
    if all(interpolation in PER_POINT or interpolation == UsdGeom.Tokens.constant
           for _, interpolation in attributes.values()):
        arrays = _per_point(topology, attributes)
    else:
        arrays = _per_corner(topology, attributes)
    if arrays.normals is not None:
        arrays.normals = _unit(arrays.normals)
    if arrays.uvs is not None:
        arrays.uvs = np.column_stack([arrays.uvs[:, 0], 1.0 - arrays.uvs[:, 1]])
    return arrays


def _topology(mesh: UsdGeom.Mesh) -> _Topology | None:
    where = mesh.GetPath()
    points = _array(mesh.GetPointsAttr().Get(), np.float32, 3)
    counts = _array(mesh.GetFaceVertexCountsAttr().Get(), np.int64, 1).reshape(-1)
    indices = _array(mesh.GetFaceVertexIndicesAttr().Get(), np.int64, 1).reshape(-1)
    if len(points) == 0 or len(counts) == 0:
        return None
    if (counts < 0).any() or int(counts.sum()) != len(indices):
        raise CorruptFile(f"the mesh {where} has {len(indices)} face vertex indices, but its "
                          f"faceVertexCounts add up to {int(counts.clip(0).sum())}")
    if len(indices) and (indices.min() < 0 or indices.max() >= len(points)):
        raise CorruptFile(f"the mesh {where} indexes past its {len(points)} points")
    if not np.isfinite(points).all():
        raise CorruptFile(f"the mesh {where} has points that are not finite numbers")
    starts = np.cumsum(counts) - counts
    fans = np.clip(counts - 2, 0, None)  # a face of n corners is n - 2 triangles
    if fans.sum() == 0:
        return None
    triangle_faces = np.repeat(np.arange(len(counts)), fans)
    first = starts[triangle_faces]
    step = np.arange(len(triangle_faces)) - np.repeat(np.cumsum(fans) - fans, fans) + 1
    corners = np.stack([first, first + step, first + step + 1], axis=1)
    if mesh.GetOrientationAttr().Get() == UsdGeom.Tokens.leftHanded:
        corners = corners[:, ::-1]  # glTF's front faces wind counter-clockwise
    return _Topology(points, len(counts), indices, np.repeat(np.arange(len(counts)), counts),
                     corners, triangle_faces)


def _array(value: object, dtype: type[Scalar], width: int) -> NDArray[Scalar]:
    if value is None:
        return np.zeros((0, width), dtype=dtype)
    return _copied(value, dtype).reshape(-1, width)


def _copied(value: object, dtype: type[Scalar]) -> NDArray[Scalar]:
    # np.array copies: a USDC's Vt arrays can map the file, which is removed after reading.
    return np.array(value, dtype=dtype)


def _normals(mesh: UsdGeom.Mesh) -> tuple[FloatArray, str] | None:
    # `primvars:normals`, where authored, wins over the `normals` attribute.
    primvar = UsdGeom.PrimvarsAPI(mesh).GetPrimvar("normals")
    if primvar and primvar.HasAuthoredValue():
        return _flattened(primvar, 3)
    values = mesh.GetNormalsAttr().Get()
    if values is None or len(values) == 0:
        return None
    return _copied(values, np.float32).reshape(-1, 3), mesh.GetNormalsInterpolation()


def _uvs(mesh: UsdGeom.Mesh) -> tuple[FloatArray, str] | None:
    primvars = UsdGeom.PrimvarsAPI(mesh)
    primvar: UsdGeom.Primvar | None = primvars.GetPrimvar(ST_PRIMVAR)
    if not (primvar and primvar.HasAuthoredValue()):
        # Exporters name the set otherwise (`UVMap`, `st0`): take the first texture
        # coordinates the mesh has.
        primvar = next((p for p in primvars.GetPrimvarsWithAuthoredValues()
                        if p.GetTypeName().scalarType in _UV_TYPES), None)
    return _flattened(primvar, 2) if primvar else None


def _colors(mesh: UsdGeom.Mesh) -> tuple[FloatArray, str] | None:
    primvar = mesh.GetDisplayColorPrimvar()
    return _flattened(primvar, 3) if primvar and primvar.HasAuthoredValue() else None


def _flattened(primvar: UsdGeom.Primvar, width: int) -> tuple[FloatArray, str] | None:
    values = primvar.ComputeFlattened()  # indexed primvars come out expanded
    if values is None or len(values) == 0:
        return None
    array = _copied(values, np.float32)
    if array.ndim != 2 or array.shape[1] != width:
        return None
    return array, primvar.GetInterpolation()


def _fits(found: tuple[FloatArray, str], topology: _Topology) -> bool:
    values, interpolation = found
    expected = {UsdGeom.Tokens.faceVarying: len(topology.corner_points),
                UsdGeom.Tokens.uniform: topology.face_count,
                UsdGeom.Tokens.constant: 1}.get(interpolation, len(topology.points))
    return len(values) >= expected and bool(np.isfinite(values).all())


def _per_point(topology: _Topology, attributes: dict[str, tuple[FloatArray, str]]
               ) -> MeshArrays:
    count = len(topology.points)
    columns = {name: _broadcast(values, count) if interpolation == UsdGeom.Tokens.constant
               else values[:count] for name, (values, interpolation) in attributes.items()}
    return MeshArrays(topology.points, topology.corner_points[topology.corners],
                      topology.triangle_faces, **columns)


def _per_corner(topology: _Topology, attributes: dict[str, tuple[FloatArray, str]]
                ) -> MeshArrays:
    corner_count = len(topology.corner_points)
    columns = {"positions": topology.points[topology.corner_points]}
    for name, (values, interpolation) in attributes.items():
        if interpolation == UsdGeom.Tokens.faceVarying:
            columns[name] = values[:corner_count]
        elif interpolation == UsdGeom.Tokens.uniform:
            columns[name] = values[topology.face_of_corner]
        elif interpolation == UsdGeom.Tokens.constant:
            columns[name] = _broadcast(values, corner_count)
        else:
            columns[name] = values[topology.corner_points]
    first, inverse = _weld(np.ascontiguousarray(np.hstack(list(columns.values()))))
    welded = {name: np.ascontiguousarray(values[first]) for name, values in columns.items()}
    return MeshArrays(triangles=inverse[topology.corners],
                      triangle_faces=topology.triangle_faces, **welded)


def _weld(rows: FloatArray) -> tuple[IntArray, IntArray]:
    """The first of each set of rows equal bit for bit, and each row's set.

    Rows are told apart by a 64-bit FNV-1a hash of their words, as np.unique sorts integers
    several times faster than raw bytes; a collision (checked) falls back to the bytes."""
    words = rows.view(np.uint32).astype(np.uint64)
    hashes = np.full(len(rows), _FNV_OFFSET, dtype=np.uint64)
    for column in words.T:
        hashes = (hashes ^ column) * _FNV_PRIME  # wraps modulo 2**64, as FNV means it to
    _, first, inverse = np.unique(hashes, return_index=True, return_inverse=True)
    if not np.array_equal(rows[first][inverse], rows):
        keys = rows.view(np.dtype((np.void, rows.dtype.itemsize * rows.shape[1]))).reshape(-1)
        _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    return first.astype(np.int64), inverse.reshape(-1).astype(np.int64)


def _broadcast(values: FloatArray, count: int) -> FloatArray:
    return np.ascontiguousarray(np.broadcast_to(values[0], (count, values.shape[1])))


def _unit(normals: FloatArray) -> FloatArray | None:
    """Normals scaled to unit length; None when one has no direction (glTF requires unit
    normals, and a viewer makes its own when there are none)."""
    lengths = np.linalg.norm(normals, axis=1, keepdims=True)
    if not (lengths > 1e-12).all():
        return None
    unit: FloatArray = (normals / lengths).astype(np.float32)
    return unit
