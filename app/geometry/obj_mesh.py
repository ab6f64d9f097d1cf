"""OBJ (+MTL and textures) as a GLB: the flat arrays of `obj_parse` de-indexed into one
trimesh mesh per material, with the materials trimesh reads from the MTL, exported by trimesh.

OBJ indexes positions, UVs and normals separately; a glTF vertex is one (v, vt, vn) triplet,
so each distinct triplet a material's faces use becomes one vertex (np.unique on the triplet
packed into one integer). A mesh has UVs (normals) when every corner of its faces gives one.
Meshes are named as trimesh named them: by material when the MTL gives several, else by the
file's first object, else "geometry".
"""

from __future__ import annotations

from typing import Any, BinaryIO

import numpy as np
import trimesh
from numpy.typing import NDArray
from trimesh.exchange.obj import parse_mtl
from trimesh.visual.material import SimpleMaterial
from trimesh.visual.texture import TextureVisuals

from app.errors import AtelierError, CorruptFile, ErrorCode
from app.geometry.formats import SourceFormat
from app.geometry.mesh_formats import UploadResolver, drop_placeholder_texture, scene_to_glb
from app.geometry.obj_parse import MISSING, Corners, ObjData, ObjGroup, parse_obj
from app.geometry.resources import Resources

DEFAULT_NAME = "geometry"


def obj_to_glb(stream: BinaryIO, resources: Resources, max_triangles: int) -> bytes:
    """The GLB of an OBJ upload read from `stream`; raises CorruptFile, NO_GEOMETRY,
    LIMIT_EXCEEDED or what `resources` refused."""
    # The parsed arrays are gone once the scene is built, before the export needs its own.
    scene = _scene(parse_obj(stream, max_triangles), UploadResolver(resources))
    return scene_to_glb(scene, SourceFormat.OBJ)


def _scene(obj: ObjData, resolver: UploadResolver) -> trimesh.Scene:
    materials = _materials(obj.mtllib, resolver)
    if resolver.refusal is not None:
        raise resolver.refusal
    scene = trimesh.Scene()
    for group in reversed(obj.groups):  # trimesh's order: the last material's mesh first
        corners = np.concatenate(group.corners)
        group.corners.clear()  # the pieces go now, not with the parse
        mesh = _mesh(obj, corners, materials.get(group.material) if group.material else None)
        del corners
        name = trimesh.util.unique_name(_name(group, obj.object_name, materials), scene.geometry)
        drop_placeholder_texture(mesh)
        scene.add_geometry(mesh, geom_name=name, node_name=name)
    if not scene.geometry:
        if obj.face_lines:
            raise CorruptFile("the OBJ file declares faces, but none of them could be read")
        raise AtelierError("the OBJ file contains no triangles", code=ErrorCode.NO_GEOMETRY)
    return scene


def _materials(mtllib: str | None, resolver: UploadResolver) -> dict[str, SimpleMaterial]:
    """The MTL's materials as trimesh reads them; none when the file is missing or broken, as
    trimesh loaded an OBJ without them (the missing file is a warning of `Resources`)."""
    if mtllib is None:
        return {}
    try:
        parsed = parse_mtl(resolver.get(mtllib), resolver=resolver)  # type: ignore[no-untyped-call]
        return {name: SimpleMaterial(**values)  # type: ignore[no-untyped-call]
                for name, values in parsed.items()}
    except Exception:  # a broken MTL loads the model without its materials (a refused
        return {}  # file is kept by the resolver, for the caller to raise)


def _mesh(obj: ObjData, corners: Corners, material: SimpleMaterial | None) -> trimesh.Trimesh:
    has_uv = len(obj.uvs) > 0 and bool((corners[:, 1] != MISSING).all())
    has_normal = len(obj.normals) > 0 and bool((corners[:, 2] != MISSING).all())
    columns = [0] + [1] * has_uv + [2] * has_normal
    sizes = [len(obj.positions), len(obj.uvs), len(obj.normals)]
    for column in columns:
        _check_range(corners[:, column], sizes[column], ("v", "vt", "vn")[column])
    unique, faces = _unique_triplets(corners, columns, [sizes[c] for c in columns])
    vertex = dict(zip(columns, unique, strict=True))
    options: dict[str, Any] = {}
    if has_normal:
        options["vertex_normals"] = obj.normals[vertex[2]]
    uv = obj.uvs[vertex[1]] if has_uv else None
    if material is not None:
        options["visual"] = TextureVisuals(uv=uv, material=material)  # type: ignore[no-untyped-call]
    elif uv is not None:
        options["visual"] = TextureVisuals(uv=uv)  # type: ignore[no-untyped-call]
    elif obj.colors is not None:
        options["vertex_colors"] = obj.colors[vertex[0]]
    return trimesh.Trimesh(vertices=obj.positions[vertex[0]], faces=faces, process=False,
                           **options)


def _check_range(indices: NDArray[np.int32], size: int, keyword: str) -> None:
    if len(indices) and int(indices.max()) >= size:
        raise CorruptFile(f"a face of the OBJ file refers to `{keyword}` number "
                          f"{int(indices.max()) + 1}; the file has {size}")


def _unique_triplets(corners: Corners, columns: list[int], sizes: list[int]
                     ) -> tuple[list[NDArray[np.int64]], NDArray[np.int64]]:
    """Per used column, the index of each distinct corner, and the triangles over them; the
    distinct corners are in (v, vt, vn) order either way."""
    return _by_position(corners, columns, sizes[0]) or _by_packed_key(corners, columns, sizes)


def _by_position(corners: Corners, columns: list[int], positions: int
                 ) -> tuple[list[NDArray[np.int64]], NDArray[np.int64]] | None:
    """When each position always comes with the same vt and vn (most exporters write
    `f 7/7/7`), the distinct corners are the distinct positions: no sort is needed, and
    nothing larger than the corners is allocated. None when some position has two."""
    v = corners[:, 0]
    used = np.zeros(positions, np.bool_)
    used[v] = True
    parts = [np.flatnonzero(used)]
    for column in columns[1:]:
        partner = np.zeros(positions, np.int32)
        partner[v] = corners[:, column]  # the last corner of each position wins
        if not (partner[v] == corners[:, column]).all():
            return None
        parts.append(partner[parts[0]].astype(np.int64))
    remap = np.cumsum(used, dtype=np.int64) - 1
    return parts, remap[v].reshape(-1, 3)


def _by_packed_key(corners: Corners, columns: list[int], sizes: list[int]
                   ) -> tuple[list[NDArray[np.int64]], NDArray[np.int64]]:
    # The packed key is exact while the product of the sizes fits in int64; a file with that
    # many elements is far past the triangle cap, but the product is checked all the same.
    if np.prod([float(s) for s in sizes]) >= 2.0 ** 63:
        raise CorruptFile("the OBJ file has more vertices, UVs and normals than can be indexed")
    key = corners[:, columns[0]].astype(np.int64)
    for column, size in zip(columns[1:], sizes[1:], strict=True):
        key *= size
        key += corners[:, column]
    unique, inverse = np.unique(key, return_inverse=True)
    del key
    parts = []
    for size in reversed(sizes[1:]):
        parts.append(unique % size)
        unique //= size
    parts.append(unique)
    return parts[::-1], inverse.reshape(-1, 3)


def _name(group: ObjGroup, object_name: str | None, materials: dict[str, SimpleMaterial]
          ) -> str:
    if len(materials) > 1 and group.material is not None:
        return group.material
    return object_name or DEFAULT_NAME
