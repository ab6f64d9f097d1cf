"""OBJ (+MTL and textures) as a GLB: a plain OBJ written straight from its flat arrays, any
other through trimesh (`obj_trimesh`, imported only then).

A plain OBJ names no MTL, gives no `v` colours and so makes one mesh: its GLB is the document
trimesh exported for it (the same mesh and node name, trimesh's default material when it has
UVs, V flipped to glTF's direction, normals made unit length as trimesh's export does), laid
out by the converter's packer; it skips loading trimesh and building its objects, most of
an ingest's time after the parse.
"""

from __future__ import annotations

from typing import Any, BinaryIO

import numpy as np
from numpy.typing import NDArray

from app.geometry.convert.model import TRIANGLES, Model
from app.geometry.convert.packing import pack_model
from app.geometry.gltf_io import build_glb
from app.geometry.obj_parse import ObjData, parse_obj
from app.geometry.obj_vertices import obj_vertices
from app.geometry.resources import Resources

DEFAULT_NAME = "geometry"
GENERATOR = "Atelier OBJ import"
# trimesh's default material (a SimpleMaterial) as its export writes it.
DEFAULT_MATERIAL: dict[str, Any] = {
    "pbrMetallicRoughness": {"baseColorFactor": [0.4, 0.4, 0.4, 1.0],
                             "roughnessFactor": 0.9036020036098448},
    "doubleSided": False}
ZERO_LENGTH = 1e-13  # trimesh's threshold below which a normal is left as it is


def obj_to_glb(stream: BinaryIO, resources: Resources, max_triangles: int) -> bytes:
    """The GLB of an OBJ upload read from `stream`; raises CorruptFile, NO_GEOMETRY,
    LIMIT_EXCEEDED or what `resources` refused."""
    obj = parse_obj(stream, max_triangles)
    if is_plain(obj):
        return plain_glb(obj)
    from app.geometry.obj_trimesh import trimesh_obj_glb

    return trimesh_obj_glb(obj, resources)


def is_plain(obj: ObjData) -> bool:
    """Whether the OBJ makes one mesh with no material file and no vertex colours."""
    return (obj.mtllib is None and obj.colors is None and len(obj.groups) == 1
            and any(len(piece) for piece in obj.groups[0].corners))


def plain_glb(obj: ObjData) -> bytes:
    """The GLB of a plain OBJ (`is_plain`); it consumes the parse, whose arrays it empties."""
    group = obj.groups[0]
    corners = np.concatenate(group.corners)
    group.corners.clear()  # the pieces go now, not with the parse
    vertices = obj_vertices(obj, corners)
    del corners
    # The parse's arrays go too: the packing's copies of the vertices are the peak.
    obj.positions, obj.uvs, obj.normals = (np.zeros((0, width)) for width in (3, 2, 3))
    attributes: dict[str, NDArray[Any]] = {"POSITION": vertices.positions.astype(np.float32)}
    primitive: dict[str, Any] = {"attributes": attributes, "mode": TRIANGLES,
                                 "indices": vertices.triangles.reshape(-1).astype(np.uint32)}
    document: dict[str, Any] = {"asset": {"version": "2.0", "generator": GENERATOR}}
    if vertices.uvs is not None:
        attributes["TEXCOORD_0"] = np.column_stack(
            [vertices.uvs[:, 0], 1.0 - vertices.uvs[:, 1]]).astype(np.float32)
        primitive["material"] = 0
        document["materials"] = [DEFAULT_MATERIAL]
    if vertices.normals is not None:
        attributes["NORMAL"] = unit_vectors(vertices.normals).astype(np.float32)
    del vertices
    name = obj.object_name or DEFAULT_NAME
    document |= {"scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"name": name, "mesh": 0}],
                 "meshes": [{"name": name, "extras": {}, "primitives": [primitive]}]}
    packed = pack_model(Model(document, []))
    return build_glb(packed.document, packed.binary)


def unit_vectors(vectors: NDArray[np.float64]) -> NDArray[np.float64]:
    """Each row scaled to unit length, as trimesh's `unitize` does it (the same sums, so the
    same floats); a row of about zero length is scaled by its length instead, as there."""
    length = np.sqrt(np.dot(vectors * vectors, [1.0] * vectors.shape[1]))
    valid = length > ZERO_LENGTH
    length[valid] **= -1
    return np.asarray(vectors * length.reshape((-1, 1)), np.float64)
